//! LSP -> engine: URIs to paths, positions to byte offsets (through
//! [`crate::text`], in the negotiated encoding), content changes applied to ropes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use ropey::Rope;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

use crate::text::{self, Encoding, OutOfRange};

/// The file path of a `file:` URI, as the client spells it: not canonicalised
/// (no file-system call, and answers name the URIs the client uses, even in a
/// workspace opened through a symlink).
pub fn path(uri: &Uri) -> Option<PathBuf> {
    let p = uri.to_file_path()?.into_owned();
    remember(&p, uri);
    Some(p)
}

/// URIs the client spelled otherwise than [`Uri::from_file_path`] would (other
/// percent-escapes, lower-case hex digits, escaped characters that need none),
/// by path: answers use the client's spelling ([`client_uri`]).
fn spellings() -> &'static Mutex<HashMap<PathBuf, String>> {
    static S: OnceLock<Mutex<HashMap<PathBuf, String>>> = OnceLock::new();
    S.get_or_init(Mutex::default)
}

fn remember(p: &Path, uri: &Uri) {
    let ours = Uri::from_file_path(p);
    let ours = ours.as_ref().map(|u| u.as_str().trim_end_matches('/'));
    let theirs = uri.as_str().trim_end_matches('/');
    if ours != Some(theirs) {
        spellings().lock().unwrap_or_else(|e| e.into_inner()).insert(p.to_path_buf(), theirs.to_string());
    }
}

/// The URI of a path as the client spells it: the URI it sent for this path, or
/// for a folder above it (the workspace root) followed by the rest as
/// [`Uri::from_file_path`] spells it; else [`Uri::from_file_path`]'s.
pub fn client_uri(p: &Path) -> Option<Uri> {
    let ours = Uri::from_file_path(p)?;
    let known = spellings().lock().unwrap_or_else(|e| e.into_inner());
    if known.is_empty() {
        return Some(ours);
    }
    for dir in p.ancestors() {
        let Some(theirs) = known.get(dir) else { continue };
        let Some(base) = Uri::from_file_path(dir) else { continue };
        let base = base.as_str().trim_end_matches('/');
        if let Some(rest) = ours.as_str().strip_prefix(base)
            && let Ok(u) = format!("{theirs}{rest}").parse::<Uri>()
        {
            return Some(u);
        }
    }
    Some(ours)
}

pub fn position(p: Position) -> text::Position {
    text::Position { line: p.line, character: p.character }
}

/// The byte offset of an LSP position.
pub fn offset(rope: &Rope, p: Position, enc: Encoding) -> Result<usize, OutOfRange> {
    text::offset(rope, position(p), enc)
}

/// The byte range of an LSP range.
pub fn range(rope: &Rope, r: Range, enc: Encoding) -> Result<std::ops::Range<usize>, OutOfRange> {
    let a = offset(rope, r.start, enc)?;
    let b = offset(rope, r.end, enc)?;
    Ok(a.min(b)..a.max(b))
}

/// Applies one content change to a rope (a whole-text replacement when it has no
/// range). A range past the end is clamped to the end of the text.
pub fn apply_change(rope: &mut Rope, change: &TextDocumentContentChangeEvent, enc: Encoding) {
    match change.range {
        None => *rope = Rope::from_str(&change.text),
        Some(r) => {
            let end_char = rope.len_chars();
            let a = text::char_index(rope, position(r.start), enc).unwrap_or(end_char);
            let b = text::char_index(rope, position(r.end), enc).unwrap_or(end_char);
            let (a, b) = (a.min(b), a.max(b));
            rope.remove(a..b);
            rope.insert(a, &change.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(sl: u32, sc: u32, el: u32, ec: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(sl, sc), Position::new(el, ec))),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn uris_keep_the_clients_spelling() {
        let odd: Uri = "file:///tmp/byline-uri-test/caf%c3%a9%20x".parse().unwrap();
        let root = path(&odd).unwrap();
        assert_eq!(root, PathBuf::from("/tmp/byline-uri-test/café x"));
        assert_eq!(client_uri(&root).unwrap().as_str(), odd.as_str());
        let doc = root.join("a b.txt");
        assert_eq!(client_uri(&doc).unwrap().as_str(), "file:///tmp/byline-uri-test/caf%c3%a9%20x/a%20b.txt");
        let plain = Path::new("/tmp/elsewhere/a.txt");
        assert_eq!(client_uri(plain).unwrap().as_str(), "file:///tmp/elsewhere/a.txt");
    }

    #[test]
    fn incremental_changes_in_utf16_and_utf8() {
        let mut r = Rope::from_str("Lee (이재명) 😀 met Rutte.\nNext line");
        // Replace "met" (after the emoji: UTF-16 column 13).
        apply_change(&mut r, &change(0, 13, 0, 16, "greeted"), Encoding::Utf16);
        assert_eq!(r.line(0).to_string(), "Lee (이재명) 😀 greeted Rutte.\n");
        let mut r = Rope::from_str("Lee (이재명) 😀 met Rutte.");
        let col = "Lee (이재명) 😀 ".len() as u32;
        apply_change(&mut r, &change(0, col, 0, col + 3, "saw"), Encoding::Utf8);
        assert_eq!(r.to_string(), "Lee (이재명) 😀 saw Rutte.");
    }

    #[test]
    fn out_of_range_changes_clamp() {
        let mut r = Rope::from_str("abc");
        apply_change(&mut r, &change(5, 0, 9, 0, "!"), Encoding::Utf16);
        assert_eq!(r.to_string(), "abc!");
        let mut r = Rope::from_str("abc");
        apply_change(&mut r, &TextDocumentContentChangeEvent { range: None, range_length: None, text: "new".into() }, Encoding::Utf16);
        assert_eq!(r.to_string(), "new");
    }
}
