//! Which Korea a Korean name with no affiliation written next to it belongs
//! to: the nearest signal before it in the paragraph — "Pyongyang", "KCNA",
//! "North Korea(n)" against "Seoul", "Yonhap", "South Korea(n)"
//! (`[country_signals]` in `data/lexicon.toml`) — else South Korea, unless the
//! article is overwhelmingly about the North.
//!
//! - "SEOUL -- Defense Minister Ahn Gyu-back visited the border" → South Korea;
//! - "Pyongyang's state media said Premier Pak Thae-song inspected a farm" →
//!   North Korea.

use super::super::Work;
use crate::lexicon::lexicon;

/// The two countries a Korean name may belong to.
const NORTH_KOREA: &str = "North Korea";
const SOUTH_KOREA: &str = "South Korea";

/// How far back in the paragraph a Korea signal is looked for: about a long
/// paragraph (a one-line document is not searched to its start).
const SIGNAL_WINDOW: usize = 300;
/// With no signal nearby, North Korea only when its signals outnumber the
/// South's this many times over: most Korean names in the news are South Korean.
const NORTH_MAJORITY: usize = 2;

/// South or North Korea for a Korean name at token `first`: by the nearest
/// signal before it in the paragraph; with none, North Korea only if the article
/// is overwhelmingly about it. `counts` keeps the article's counts of North and
/// South signals once they are made.
pub(super) fn korean_side(w: &Work, first: usize, counts: &std::cell::OnceCell<(usize, usize)>) -> &'static str {
    let north = Signals::of(NORTH_KOREA);
    let south = Signals::of(SOUTH_KOREA);
    let line = w.lines[w.line_of[first] as usize].tokens.clone();
    for k in (line.start.max(first.saturating_sub(SIGNAL_WINDOW))..first).rev() {
        let t = w.t(k);
        if north.at(w, k, t) {
            return NORTH_KOREA;
        }
        if south.at(w, k, t) {
            return SOUTH_KOREA;
        }
    }
    let &(n, s) = counts.get_or_init(|| {
        let (mut n, mut s) = (0usize, 0usize);
        for k in 0..w.toks.len() {
            let t = w.t(k);
            if north.at(w, k, t) {
                n += 1;
            } else if south.at(w, k, t) {
                s += 1;
            }
        }
        (n, s)
    });
    if n > NORTH_MAJORITY * s { NORTH_KOREA } else { SOUTH_KOREA }
}

/// What says a text is about a country: its signal words (`[country_signals]`,
/// "Pyongyang", "KCNA") or its two-word name written out, the second word as a
/// prefix ("North Korea", "North Korean").
struct Signals<'a> {
    words: &'a [String],
    name: Option<(&'a str, &'a str)>,
}

impl<'a> Signals<'a> {
    fn of(country: &'a str) -> Signals<'a> {
        let words = lexicon().roles.country_signals.get(country).map_or(&[][..], Vec::as_slice);
        Signals { words, name: country.split_once(' ') }
    }

    /// Whether token `k`, with text `t`, is one of the signals (exact spelling).
    #[inline]
    fn at(&self, w: &Work, k: usize, t: &str) -> bool {
        self.words.iter().any(|s| s == t)
            || self.name.is_some_and(|(head, rest)| t == head && k + 1 < w.toks.len() && w.t(k + 1).starts_with(rest))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn a_korean_name_by_the_nearest_signal() {
        assert_eq!(
            inferred("SEOUL -- Defense Minister Ahn Gyu-back visited the border on Monday.", "capitalised-title", "Ahn Gyu-back")
                .as_deref(),
            Some("South Korea")
        );
        assert_eq!(
            inferred("Pyongyang's state media said Premier Pak Thae-song inspected a farm.", "capitalised-title", "Pak Thae-song")
                .as_deref(),
            Some("North Korea")
        );
        // The nearest signal wins over the count: "Seoul" is nearest.
        let t =
            "Kim Jong Un's regime tested missiles. North Korea and North Korea and Pyongyang. Seoul. The general, Pak Jong-chon, watched.";
        assert_eq!(inferred(t, "title-before-comma", "Pak Jong-chon").as_deref(), Some("South Korea"));
    }

    #[test]
    fn a_korean_name_with_no_signal_before_it_is_south_korean_unless_the_article_is_about_the_north() {
        assert_eq!(
            inferred("Defense Minister Ahn Gyu-back said the North fired a missile.", "capitalised-title", "Ahn Gyu-back").as_deref(),
            Some("South Korea")
        );
        let t = "Foreign Minister Choe Son-hui spoke on Monday. Pyongyang said KCNA would report it. North Korea agreed.";
        assert_eq!(inferred(t, "capitalised-title", "Choe Son-hui").as_deref(), Some("North Korea"));
    }
}
