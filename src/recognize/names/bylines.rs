//! Reporters on byline lines: "By Chae Yun-hwan", "By Laura Whitfield and Sam
//! Okoro", "By Miguel Santos - Reporter". Every name between the separators
//! (`byline_separators` in `data/lexicon.toml`, and punctuation) is a person
//! marked as a byline, whatever its shape; a stretch of titles only ("Staff
//! Writer") is not a name.
//!
//! Bylines without "By" ([`name_lines`]): near the top, a line that is only a
//! person's name, or a name and a title ("Marco Ferretti, Italy
//! correspondent"), is the reporter's when a title, a date or a known outlet
//! follows it on the next line ("Kirsty Laing" / "Science correspondent, BBC
//! Scotland", "Klára Dvořáková" / "07/12/2023").

use super::super::layout::LineKind;
use super::super::{Cand, Key, TokRange, Work, name_key};
use crate::lexicon::class::{BYLINE_SEPARATOR, ROLE_HEAD, ROLE_MOD, ROLE_WEAK, TITLE_CONNECTOR};
use crate::model::{Kind, Origin};
use crate::tokens::{DIGIT, GLUE, TokKind};

/// A byline without "By" is within this many lines of the top (menus and a
/// headline and standfirst come first).
const NAME_LINE_WITHIN: usize = 16;
/// A reporter's title after their name has at most this many words: "Chief
/// Political Correspondent".
const TITLE_WORDS: usize = 5;
/// A reporter's title line has at most this many words: "Science
/// correspondent, BBC Scotland", "Sports Editor", "07/12/2023".
const TITLE_LINE_WORDS: usize = 8;

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

/// Marks the reporters of name-only byline lines (see the module doc).
pub(super) fn name_lines(w: &mut Work) {
    let top = w.lines.len().min(NAME_LINE_WITHIN);
    for li in 0..top {
        let l = &w.lines[li];
        let Some(first) = (l.content_from..l.tokens.end).find(|&k| w.toks[k].kind != TokKind::Gap) else { continue };
        let Some(p) = w.cand_at(first).filter(|&p| w.cands[p].tokens.first == first) else { continue };
        let c = &w.cands[p];
        if c.kind != Kind::Person || c.byline || c.tokens.end - c.tokens.first < 2 {
            continue;
        }
        let end = l.tokens.end;
        let rest = c.tokens.end;
        // Only the name, or the name, a comma and a title.
        let titled_here = w.is_punct(rest, ',') && title_words(w, rest + 1, end);
        if rest != end && !titled_here {
            continue;
        }
        if titled_here || w.line_under(li).is_some_and(|n| reporter_detail(w, n)) {
            w.cands[p].byline = true;
        }
    }
}

/// Whether tokens `first..end` are a title and nothing else: a few words,
/// each a capitalised word or a word of titles, one a title head, no
/// punctuation ("Italy correspondent", "Sports Editor"; not "Sweden's foreign
/// minister, met reporters.").
fn title_words(w: &Work, first: usize, end: usize) -> bool {
    let mut words = 0;
    for k in first..end {
        match w.toks[k].kind {
            TokKind::Word if w.toks[k].is_cap() || w.is(k, ROLE_HEAD | ROLE_MOD | ROLE_WEAK | TITLE_CONNECTOR) => words += 1,
            TokKind::Gap => {}
            _ => return false,
        }
    }
    (1..=TITLE_WORDS).contains(&words) && (first..end).any(|k| w.is(k, ROLE_HEAD))
}

/// Whether line `n` says what a reporter's byline says under the name: a
/// title ("Science correspondent, BBC Scotland"), a date ("07/12/2023",
/// "Sept 21, 2025") or a known outlet ("BBC Sport at the Emirates Stadium").
fn reporter_detail(w: &Work, n: usize) -> bool {
    let l = &w.lines[n];
    let words: Vec<usize> = (l.content_from..l.tokens.end).filter(|&k| w.toks[k].is_word()).collect();
    if words.is_empty() || words.len() > TITLE_LINE_WORDS {
        return false;
    }
    let title = words.iter().take(3).any(|&k| w.is(k, ROLE_HEAD));
    let date = words.iter().any(|&k| w.toks[k].has(DIGIT));
    let outlet = w.gaz_starting(words[0]).is_some_and(|g| w.kb.entry(g.hit.entry).is_media());
    title || date || outlet
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
    fn a_name_alone_on_its_line_above_a_title_date_or_outlet() {
        assert_eq!(
            reporters(&format!("Rockets Head North\n\nKirsty Laing\nScience correspondent, BBC Scotland\n\n{STORY}")),
            ["Kirsty Laing"]
        );
        assert_eq!(reporters(&format!("Kirsty Laing\n07/12/2023\n\n{STORY}")), ["Kirsty Laing"]);
        assert_eq!(reporters(&format!("Kirsty Laing\nBBC Sport at the stadium\n\n{STORY}")), ["Kirsty Laing"]);
        assert_eq!(reporters(&format!("Marco Ferretti, Italy correspondent\n\n{STORY}")), ["Marco Ferretti"]);
    }

    #[test]
    fn must_not_take_a_name_alone_above_prose() {
        assert!(reporters(&format!("Kirsty Laing\n{STORY}")).is_empty());
        assert!(reporters(&format!("{STORY}\nKirsty Laing, who won, said so.\n")).is_empty());
    }

    #[test]
    fn must_not_fire_on_titles_alone_or_outside_bylines() {
        assert!(!reporters(&format!("By Laura Whitfield, Staff Writer\n{STORY}")).iter().any(|r| r.contains("Writer")));
        assert!(reporters(&format!("{STORY}\nThe plan was backed by Laura Whitfield.")).is_empty());
    }
}
