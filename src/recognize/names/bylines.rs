//! Reporters on byline lines: "By Chae Yun-hwan", "By Laura Whitfield and Sam
//! Okoro", "By Miguel Santos - Reporter". Every name between the separators
//! (`byline_separators` in `data/lexicon.toml`, and punctuation) is a person
//! marked as a byline, whatever its shape; a stretch of titles only ("Staff
//! Writer") is not a name.

use super::super::layout::LineKind;
use super::super::{Cand, Key, TokRange, Work, name_key};
use crate::lexicon::class::{BYLINE_SEPARATOR, ROLE_HEAD, ROLE_MOD};
use crate::model::{Kind, Origin};
use crate::tokens::GLUE;

/// Marks the names of every byline line.
pub(super) fn find(w: &mut Work) {
    for li in 0..w.lines.len() {
        if w.lines[li].kind != LineKind::Byline {
            continue;
        }
        let r = w.lines[li].tokens.clone();
        let mut start: Option<usize> = None;
        let mut named = false;
        for k in r.start..=r.end {
            if is_separator(w, k, r.end) {
                if let Some(f) = start.take() {
                    // "By Ananya Rathore, New Delhi": a known place after a name is
                    // where the reporter files from.
                    if named && w.is_punct(f - 1, ',') && add_place(w, f, k) {
                        continue;
                    }
                    named |= add_reporter(w, f, k);
                }
            } else if start.is_none() {
                start = Some(k);
            }
        }
    }
}

/// Whether token `k` ends a name on a byline line ending at `line_end`: the end
/// of the line, a separator word, or punctuation other than a hyphen inside a
/// name ("Chae Yun-hwan"; a spaced dash before a title, "Miguel Santos - Reporter",
/// does separate).
fn is_separator(w: &Work, k: usize, line_end: usize) -> bool {
    let glued_hyphen = w.is_punct(k, '-') && k + 1 < line_end && w.toks[k + 1].has(GLUE);
    k == line_end || !w.toks[k].is_word() && !glued_hyphen || w.is(k, BYLINE_SEPARATOR)
}

/// Adds the known place spelled by exactly the words `first..end` (trailing
/// punctuation dropped), if it is one.
fn add_place(w: &mut Work, first: usize, mut end: usize) -> bool {
    while end > first && !w.toks[end - 1].is_word() {
        end -= 1;
    }
    let Some(g) = w.gaz_starting(first).filter(|g| g.tokens.end == end) else { return false };
    let entry = w.kb.entry(g.hit.entry);
    if entry.kind != Kind::Loc {
        return false;
    }
    let origin = if entry.is_user() { Origin::KnowledgeBase } else { Origin::Gazetteer };
    w.add(Cand { tokens: g.tokens, kind: Kind::Loc, key: Key::Kb(g.hit.entry), origin, refers_to: None, byline: false }).is_some()
}

/// Adds the reporter on tokens `first..end` (trailing punctuation dropped),
/// unless it is only titles ("Reporter", "Staff Writer"); whether one was added.
fn add_reporter(w: &mut Work, first: usize, mut end: usize) -> bool {
    while end > first && !w.toks[end - 1].is_word() {
        end -= 1;
    }
    let all_titles = (first..end).filter(|&j| w.toks[j].is_word()).all(|j| w.is(j, ROLE_HEAD | ROLE_MOD));
    if end > first && !all_titles {
        let text = w.span_text(first, end).to_string();
        return w
            .add(Cand {
                tokens: TokRange::new(first, end),
                kind: Kind::Person,
                key: name_key(&text),
                origin: Origin::Discovered,
                refers_to: None,
                byline: true,
            })
            .is_some();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    fn reporters(text: &str) -> Vec<String> {
        with_work(text, |w| w.cands.iter().filter(|c| c.byline).map(|c| w.span_text(c.tokens.first, c.tokens.end).to_string()).collect())
    }

    const STORY: &str = "Port authorities reopened the harbour on Sunday after the storm passed.";

    #[test]
    fn finds_one_reporter_with_a_hyphenated_name() {
        assert_eq!(reporters(&format!("By Chae Yun-hwan\n{STORY}")), ["Chae Yun-hwan"]);
    }

    #[test]
    fn a_known_place_after_the_reporter_is_where_they_file_from() {
        assert_eq!(reporters(&format!("By Ananya Rathore, New Delhi\n{STORY}")), ["Ananya Rathore"]);
        // An unknown word there is still read as a reporter.
        assert_eq!(reporters(&format!("By Ananya Rathore, Tom Okoro\n{STORY}")), ["Ananya Rathore", "Tom Okoro"]);
    }

    #[test]
    fn finds_two_reporters_joined_by_and() {
        assert_eq!(reporters(&format!("By Laura Whitfield and Sam Okoro\n{STORY}")), ["Laura Whitfield", "Sam Okoro"]);
    }

    #[test]
    fn finds_the_name_before_a_dashed_title() {
        assert_eq!(reporters(&format!("By Miguel Santos - Reporter\n{STORY}")), ["Miguel Santos"]);
    }

    #[test]
    fn must_not_fire_on_titles_alone_or_outside_bylines() {
        assert!(!reporters(&format!("By Laura Whitfield, Staff Writer\n{STORY}")).iter().any(|r| r.contains("Writer")));
        assert!(reporters(&format!("{STORY}\nThe plan was backed by Laura Whitfield.")).is_empty());
    }
}
