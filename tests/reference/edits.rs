// A reference for LSP content changes, written on plain `String`s and
// independent of the server's rope code: the robustness tests
// (tests/robustness.rs) and the fuzz target `edits` (fuzz/) include this file and
// check that `lsp::from_proto::apply_change` gives the same text.
//
// LSP's rules as Byline implements them: lines end at "\n", "\r\n" or a lone
// "\r"; a column past the end of its line means the end of the line; a column
// inside a character (a UTF-8 byte or a UTF-16 unit in the middle of it) means
// the start of that character; a line past the last one means the end of the
// text; a range whose end comes before its start is the same range reversed.

/// Column units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Units {
    Utf8,
    Utf16,
    Utf32,
}

/// The byte ranges of the lines of `text`, without their terminators. There is
/// always one more line after a final terminator (LSP counts it).
pub fn reference_lines(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                out.push((start, i));
                i += 1;
                start = i;
            }
            b'\r' => {
                out.push((start, i));
                i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                start = i;
            }
            _ => i += 1,
        }
    }
    out.push((start, b.len()));
    out
}

/// The byte offset of (line, column) under the rules above.
pub fn reference_offset(text: &str, line: u32, col: u32, units: Units) -> usize {
    let lines = reference_lines(text);
    let Some(&(start, end)) = lines.get(line as usize) else { return text.len() };
    let mut used = 0usize;
    for (i, ch) in text[start..end].char_indices() {
        let w = match units {
            Units::Utf8 => ch.len_utf8(),
            Units::Utf16 => ch.len_utf16(),
            Units::Utf32 => 1,
        };
        if (col as usize) < used + w {
            return start + i;
        }
        used += w;
    }
    end
}

/// Applies one change (`None` range: the whole text).
pub fn reference_apply(text: &mut String, range: Option<((u32, u32), (u32, u32))>, new: &str, units: Units) {
    match range {
        None => *text = new.to_string(),
        Some(((sl, sc), (el, ec))) => {
            let a = reference_offset(text, sl, sc, units);
            let b = reference_offset(text, el, ec, units);
            text.replace_range(a.min(b)..a.max(b), new);
        }
    }
}
