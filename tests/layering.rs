//! The architecture's one-way data flow, checked: every top-level module of
//! `src/` may use only the modules listed before it in [`LAYERS`] (see
//! ARCHITECTURE.md). A `crate::X` path in code (not in comments) that points
//! to a later module fails this test, and so does a new module missing from
//! the list.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Top-level modules, lowest first. A module may use any module before it.
const LAYERS: &[&str] = &[
    // Leaves: no knowledge of documents, corpora or protocols.
    "text",
    "model",
    "fold",
    "script",
    "errors",
    "toml_file",
    "lexicon",
    "nicknames",
    "romanize",
    "tokens",
    "keys",
    "translit",
    "vocab",
    // Inputs: the knowledge base and the settings.
    "kb",
    "config",
    // Per document, pure.
    "recognize",
    // Corpus-wide aggregation and decisions over distinct spellings.
    "index",
    "variants",
    // The documents and everything that needs all of them.
    "corpus",
    // What is drawn from the whole corpus for people, not protocols: the HTML report.
    "report",
    // Front ends.
    "lsp",
    "cli",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level modules a file's code names as `crate::X` or `crate::{X, ..}`.
fn uses(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            rest = &rest[i + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let inner = group.split('}').next().unwrap_or("");
                out.extend(inner.split(',').map(|s| s.trim().split("::").next().unwrap_or("").to_string()).filter(|s| !s.is_empty()));
            } else {
                let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                out.insert(name);
            }
        }
    }
    out
}

/// The top-level module a file of `src/` belongs to (`None` for lib.rs, main.rs).
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel.components().next()?.as_os_str().to_string_lossy().to_string();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (name != "lib" && name != "main").then_some(name)
}

#[test]
fn modules_use_only_lower_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let rank = |m: &str| LAYERS.iter().position(|l| *l == m);
    let mut problems = Vec::new();
    for f in &files {
        let Some(module) = module_of(&src, f) else { continue };
        let Some(mine) = rank(&module) else {
            problems.push(format!("{}: module `{module}` is not in LAYERS (tests/layering.rs): place it in the flow", f.display()));
            continue;
        };
        for used in uses(&std::fs::read_to_string(f).unwrap()) {
            match rank(&used) {
                Some(theirs) if theirs > mine => {
                    problems.push(format!("{}: `{module}` uses `crate::{used}`, a later layer", f.strip_prefix(&src).unwrap().display()))
                }
                _ => {}
            }
        }
    }
    assert!(problems.is_empty(), "layering broken:\n{}", problems.join("\n"));
}

#[test]
fn the_checker_sees_paths_in_code_but_not_in_comments() {
    let code = "use crate::{kb::Kb, model};\nlet x = crate::corpus::Corpus::open(p); // crate::lsp\n/// [`crate::cli`]\n";
    let found: Vec<String> = uses(code).into_iter().collect();
    assert_eq!(found, ["corpus", "kb", "model"]);
}
