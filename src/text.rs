//! Positions: the one place where byte offsets are converted to and from lines and
//! columns (UTF-8, UTF-16 or UTF-32 units, as LSP negotiates) and to Unicode code
//! points (the offsets of exports). The engine works in UTF-8 byte offsets; every
//! other unit is produced here, lazily, through the document's rope.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r` — exactly LSP's definition (ropey is
//! built without its Unicode line-separator feature so that U+2028 is not a line
//! break here either).

use ropey::Rope;
use serde::{Deserialize, Serialize};

/// Column unit of a position.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8 code units (bytes).
    Utf8,
    /// UTF-16 code units: LSP's default and what VS Code uses.
    #[default]
    Utf16,
    /// Unicode code points.
    Utf32,
}

/// A zero-based line and column, the column in some [`Encoding`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Position {
    pub line: u32,
    pub character: u32,
}

/// A position that names no place in the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfRange {
    pub line: u32,
    pub lines: usize,
}

impl std::fmt::Display for OutOfRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {} is past the end of the document ({} lines)", self.line, self.lines)
    }
}

impl std::error::Error for OutOfRange {}

/// The position of a byte offset (clamped to the text).
pub fn position(rope: &Rope, byte: usize, enc: Encoding) -> Position {
    let byte = byte.min(rope.len_bytes());
    let line = rope.byte_to_line(byte);
    let line_char = rope.line_to_char(line);
    let ch = rope.byte_to_char(byte);
    let character = match enc {
        Encoding::Utf8 => byte - rope.line_to_byte(line),
        Encoding::Utf16 => rope.char_to_utf16_cu(ch) - rope.char_to_utf16_cu(line_char),
        Encoding::Utf32 => ch - line_char,
    };
    Position { line: line as u32, character: character as u32 }
}

/// The char index (ropey's unit) of a position. A column past the end of its line
/// means the end of the line, as LSP specifies; a line past the end is an error,
/// except the line just after a final line break, which is the end of the text.
pub fn char_index(rope: &Rope, pos: Position, enc: Encoding) -> Result<usize, OutOfRange> {
    let line = pos.line as usize;
    let lines = rope.len_lines();
    if line >= lines {
        return Err(OutOfRange { line: pos.line, lines });
    }
    let start = rope.line_to_char(line);
    let end = start + line_len_chars(rope, line);
    let col = pos.character as usize;
    let ch = match enc {
        Encoding::Utf32 => start + col,
        Encoding::Utf16 => {
            let base = rope.char_to_utf16_cu(start);
            let end_cu = rope.char_to_utf16_cu(end);
            rope.utf16_cu_to_char((base + col).min(end_cu))
        }
        Encoding::Utf8 => {
            let base = rope.char_to_byte(start);
            let end_b = rope.char_to_byte(end);
            rope.byte_to_char((base + col).min(end_b))
        }
    };
    Ok(ch.min(end))
}

/// The byte offset of a position (see [`char_index`] for clamping).
pub fn offset(rope: &Rope, pos: Position, enc: Encoding) -> Result<usize, OutOfRange> {
    char_index(rope, pos, enc).map(|c| rope.char_to_byte(c))
}

/// Number of chars on a line, without its terminator.
fn line_len_chars(rope: &Rope, line: usize) -> usize {
    let slice = rope.line(line);
    let mut n = slice.len_chars();
    if n > 0 && slice.char(n - 1) == '\n' {
        n -= 1;
    }
    if n > 0 && slice.char(n - 1) == '\r' {
        n -= 1;
    }
    n
}

/// The text of a line without its terminator (empty past the end).
pub fn line_text(rope: &Rope, line: usize) -> String {
    if line >= rope.len_lines() {
        return String::new();
    }
    let start = rope.line_to_char(line);
    rope.slice(start..start + line_len_chars(rope, line)).to_string()
}

/// Up to `context` characters of a line on each side of the span `start..end`
/// (positions in code points): the text, the span's start and end inside it, and
/// whether the line was cut on the left or right.
pub fn line_window(rope: &Rope, start: Position, end: Position, context: usize) -> (String, usize, usize, bool, bool) {
    let line = start.line as usize;
    if line >= rope.len_lines() {
        return (String::new(), 0, 0, false, false);
    }
    let line_start = rope.line_to_char(line);
    let len = line_len_chars(rope, line);
    let s = (start.character as usize).min(len);
    let e = if end.line == start.line { (end.character as usize).min(len) } else { len };
    let from = s.saturating_sub(context);
    let to = (e + context).min(len);
    let text = rope.slice(line_start + from..line_start + to).to_string();
    (text, s - from, e - from, from > 0, to < len)
}

/// The code-point offset of a byte offset: the unit of `export` (spaCy, Prodigy,
/// brat and doccano count code points).
pub fn code_point(rope: &Rope, byte: usize) -> usize {
    rope.byte_to_char(byte.min(rope.len_bytes()))
}

/// Byte offset -> code point offset over a plain string, for callers that walk
/// offsets in increasing order without a rope (exports of very large texts).
pub struct CodePoints<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CodePoints<'a> {
    pub fn new(text: &'a str) -> Self {
        CodePoints { text, byte: 0, chars: 0 }
    }

    /// The code-point offset of `byte`; cheapest when called with increasing offsets.
    pub fn at(&mut self, byte: usize) -> usize {
        let byte = floor_char_boundary(self.text, byte);
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// The largest char boundary at or below `i`.
pub fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn hangul_and_emoji_columns_differ_by_encoding() {
        // "이재명" is 3 chars, 9 bytes, 3 UTF-16 units; "😀" is 1 char, 4 bytes, 2 units.
        let rope = Rope::from_str("Lee (이재명) 😀 said\nnext");
        let said = "Lee (이재명) 😀 ".len();
        assert_eq!(position(&rope, said, Encoding::Utf8), p(0, said as u32));
        assert_eq!(position(&rope, said, Encoding::Utf16), p(0, 13));
        assert_eq!(position(&rope, said, Encoding::Utf32), p(0, 12));
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let pos = position(&rope, said, enc);
            assert_eq!(offset(&rope, pos, enc), Ok(said), "{enc:?}");
        }
    }

    #[test]
    fn combining_marks_count_as_their_own_code_points() {
        // "Nause\u{0300}da": the combining grave is a separate char and UTF-16 unit.
        let rope = Rope::from_str("Nause\u{300}da Lee");
        let lee = "Nause\u{300}da ".len();
        assert_eq!(position(&rope, lee, Encoding::Utf16), p(0, 9));
        assert_eq!(position(&rope, lee, Encoding::Utf8), p(0, 10));
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let rope = Rope::from_str("one\r\ntwo\rthree\n");
        assert_eq!(rope.len_lines(), 4);
        assert_eq!(position(&rope, 5, Encoding::Utf16), p(1, 0));
        assert_eq!(position(&rope, 9, Encoding::Utf16), p(2, 0));
        assert_eq!(line_text(&rope, 0), "one");
        assert_eq!(line_text(&rope, 2), "three");
        // A column past the end of a line clamps to the end, before the terminator.
        assert_eq!(offset(&rope, p(0, 99), Encoding::Utf16), Ok(3));
        // The empty line after the final newline exists; the one after does not.
        assert_eq!(offset(&rope, p(3, 0), Encoding::Utf16), Ok(15));
        assert!(offset(&rope, p(4, 0), Encoding::Utf16).is_err());
    }

    #[test]
    fn unicode_line_separator_is_not_a_line_break() {
        let rope = Rope::from_str("a\u{2028}b\nc");
        assert_eq!(rope.len_lines(), 2);
    }

    #[test]
    fn utf16_position_inside_a_surrogate_pair_rounds_down() {
        let rope = Rope::from_str("😀x");
        assert_eq!(offset(&rope, p(0, 1), Encoding::Utf16), Ok(0));
        assert_eq!(offset(&rope, p(0, 2), Encoding::Utf16), Ok(4));
    }

    #[test]
    fn code_points_walk_forward_and_back() {
        let text = "\u{feff}Lee 이재명 said";
        let mut cp = CodePoints::new(text);
        assert_eq!(cp.at(3), 1);
        assert_eq!(cp.at(text.find("said").unwrap()), 9);
        assert_eq!(cp.at(3), 1);
        let rope = Rope::from_str(text);
        assert_eq!(code_point(&rope, text.find("said").unwrap()), 9);
    }
}
