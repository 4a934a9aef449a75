//! Sentences around a token: the evidence a claim is shown with, and the
//! window several patterns look in ("the subject of the sentence", "a country
//! named earlier in the sentence"). A sentence never crosses a line.

use super::super::{TokRange, Work};
use crate::model::Span;
use crate::tokens::SENT_START;

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
    let mut s = tok;
    while s > line.tokens.start && !w.toks[s].has(SENT_START) {
        s -= 1;
    }
    let s = s.max(line.content_from.min(tok));
    let mut e = tok + 1;
    while e < line.tokens.end && !w.toks[e].has(SENT_START) {
        e += 1;
    }
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
