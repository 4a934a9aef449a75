//! Tokenization of news text into words and punctuation with byte ranges, plus the
//! facts recognition needs about each word: capitalisation, possessive ending
//! ("Korea's" is the word "Korea" marked possessive), hyphen-joined parts
//! ("Jae-myung" is "Jae" + glued "myung"), abbreviations that keep their full stop
//! ("U.S.", "Gen.", "S."), sentence and line starts, and wide gaps that separate
//! menu cells. Also finds quoted speech. A line break inside a hard-wrapped
//! paragraph is read as a space ([`wrap`]).

use crate::model::Span;

mod wrap;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    /// A single punctuation character (the char is at `start`).
    Punct,
    /// A line break.
    Newline,
    /// Two or more spaces or a tab inside a line: a cell separator in menus.
    Gap,
}

pub const CAP: u16 = 1; // first letter uppercase
pub const ALLCAPS: u16 = 1 << 1; // two or more letters, all uppercase
pub const POSS: u16 = 1 << 2; // followed by a possessive 's or '
pub const GLUE: u16 = 1 << 3; // joined to the previous word by a hyphen
pub const SENT_START: u16 = 1 << 4; // first word of a sentence
pub const LINE_START: u16 = 1 << 5; // first word of a line
pub const ABBREV: u16 = 1 << 6; // ends with a full stop that belongs to it
pub const DIGIT: u16 = 1 << 7; // contains a digit
pub const LOWER: u16 = 1 << 8; // first letter lowercase
pub const MIXED: u16 = 1 << 9; // an uppercase letter after the first ("ThyssenKrupp")

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: TokKind,
    pub flags: u16,
}

impl Token {
    pub fn span(&self) -> Span {
        self.start as usize..self.end as usize
    }
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }
    pub fn has(&self, f: u16) -> bool {
        self.flags & f != 0
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    /// A word that starts with a capital (or is all capitals).
    pub fn is_cap(&self) -> bool {
        self.kind == TokKind::Word && self.flags & (CAP | ALLCAPS) != 0
    }
    /// The punctuation char, for punctuation tokens.
    pub fn punct(&self, text: &str) -> Option<char> {
        (self.kind == TokKind::Punct).then(|| text[self.start as usize..].chars().next()).flatten()
    }
}

/// Abbreviations whose full stop is part of the word (not a sentence end).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Brig", "Adm", "Capt", "Cmdr", "Sgt", "Cpl", "Pvt", "Sen", "Rep", "Gov",
    "Rev", "Fr", "St", "Jr", "Sr", "Hon", "Amb", "Supt", "Insp", "Det", "Cdr", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "No", "Nos", "Inc", "Ltd", "Co", "Corp", "Bros", "vs", "etc", "Mt", "Ft", "approx", "Dept", "Univ",
    "Assn", "Gov't",
];

/// A hyphen joining two parts of a word: the hyphen-minus, and the Unicode
/// hyphens and en dash that copy-paste leaves in names ("Jean–Noël").
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2013}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut toks: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut sent_start = true;
    let mut line_start = true;
    let mut glue_next = false;
    // Line breaks inside hard-wrapped paragraphs read as spaces.
    let soft = wrap::soft_breaks(text);
    let mut next_soft = soft.iter().copied().peekable();
    while i < text.len() {
        let b = bytes[i];
        // Fast path for ASCII whitespace.
        if b == b'\n' && next_soft.next_if(|&s| s <= i).is_some_and(|s| s == i) {
            i += 1;
            continue;
        }
        if b == b'\n' {
            toks.push(Token { start: i as u32, end: i as u32 + 1, kind: TokKind::Newline, flags: 0 });
            line_start = true;
            sent_start = true;
            glue_next = false;
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if c.is_whitespace() || c == '\u{feff}' {
            // A run of spaces (any kind, no line break): two or more, or a tab, is
            // a gap between cells.
            let s = i;
            let mut n = 0;
            let mut tab = false;
            while let Some(ch) = text[i..].chars().next() {
                if ch == '\n' || !(ch.is_whitespace() || ch == '\u{feff}') {
                    break;
                }
                tab |= ch == '\t';
                if ch != '\r' {
                    n += 1;
                }
                i += ch.len_utf8();
            }
            let at_end = i >= text.len() || text[i..].starts_with(['\n', '\r']);
            if (n >= 2 || tab) && !line_start && !at_end {
                toks.push(Token { start: s as u32, end: i as u32, kind: TokKind::Gap, flags: 0 });
            }
            glue_next = false;
            continue;
        }
        if !is_word_char(c) {
            let end = i + c.len_utf8();
            toks.push(Token { start: i as u32, end: end as u32, kind: TokKind::Punct, flags: 0 });
            match c {
                // "1. Faith Kipyegon": a list number's full stop ends no sentence.
                '.' if toks.len() >= 2 && is_list_number(text, &toks[toks.len() - 2]) => sent_start = false,
                '.' | '!' | '?' | '\u{2026}' => sent_start = true,
                // Opening quotes and brackets keep a pending sentence start.
                '"' | '\u{201c}' | '\u{2018}' | '(' | '[' | '\'' | '\u{201d}' | '\u{2019}' | ')' => {}
                ':' => sent_start = true,
                _ => sent_start = false,
            }
            i = end;
            glue_next = false;
            continue;
        }
        // A word.
        let start = i;
        let mut end = i;
        let mut flags = 0u16;
        let mut chars = text[i..].char_indices().peekable();
        while let Some(&(off, ch)) = chars.peek() {
            let pos = i + off;
            if is_word_char(ch) {
                end = pos + ch.len_utf8();
                chars.next();
                continue;
            }
            if crate::script::is_invisible(ch) && text[pos + ch.len_utf8()..].chars().next().is_some_and(is_word_char) {
                end = pos + ch.len_utf8();
                chars.next();
                continue;
            }
            if is_apostrophe(ch) {
                // Inside a word (O'Brien, don't) unless it is a possessive ending.
                let rest = &text[pos + ch.len_utf8()..];
                let mut r = rest.chars();
                let n1 = r.next();
                let n2 = r.next();
                let possessive = matches!(n1, Some('s') | Some('S')) && n2.is_none_or(|c| !is_word_char(c));
                if possessive {
                    flags |= POSS;
                    break;
                }
                if n1.is_some_and(|c| c.is_alphabetic()) {
                    end = pos + ch.len_utf8();
                    chars.next();
                    continue;
                }
                // "Jones'" plural possessive: treat as possessive if the word ends in s.
                if text[start..end].ends_with('s') && n1.is_none_or(|c| c.is_whitespace()) {
                    flags |= POSS;
                }
                break;
            }
            if ch == '.' {
                let word = &text[start..end];
                let after = &text[pos + 1..];
                let next = after.chars().next();
                // U.S., U.K., E.U.: a letter, a dot, a letter, a dot.
                let letters_so_far = word.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
                let dotted_next = {
                    let mut a = after.chars();
                    matches!((a.next(), a.next()), (Some(x), Some('.')) if x.is_alphabetic())
                };
                if letters_so_far && dotted_next {
                    end = pos + 1;
                    chars.next();
                    continue;
                }
                let single_initial = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
                let dotted_end = word.contains('.');
                if dotted_end || single_initial || ABBREVIATIONS.contains(&word) {
                    // Keep the full stop unless it clearly ends a sentence
                    // (followed by a line break or the end of the text).
                    let ends_line = next.is_none_or(|c| c == '\n' || c == '\r');
                    if !(ends_line && dotted_end) || ABBREVIATIONS.contains(&word) || single_initial {
                        end = pos + 1;
                        flags |= ABBREV;
                    }
                }
                break;
            }
            break;
        }
        let word = &text[start..end];
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        if let Some(first) = letters.next() {
            if first.is_uppercase() {
                flags |= CAP;
            } else if first.is_lowercase() {
                flags |= LOWER;
            }
            let mut n_up = usize::from(first.is_uppercase());
            let mut n = 1;
            let mut mixed = false;
            for ch in letters {
                n += 1;
                if ch.is_uppercase() {
                    n_up += 1;
                    mixed = true;
                }
            }
            if n >= 2 && n_up == n {
                flags |= ALLCAPS;
            } else if mixed && first.is_uppercase() {
                flags |= MIXED;
            }
        }
        if word.bytes().any(|b| b.is_ascii_digit()) {
            flags |= DIGIT;
        }
        if sent_start {
            flags |= SENT_START;
        }
        if line_start {
            flags |= LINE_START;
        }
        if glue_next {
            flags |= GLUE;
        }
        toks.push(Token { start: start as u32, end: end as u32, kind: TokKind::Word, flags });
        sent_start = false;
        line_start = false;
        glue_next = false;
        i = end;
        if flags & POSS != 0 {
            // Skip the possessive ending.
            let ap = text[i..].chars().next().unwrap_or(' ');
            i += ap.len_utf8();
            if text[i..].starts_with(['s', 'S']) && !text[i + 1..].starts_with(|c: char| is_word_char(c)) {
                i += 1;
            }
            continue;
        }
        // A hyphen between two word characters glues the next word to this one.
        if let Some(h) = text[i..].chars().next()
            && is_dash(h)
            && text[i + h.len_utf8()..].chars().next().is_some_and(is_word_char)
        {
            toks.push(Token { start: i as u32, end: (i + h.len_utf8()) as u32, kind: TokKind::Punct, flags: 0 });
            i += h.len_utf8();
            glue_next = true;
        }
    }
    toks
}

/// Byte ranges of quoted speech: text between double quotation marks (straight
/// or curly) or curly single quotation marks, within one line. An unclosed quote
/// runs to the end of its line.
pub fn quotes(text: &str) -> Vec<Span> {
    quotes_in(text, &[])
}

/// The byte positions of the soft line breaks of `text`: breaks inside a
/// hard-wrapped paragraph ([`wrap`]), in order.
pub fn soft_breaks(text: &str) -> Vec<usize> {
    wrap::soft_breaks(text)
}

/// [`quotes`] within paragraphs rather than lines: a soft line break (one of
/// `soft`, from [`soft_breaks`]) is read as a space, so a quotation of a
/// hard-wrapped paragraph is one span.
pub fn quotes_in(text: &str, soft: &[usize]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut soft = soft.iter().copied().peekable();
    let lines = text.split_inclusive('\n').scan(0usize, |at, l| {
        let start = *at;
        *at += l.len();
        Some((start, l))
    });
    let mut paragraphs: Vec<&str> = Vec::new();
    let mut para_start = 0;
    for (start, l) in lines {
        let nl = start + l.len() - 1;
        let joined = l.ends_with('\n') && soft.next_if(|&b| b <= nl).is_some_and(|b| b == nl);
        if !joined {
            paragraphs.push(&text[para_start..start + l.len()]);
            para_start = start + l.len();
        }
    }
    if para_start < text.len() {
        paragraphs.push(&text[para_start..]);
    }
    for line in paragraphs {
        let mut open: Option<(usize, char)> = None;
        let mut prev: Option<char> = None;
        for (off, c) in line.char_indices() {
            let pos = line_start + off;
            match (open, c) {
                (None, '"' | '\u{201c}') => open = Some((pos, c)),
                (None, '\u{2018}') if prev.is_none_or(|p| !p.is_alphanumeric()) => open = Some((pos, c)),
                (Some((s, '"')), '"') | (Some((s, '\u{201c}')), '\u{201d}') => {
                    out.push(s..pos + c.len_utf8());
                    open = None;
                }
                (Some((s, '\u{2018}')), '\u{2019}') => {
                    let next = line[off + c.len_utf8()..].chars().next();
                    if next.is_none_or(|n| !n.is_alphanumeric()) {
                        out.push(s..pos + c.len_utf8());
                        open = None;
                    }
                }
                // A straight quote closing a curly one, or the other way round.
                (Some((s, '\u{201c}')), '"') | (Some((s, '"')), '\u{201d}') => {
                    out.push(s..pos + c.len_utf8());
                    open = None;
                }
                _ => {}
            }
            prev = Some(c);
        }
        if let Some((s, _)) = open {
            let end = line_start + line.trim_end_matches(['\n', '\r']).len();
            if end > s {
                out.push(s..end);
            }
        }
        line_start += line.len();
    }
    out
}

/// Whether `t` is a list or rank number opening its line: "1" of "1. Faith
/// Kipyegon (Kenya) 3:52.15" (one to three digits).
fn is_list_number(text: &str, t: &Token) -> bool {
    t.kind == TokKind::Word && t.has(LINE_START) && (1..=3).contains(&(t.end - t.start)) && t.text(text).bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, u16)> {
        tokenize(text).into_iter().filter(|t| t.is_word()).map(|t| (t.text(text), t.flags)).collect()
    }

    #[test]
    fn possessives_are_marked_not_included() {
        let w = words("South Korea's minister and Yoon\u{2019}s aide");
        assert_eq!(w[1].0, "Korea");
        assert!(w[1].1 & POSS != 0);
        assert_eq!(w[4].0, "Yoon");
        assert!(w[4].1 & POSS != 0);
        assert_eq!(w[5].0, "aide");
    }

    #[test]
    fn hyphenated_given_names_are_glued_parts() {
        let w = words("Lee Jae-myung and South Korea-NATO talks");
        assert_eq!(w.iter().map(|x| x.0).collect::<Vec<_>>(), ["Lee", "Jae", "myung", "and", "South", "Korea", "NATO", "talks"]);
        assert!(w[2].1 & GLUE != 0 && w[6].1 & GLUE != 0 && w[1].1 & GLUE == 0);
    }

    #[test]
    fn abbreviations_keep_their_full_stop() {
        let w = words("U.S. Secretary met Gen. Kim in S. Korea. He left.");
        let texts: Vec<_> = w.iter().map(|x| x.0).collect();
        assert_eq!(texts, ["U.S.", "Secretary", "met", "Gen.", "Kim", "in", "S.", "Korea", "He", "left"]);
        assert!(w[8].1 & SENT_START != 0, "He starts a sentence");
        assert!(w[4].1 & SENT_START == 0, "Kim after Gen. does not");
    }

    #[test]
    fn a_list_number_starts_no_sentence() {
        let w = words("1. Faith Kipyegon (Kenya)\nIt rained. Faith won.");
        assert!(w[1].1 & SENT_START == 0, "Faith after a list number");
        assert!(w[4].1 & SENT_START != 0 && w[6].1 & SENT_START != 0, "{w:?}");
    }

    #[test]
    fn capitalisation_flags() {
        let w = words("NATO ThyssenKrupp allaince G7 SEOUL");
        assert!(w[0].1 & ALLCAPS != 0);
        assert!(w[1].1 & MIXED != 0 && w[1].1 & CAP != 0);
        assert!(w[2].1 & LOWER != 0);
        assert!(w[3].1 & DIGIT != 0 && w[3].1 & CAP != 0);
        assert!(w[4].1 & ALLCAPS != 0);
    }

    #[test]
    fn gaps_and_lines() {
        let toks = tokenize("  US          Europe\nAsia");
        let kinds: Vec<_> = toks.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [TokKind::Word, TokKind::Gap, TokKind::Word, TokKind::Newline, TokKind::Word]);
        assert!(toks[4].has(LINE_START) && toks[4].has(SENT_START));
    }

    #[test]
    fn invisible_characters_and_odd_hyphens_stay_inside_names() {
        let texts = |t: &'static str| words(t).into_iter().map(|w| w.0).collect::<Vec<_>>();
        assert_eq!(texts("Benjamin Net\u{ad}anyahu said"), ["Benjamin", "Net\u{ad}anyahu", "said"]);
        assert_eq!(texts("von der Ley\u{200b}en"), ["von", "der", "Ley\u{200b}en"]);
        let ws = words("Jean\u{2013}Noël Barrot");
        assert_eq!(ws[1].0, "Noël");
        assert!(ws[1].1 & GLUE != 0, "an en dash between letters joins like a hyphen");
        assert_eq!(words("a \u{200b} gap")[1].0, "gap", "a free-standing invisible character is not a word");
    }

    #[test]
    fn odd_text_does_not_panic() {
        for t in ["", "'", "'s", "-", "a-", "-a", "U.", "U.S", "é\u{301}", "😀's", "x\r\n\r\ny", "A.B.C.D.", "\u{feff}Lee"] {
            let _ = tokenize(t);
            let _ = quotes(t);
        }
    }

    #[test]
    fn quoted_speech_spans() {
        let text = "He said \"our defence\" and \u{201c}the defense\u{201d} was \u{2018}fine\u{2019} but Yoon\u{2019}s aide \"left\nnext";
        let q: Vec<&str> = quotes(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(q, ["\"our defence\"", "\u{201c}the defense\u{201d}", "\u{2018}fine\u{2019}", "\"left"]);
    }
}
