//! Finding and reading corpus files: a walk of the corpus folder that respects
//! `.gitignore` (in or out of a git repository), the configured include/exclude
//! globs, and never follows symlinks (so no loops); reading that turns binary
//! files and invalid UTF-8 into clear skip notices instead of errors.

use std::path::{Path, PathBuf};

use globset::{GlobSet, GlobSetBuilder};
use ignore::WalkBuilder;

use crate::config::Config;
use crate::model::Date;
use crate::recognize::FileDates;

/// Why a file was not read as an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for Skipped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: skipped: {}", self.path.display(), self.reason)
    }
}

/// A file's text and modification date (see [`file_dates`] for what the
/// analysis is given).
#[derive(Debug)]
pub struct FileText {
    pub text: String,
    pub modified: Option<Date>,
}

/// Include and exclude globs, matched against paths relative to the root.
pub struct Globs {
    include: GlobSet,
    exclude: GlobSet,
}

impl Globs {
    /// Compiles the configuration's globs; bad globs are reported and skipped.
    pub fn new(config: &Config) -> (Globs, Vec<Skipped>) {
        let mut skipped = Vec::new();
        let mut build = |globs: &[String], what: &str| {
            let mut b = GlobSetBuilder::new();
            for g in globs {
                match crate::config::glob(g) {
                    Ok(glob) => {
                        b.add(glob);
                    }
                    Err(e) => skipped.push(Skipped {
                        path: config.root.join(crate::config::CONFIG_FILE),
                        reason: format!("bad {what} glob {g:?}: {e}"),
                    }),
                }
            }
            b.build().unwrap_or_else(|_| GlobSet::empty())
        };
        let include = build(&config.include, "include");
        let exclude = build(&config.exclude, "exclude");
        (Globs { include, exclude }, skipped)
    }

    /// Whether a path relative to the root is a corpus file.
    pub fn matches(&self, rel: &Path) -> bool {
        self.include.is_match(rel) && !self.exclude.is_match(rel)
    }
}

/// The corpus files under `config.root`, sorted, as absolute paths.
pub fn discover(config: &Config) -> (Vec<PathBuf>, Vec<Skipped>) {
    let root = &config.root;
    let (globs, mut skipped) = Globs::new(config);
    let walker = WalkBuilder::new(root).hidden(true).git_ignore(true).require_git(false).follow_links(false).build();
    let mut files = Vec::new();
    for entry in walker {
        match entry {
            Ok(e) => {
                if e.file_type().is_some_and(|t| t.is_file())
                    && let Ok(rel) = e.path().strip_prefix(root)
                    && globs.matches(rel)
                {
                    files.push(e.into_path());
                }
            }
            Err(err) => skipped.push(Skipped { path: root.clone(), reason: err.to_string() }),
        }
    }
    files.sort();
    (files, skipped)
}

/// Whether a path (absolute) is a corpus file under the configuration's globs
/// (hidden files and folders are not).
pub fn is_corpus_file(config: &Config, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(&config.root) else { return false };
    let hidden = rel.components().any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
    !hidden && Globs::new(config).0.matches(rel)
}

/// Reads one article. Binary files and invalid UTF-8 are skipped with a reason.
pub fn read(path: &Path) -> Result<FileText, Skipped> {
    let skip = |reason: String| Skipped { path: path.to_path_buf(), reason };
    let bytes = std::fs::read(path).map_err(|e| skip(format!("cannot read: {e}")))?;
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(skip("binary file (contains NUL bytes)".into()));
    }
    let text =
        String::from_utf8(bytes).map_err(|e| skip(format!("not UTF-8 (invalid byte at offset {})", e.utf8_error().valid_up_to())))?;
    let modified = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| Date::from_unix(d.as_secs() as i64));
    Ok(FileText { text, modified })
}

/// What a file says about its article's date, for the analysis: the date in
/// its path relative to the root (folders above the corpus say nothing; a file
/// outside the root is taken by its whole path) and its modification date.
/// Every way into the corpus (opening, disk changes, editor buffers, `show`)
/// goes through here, so a document's date does not depend on how it came in.
pub fn file_dates(root: &Path, path: &Path, modified: Option<Date>) -> FileDates {
    FileDates::of(path.strip_prefix(root).unwrap_or(path), modified)
}

/// The path relative to the root, with `/` separators.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_txt_files_respecting_gitignore_and_globs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a/drafts")).unwrap();
        std::fs::write(root.join("a/one.txt"), "One.").unwrap();
        std::fs::write(root.join("a/drafts/two.txt"), "Two.").unwrap();
        std::fs::write(root.join("notes.md"), "x").unwrap();
        std::fs::write(root.join("ignored.txt"), "x").unwrap();
        std::fs::write(root.join(".gitignore"), "ignored.txt\n").unwrap();
        let mut c = Config::default_for(root);
        let (files, _) = discover(&c);
        let rels: Vec<String> = files.iter().map(|f| relative(root, f)).collect();
        assert_eq!(rels, ["a/drafts/two.txt", "a/one.txt"]);
        c.exclude = vec!["**/drafts/**".into()];
        let (files, _) = discover(&c);
        assert_eq!(files.len(), 1);
        assert!(is_corpus_file(&c, &root.join("a/one.txt")));
        assert!(!is_corpus_file(&c, &root.join("a/drafts/two.txt")));
        assert!(!is_corpus_file(&c, &root.join("notes.md")));
    }

    #[test]
    fn binary_and_invalid_utf8_are_skipped_with_reasons() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("b.txt");
        std::fs::write(&bin, b"PK\x03\x04\x00\x00").unwrap();
        assert!(read(&bin).unwrap_err().reason.contains("binary"));
        let bad = dir.path().join("c.txt");
        std::fs::write(&bad, b"Caf\xe9 au lait").unwrap();
        assert!(read(&bad).unwrap_err().reason.contains("offset 3"));
        let ok = dir.path().join("d.txt");
        std::fs::write(&ok, "Lee (이재명) 😀").unwrap();
        assert!(read(&ok).unwrap().modified.is_some());
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_do_not_hang() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("d")).unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("d/loop")).unwrap();
        std::fs::write(dir.path().join("d/a.txt"), "A.").unwrap();
        let (files, _) = discover(&Config::default_for(dir.path()));
        assert_eq!(files.len(), 1);
    }
}
