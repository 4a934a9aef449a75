//! Hard-wrapped paragraphs: which line breaks are soft. Plain-text archives,
//! wire feeds and e-mails break paragraphs at a fixed width (about 72
//! columns), so a name or a title can be split across a line break inside a
//! paragraph ("Chief Executive Officer Alberto\nRamirez"). Such a break is read
//! as a space: the paragraph is one line, one run of sentences.
//!
//! A document is hard-wrapped when most of its lines are short and several
//! long-enough lines run straight into the next. Then a break is soft when the
//! line before it is long enough to have been wrapped and the next line is text,
//! not a list item or a table row. Paragraph-per-line documents (lines much
//! longer than a terminal) have no soft breaks; a list of short lines neither.

/// A wrapped line is at least this long (in bytes): shorter lines end a
/// paragraph, a heading or a list row.
const MIN_WRAPPED: usize = 40;
/// Lines of a hard-wrapped document are at most this long (in bytes, a
/// generous 100 columns of accented text).
const MAX_WRAPPED: usize = 120;
/// At least this many breaks must look wrapped for the document to be hard-wrapped.
const MIN_WRAPPED_BREAKS: usize = 3;

/// The byte positions of the soft line breaks of `text` (each the index of a
/// `\n`), in order.
pub(super) fn soft_breaks(text: &str) -> Vec<usize> {
    // (start, end without terminator, byte index of the '\n' if any) per line.
    let mut lines: Vec<(usize, usize, Option<usize>)> = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let nl = line.ends_with('\n').then(|| start + line.len() - 1);
        lines.push((start, start + body.len(), nl));
        start += line.len();
    }
    let text_of = |i: usize| text[lines[i].0..lines[i].1].trim();
    let non_blank = lines.iter().enumerate().filter(|&(i, _)| !text_of(i).is_empty()).count();
    let short = lines.iter().enumerate().filter(|&(i, _)| !text_of(i).is_empty() && text_of(i).len() <= MAX_WRAPPED).count();
    let candidates: Vec<usize> = (0..lines.len().saturating_sub(1)).filter(|&i| wrapped_into_next(text_of(i), text_of(i + 1))).collect();
    // Most lines fit the width, and several run on.
    if candidates.len() < MIN_WRAPPED_BREAKS || short * 10 < non_blank * 9 {
        return Vec::new();
    }
    candidates.into_iter().filter_map(|i| lines[i].2).collect()
}

/// Whether line `a` looks wrapped into line `b`: `a` long enough (and within
/// the width), `b` text that is no list item or row.
fn wrapped_into_next(a: &str, b: &str) -> bool {
    (MIN_WRAPPED..=MAX_WRAPPED).contains(&a.len()) && !b.is_empty() && !starts_item(b) && !starts_item(a)
}

/// Whether a line starts a list item, a table row or a quotation block: "- x",
/// "* x", "• x", "1. x", "12) x", "| x", "> x".
fn starts_item(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '|' | '>' | '#' | '–' | '—') => true,
        Some(c) if c.is_ascii_digit() => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            matches!(line.as_bytes().get(digits), Some(b'.' | b')')) && line.as_bytes().get(digits + 1).is_some_and(|&b| b == b' ')
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WRAPPED: &str = "Miners rally\n\nLONDON, March 3 (Reuters) - Shares of Newton Mining Corp. rose 4% after\nthe Denver-based miner said Chief Executive Officer Alberto\nRamirez would retire. The board named chief operating officer\nSandra Okafor as his successor, the company said on Monday in\na statement.\n\nOther news follows here.\n";

    fn breaks_after(text: &str) -> Vec<&str> {
        soft_breaks(text).into_iter().map(|i| text[..i].rsplit('\n').next().unwrap_or("")).collect()
    }

    #[test]
    fn breaks_inside_a_wrapped_paragraph_are_soft() {
        let b = breaks_after(WRAPPED);
        assert_eq!(b.len(), 4, "{b:?}");
        assert!(b[1].ends_with("Officer Alberto"));
        // The headline and the last line of a paragraph end hard.
        assert!(!b.iter().any(|l| l.starts_with("Miners") || l.ends_with("statement.")));
    }

    #[test]
    fn paragraph_per_line_documents_have_no_soft_breaks() {
        let long = "x ".repeat(200);
        let text = format!("Headline here\n{long}\n{long}\n{long}\nA short line\n");
        assert!(soft_breaks(&text).is_empty());
    }

    #[test]
    fn lists_and_rows_are_not_wrapped() {
        let rows = "Women's 1,500m final results from the championship:\n1. Faith Kipyegon (Kenya) 3:52.15 in the final race\n2. Dorcus Ewoi (Kenya) 3:54.92 in the final race here\n3. Jessica Hull (Australia) 3:55.16 in the final race\n- a bullet item that is long enough to be wrapped text\n- another bullet item that is long enough to be wrapped\n";
        assert!(soft_breaks(rows).is_empty());
    }

    #[test]
    fn a_document_with_few_wrapped_breaks_keeps_its_lines() {
        assert!(
            soft_breaks("Headline of the story goes on and on and on\nBy Jane Porter of the news agency in London\n\nBody.\n").is_empty()
        );
    }
}
