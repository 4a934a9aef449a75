//! The TOML files users write (`byline.toml`, knowledge-base files): reading,
//! parsing and locating errors, in one place. A UTF-8 byte-order mark is skipped
//! for the parser, and every error is located in the text *as read* (mark
//! included), so line and column are those an editor shows.
//!
//! ```ignore
//! let file = TomlFile::new(path, &text);
//! let raw: Raw = file.parse()?;                  // syntax and type errors located
//! errors.push(file.error(value.span(), "bad"));  // a `toml::Spanned` value's place
//! ```

use std::ops::Range;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::errors::FileError;

/// The byte-order mark some Windows editors put at the start of UTF-8 files.
const BOM: char = '\u{feff}';

/// A user's TOML file: its path and text. Spans of [`toml::Spanned`] values parsed
/// by [`TomlFile::parse`] are relative to the text after the byte-order mark;
/// [`TomlFile::error`] and [`TomlFile::line`] take them as they are.
#[derive(Clone, Debug)]
pub struct TomlFile<'a> {
    pub path: &'a Path,
    /// The whole text, byte-order mark included.
    pub text: &'a str,
    /// Length of the byte-order mark (0 or 3).
    bom: usize,
    /// Where each line starts, computed on first use (locating many errors or
    /// entries in a large file stays linear).
    lines: std::cell::OnceCell<Vec<usize>>,
}

impl<'a> TomlFile<'a> {
    pub fn new(path: &'a Path, text: &'a str) -> TomlFile<'a> {
        let bom = if text.starts_with(BOM) { BOM.len_utf8() } else { 0 };
        TomlFile { path, text, bom, lines: std::cell::OnceCell::new() }
    }

    /// The text the parser sees.
    fn body(&self) -> &'a str {
        &self.text[self.bom..]
    }

    /// Parses the file. A syntax or type error is fatal (the file cannot be used).
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, FileError> {
        toml::from_str(self.body()).map_err(|e| self.located(e.span(), e.message().trim()).fatal())
    }

    /// An error at a parsed value's span (as [`toml::Spanned::span`] gives it).
    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> FileError {
        self.located(Some(span), message)
    }

    /// The one-based line of a parsed value's span.
    pub fn line(&self, span: Range<usize>) -> u32 {
        crate::errors::line_of(self.line_starts(), span.start + self.bom) as u32
    }

    fn line_starts(&self) -> &[usize] {
        self.lines.get_or_init(|| crate::errors::line_starts(self.text))
    }

    fn located(&self, span: Option<Range<usize>>, message: impl Into<String>) -> FileError {
        FileError::at_lines(self.path, self.text, self.line_starts(), span.map(|s| s.start + self.bom..s.end + self.bom), message)
    }
}

/// Parses a user's TOML file's text (see [`TomlFile`]).
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, FileError> {
    TomlFile::new(path, text).parse()
}

/// Reads a user file as text. `Ok(None)` when it does not exist and `missing_ok`;
/// an unreadable or non-UTF-8 file is a fatal error about the whole file.
pub fn read(path: &Path, missing_ok: bool) -> Result<Option<String>, FileError> {
    match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map(Some).map_err(|_| FileError::whole(path, "not UTF-8 text")),
        Err(e) if missing_ok && e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(FileError::whole(path, format!("cannot read: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Doc {
        name: toml::Spanned<String>,
        count: Option<u32>,
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let text = "[[entity]]\nname = \"Lee\"\nkind = \n";
        let e = parse::<toml::Table>(Path::new("entities.toml"), text).unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.fatal);
        assert!(e.to_string().starts_with("entities.toml:3:"), "{e}");
    }

    #[test]
    fn a_byte_order_mark_does_not_move_errors() {
        // The same error with and without a BOM: same line and column, and the
        // span covers the same characters of the text as read.
        for bom in ["", "\u{feff}"] {
            let text = format!("{bom}name = \"x\"\ncount = \"three\"\n");
            let e = parse::<Doc>(Path::new("f.toml"), &text).unwrap_err();
            assert_eq!((e.line, e.column), (2, 9), "{bom:?}: {e}");
            assert_eq!(&text[e.span.clone().unwrap()], "\"three\"");
        }
    }

    #[test]
    fn value_errors_are_located_in_the_text_as_read() {
        let text = "\u{feff}# note\nname = \"x\"\n";
        let f = TomlFile::new(Path::new("f.toml"), text);
        let doc: Doc = f.parse().unwrap();
        let e = f.error(doc.name.span(), "bad name");
        assert_eq!((e.line, e.column), (2, 8));
        assert_eq!(&text[e.span.clone().unwrap()], "\"x\"");
        assert_eq!(f.line(doc.name.span()), 2);
        assert!(!e.fatal);
    }

    #[test]
    fn reading() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("none.toml");
        assert_eq!(read(&missing, true), Ok(None));
        assert!(read(&missing, false).unwrap_err().message.starts_with("cannot read"));
        let bad = dir.path().join("bad.toml");
        std::fs::write(&bad, b"a = \"\xff\"").unwrap();
        assert_eq!(read(&bad, true).unwrap_err().message, "not UTF-8 text");
    }
}
