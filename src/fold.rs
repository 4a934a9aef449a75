//! Folding of names and words for comparison: case, diacritics (Nausėda ->
//! nauseda), compatibility forms, dashes and apostrophes, whitespace. Everything
//! that asks "is this the same spelling, ignoring trivia?" goes through here.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lowercase, without diacritics, with every dash as `-`, every apostrophe as `'`
/// and runs of whitespace as one space.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // Fast path: nothing to decompose.
        let mut out = String::with_capacity(s.len());
        let mut space = false;
        for b in s.bytes() {
            let c = match b {
                b'`' => b'\'',
                c if c.is_ascii_whitespace() => {
                    space = !out.is_empty();
                    continue;
                }
                c => c.to_ascii_lowercase(),
            };
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c as char);
        }
        return out;
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{00ad}' => continue,
            '\u{2018}' | '\u{2019}' | '\u{02bc}' | '`' | '\u{00b4}' => '\'',
            // Letters NFKD does not decompose.
            'ł' | 'Ł' => 'l',
            'ø' | 'Ø' => 'o',
            'đ' | 'Đ' => 'd',
            'ß' => {
                out.push_str("ss");
                space = false;
                continue;
            }
            'ı' => 'i',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// [`fold`], then hyphens and full stops as spaces and spaces removed: the key under
/// which "Lee Jae-myung", "Lee Jae Myung" and "Lee Jaemyung" coincide, as do "U.S."
/// and "US".
pub fn squash(s: &str) -> String {
    if s.is_ascii() {
        return s.bytes().filter(u8::is_ascii_alphanumeric).map(|b| b.to_ascii_lowercase() as char).collect();
    }
    fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Whether a string has letters outside ASCII (so a diacritic-free alias is worth adding).
pub fn has_non_ascii_letters(s: &str) -> bool {
    s.chars().any(|c| !c.is_ascii() && c.is_alphabetic())
}

/// The string with diacritics removed but case and punctuation kept
/// ("Gitanas Nausėda" -> "Gitanas Nauseda").
pub fn strip_diacritics(s: &str) -> String {
    s.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'ł' => 'l',
            'Ł' => 'L',
            'ø' => 'o',
            'Ø' => 'O',
            'đ' => 'd',
            'Đ' => 'D',
            'ı' => 'i',
            c => c,
        })
        .collect::<String>()
        .nfc()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_diacritics_and_dash_styles() {
        assert_eq!(fold("Nausėda"), fold("NAUSEDA"));
        assert_eq!(fold("Wałęsa"), "walesa");
        assert_eq!(fold("Lee  Jae\u{2011}myung"), "lee jae-myung");
        assert_eq!(fold("Yoon\u{2019}s"), "yoon's");
        assert_eq!(fold(" Erdoğan "), "erdogan");
        assert_eq!(fold("  Lee\tJae  Myung "), "lee jae myung");
        assert_eq!(fold("O`Brien"), "o'brien");
    }

    #[test]
    fn squashing_joins_spacing_variants() {
        assert_eq!(squash("Lee Jae-myung"), squash("Lee Jaemyung"));
        assert_eq!(squash("Lee Jae Myung"), "leejaemyung");
        assert_eq!(squash("U.S."), squash("US"));
        assert_ne!(squash("Kim Min-seok"), squash("Kim Min-soo"));
    }

    #[test]
    fn diacritics_are_stripped_keeping_case() {
        assert_eq!(strip_diacritics("Gitanas Nausėda"), "Gitanas Nauseda");
        assert_eq!(strip_diacritics("Côte d'Ivoire"), "Cote d'Ivoire");
        assert!(has_non_ascii_letters("Nausėda") && !has_non_ascii_letters("U.S."));
    }
}
