//! The shapes of East Asian personal names in romanization, the strongest cue
//! for a person: Korean family name + given name, hyphenated, spaced or run
//! together ("Lee Jae-myung", "Kim Min Seok", "Park Jinwoo"), or the given name
//! first ("Seongrak Wi"); Chinese pinyin family name + given name ("Xi
//! Jinping", "Wang Yi"), or a hyphenated given name ("Tsai Ing-wen").

use super::super::Work;
use super::units::Unit;
use crate::lexicon::level;
use crate::romanize;
use crate::tokens::LOWER;

/// Each part of a hyphenated Chinese given name has at most six letters ("Ing",
/// "wen", "Kuang"); longer parts are not pinyin syllables.
const MAX_CHINESE_PART_LEN: usize = 6;

/// Whether the units are a Korean name: family name + given name (hyphenated,
/// spaced or run together), or the given name first ("Seongrak Wi").
pub(super) fn korean_shape(w: &Work, us: &[Unit]) -> bool {
    let parts = |u: &Unit| -> Vec<String> { u.tokens.iter().filter(|&k| w.toks[k].is_word()).map(|k| w.t(k).to_string()).collect() };
    let is_sur = |u: &Unit| u.is_one_token() && romanize::is_korean_surname(w.t(u.first()));
    let given_ok = |p: &[String]| match p.len() {
        1 => romanize::is_korean_given_word(&p[0]),
        2 => p.iter().all(|x| romanize::is_korean_syllable(x)),
        _ => false,
    };
    let two_syllables = |p: &[String]| match p.len() {
        1 => romanize::is_korean_given_word(&p[0]) && !romanize::is_korean_syllable(&p[0]),
        2 => p.iter().all(|x| romanize::is_korean_syllable(x)),
        _ => false,
    };
    match us {
        [a, b] => {
            let (pa, pb) = (parts(a), parts(b));
            if is_sur(a) && given_ok(&pb) && w.toks[b.first()].is_cap() {
                // A single-syllable given name must not be an English word ("Lee Young").
                return pb.len() == 2 || !w.is_word(b.first(), level::COMMON) || two_syllables(&pb);
            }
            is_sur(b) && two_syllables(&pa) && !w.is_word(a.first(), level::DICTIONARY)
        }
        [a, b, c] => {
            is_sur(a)
                && [b, c].iter().all(|u| u.is_one_token() && romanize::is_korean_syllable(w.t(u.first())) && w.toks[u.first()].is_cap())
                // "Kim Go Home": two everyday English words are not a given name.
                && !(w.is_word(b.first(), level::EVERYDAY) && w.is_word(c.first(), level::EVERYDAY))
        }
        _ => false,
    }
}

/// Whether the units are a Chinese name: pinyin family name + pinyin given name
/// ("Xi Jinping"), or an East Asian name with a hyphenated given name ("Tsai
/// Ing-wen").
pub(super) fn chinese_shape(w: &Work, us: &[Unit]) -> bool {
    let [a, b] = us else { return false };
    if !a.is_one_token() {
        return false;
    }
    if b.is_one_token() {
        return romanize::is_chinese_surname(w.t(a.first()))
            && romanize::is_pinyin_word(w.t(b.first()))
            && !w.is_word(b.first(), level::DICTIONARY);
    }
    // Cap-lower hyphenated given name of two short parts.
    let parts: Vec<usize> = b.tokens.iter().filter(|&k| w.toks[k].is_word()).collect();
    parts.len() == 2
        && w.toks[parts[1]].has(LOWER)
        && parts.iter().all(|&k| w.t(k).len() <= MAX_CHINESE_PART_LEN)
        && !w.is_word(a.first(), level::COMMON)
        && w.t(a.first()).len() <= MAX_CHINESE_PART_LEN
}

#[cfg(test)]
mod tests {
    use super::super::super::TokRange;
    use super::super::test_support::*;
    use super::super::units::units;
    use super::*;

    /// (Korean shape, Chinese shape) of the whole text as one run of words.
    fn shape(text: &str) -> (bool, bool) {
        with_work(text, |w| {
            let us = units(w, TokRange::new(0, w.toks.len()));
            (korean_shape(w, &us), chinese_shape(w, &us))
        })
    }

    #[test]
    fn finds_korean_names_in_every_spelling() {
        assert_eq!(shape("Lee Jae-myung"), (true, false));
        assert_eq!(shape("Kim Min Seok"), (true, false));
        assert_eq!(shape("Seongrak Wi"), (true, false));
    }

    #[test]
    fn finds_chinese_names() {
        assert!(shape("Xi Jinping").1);
        assert!(shape("Tsai Ing-wen").1);
    }

    #[test]
    fn must_not_fire_on_english_words_or_other_names() {
        assert_eq!(shape("Lee Young"), (false, false));
        assert_eq!(shape("Harbor View"), (false, false));
        assert_eq!(shape("Nadia Okonkwo"), (false, false));
        assert_eq!(shape("Kim Go Home"), (false, false));
    }
}
