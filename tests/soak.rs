//! Soak: for a bounded time (60 s; `BYLINE_SOAK_SECS` to change), stream edits
//! into several open documents while firing hover, semantic tokens, references,
//! code actions and diagnostics without waiting between them, with other files
//! changing on disk at the same time. Checks that every response fits the text
//! of the version it answered, that memory stays flat, and that the final state
//! equals what a fresh server computes from the final files.

mod lsp_client;
mod support;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use lsp_client::{Client, offset16, uri};
use serde_json::{Value, json};

fn caps() -> Value {
    json!({
        "general": {"positionEncodings": ["utf-16"]},
        "textDocument": {"diagnostic": {"dynamicRegistration": false}},
        "workspace": {"diagnostics": {"refreshSupport": true}, "didChangeWatchedFiles": {"dynamicRegistration": false}}
    })
}

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

/// Sentences the edits insert: known names, variant spellings, British forms.
const SENTENCES: [&str; 6] = [
    "Later, Jens Stoltenburg told reporters in Brussels that the talks went well.",
    "Foreign Minister Cho Tae-yul met his Japanese counterpart in Tokyo on Monday.",
    "The defence programme was approved by President Lee Jae Myung on Friday.",
    "Wi Sung-lac, the national security adviser, spoke after the meeting.",
    "Seongrak Wi said the organisation would meet again in Seoul.",
    "Gitanas Nauseda called it a \"historic day\" for the alliance.",
];

/// UTF-16 position of byte offset `at` in `text`.
fn pos16(text: &str, at: usize) -> Value {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..line_start].matches('\n').count();
    let character: usize = text[line_start..at].chars().map(char::len_utf16).sum();
    json!({"line": line, "character": character})
}

/// The text of every line, to check ranges against (UTF-16 lengths).
fn line_lengths(text: &str) -> Vec<usize> {
    text.split('\n').map(|l| l.trim_end_matches('\r').chars().map(char::len_utf16).sum()).collect()
}

fn in_bounds(lines: &[usize], p: &Value) -> bool {
    let (l, c) = (p["line"].as_u64().unwrap() as usize, p["character"].as_u64().unwrap() as usize);
    l < lines.len() && c <= lines[l]
}

/// Checks one response against the text of the version it was asked about.
fn check_response(method: &str, resp: &Value, text: &str, what: &str) {
    if let Some(e) = resp.get("error") {
        // A request overtaken by a newer edit may be cancelled; nothing else is allowed.
        assert_eq!(e["code"], -32801, "{what}: {method} failed: {e}");
        return;
    }
    let r = &resp["result"];
    let lines = line_lengths(text);
    match method {
        "textDocument/diagnostic" => {
            for d in r["items"].as_array().unwrap() {
                assert!(in_bounds(&lines, &d["range"]["start"]) && in_bounds(&lines, &d["range"]["end"]), "{what}: {d}");
                let (s, e) = (offset16(text, &d["range"]["start"]), offset16(text, &d["range"]["end"]));
                if let Some(found) = d["data"]["found"].as_str() {
                    assert_eq!(&text[s..e], found, "{what}: a diagnostic's range holds what it says it found: {d}");
                }
            }
        }
        "textDocument/semanticTokens/full" => {
            let data = r["data"].as_array().unwrap();
            let (mut line, mut start) = (0usize, 0usize);
            for t in data.chunks(5) {
                let (dl, ds, len) = (t[0].as_u64().unwrap() as usize, t[1].as_u64().unwrap() as usize, t[2].as_u64().unwrap() as usize);
                if dl > 0 {
                    line += dl;
                    start = ds;
                } else {
                    start += ds;
                }
                assert!(line < lines.len() && start + len <= lines[line], "{what}: token at {line}:{start}+{len} outside the text");
            }
        }
        "textDocument/hover" => {
            if let Some(range) = r.get("range") {
                assert!(in_bounds(&lines, &range["start"]) && in_bounds(&lines, &range["end"]), "{what}: {r}");
            }
        }
        "textDocument/references" => {
            for loc in r.as_array().into_iter().flatten() {
                assert!(loc["uri"].as_str().unwrap().starts_with("file://"), "{what}: {loc}");
            }
        }
        _ => {}
    }
}

/// Every diagnostic of the workspace, in a comparable form.
fn workspace_diagnostics(c: &mut Client) -> BTreeMap<String, Vec<String>> {
    let ws = c.call("workspace/diagnostic", json!({"previousResultIds": []}));
    let mut out = BTreeMap::new();
    for item in ws["items"].as_array().unwrap() {
        let mut ds: Vec<String> = item["items"]
            .as_array()
            .map(|v| v.iter().map(|d| format!("{} {} {}", d["range"], d["code"], d["message"])).collect())
            .unwrap_or_default();
        ds.sort();
        if !ds.is_empty() {
            out.insert(item["uri"].as_str().unwrap().to_string(), ds);
        }
    }
    out
}

/// The workspace diagnostics once the server's background work is done and
/// they stop changing.
fn settled_diagnostics(c: &mut Client) -> BTreeMap<String, Vec<String>> {
    c.wait_quiescent(Duration::from_secs(120));
    let mut last = workspace_diagnostics(c);
    loop {
        c.pump(Duration::from_millis(500));
        let now = workspace_diagnostics(c);
        if now == last {
            return now;
        }
        c.wait_quiescent(Duration::from_secs(120));
        last = now;
    }
}

fn rss_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status.lines().find_map(|l| l.strip_prefix("VmRSS:")).and_then(|v| v.split_whitespace().next()?.parse().ok()).unwrap_or(0)
}

struct Open {
    path: PathBuf,
    text: String,
    version: i64,
    inserted: usize,
}

fn change(c: &mut Client, d: &mut Open, rng: &mut Rng) {
    d.version += 1;
    let ranged = |c: &mut Client, d: &Open, s: usize, e: usize, new: &str| {
        let (ps, pe) = (pos16(&d.text, s), pos16(&d.text, e));
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(&d.path), "version": d.version}, "contentChanges": [{"range": {"start": ps, "end": pe}, "text": new}]}),
        );
    };
    match rng.below(4) {
        // Remove the first inserted sentence, if there are many.
        _ if d.inserted > 4 => {
            let marker = d.text.find("\n\u{2063}").expect("an inserted sentence");
            let end = d.text[marker + 1..].find('\n').map_or(d.text.len(), |i| marker + 1 + i);
            ranged(c, d, marker, end, "");
            d.text.replace_range(marker..end, "");
            d.inserted -= 1;
        }
        // The whole text at once (full sync).
        0 => {
            d.text.push_str(&format!("\n\u{2063}{}", SENTENCES[rng.below(SENTENCES.len())]));
            d.inserted += 1;
            c.notify(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri(&d.path), "version": d.version}, "contentChanges": [{"text": d.text}]}),
            );
        }
        // A sentence inserted after a random line, typed as one change.
        _ => {
            let lines: Vec<usize> = d.text.match_indices('\n').map(|(i, _)| i).collect();
            let at = if lines.is_empty() { d.text.len() } else { lines[rng.below(lines.len())] };
            let new = format!("\n\u{2063}{}", SENTENCES[rng.below(SENTENCES.len())]);
            ranged(c, d, at, at, &new);
            d.text.insert_str(at, &new);
            d.inserted += 1;
        }
    }
}

#[test]
fn a_minute_of_edits_requests_and_disk_changes() {
    let secs: u64 = std::env::var("BYLINE_SOAK_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let dir = tempfile::tempdir().unwrap();
    support::copy_dir(&support::corpus(), dir.path());
    let root = dir.path().canonicalize().unwrap();
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&root).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    files.sort();
    let (open_paths, disk_paths) = files.split_at(4);
    let (mut c, _) = Client::start(&root, caps(), Value::Null);
    let pid = c.pid();
    let mut docs: Vec<Open> = open_paths
        .iter()
        .map(|p| {
            c.open(p);
            Open { path: p.clone(), text: std::fs::read_to_string(p).unwrap(), version: 1, inserted: 0 }
        })
        .collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let start = Instant::now();
    let mut rss: Vec<(f64, u64)> = Vec::new();
    let mut rounds = 0;
    let mut extra: Option<PathBuf> = None;
    while start.elapsed() < Duration::from_secs(secs) {
        rounds += 1;
        // Edits to two of the open documents.
        for _ in 0..2 {
            let i = rng.below(docs.len());
            change(&mut c, &mut docs[i], &mut rng);
        }
        // The disk changes under the server: a closed file rewritten, a new
        // file created or deleted, an open file truncated (the editor's text wins).
        let p = &disk_paths[rng.below(disk_paths.len())];
        let mut t = std::fs::read_to_string(p).unwrap();
        t.push_str(SENTENCES[rng.below(SENTENCES.len())]);
        t.push('\n');
        std::fs::write(p, t).unwrap();
        let mut events = vec![json!({"uri": uri(p), "type": 2})];
        match extra.take() {
            Some(x) => {
                std::fs::remove_file(&x).unwrap();
                events.push(json!({"uri": uri(&x), "type": 3}));
            }
            None => {
                let x = root.join(format!("extra-{rounds}.txt"));
                std::fs::write(&x, SENTENCES.join(" ")).unwrap();
                events.push(json!({"uri": uri(&x), "type": 1}));
                extra = Some(x);
            }
        }
        if rounds % 7 == 0 {
            let victim = &docs[rng.below(docs.len())].path;
            std::fs::write(victim, "").unwrap();
            events.push(json!({"uri": uri(victim), "type": 2}));
        }
        c.notify("workspace/didChangeWatchedFiles", json!({"changes": events}));
        // Requests on every open document, all sent before any answer is read.
        let mut asked: Vec<(i64, &'static str, usize)> = Vec::new();
        for (i, d) in docs.iter().enumerate() {
            let td = json!({"uri": uri(&d.path)});
            let at = {
                // A random place, on a char boundary.
                let mut b = d.text.len() * rng.below(100) / 100;
                while !d.text.is_char_boundary(b) {
                    b -= 1;
                }
                pos16(&d.text, b)
            };
            for (method, params) in [
                ("textDocument/hover", json!({"textDocument": td, "position": at})),
                ("textDocument/semanticTokens/full", json!({"textDocument": td})),
                ("textDocument/references", json!({"textDocument": td, "position": at, "context": {"includeDeclaration": true}})),
                ("textDocument/codeAction", json!({"textDocument": td, "range": {"start": at, "end": at}, "context": {"diagnostics": []}})),
                ("textDocument/diagnostic", json!({"textDocument": td})),
            ] {
                asked.push((c.send_request(method, params), method, i));
            }
        }
        for (id, method, i) in asked {
            let resp = c.wait_response(id);
            let d = &docs[i];
            check_response(method, &resp, &d.text, &format!("round {rounds}, {} v{}", d.path.display(), d.version));
        }
        rss.push((start.elapsed().as_secs_f64(), rss_kb(pid)));
    }
    assert!(rounds >= 10, "only {rounds} rounds in {secs} s");
    // Memory stays flat: the last third of the run uses no more than the first
    // third plus a margin (the documents grow and shrink by a few sentences).
    let third = rss.len() / 3;
    let early = rss[..third.max(1)].iter().map(|r| r.1).max().unwrap();
    let late = rss[rss.len() - third.max(1)..].iter().map(|r| r.1).max().unwrap();
    assert!(late <= early + early / 2 + 20_000, "memory grew: {early} kB early, {late} kB late ({rounds} rounds)");
    // The final state: the editor saves and closes; the server must then agree
    // with a fresh server started on the final files.
    for d in &docs {
        std::fs::write(&d.path, &d.text).unwrap();
        c.notify("textDocument/didSave", json!({"textDocument": {"uri": uri(&d.path)}}));
        c.notify("textDocument/didClose", json!({"textDocument": {"uri": uri(&d.path)}}));
    }
    let events: Vec<Value> = docs.iter().map(|d| json!({"uri": uri(&d.path), "type": 2})).collect();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": events}));
    let soaked = settled_diagnostics(&mut c);
    assert!(c.shutdown().success());
    let (mut fresh, _) = Client::start(&root, caps(), Value::Null);
    let expected = settled_diagnostics(&mut fresh);
    assert!(!expected.is_empty());
    let flat = |m: &BTreeMap<String, Vec<String>>| -> Vec<String> {
        m.iter().flat_map(|(u, ds)| ds.iter().map(move |d| format!("{u} {d}"))).collect()
    };
    let (soaked, expected) = (flat(&soaked), flat(&expected));
    let only_soaked: Vec<&String> = soaked.iter().filter(|d| !expected.contains(d)).take(12).collect();
    let only_fresh: Vec<&String> = expected.iter().filter(|d| !soaked.contains(d)).take(12).collect();
    assert!(
        only_soaked.is_empty() && only_fresh.is_empty(),
        "after {rounds} rounds the server disagrees with a fresh index of the final files:\nonly after the soak: {only_soaked:#?}\nonly fresh: {only_fresh:#?}"
    );
}

/// Every file under `dir` with its bytes.
fn files_under(dir: &std::path::Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(p.clone(), std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn the_server_writes_no_files() {
    let dir = tempfile::tempdir().unwrap();
    support::copy_dir(&support::corpus(), dir.path());
    let root = dir.path().canonicalize().unwrap();
    let before = files_under(&root);
    let (mut c, init) = Client::start(&root, caps(), Value::Null);
    let commands: Vec<String> = init["capabilities"]["executeCommandProvider"]["commands"]
        .as_array()
        .map(|v| v.iter().filter_map(|s| s.as_str().map(String::from)).collect())
        .unwrap_or_default();
    let mut actions = 0;
    for p in before.keys().filter(|p| p.extension().is_some_and(|x| x == "txt")) {
        c.open(p);
        let td = json!({"uri": uri(p)});
        for d in c.diagnostics(p) {
            let r = c.call("textDocument/codeAction", json!({"textDocument": td, "range": d["range"], "context": {"diagnostics": [d]}}));
            for a in r.as_array().into_iter().flatten() {
                actions += 1;
                // Commands the server offers are run too (they may ask the client to apply edits).
                if let Some(cmd) = a.get("command").filter(|c| c.is_object()) {
                    let _ = c.request("workspace/executeCommand", json!({"command": cmd["command"], "arguments": cmd["arguments"]}));
                }
            }
            let r =
                c.request("textDocument/rename", json!({"textDocument": td, "position": d["range"]["start"], "newName": "Someone Else"}));
            assert!(r.get("result").is_some() || r.get("error").is_some());
        }
    }
    for cmd in &commands {
        let _ = c.request("workspace/executeCommand", json!({"command": cmd, "arguments": []}));
    }
    c.pump(Duration::from_millis(500));
    assert!(c.shutdown().success());
    assert!(actions > 10, "only {actions} code actions were tried");
    assert_eq!(files_under(&root), before, "the server changed files on disk");
}
