//! Every output of the CLI and of the language server on the example corpus and
//! the held-out development set, compared with snapshots (`tests/snapshots/`,
//! with `insta`). A refactoring must leave them byte-identical; a change of
//! behaviour shows up here as a diff to review (`cargo insta review`, or delete
//! the `.snap` file and re-run to accept).
//!
//! Result ids of diagnostics and semantic tokens are opaque to clients and are
//! left out; everything else a client sees is kept.

mod lsp_client;
mod support;

use std::path::{Path, PathBuf};

use lsp_client::{Client, uri};
use serde_json::{Value, json};
use support::{root, run};

/// Runs `byline ARGS` and returns exit status, stdout and stderr as one text,
/// with the corpus folder written as `<corpus>`.
fn output(corpus: &Path, args: &[&str]) -> String {
    let out = run(args);
    let clean = |b: &[u8]| String::from_utf8_lossy(b).replace(corpus.to_str().unwrap(), "<corpus>");
    format!("status: {:?}\n--- stdout\n{}--- stderr\n{}", out.status.code(), clean(&out.stdout), clean(&out.stderr))
}

/// A copy of a corpus whose files were all last modified on one fixed day, as
/// after a checkout (which gives every file the moment of the checkout): the
/// snapshots do not depend on when the repository was cloned.
fn pinned_copy(corpus: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    support::copy_dir(corpus, dir.path());
    let checkout = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_767_225_600); // 2026-01-01
    for e in std::fs::read_dir(dir.path()).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            std::fs::File::options().write(true).open(&p).unwrap().set_modified(checkout).unwrap();
        }
    }
    dir
}

/// The files of a folder with the given extension, sorted.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == ext)).collect();
    v.sort();
    v
}

fn cli_outputs(name: &str, corpus: &Path) {
    let copy = pinned_copy(corpus);
    let corpus = copy.path();
    let c = corpus.to_str().unwrap();
    let cases: &[(&str, &[&str])] = &[
        ("check", &["check", c]),
        ("check-hint", &["check", "--severity", "hint", c]),
        ("check-json", &["check", "--format", "json", c]),
        ("fix", &["fix", c]),
        ("fix-all", &["fix", "--all", c]),
        ("entities", &["entities", c]),
        ("entities-json", &["entities", "--format", "json", c]),
        ("export-jsonl", &["export", "--format", "jsonl", c]),
        ("export-conll", &["export", "--format", "conll", c]),
    ];
    for (what, args) in cases {
        insta::assert_snapshot!(format!("{name}-{what}"), output(corpus, args));
    }
    let brat = tempfile::tempdir().unwrap();
    let status = output(corpus, &["export", "--format", "brat", "--out", brat.path().to_str().unwrap(), c]);
    let mut all = status.replace(brat.path().to_str().unwrap(), "<out>");
    for f in files(brat.path(), "ann").into_iter().chain(files(brat.path(), "conf")) {
        all += &format!("=== {}\n{}", f.file_name().unwrap().to_string_lossy(), std::fs::read_to_string(&f).unwrap());
    }
    insta::assert_snapshot!(format!("{name}-export-brat"), all);
    let mut shown = String::new();
    for f in files(corpus, "txt") {
        shown += &format!("=== {}\n{}", f.file_name().unwrap().to_string_lossy(), output(corpus, &["show", f.to_str().unwrap()]));
    }
    insta::assert_snapshot!(format!("{name}-show"), shown);
}

#[test]
fn cli_outputs_on_the_example_corpus() {
    cli_outputs("examples", &root().join("examples/corpus"));
}

#[test]
fn cli_outputs_on_the_development_set() {
    cli_outputs("dev", &root().join("eval/dev/docs"));
}

/// Decodes relative semantic tokens into (line, start) positions.
fn token_starts(data: &[Value]) -> Vec<(u64, u64, u64)> {
    let (mut line, mut col) = (0, 0);
    data.chunks(5)
        .map(|t| {
            let (dl, dc, ty) = (t[0].as_u64().unwrap(), t[1].as_u64().unwrap(), t[3].as_u64().unwrap());
            if dl > 0 {
                col = 0;
            }
            line += dl;
            col += dc;
            (line, col, ty)
        })
        .collect()
}

/// Drops result ids (opaque to clients) from a response.
fn without_ids(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        o.remove("resultId");
    }
    v
}

#[test]
fn server_responses_on_the_example_corpus() {
    let dir = pinned_copy(&root().join("examples/corpus"));
    let r = dir.path().canonicalize().unwrap();
    let caps = json!({
        "general": {"positionEncodings": ["utf-16"]},
        "textDocument": {"publishDiagnostics": {"relatedInformation": true}, "diagnostic": {"dynamicRegistration": false},
            "semanticTokens": {"requests": {"full": {"delta": true}}, "tokenTypes": [], "tokenModifiers": [], "formats": ["relative"]},
            "rename": {"prepareSupport": true}},
        "workspace": {"diagnostics": {"refreshSupport": true}, "workspaceEdit": {"documentChanges": true}, "applyEdit": true}
    });
    let (mut c, init) = Client::start(&r, caps, Value::Null);
    let root_uri = uri(&r);
    let mut log = vec![json!({"initialize": init})];
    for f in files(&r, "txt") {
        c.open(&f);
        let doc = json!({"uri": uri(&f)});
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let diags = without_ids(c.call("textDocument/diagnostic", json!({"textDocument": doc})));
        let tokens = without_ids(c.call("textDocument/semanticTokens/full", json!({"textDocument": doc})));
        let starts = token_starts(tokens["data"].as_array().unwrap());
        let mut hovers = Vec::new();
        let mut first_person = None;
        for &(line, character, ty) in &starts {
            let at = json!({"line": line, "character": character + 1});
            hovers.push(json!({"at": at, "hover": c.call("textDocument/hover", json!({"textDocument": doc, "position": at}))}));
            if ty == 0 && first_person.is_none() {
                first_person = Some(at);
            }
        }
        let mut actions = Vec::new();
        for d in diags["items"].as_array().unwrap() {
            let range = &d["range"];
            actions.push(c.call("textDocument/codeAction", json!({"textDocument": doc, "range": range, "context": {"diagnostics": [d]}})));
        }
        let symbols = c.call("textDocument/documentSymbol", json!({"textDocument": doc}));
        let mut nav = json!(null);
        if let Some(at) = first_person {
            let p = json!({"textDocument": doc, "position": at});
            nav = json!({
                "definition": c.call("textDocument/definition", p.clone()),
                "references": c.call("textDocument/references", json!({"textDocument": doc, "position": at, "context": {"includeDeclaration": true}})),
                "highlight": c.call("textDocument/documentHighlight", p.clone()),
                "prepareRename": c.call("textDocument/prepareRename", p.clone()),
                "rename": c.call("textDocument/rename", json!({"textDocument": doc, "position": at, "newName": "Renamed Person"})),
            });
        }
        log.push(json!({"document": name, "diagnostics": diags, "semanticTokens": tokens, "hovers": hovers, "codeActions": actions, "symbols": symbols, "navigation": nav}));
    }
    log.push(json!({"workspace/symbol": c.call("workspace/symbol", json!({"query": ""}))}));
    let mut ws = c.call("workspace/diagnostic", json!({"previousResultIds": []}));
    for item in ws["items"].as_array_mut().unwrap() {
        *item = without_ids(item.take());
    }
    if let Some(items) = ws["items"].as_array_mut() {
        items.sort_by(|a, b| a["uri"].as_str().cmp(&b["uri"].as_str()));
    }
    log.push(json!({"workspace/diagnostic": ws}));
    // One line per response: reviewable diffs without megabytes of indentation.
    let mut text = String::new();
    for entry in &log {
        for (k, v) in entry.as_object().unwrap() {
            match v.as_array() {
                Some(items) if k == "hovers" || k == "codeActions" => {
                    for item in items {
                        text += &format!("{k}: {item}\n");
                    }
                }
                _ => text += &format!("{k}: {v}\n"),
            }
        }
    }
    let text = text.replace(&root_uri, "file://<corpus>").replace(r.to_str().unwrap(), "<corpus>");
    insta::assert_snapshot!("examples-server", text);
    assert!(c.shutdown().success());
}

/// A line diff of two texts (`-` only in `old`, `+` only in `new`), from
/// their longest common subsequence of lines.
fn line_diff(old: &str, new: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, String::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out += &format!("  {}\n", a[i]);
            (i, j) = (i + 1, j + 1);
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out += &format!("+ {}\n", b[j]);
            j += 1;
        } else {
            out += &format!("- {}\n", a[i]);
            i += 1;
        }
    }
    out
}

/// A README sample of `byline ARGS examples/corpus`: the first block of the
/// real output (blocks are separated by blank lines) that contains each of
/// `picks`, then the summary (the last block), as the README shows it.
fn readme_sample(args: &[&str], picks: &[&str]) -> String {
    let copy = pinned_copy(&root().join("examples/corpus"));
    let mut full: Vec<&str> = args.to_vec();
    full.push(copy.path().to_str().unwrap());
    let out = String::from_utf8(run(&full).stdout).unwrap();
    let blocks: Vec<&str> = out.trim_end().split("\n\n").collect();
    let (summary, findings) = blocks.split_last().unwrap();
    let mut shown: Vec<&str> = picks
        .iter()
        .map(|p| *findings.iter().find(|b| b.contains(p)).unwrap_or_else(|| panic!("no block with {p:?} in `byline {args:?}`:\n{out}")))
        .collect();
    shown.push("…");
    shown.push(summary);
    format!("```text\n$ byline {} examples/corpus\n{}\n```\n", args.join(" "), shown.join("\n\n"))
}

/// The README's samples of `byline check` are the real output: each block
/// between `<!-- BEGIN sample: NAME -->` and `<!-- END sample: NAME -->` is
/// compared with the command's output on the example corpus.
/// `BYLINE_UPDATE_README=1 cargo test --release --test snapshots readme`
/// rewrites them.
#[test]
fn readme_samples_are_the_real_output() {
    let samples = [
        ("check", readme_sample(&["check"], &["“Seongrak Wi” is spelled", "“Recep Tayyip Erdogan” is spelled"])),
        ("check --group", readme_sample(&["check", "--group"], &["use “defense”", "use “Wi Sung-lac”"])),
    ];
    let path = root().join("README.md");
    let mut readme = std::fs::read_to_string(&path).unwrap();
    let mut drift = String::new();
    for (name, sample) in samples {
        let begin = format!("<!-- BEGIN sample: {name} -->\n");
        let end = format!("<!-- END sample: {name} -->");
        let start = readme.find(&begin).unwrap_or_else(|| panic!("README.md has no {begin:?}")) + begin.len();
        let stop = start + readme[start..].find(&end).unwrap_or_else(|| panic!("README.md has no {end:?}"));
        if readme[start..stop] != sample {
            drift += &format!(
                "README sample `byline {name}` (-) differs from the real output (+):\n{}\n",
                line_diff(&readme[start..stop], &sample)
            );
            readme.replace_range(start..stop, &sample);
        }
    }
    if drift.is_empty() {
        return;
    }
    if std::env::var_os("BYLINE_UPDATE_README").is_some() {
        std::fs::write(&path, readme).unwrap();
    } else {
        panic!("{drift}Update it with BYLINE_UPDATE_README=1 cargo test --release --test snapshots readme");
    }
}
