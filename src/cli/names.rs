//! `byline names --format FORMAT [--out FILE] [DIR]`: the names Byline accepts
//! ([`crate::corpus::names`]) in another prose linter's own vocabulary format,
//! so that linter stops flagging real names while Byline keeps flagging the
//! inconsistent spellings (which are never in the list).
//!
//! | format   | file                                                     | content |
//! |----------|----------------------------------------------------------|---------|
//! | `vale`   | `<StylesPath>/config/vocabularies/<Vocab>/accept.txt`      | one regular expression per line: each name and name word, escaped |
//! | `harper` | Harper's user or workspace dictionary                    | one word per line |
//! | `cspell` | `cspell.json` (or merged into one)                       | `{"version": "0.2", "words": [...]}` |
//! | `typos`  | `_typos.toml`                                             | `[default.extend-words]`, each word mapped to itself ("always valid") |
//! | `ltex`   | VS Code `settings.json`                                  | `{"ltex.dictionary": {"en-US": [...]}}` |
//! | `plain`  | anything                                                 | one whole name per line |
//!
//! Checked against each tool's documentation; `tests/names/run.sh` runs typos
//! and cspell on a sample corpus before and after.

use std::io::Write;
use std::path::Path;

use clap::ValueEnum;

use crate::corpus::Corpus;
use crate::corpus::names::{AcceptedNames, accepted_names};

/// The vocabulary formats `byline names` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum NamesFormat {
    Vale,
    Harper,
    Cspell,
    Typos,
    Ltex,
    Plain,
}

pub(super) fn run(corpus: &Corpus, format: NamesFormat, out: Option<&Path>) -> Result<i32, String> {
    let text = render(&accepted_names(corpus), format);
    match out {
        Some(p) => {
            if let Some(parent) = p.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
            }
            std::fs::write(p, text).map_err(|e| format!("{}: {e}", p.display()))?;
        }
        None => std::io::stdout().lock().write_all(text.as_bytes()).map_err(super::io_error)?,
    }
    Ok(0)
}

/// The list in one format's file syntax.
fn render(n: &AcceptedNames, format: NamesFormat) -> String {
    let lines = |items: &[String]| items.iter().map(|w| format!("{w}\n")).collect::<String>();
    match format {
        NamesFormat::Plain => lines(&n.names),
        NamesFormat::Harper => lines(&n.words),
        NamesFormat::Vale => {
            // Whole names for Vale.Terms, words for Vale.Spelling; both are
            // regular expressions, matched case-sensitively.
            let mut all: Vec<String> = n.names.iter().chain(&n.words).map(|s| regex::escape(s)).collect();
            all.sort();
            all.dedup();
            lines(&all)
        }
        NamesFormat::Cspell => {
            let v = serde_json::json!({ "version": "0.2", "words": n.words });
            format!("{}\n", serde_json::to_string_pretty(&v).expect("strings serialise"))
        }
        NamesFormat::Ltex => {
            let v = serde_json::json!({ "ltex.dictionary": { "en-US": n.words } });
            format!("{}\n", serde_json::to_string_pretty(&v).expect("strings serialise"))
        }
        NamesFormat::Typos => {
            let mut t = toml_edit::DocumentMut::new();
            let mut words = toml_edit::Table::new();
            for w in &n.words {
                words.insert(w, toml_edit::value(w.as_str()));
            }
            let mut default = toml_edit::Table::new();
            default.insert("extend-words", toml_edit::Item::Table(words));
            default.set_implicit(true);
            t.insert("default", toml_edit::Item::Table(default));
            format!("# Names accepted by Byline (`byline names --format typos`): each word maps to itself.\n{t}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> AcceptedNames {
        AcceptedNames {
            names: vec!["Helen Tennant".into(), "U.S.".into(), "Wi Sung-lac".into()],
            words: vec!["Sung".into(), "Sung-lac".into(), "Tennant".into()],
        }
    }

    #[test]
    fn typos_maps_each_word_to_itself_under_default_extend_words() {
        let t = render(&sample(), NamesFormat::Typos);
        let v: toml::Table = toml::from_str(&t).unwrap();
        let words = v["default"]["extend-words"].as_table().unwrap();
        assert_eq!(words["Tennant"].as_str(), Some("Tennant"));
        assert_eq!(words["Sung-lac"].as_str(), Some("Sung-lac"));
        assert_eq!(words.len(), 3);
    }

    #[test]
    fn vale_escapes_names_as_regular_expressions() {
        let t = render(&sample(), NamesFormat::Vale);
        assert!(t.lines().any(|l| l == r"U\.S\."), "{t}");
        assert!(t.lines().any(|l| l == r"Wi Sung\-lac"), "{t}");
        assert!(t.lines().any(|l| l == "Tennant"), "{t}");
        for l in t.lines() {
            regex::Regex::new(l).unwrap();
        }
    }

    #[test]
    fn cspell_and_ltex_are_json_word_lists() {
        let c: serde_json::Value = serde_json::from_str(&render(&sample(), NamesFormat::Cspell)).unwrap();
        assert_eq!(c["version"], "0.2");
        assert_eq!(c["words"].as_array().unwrap().len(), 3);
        let l: serde_json::Value = serde_json::from_str(&render(&sample(), NamesFormat::Ltex)).unwrap();
        assert_eq!(l["ltex.dictionary"]["en-US"][2], "Tennant");
    }

    #[test]
    fn plain_lists_whole_names_and_harper_words() {
        assert_eq!(render(&sample(), NamesFormat::Plain), "Helen Tennant\nU.S.\nWi Sung-lac\n");
        assert_eq!(render(&sample(), NamesFormat::Harper), "Sung\nSung-lac\nTennant\n");
    }
}
