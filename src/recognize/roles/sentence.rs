//! Sentences around a token: the evidence a claim is shown with, and the
//! window several patterns look in ("the subject of the sentence", "a country
//! named earlier in the sentence"). A sentence never crosses a line.

use super::super::{TokRange, Work};
use crate::model::Span;
use crate::recognize::work::NONE;

/// The byte range of the sentence around token `tok`.
pub(super) fn sentence_of(w: &Work, tok: usize) -> Span {
    let sentence = sentence_toks(w, tok);
    let line = &w.lines[w.line_of[tok] as usize];
    let start = w.toks[sentence.first].start as usize;
    let end = if sentence.end < line.tokens.end { w.toks[sentence.end - 1].end as usize } else { line.end };
    start..end.max(start)
}

/// The tokens of the sentence around `tok`.
pub(super) fn sentence_toks(w: &Work, tok: usize) -> TokRange {
    let line = &w.lines[w.line_of[tok] as usize];
    let (start, end) = (line.tokens.start, line.tokens.end);
    // The last sentence start in (start, tok], else the line's start.
    let s = match w.sent_start_before[tok] {
        _ if tok <= start => tok,
        p if p != NONE && p as usize > start => p as usize,
        _ => start,
    };
    let s = s.max(line.content_from.min(tok));
    // The first sentence start in [tok + 1, end), else the line's end.
    let e = match w.sent_start_after.get(tok + 1).copied() {
        _ if tok + 1 >= end => tok + 1,
        Some(n) if n != NONE && (n as usize) < end => n as usize,
        _ => end,
    };
    TokRange::new(s, e)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn a_claim_is_shown_with_its_sentence() {
        let c = claims("Floods hit Osaka on Monday. Mayor Hideo Tanaka ordered evacuations. Schools closed.");
        assert_eq!(c[0].sentence, "Mayor Hideo Tanaka ordered evacuations.");
        assert_eq!(c[0].evidence, "Mayor Hideo Tanaka");
    }

    #[test]
    fn a_sentence_ends_at_the_line() {
        let c = claims("Defense Minister Ahn Gyu-back spoke first\nThen he left.");
        assert_eq!(c[0].sentence, "Defense Minister Ahn Gyu-back spoke first");
    }
}
