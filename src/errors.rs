//! Errors in what users write. In files (`byline.toml`, knowledge-base TOML) each
//! names the file, the line and the column, so the CLI can print it like a compiler
//! and the language server can show it as a diagnostic in that file; in an editor's
//! settings (JSON, no file) each names the setting's key.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// A problem at a place in a user file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    pub path: PathBuf,
    /// One-based line.
    pub line: u32,
    /// One-based column, in characters.
    pub column: u32,
    /// Byte range in the file, when known (for editor diagnostics).
    pub span: Option<Range<usize>>,
    pub message: String,
    /// The whole file could not be used (unreadable, not UTF-8, not valid TOML).
    pub fatal: bool,
}

impl FileError {
    /// An error at a byte range of `text` (the file's contents).
    pub fn at(path: &Path, text: &str, span: Option<Range<usize>>, message: impl Into<String>) -> FileError {
        FileError::at_lines(path, text, &line_starts(text), span, message)
    }

    /// [`FileError::at`] with the text's line starts ([`line_starts`]) computed
    /// once by the caller: many errors in one large file cost a binary search
    /// each, not a scan of the text.
    pub fn at_lines(path: &Path, text: &str, starts: &[usize], span: Option<Range<usize>>, message: impl Into<String>) -> FileError {
        let (line, column) = match &span {
            Some(r) => line_col(text, starts, r.start),
            None => (1, 1),
        };
        FileError { path: path.to_path_buf(), line, column, span, message: message.into(), fatal: false }
    }

    /// Marks the error as making the whole file unusable.
    pub fn fatal(mut self) -> FileError {
        self.fatal = true;
        self
    }

    /// An error about the file as a whole (unreadable, not UTF-8).
    pub fn whole(path: &Path, message: impl Into<String>) -> FileError {
        FileError { path: path.to_path_buf(), line: 1, column: 1, span: None, message: message.into(), fatal: true }
    }
}

/// A problem in an editor's settings (`initializationOptions`,
/// `workspace/didChangeConfiguration`): there is no file, so it names the key as the
/// editor's settings spell it, e.g. `byline.checks.houseStyle`. The setting is
/// ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingError {
    pub key: String,
    pub message: String,
}

impl fmt::Display for SettingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.key, self.message)
    }
}

impl std::error::Error for SettingError {}

/// The byte offset at which each line of `text` starts (the first is 0).
pub fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
}

/// The one-based line of a byte offset, given the text's line starts.
pub fn line_of(starts: &[usize], offset: usize) -> usize {
    starts.partition_point(|&s| s <= offset).max(1)
}

/// One-based line and character column of a byte offset, given the text's
/// line starts.
fn line_col(text: &str, starts: &[usize], offset: usize) -> (u32, u32) {
    let offset = crate::text::floor_char_boundary(text, offset);
    let line = line_of(starts, offset);
    let col = text[starts[line - 1]..offset].chars().count() + 1;
    (line as u32, col as u32)
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.path.display(), self.line, self.column, self.message)
    }
}

impl std::error::Error for FileError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "a = \"이재명\" x";
        let e = FileError::at(Path::new("f"), text, Some(text.find('x').unwrap()..text.len()), "m");
        assert_eq!((e.line, e.column), (1, 11));
    }
}
