//! VarCon's British/American spelling pairs (via the `varcon` crate), indexed
//! by word: which entry each word belongs to and which spelling systems it is
//! standard in. Words whose pairing depends on meaning (`house_style_homographs`
//! in `data/lexicon.toml`: the verb "check", a "draft") are left out.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lexicon::lexicon;

/// Which spelling systems a word is valid in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Systems {
    pub american: bool,
    pub british: bool,
}

pub(super) struct VarconIndex {
    /// word -> (entry id, systems it is a standard spelling in)
    pub by_word: HashMap<&'static str, Vec<(u32, Systems)>>,
    /// word -> systems it is standard in under any of its senses ("dialogue" is
    /// American in its main sense, though not for a computer "dialog box")
    pub valid: HashMap<&'static str, Systems>,
    /// entry id -> its variant words
    pub entries: Vec<Vec<&'static str>>,
}

pub(super) fn varcon() -> &'static VarconIndex {
    static V: OnceLock<VarconIndex> = OnceLock::new();
    V.get_or_init(|| {
        let homographs: std::collections::HashSet<&str> = lexicon().house_style_homographs.iter().map(String::as_str).collect();
        let mut by_word: HashMap<&'static str, Vec<(u32, Systems)>> = HashMap::new();
        let mut entries = Vec::new();
        for cluster in varcon::VARCON {
            for entry in cluster.entries {
                if entry.archaic {
                    continue;
                }
                let words: Vec<(&'static str, Systems)> = entry
                    .variants
                    .iter()
                    .filter(|v| v.word.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
                    .map(|v| {
                        let mut s = Systems::default();
                        for t in v.types {
                            let standard = matches!(t.tag, None | Some(varcon::Tag::Eq));
                            if !standard {
                                continue;
                            }
                            match t.category {
                                varcon::Category::American => s.american = true,
                                varcon::Category::BritishIse | varcon::Category::BritishIze => s.british = true,
                                _ => {}
                            }
                        }
                        (v.word, s)
                    })
                    .collect();
                if words.len() < 2 || words.iter().any(|(w, _)| homographs.contains(w)) {
                    continue;
                }
                let id = entries.len() as u32;
                entries.push(words.iter().map(|(w, _)| *w).collect());
                for (w, s) in words {
                    by_word.entry(w).or_default().push((id, s));
                }
            }
        }
        let mut valid: HashMap<&'static str, Systems> = HashMap::new();
        for (w, list) in &by_word {
            let v = valid.entry(w).or_default();
            for (_, s) in list {
                v.american |= s.american;
                v.british |= s.british;
            }
        }
        VarconIndex { by_word, valid, entries }
    })
}
