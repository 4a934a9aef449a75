//! Unknown names in a stretch of plain capitalised words: the stretch is
//! trimmed ("During", "The" at a sentence start; months, weekdays, punctuation at
//! the edges), a single word goes to [`super::acronyms`] or waits for
//! coreference, and two or more words are classified ([`super::classify`]):
//! "Hanwha Ocean", "Ana Ruiz", "Gyeonggi Province". In a headline, a name inside
//! other words is still found ("Taps Kim Min-seok As ..."); a stretch that is
//! not a name as a whole ("Blinken Meets Acting") leaves its words to
//! coreference, which may know one of them as a person.

use std::ops::Range;

use super::super::{TokRange, Work};
use super::acronyms::single;
use super::classify::classify;
use super::shapes::{chinese_shape, korean_shape};
use super::units::{Unit, UnitKind};
use super::{Mode, add_discovered, leave_to_coref, ordinary_word};
use crate::lexicon::class::{CALENDAR, EVENT_HEAD, FUNC, GIVEN, NOT_NAME, ORG_HEAD};
use crate::lexicon::level;
use crate::model::Kind;
use crate::tokens::{DIGIT, LINE_START, SENT_START, TokKind};

/// Classifies a stretch of plain word units; returns the candidate made, if any.
pub(super) fn segment(w: &mut Work, us: &[Unit], mode: Mode) -> Option<usize> {
    let mut us: Vec<Unit> = us.to_vec();
    trim_leading_common_words(w, &mut us, mode);
    while us.first().is_some_and(|u| u.kind == UnitKind::Punct || w.is(u.first(), CALENDAR | NOT_NAME)) {
        us.remove(0);
    }
    while us.last().is_some_and(|u| u.kind == UnitKind::Punct || w.is(u.tokens.end - 1, CALENDAR | NOT_NAME)) {
        us.pop();
    }
    if us.is_empty() {
        return None;
    }
    let tokens = TokRange::new(us[0].first(), us[us.len() - 1].tokens.end);
    if us.len() == 1 && us[0].is_one_token() {
        // One word: acronyms now, the rest after coreference.
        return single(w, tokens.first, mode);
    }
    if us.len() == 1 || tokens.iter().any(|k| w.toks[k].has(DIGIT)) {
        // "F-16", "Shangri-La": not a name by itself.
        return None;
    }
    if mode == Mode::Known {
        return None;
    }
    let last_tok = tokens.end - 1;
    if w.is(last_tok, EVENT_HEAD) && !w.is(last_tok, ORG_HEAD) {
        return None;
    }
    if let Some(kind) = classify(w, &us, mode) {
        return add_discovered(w, tokens, kind);
    }
    // A headline's name inside other capitalised words: "Taps Kim Min-seok".
    if mode == Mode::Restricted
        && let Some(r) = name_subspan(w, &us)
    {
        let c = add_discovered(w, TokRange::new(us[r.start].first(), us[r.end - 1].tokens.end), Kind::Person);
        leave_words_to_coref(w, us[..r.start].iter().chain(&us[r.end..]), mode);
        return c;
    }
    // Not a name as a whole ("Blinken Meets Acting"): a word in it may still be a
    // known person's name.
    if mode != Mode::Known {
        leave_words_to_coref(w, us.iter(), mode);
    }
    None
}

/// Drops sentence-initial common words and a leading "The" ("During Talks",
/// "The Hanwha Group"); the common words wait for coreference.
fn trim_leading_common_words(w: &mut Work, us: &mut Vec<Unit>, mode: Mode) {
    while us.len() > 1 {
        let f = us[0].first();
        let t = w.toks[f];
        let common = w.is(f, FUNC) || (w.t(f).chars().count() > 1 && ordinary_word(w, f));
        let leading = t.has(SENT_START) || t.has(LINE_START) || w.is(f, FUNC);
        if !(us[0].is_word() && leading && common && us[0].is_one_token()) {
            break;
        }
        if !w.is(f, FUNC) && mode != Mode::Known {
            leave_to_coref(w, f, mode, true);
        }
        us.remove(0);
    }
}

/// Leaves the one-token units that could be names to coreference, as fallbacks.
fn leave_words_to_coref<'u>(w: &mut Work, us: impl Iterator<Item = &'u Unit>, mode: Mode) {
    for u in us {
        if u.is_one_token() && !w.is(u.first(), FUNC | CALENDAR | NOT_NAME) {
            leave_to_coref(w, u.first(), mode, true);
        }
    }
}

/// The longest stretch of two or three words inside `us` that has the shape of a
/// person's name (Korean, Chinese, or a known given name first): a unit range.
pub(super) fn name_subspan(w: &Work, us: &[Unit]) -> Option<Range<usize>> {
    for len in [3, 2] {
        for a in 0..us.len().saturating_sub(len - 1) {
            let sub = &us[a..a + len];
            if sub.iter().any(|u| !u.is_word()) {
                continue;
            }
            let given = w.is(sub[0].first(), GIVEN) && !w.is_word(sub[len - 1].first(), level::COMMON);
            if korean_shape(w, sub) || chinese_shape(w, sub) || (given && len == 2) {
                return Some(a..a + len);
            }
        }
    }
    None
}

/// Drops month and weekday words (and punctuation) at the edges of `r`.
pub(super) fn trim_calendar(w: &Work, r: TokRange) -> TokRange {
    let (mut f, mut e) = (r.first, r.end);
    while f < e && (w.is(f, CALENDAR | NOT_NAME) || w.toks[f].kind == TokKind::Punct) {
        f += 1;
    }
    while e > f && (w.is(e - 1, CALENDAR | NOT_NAME) || w.toks[e - 1].kind == TokKind::Punct) {
        e -= 1;
    }
    TokRange::new(f, e)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn finds_a_name_after_a_trimmed_sentence_start() {
        assert_eq!(marks("During Zentrix Motion talks, nothing changed."), "During [[Zentrix Motion|ORG]] talks, nothing changed.");
    }

    #[test]
    fn finds_a_name_inside_a_headline() {
        assert_eq!(
            marks("Zentrix Taps Kim Min-seok As Chief\n\nThe firm said so."),
            "Zentrix Taps [[Kim Min-seok|PERSON]] As Chief\n\nThe firm said so."
        );
    }

    #[test]
    fn leaves_single_words_to_coreference() {
        assert_eq!(pending("Later, Whitfield spoke."), ["Later", "Whitfield"]);
        // Words of a stretch that is not a name as a whole: fallbacks.
        assert_eq!(pending("The Weather Was Fine On Tuesday Morning."), ["Weather?", "Was?", "Fine?", "Morning?"]);
    }

    #[test]
    fn must_not_fire_on_events_or_model_numbers() {
        assert_eq!(marks("He spoke at the Harbour Dialogue in June."), "He spoke at the Harbour Dialogue in June.");
        assert_eq!(marks("Pilots flew the Hawk-200 jets."), "Pilots flew the Hawk-200 jets.");
    }

    #[test]
    fn must_not_keep_months_at_the_edges() {
        assert_eq!(marks("In January Nadia Quisby left."), "In January [[Nadia Quisby|PERSON]] left.");
    }
}
