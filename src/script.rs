//! Words that copy-paste has corrupted: a Latin word with a Cyrillic or Greek
//! look-alike letter ("Сairo" with a Cyrillic С), an invisible character
//! inside it (zero-width space, soft hyphen, word joiner), or a dash that is not
//! a hyphen inside a hyphenated name ("Jae‑myung" with a non-breaking hyphen).
//! Such a word looks right and is found by no search.
//!
//! [`odd_words`] finds them in one text, in one linear pass (none at all in
//! ASCII text), each with its clean spelling. Look-alikes are mapped to Latin
//! through the Unicode confusables data (UTS #39, via `unicode-security`), and
//! only when the word is mostly Latin: a Russian word stays Russian.

use std::ops::Range;

/// A corrupted word: its byte range, its clean spelling and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OddWord {
    pub span: Range<usize>,
    pub clean: String,
    /// The first odd character and what it is ("a Cyrillic letter").
    pub odd: char,
    pub what: &'static str,
    /// A dash before a capital: an oddity only inside a person's name.
    pub joins_names: bool,
}

impl OddWord {
    /// "“С” (U+0421), a Cyrillic letter"
    pub fn describe(&self) -> String {
        let shown = if is_hidden(self.odd) { String::new() } else { format!("“{}” ", self.odd) };
        format!("{shown}(U+{:04X}), {}", self.odd as u32, self.what)
    }
}

/// Words longer than this are not names (junk is skipped, not cleaned).
const MAX_WORD_BYTES: usize = 96;

/// Invisible characters that copy-paste leaves inside words: zero-width space,
/// joiners, word joiner, soft hyphen (the tokenizer keeps them in the word).
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{00ad}')
}

/// [`is_invisible`], or a byte-order mark (which the tokenizer reads as a space).
fn is_hidden(c: char) -> bool {
    is_invisible(c) || c == '\u{feff}'
}

/// Dashes that are not the hyphen-minus a name is searched with.
fn is_odd_dash(c: char) -> bool {
    matches!(c, '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}')
}

fn script_of(c: char) -> Option<&'static str> {
    match c as u32 {
        0x0370..=0x03ff | 0x1f00..=0x1fff => Some("a Greek letter"),
        0x0400..=0x052f => Some("a Cyrillic letter"),
        _ => None,
    }
}

/// The Latin letter a Cyrillic or Greek letter is confusable with, if it is one.
fn latin_look_alike(c: char) -> Option<char> {
    script_of(c)?;
    let mut buf = [0; 4];
    let mut proto = unicode_security::skeleton(c.encode_utf8(&mut buf));
    let first = proto.next()?;
    if proto.next().is_some() || !first.is_ascii_alphabetic() {
        return None;
    }
    // The skeleton is case-folded toward lower case; keep the case of the original.
    Some(if c.is_uppercase() { first.to_ascii_uppercase() } else { first })
}

/// The corrupted words of a text, in text order.
pub fn odd_words(text: &str) -> Vec<OddWord> {
    let mut out = Vec::new();
    if text.is_ascii() {
        return out;
    }
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphabetic() || is_hidden(c) || is_odd_dash(c) || c == '-';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                check(text, s..i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        check(text, s..text.len(), &mut out);
    }
    out
}

fn check(text: &str, span: Range<usize>, out: &mut Vec<OddWord>) {
    let w = &text[span.clone()];
    if w.is_ascii() || w.len() > MAX_WORD_BYTES {
        return;
    }
    // Trim what is not a letter at either end.
    let lead = w.len() - w.trim_start_matches(|c: char| !c.is_alphabetic()).len();
    let trail = w.trim_end_matches(|c: char| !c.is_alphabetic()).len();
    if lead >= trail {
        return;
    }
    let span = span.start + lead..span.start + trail;
    let w = &text[span.clone()];
    let latin = w.chars().filter(|c| c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(c)).count();
    let other = w.chars().filter(|c| script_of(*c).is_some()).count();
    let mixed = latin > 0 && latin >= other;
    let chars: Vec<char> = w.chars().collect();
    let mut clean = String::with_capacity(w.len());
    let mut first: Option<(char, &'static str)> = None;
    let mut joins_names = false;
    for (k, &c) in chars.iter().enumerate() {
        if is_hidden(c) {
            first.get_or_insert((c, if c == '\u{00ad}' { "a soft hyphen" } else { "an invisible character" }));
            continue;
        }
        // The next visible character (a dash is odd only between letters).
        let after = chars[k + 1..].iter().find(|c| !is_hidden(**c));
        let letter_before = k > 0 && chars[k - 1].is_alphabetic();
        if is_odd_dash(c) && letter_before && after.is_some_and(|c| c.is_alphabetic()) {
            // Before a capital it may join two names ("Israel–Hamas"): only
            // inside a person's name is it a corrupted hyphen ("Jean–Noël").
            let lower_after = after.is_some_and(|c| c.is_lowercase());
            first.get_or_insert((c, "a dash that is not a hyphen"));
            joins_names |= !lower_after;
            clean.push('-');
            continue;
        }
        if mixed && let Some(l) = latin_look_alike(c) {
            first.get_or_insert((c, script_of(c).unwrap_or("a letter of another script")));
            clean.push(l);
            continue;
        }
        clean.push(c);
    }
    if let Some((odd, what)) = first {
        out.push(OddWord { span, clean, odd, what, joins_names });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(text: &str) -> Vec<(String, String)> {
        odd_words(text).into_iter().map(|o| (text[o.span].to_string(), o.clean)).collect()
    }

    #[test]
    fn look_alike_letters_in_latin_words() {
        assert_eq!(cleaned("Talks in \u{421}airo ended."), vec![("\u{421}airo".into(), "Cairo".into())]);
        assert_eq!(
            cleaned("Tehr\u{430}n and Ky\u{456}v"),
            vec![("Tehr\u{430}n".into(), "Tehran".into()), ("Ky\u{456}v".into(), "Kyiv".into())]
        );
        assert_eq!(cleaned("the N\u{391}TO summit"), vec![("N\u{391}TO".into(), "NATO".into())]);
    }

    #[test]
    fn invisible_characters_and_odd_dashes() {
        assert_eq!(cleaned("Khar\u{200b}kiv was hit"), vec![("Khar\u{200b}kiv".into(), "Kharkiv".into())]);
        assert_eq!(cleaned("Zelen\u{ad}sky said"), vec![("Zelen\u{ad}sky".into(), "Zelensky".into())]);
        assert_eq!(cleaned("Lee Jae\u{2011}myung met"), vec![("Jae\u{2011}myung".into(), "Jae-myung".into())]);
    }

    #[test]
    fn clean_text_has_no_odd_words() {
        assert!(cleaned("Москва и Киев").is_empty(), "Cyrillic words stay Cyrillic");
        assert!(cleaned("Nausėda, Erdoğan, Mélenchon, Wałęsa").is_empty(), "diacritics are Latin");
        assert!(cleaned("2023\u{2013}24, pages 3\u{2013}5").is_empty(), "en dashes between numbers");
        let w = odd_words("the Israel\u{2013}Hamas war and Jean\u{2013}Noël Barrot");
        assert!(w.iter().all(|o| o.joins_names), "a dash before a capital is an oddity only in a person's name");
        assert!(cleaned("β-blockers and the μ-opioid receptor").is_empty());
        assert!(cleaned("plain ASCII text").is_empty());
        assert!(cleaned("a dash \u{2013} between words").is_empty());
    }
}
