//! Clustering keys: each entity's keys of every kind, hashed with its kind.

use super::*;

pub(super) fn key_hash(kind: Kind, kk: KeyKind, s: &str) -> u64 {
    let mut h = FxBuildHasher.build_hasher();
    h.write_u8(kind as u8);
    h.write_u8(kk as u8);
    h.write(s.as_bytes());
    h.finish()
}

/// The clustering keys of an entity's spellings (sorted by hash): the spelling
/// key, with and without Arabic articles, for all; the transliteration
/// skeleton of names of at least four consonant classes, and one-deletion keys
/// of acronyms; for people also word order, Korean romanization or consonant
/// skeleton, and one-deletion keys of long names (typos).
pub(super) fn keys_of<'a>(kind: Kind, forms: impl Iterator<Item = &'a str>) -> Vec<Key> {
    let mut out: Vec<Key> = Vec::new();
    let mut add = |kk: KeyKind, s: String| out.push(Key { h: key_hash(kind, kk, &s), kk, s });
    for form in forms {
        let multiword = form.split_whitespace().nth(1).is_some();
        let sk = spelling_key(form);
        add(KeyKind::Spelling, sk.clone());
        // Junk hundreds of letters long gets no transliteration keys.
        let short = form.len() <= MAX_TYPO_KEY_CHARS;
        // The spelling without Arabic articles is a spelling key too ("Bashar
        // al-Assad" / "Bashar Assad").
        if let Some(ak) = article_key(form).filter(|_| short) {
            add(KeyKind::Spelling, ak);
        }
        let kor = if kind == Kind::Person { korean_keys(form) } else { Vec::new() };
        // Korean names have their own keys; pinyin is one system, whose
        // syllables a consonant skeleton would only blur (Xianghao / Xiaoyong).
        let korean = !kor.is_empty() || (kind == Kind::Person && is_chinese_name(form));
        if !korean && short {
            let tk = translit_key(form);
            if tk.chars().count() >= MIN_TRANSLIT_CLASSES {
                add(KeyKind::Translit, tk);
            }
        }
        if kind != Kind::Person {
            // "NAOT" next to "NATO": acronyms one edit apart; and long names of
            // several words ("Islamic Revolutionary Guards Corps").
            let long = multiword && (12..=MAX_TYPO_KEY_CHARS).contains(&sk.chars().count());
            if (is_acronym(form) && form.len() >= 4) || long {
                for d in deletion_keys(&sk) {
                    add(KeyKind::Typo, d);
                }
            }
            continue;
        }
        if multiword {
            add(KeyKind::Order, order_key(form));
        }
        for k in kor {
            add(KeyKind::Korean, k);
        }
        if !korean && multiword {
            add(KeyKind::Skeleton, skeleton_key(form));
            if short {
                for k in translit_near_keys(form) {
                    add(KeyKind::TranslitNear, k);
                }
                for k in given_keys(form) {
                    add(KeyKind::Given, k);
                }
                if let Some(k) = middle_key(form) {
                    add(KeyKind::Middle, k);
                }
            }
            // Typo keys cost the square of the key's length: none for
            // junk hundreds of letters long.
            if (8..=MAX_TYPO_KEY_CHARS).contains(&sk.chars().count()) {
                for d in deletion_keys(&sk) {
                    add(KeyKind::Typo, d);
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The full forms of a name's given name, each with the rest of the name:
/// "Bob Gates" -> "robert|gates".
fn given_keys(form: &str) -> Vec<String> {
    let Some((given, rest)) = form.split_once(' ') else { return Vec::new() };
    let rest = spelling_key(rest);
    crate::nicknames::full_names(&fold(given)).iter().map(|n| format!("{n}|{rest}")).collect()
}

/// A Chinese name in pinyin, family name first or last ("Xi Jinping", "Xuezhen Tian").
fn is_chinese_name(form: &str) -> bool {
    let words: Vec<&str> = form.split_whitespace().collect();
    let pinyin = |ws: &[&str]| !ws.is_empty() && ws.iter().all(|w| crate::romanize::is_pinyin_word(w));
    match words.as_slice() {
        [first, rest @ ..] if crate::romanize::is_chinese_surname(first) && pinyin(rest) => true,
        [rest @ .., last] if crate::romanize::is_chinese_surname(last) && pinyin(rest) => true,
        _ => false,
    }
}

/// A name without its middle names: the first word, the last and a generational
/// suffix ("Ferdinand Romualdez Marcos Jr." and "Ferdinand Marcos Jr." ->
/// "ferdinandmarcosjr"). None when a middle word is an initial ("George W.
/// Bush" is not "George Bush") or a particle ("Mohammed bin Salman").
fn middle_key(form: &str) -> Option<String> {
    let words: Vec<&str> = form.split_whitespace().collect();
    let suffix = words.last().filter(|w| matches!(fold(w).trim_end_matches('.'), "jr" | "sr" | "ii" | "iii" | "iv"));
    let names = &words[..words.len() - usize::from(suffix.is_some())];
    if names.len() < 2 {
        return None;
    }
    let middle = &names[1..names.len() - 1];
    let full_word = |w: &&str| {
        let f = fold(w);
        f.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !f.ends_with('.') && !lexicon().is(&f, class::PARTICLE | class::CONNECTOR)
    };
    if !middle.iter().all(full_word) {
        return None;
    }
    let kept = [names[0], names[names.len() - 1]].into_iter().chain(suffix.copied());
    Some(kept.map(spelling_key).collect())
}

/// Whether an entity takes part in clustering.
pub(super) fn clustered(g: &CorpusEntity) -> bool {
    g.kind.is_some() && !g.forms.is_empty()
}

pub(super) fn entity_keys(g: &CorpusEntity) -> Vec<Key> {
    if clustered(g) { keys_of(g.kind.expect("clustered"), g.forms.keys()) } else { Vec::new() }
}

pub(super) fn hashes(keys: &[Key]) -> Vec<u64> {
    let mut v: Vec<u64> = keys.iter().map(|k| k.h).collect();
    v.dedup();
    v
}

/// Transliteration skeletons shorter than this join too many names.
const MIN_TRANSLIT_CLASSES: usize = 4;

/// A single word in capitals, of two to six letters ("NATO", "AFP").
pub(super) fn is_acronym(form: &str) -> bool {
    let n = form.chars().count();
    (2..=6).contains(&n) && form.chars().all(|c| c.is_uppercase())
}

/// The longest skeleton key given one-deletion typo keys, in characters (real
/// names' skeletons are a few dozen).
const MAX_TYPO_KEY_CHARS: usize = 128;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn middle_names_are_dropped_but_not_initials_or_particles() {
        assert_eq!(middle_key("Rodrigo Roa Duterte"), middle_key("Rodrigo Duterte"));
        assert_eq!(middle_key("Ferdinand Romualdez Marcos Jr."), middle_key("Ferdinand Marcos Jr."));
        assert_ne!(middle_key("Ferdinand Marcos Jr."), middle_key("Ferdinand Marcos"), "father and son");
        assert_eq!(middle_key("George W. Bush"), None);
        assert_eq!(middle_key("Mohammed bin Salman"), None);
    }

    #[test]
    fn chinese_names_are_told_apart() {
        assert!(is_chinese_name("Tang Xianghao"));
        assert!(is_chinese_name("Xuezhen Tian"));
        assert!(!is_chinese_name("Mohammed al-Hajri"));
        let keys = |f: &str| keys_of(Kind::Person, std::iter::once(f));
        assert!(keys("Tang Xianghao").iter().all(|k| k.kk != KeyKind::Translit));
    }
}
