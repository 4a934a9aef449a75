//! The preferred form of a group: knowledge base, house style, corpus majority
//! (or a tie, and what broke it).

use super::*;
use crate::config::Acronyms;

pub(super) fn majority(forms: &crate::index::Forms) -> Option<&str> {
    forms.iter().max_by(|a, b| a.1.cmp(&b.1).then(a.0.len().cmp(&b.0.len())).then(b.0.cmp(a.0))).map(|(f, _)| f)
}

/// The preferred form of a group (forms sorted most used first).
pub(super) fn choose_preferred(forms: &[(String, u32)], kind: Kind, kb_name: Option<&str>, config: &Config) -> (String, PreferredBy) {
    if let Some(name) = kb_name {
        return (name.to_string(), PreferredBy::KnowledgeBase);
    }
    if kind == Kind::Person && config.korean_names != KoreanNames::Auto && forms.iter().any(|(f, _)| is_korean_name(f)) {
        let conforming: Vec<&(String, u32)> = forms.iter().filter(|(f, _)| korean_style(f) == Some(config.korean_names)).collect();
        if !conforming.is_empty() && conforming.len() < forms.len() {
            return (conforming[0].0.clone(), PreferredBy::HouseStyle);
        }
    }
    // Acronyms in capitals or title case ("NATO" / "Nato"), as byline.toml says.
    let style = match config.acronyms {
        Acronyms::Upper => Some(true),
        Acronyms::Title => Some(false),
        Acronyms::Majority => None,
    };
    if let Some(upper) = style
        && forms.iter().any(|(f, _)| is_acronym(f))
    {
        let conforming = forms.iter().find(|(f, _)| {
            let caps = !f.chars().any(char::is_lowercase);
            f.split_whitespace().nth(1).is_none() && caps == upper
        });
        if let Some((f, _)) = conforming.filter(|(f, _)| *f != forms[0].0) {
            return (f.clone(), PreferredBy::HouseStyle);
        }
    }
    (forms[0].0.clone(), PreferredBy::majority_of(forms, name_tie_break))
}

/// What made `a` come before `b`, two names used equally often, in the order of
/// the group's forms (more bytes first, then alphabetical: see `links::cluster`).
fn name_tie_break(a: &str, b: &str) -> TieBreak {
    if a.len() == b.len() {
        TieBreak::Alphabetical
    } else if a.chars().count() > b.chars().count() {
        TieBreak::Longer
    } else {
        TieBreak::NonAscii
    }
}

/// How a Korean name (family name first) writes its given name.
pub fn korean_style(form: &str) -> Option<KoreanNames> {
    let words: Vec<&str> = form.split_whitespace().collect();
    if words.len() < 2 || korean_keys(form).is_empty() || !crate::romanize::is_korean_surname(words[0]) {
        return None;
    }
    match words.len() {
        2 if words[1].contains('-') => {
            let (_, b) = words[1].split_once('-')?;
            b.chars().next().is_some_and(char::is_lowercase).then_some(KoreanNames::Hyphenated)
        }
        2 => Some(KoreanNames::Joined),
        3 => Some(KoreanNames::Spaced),
        _ => None,
    }
}
