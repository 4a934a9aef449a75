//! Dateline places, known only by their position: "GYEONGJU, Oct. 30 (Yonhap)
//! --", "Gyeongju (South Korea), Oct 30 (IANS)", "SEOUL:". A short capitalised
//! run at the start of a line (or right after an agency credit in parentheses),
//! followed by a comma and a month, or written in capitals and followed by a
//! colon or dash, is a place. Known places are left to the gazetteer.

use super::super::layout::LineKind;
use super::super::{TokRange, Work};
use super::add_discovered;
use crate::lexicon::class::{CALENDAR, NOT_NAME, ROLE_HEAD};
use crate::lexicon::level;
use crate::model::Kind;
use crate::tokens::{ALLCAPS, GLUE, LINE_START, TokKind};

/// Tokens from the start of a line's content within which a dateline is looked
/// for: a dateline with its credit ("GYEONGJU, Oct. 30 (Yonhap) --") takes about
/// a dozen, and a later capitalised run is prose, not a dateline.
const DATELINE_WINDOW: usize = 40;
/// The ")" of a "(Region)" after the place comes before this many tokens after
/// its "(": "Gyeongju (South Korea), Oct 30"; a longer aside is not a region.
const REGION_WINDOW: usize = 8;
/// A dateline place has at most four tokens ("NEW YORK", "Rio de Janeiro");
/// longer capitalised runs before a comma are something else.
const MAX_PLACE_TOKENS: usize = 4;

/// Marks the dateline places of the text (each line but headers and furniture).
pub(super) fn find(w: &mut Work) {
    for li in 0..w.lines.len() {
        let line = w.lines[li].clone();
        if matches!(line.kind, LineKind::Furniture | LineKind::Header) {
            continue;
        }
        let lim = line.tokens.end.min(line.content_from + DATELINE_WINDOW);
        let mut i = line.content_from;
        while i < lim {
            let t = w.toks[i];
            let at_line_start = t.has(LINE_START) || i == line.content_from;
            let after_credit = i > 0 && (w.is_punct(i - 1, ')') || w.is_punct(i - 1, '('));
            if !(t.is_cap() && (at_line_start || after_credit) && !w.is(i, NOT_NAME | CALENDAR)) {
                i += 1;
                continue;
            }
            let end = cap_run_end(w, i, lim);
            if is_dateline(w, TokRange::new(i, end), lim, at_line_start) {
                if end - i <= MAX_PLACE_TOKENS && w.gaz_starting(i).is_none() && !(i..end).any(|j| w.is(j, CALENDAR | ROLE_HEAD)) {
                    add_discovered(w, TokRange::new(i, end), Kind::Loc);
                }
                break;
            }
            i = end;
        }
    }
}

/// The end of the capitalised words from `i` (hyphen-joined parts included).
fn cap_run_end(w: &Work, i: usize, lim: usize) -> usize {
    let mut end = i + 1;
    while end < lim && (w.toks[end].is_cap() || (w.toks[end].kind == TokKind::Punct && w.toks.get(end + 1).is_some_and(|n| n.has(GLUE)))) {
        end += 1;
    }
    end
}

/// Whether the capitalised words `run` are followed the way a dateline place is:
/// an optional "(Region)", then ", Month" (at the line start or in capitals), or
/// a colon or dash after a place in capitals at the line start.
fn is_dateline(w: &Work, run: TokRange, lim: usize, at_line_start: bool) -> bool {
    let all_caps = run.iter().filter(|&k| w.toks[k].is_word()).all(|k| w.toks[k].has(ALLCAPS));
    let mut k = run.end;
    if w.is_punct(k, '(')
        && let Some(close) = (k + 1..lim.min(k + REGION_WINDOW)).find(|&j| w.is_punct(j, ')'))
    {
        k = close + 1;
    }
    let month_follows = w.is_punct(k, ',') && k + 1 < lim && w.is(k + 1, CALENDAR);
    // "WARNING:", "BREAKING NEWS:", "UPDATE —": English words in capitals are
    // an editorial mark, not a place.
    let english = run.iter().filter(|&k| w.toks[k].is_word()).all(|k| w.is_word(k, level::COMMON));
    let colon_follows = all_caps && !english && (w.is_punct(k, ':') || w.is_punct(k, '\u{2014}')) && at_line_start;
    (month_follows && (at_line_start || all_caps)) || colon_follows
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn finds_a_capitals_place_before_the_date() {
        assert_eq!(
            marks("VELMORA, Oct. 30 (Yonhap) -- Fishing boats returned to port."),
            "[[VELMORA|LOC]], Oct. 30 ({{Yonhap|ORG}}) -- Fishing boats returned to port."
        );
    }

    #[test]
    fn finds_a_place_with_its_region_in_parentheses() {
        assert_eq!(
            marks("Velmora (Karnataka), Oct 30 (IANS) Farmers gathered early."),
            "[[Velmora|LOC]] ({{Karnataka|LOC}}), Oct 30 ({{IANS|ORG}}) Farmers gathered early."
        );
    }

    #[test]
    fn english_words_in_capitals_are_no_place() {
        assert_eq!(marks("WARNING: graphic content."), "WARNING: graphic content.");
        assert_eq!(marks("BREAKING NEWS: markets fell."), "BREAKING NEWS: markets fell.");
    }

    #[test]
    fn finds_a_capitals_place_before_a_colon() {
        assert_eq!(marks("KASTRELL: Fishing boats returned to port."), "[[KASTRELL|LOC]]: Fishing boats returned to port.");
    }

    #[test]
    fn must_not_fire_on_a_month_or_a_title_or_later_in_the_line() {
        assert_eq!(marks("MONDAY: Fishing boats returned to port."), "MONDAY: Fishing boats returned to port.");
        assert_eq!(marks("Minister, Oct. 30 was a long day."), "Minister, Oct. 30 was a long day.");
        assert_eq!(marks("Boats left early and Velmora, Oct. 30 saw rain."), "Boats left early and Velmora, Oct. 30 saw rain.");
    }

    #[test]
    fn must_not_fire_on_a_title_case_place_before_a_colon() {
        assert_eq!(marks("Kastrell: Fishing boats returned to port."), "Kastrell: Fishing boats returned to port.");
    }
}
