//! `byline fix`: shows the preferred forms the findings propose and, with
//! `--write`, applies them — per file atomically (a temporary file renamed over
//! the original), only if the file is unchanged since it was read, and never
//! inside quoted speech unless `quotations = "check"`.

use std::io::Write;
use std::path::Path;

use crate::corpus::Corpus;
use crate::corpus::findings::{Finding, all_findings};
use crate::model::count;

/// Codes fixed by default; `--all` adds possible-typo and possible-variant.
pub(super) fn run(corpus: &Corpus, write: bool, all: bool) -> Result<i32, String> {
    let config = &corpus.config;
    let fixes: Vec<Finding> =
        all_findings(corpus).into_iter().filter(|f| if all { f.correctable(config) } else { f.fixed_by_default(config) }).collect();
    let mut out = std::io::stdout().lock();
    let io = super::io_error;
    let mut by_doc: std::collections::BTreeMap<u32, Vec<&Finding>> = std::collections::BTreeMap::new();
    for f in &fixes {
        by_doc.entry(f.doc).or_default().push(f);
    }
    let mut changed_files = 0;
    let mut failures = 0;
    for (doc_id, list) in &by_doc {
        let Some(doc) = corpus.doc(*doc_id) else { continue };
        for f in list {
            let at = super::location(corpus, f.doc, f.span.start).unwrap_or_default();
            writeln!(out, "{at}: {} -> {}", f.data.found, f.data.preferred).map_err(io)?;
        }
        if write {
            match apply(&doc.path, &doc.text(), list) {
                Ok(()) => changed_files += 1,
                Err(e) => {
                    eprintln!("error: {}: {e}", doc.rel);
                    failures += 1;
                }
            }
        }
    }
    let replacements = count(fixes.len(), "replacement");
    if write {
        writeln!(out, "{replacements} written in {}", count(changed_files, "file")).map_err(io)?;
    } else {
        writeln!(out, "{replacements} in {} (run with --write to apply)", count(by_doc.len(), "file")).map_err(io)?;
    }
    Ok(if failures > 0 { 2 } else { 0 })
}

/// Replaces the findings' spans in `original` and writes the file atomically, if
/// the file on disk still holds `original`.
fn apply(path: &Path, original: &str, fixes: &[&Finding]) -> Result<(), String> {
    let now = std::fs::read(path).map_err(super::io_error)?;
    if now != original.as_bytes() {
        return Err("the file changed since it was read; not written".into());
    }
    let mut spans: Vec<&Finding> = fixes.to_vec();
    spans.sort_by_key(|f| std::cmp::Reverse(f.span.start));
    let mut text = original.to_string();
    let mut last_start = usize::MAX;
    for f in spans {
        if f.span.end > last_start || !text.is_char_boundary(f.span.start) || !text.is_char_boundary(f.span.end) {
            continue; // overlapping fix: keep the later one
        }
        if text[f.span.clone()] != f.data.found {
            continue;
        }
        text.replace_range(f.span.clone(), &f.data.preferred);
        last_start = f.span.start;
    }
    let dir = path.parent().ok_or("no parent folder")?;
    let name = path.file_name().ok_or("no file name")?.to_string_lossy();
    let tmp = dir.join(format!(".{name}.byline-tmp"));
    std::fs::write(&tmp, &text).map_err(super::io_error)?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(&tmp, meta.permissions());
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        e.to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::apply;

    #[test]
    fn a_file_changed_since_it_was_read_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "Kim Jong-un said.\r\n").unwrap();
        let err = apply(&p, "Kim Jong Un said.\r\n", &[]).unwrap_err();
        assert!(err.contains("changed since it was read"), "{err}");
        assert_eq!(std::fs::read(&p).unwrap(), b"Kim Jong-un said.\r\n");
        apply(&p, "Kim Jong-un said.\r\n", &[]).unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"Kim Jong-un said.\r\n");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["a.txt"], "no temporary file is left");
    }
}
