//! The shape of an article's lines: the ` date` header, headlines in Title Case,
//! bylines, photo captions ("view larger image ..."), menus and site furniture
//! ("Legal Disclaimer:", "Tags"). Recognition still finds known names everywhere,
//! but discovers unknown names only where the text is prose.

use crate::lexicon::lexicon;
use crate::tokens::{TokKind, Token};

/// What a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// Prose: a paragraph of the article (also captions, after their prefix).
    Body,
    /// The ` date YYYY-MM-DD ...` first line and its editorial notes.
    Header,
    /// A headline or title in Title Case.
    Headline,
    /// "By Kim Eun-jung": the name is the reporter.
    Byline,
    /// Menus, tags and other site furniture.
    Furniture,
}

/// One line of the text with its kind and token range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub kind: LineKind,
    /// Token indices `first..end` (excluding the newline token).
    pub tokens: std::ops::Range<usize>,
    /// Byte range of the line without its terminator.
    pub start: usize,
    pub end: usize,
    /// Tokens before this index are a caption prefix ("view larger image").
    pub content_from: usize,
}

/// Splits the token stream into lines and classifies each.
pub fn lines(text: &str, toks: &[Token]) -> Vec<Line> {
    let lx = lexicon();
    let mut out = Vec::new();
    let mut first = 0;
    let mut line_start = 0usize;
    let mut idx = 0;
    let push = |first: usize, end: usize, start: usize, stop: usize, n: usize, out: &mut Vec<Line>| {
        let raw = &text[start..stop];
        let kind = classify(raw, &toks[first..end], text, n);
        let mut content_from = first;
        let head = raw.trim_start();
        let starts = |p: &str| head.len() > p.len() + 8 && head.is_char_boundary(p.len()) && head[..p.len()].eq_ignore_ascii_case(p);
        if let Some(p) = lx.caption_prefixes.iter().find(|p| starts(p)) {
            let prefix_end = start + (raw.len() - raw.trim_start().len()) + p.len();
            content_from = (first..end).find(|&i| toks[i].start as usize >= prefix_end).unwrap_or(end);
        }
        out.push(Line { kind, tokens: first..end, start, end: stop, content_from });
    };
    while idx < toks.len() {
        if toks[idx].kind == TokKind::Newline {
            let stop = toks[idx].start as usize;
            let stop = if stop > line_start && text.as_bytes()[stop - 1] == b'\r' { stop - 1 } else { stop };
            push(first, idx, line_start, stop, out.len(), &mut out);
            first = idx + 1;
            line_start = toks[idx].end as usize;
        }
        idx += 1;
    }
    push(first, toks.len(), line_start, text.len(), out.len(), &mut out);
    out
}

fn classify(raw: &str, toks: &[Token], text: &str, line_no: usize) -> LineKind {
    let lx = lexicon();
    let trimmed = raw.trim().trim_start_matches('\u{feff}');
    if line_no == 0 && trimmed.starts_with("date ") {
        return LineKind::Header;
    }
    let bare = trimmed.trim_end_matches(':');
    if bare.len() <= 40 && lx.boilerplate_lines.iter().any(|b| b.trim_end_matches(':').eq_ignore_ascii_case(bare)) {
        return LineKind::Furniture;
    }
    // The line's words, without collecting them (this runs on every line).
    let words = || toks.iter().filter(|t| t.is_word());
    let n_words = words().count();
    if n_words == 0 {
        return LineKind::Furniture;
    }
    // Menus: cells separated by wide gaps or bars.
    let gaps = toks.iter().filter(|t| t.kind == TokKind::Gap || t.punct(text) == Some('|')).count();
    if gaps >= 2 && gaps * 2 + 1 >= n_words {
        return LineKind::Furniture;
    }
    if (3..=12).contains(&n_words)
        && words().next().is_some_and(|w| w.text(text).eq_ignore_ascii_case("by"))
        && words().skip(1).all(|w| w.is_cap() || w.has(crate::tokens::GLUE) || w.text(text) == "and")
        && !trimmed.ends_with('.')
    {
        return LineKind::Byline;
    }
    // Copyright and similar lines are furniture but may name the outlet.
    if trimmed.starts_with('©') || (trimmed.len() >= 9 && trimmed.is_char_boundary(9) && trimmed[..9].eq_ignore_ascii_case("copyright")) {
        return LineKind::Body;
    }
    let ends_sentence = trimmed.ends_with(['.', '"', '\u{201d}', '?', '!', ')']);
    // Rows of results and tables are data, not headlines: "1. Faith Kipyegon
    // (Kenya) 3:52.15", "Arsenal 2 Everton 1".
    let row = trimmed.split_once(['.', ')']).is_some_and(|(n, _)| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()))
        || toks.iter().rev().find(|t| t.kind != TokKind::Punct || t.punct(text).is_none()).is_some_and(|t| t.has(crate::tokens::DIGIT));
    if !ends_sentence && !row && (3..=18).contains(&n_words) {
        let small = crate::lexicon::class::CONNECTOR | crate::lexicon::class::FUNC;
        let (mut content, mut caps) = (0, 0);
        for w in words().filter(|w| !lx.is(w.text(text), small) && !w.has(crate::tokens::GLUE) && !w.has(crate::tokens::DIGIT)) {
            content += 1;
            caps += usize::from(w.is_cap());
        }
        if caps * 10 >= content * 8 {
            return LineKind::Headline;
        }
    }
    LineKind::Body
}

/// Whether `line` is a table's column header: at least four words, none
/// longer than three letters and two of one letter, and nothing else ("P  W  D  L  GD  Pts"). Its
/// capitals are column names, not acronyms.
pub fn is_column_header(text: &str, toks: &[Token], line: &Line) -> bool {
    let (mut words, mut letters) = (0, 0);
    for t in &toks[line.content_from..line.tokens.end] {
        let n = t.text(text).chars().count();
        match t.kind {
            TokKind::Word if t.is_cap() && !t.has(crate::tokens::DIGIT) && n <= 3 => {
                words += 1;
                letters += usize::from(n == 1);
            }
            TokKind::Gap => {}
            _ => return false,
        }
    }
    words >= 4 && letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn kinds(text: &str) -> Vec<LineKind> {
        lines(text, &tokenize(text)).into_iter().map(|l| l.kind).collect()
    }

    #[test]
    fn rows_of_results_are_not_headlines() {
        let text = "Women's 1,500m Final Results\n1. Faith Kipyegon (Kenya) 3:52.15\nArsenal 2 Everton 1\n";
        assert_eq!(kinds(text), [LineKind::Headline, LineKind::Body, LineKind::Body, LineKind::Furniture]);
    }

    #[test]
    fn column_headers_are_short_capitalised_words() {
        let text = "Standings\n     P   W  D  L   GD  Pts\nThe UN and EU met in NYC.\nGo Up Now Or Not\n";
        let toks = tokenize(text);
        let heads: Vec<bool> = lines(text, &toks).iter().map(|l| is_column_header(text, &toks, l)).collect();
        assert_eq!(heads, [false, true, false, false, false]);
    }

    #[test]
    fn classifies_article_furniture() {
        let text = " date 2024-05-02 (ATTN: ADDS quote)\nAllies Agree To Expand Missile Defense Talks\nBy Kim Eun-jung\nSEOUL, May 2 (Yonhap) -- South Korea said on Thursday it would talk.\nTags\n   Politics     Economy     Sport\n";
        assert_eq!(
            kinds(text),
            [
                LineKind::Header,
                LineKind::Headline,
                LineKind::Byline,
                LineKind::Body,
                LineKind::Furniture,
                LineKind::Furniture,
                LineKind::Furniture
            ]
        );
    }

    #[test]
    fn caption_prefix_is_skipped() {
        let text = "view larger image Defense Minister Shin Won-sik (R) speaks. (Yonhap)";
        let toks = tokenize(text);
        let ls = lines(text, &toks);
        assert_eq!(ls[0].kind, LineKind::Body);
        assert_eq!(toks[ls[0].content_from].text(text), "Defense");
    }

    #[test]
    fn crlf_lines_end_before_the_cr() {
        let text = "One line.\r\nTwo\r\n";
        let ls = lines(text, &tokenize(text));
        assert_eq!(&text[ls[0].start..ls[0].end], "One line.");
        assert_eq!(&text[ls[1].start..ls[1].end], "Two");
    }
}
