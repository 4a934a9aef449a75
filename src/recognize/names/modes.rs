//! How much discovery each line allows ([`Mode`]). Prose allows every cue.
//! Headlines ("Minister Cho Tae-yul Vows Support"), header lines and every line
//! under a "Related articles" header are Title Case or lists of other articles'
//! headlines, so only strongly cued names are taken there. Menus and other site
//! furniture ("Home", "Tags") yield known names only.

use super::super::Work;
use super::super::layout::LineKind;
use crate::lexicon::lexicon;

/// How much discovery a line allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Prose: everything.
    Full,
    /// Headlines, headers, "related articles" blocks: only strongly cued names.
    Restricted,
    /// Menus and furniture: known names only.
    Known,
}

/// The mode of each line, in line order. A related-block header
/// (`related_block_headers` in `data/lexicon.toml`) makes every later line
/// Restricted: the rest of the page is links to other articles.
pub(super) fn line_modes(w: &Work) -> Vec<Mode> {
    let headers = &lexicon().related_block_headers;
    let mut related = false;
    w.lines
        .iter()
        .map(|line| {
            let raw = w.text[line.start..line.end].trim().trim_end_matches(':').to_lowercase();
            if headers.contains(&raw) {
                related = true;
            }
            match line.kind {
                LineKind::Furniture => Mode::Known,
                LineKind::Headline | LineKind::Header => Mode::Restricted,
                _ if related => Mode::Restricted,
                _ => Mode::Full,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    fn modes(text: &str) -> Vec<Mode> {
        with_work(text, line_modes)
    }

    #[test]
    fn finds_prose_lines_as_full() {
        let text = "Officials at Ridgeway Holdings declined to comment on Friday.\nThe company said its profit rose.";
        assert_eq!(modes(text), [Mode::Full, Mode::Full]);
        assert_eq!(marks(text), "Officials at [[Ridgeway Holdings|ORG]] declined to comment on Friday.\nThe company said its profit rose.");
    }

    #[test]
    fn finds_lines_under_a_related_header_as_restricted() {
        let text = "The company said its profit rose.\n\nRelated Articles:\nOfficials at Ridgeway Holdings declined to comment on Friday.";
        let m = modes(text);
        assert_eq!(m.first(), Some(&Mode::Full));
        assert_eq!(m.last(), Some(&Mode::Restricted), "{m:?}");
    }

    #[test]
    fn must_not_discover_weakly_cued_names_under_a_related_header() {
        let text = "The company said its profit rose.\n\nRelated Articles:\nOfficials at Ridgeway Holdings declined to comment on Friday.";
        assert!(!marks(text).contains("[[Ridgeway Holdings"), "{}", marks(text));
    }

    #[test]
    fn must_not_take_a_related_header_inside_a_sentence() {
        let text = "Read more about it later, officials said.\nOfficials at Ridgeway Holdings declined to comment on Friday.";
        assert_eq!(modes(text).last(), Some(&Mode::Full));
    }
}
