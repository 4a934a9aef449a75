//! The language server under protocol abuse: requests after `shutdown`,
//! `exit` without it, documents it does not know, positions from an older
//! version of a document, overlapping and out-of-range edits in one change, a
//! client that vanishes. Each gets an error or an empty result, the server keeps
//! serving, and it always exits (never hangs).

mod lsp_client;
mod support;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lsp_client::{Client, find, uri};
use serde_json::{Value, json};

const HAGUE: &str = "2025-06-25-hague-nato-summit-wi-rutte.txt";
const LEE: &str = "2025-06-04-lee-jae-myung-inauguration.txt";

fn caps() -> Value {
    json!({
        "general": {"positionEncodings": ["utf-16"]},
        "window": {"workDoneProgress": true},
        "textDocument": {
            "diagnostic": {"dynamicRegistration": false},
            "semanticTokens": {"requests": {"full": {"delta": true}, "range": true}, "tokenTypes": [], "tokenModifiers": [], "formats": ["relative"]},
            "rename": {"prepareSupport": true}
        },
        "workspace": {"diagnostics": {"refreshSupport": true}, "workspaceEdit": {"documentChanges": true}}
    })
}

fn corpus_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    support::copy_dir(&support::corpus(), dir.path());
    let root = dir.path().canonicalize().unwrap();
    (dir, root)
}

fn text_of(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap()
}

fn hover_text(h: &Value) -> String {
    h["contents"]["value"].as_str().unwrap_or("").to_string()
}

#[test]
fn requests_after_shutdown_are_errors_and_exit_ends_the_process() {
    let (_dir, r) = corpus_copy();
    let (mut c, _) = Client::start(&r, caps(), Value::Null);
    let f = r.join(HAGUE);
    c.open(&f);
    let shut = c.request("shutdown", Value::Null);
    assert!(shut.get("error").is_none(), "{shut}");
    // After shutdown: requests are InvalidRequest, notifications are dropped.
    let text = text_of(&f);
    let late = c.request("textDocument/hover", json!({"textDocument": {"uri": uri(&f)}, "position": find(&text, "Mark Rutte", 0)}));
    assert_eq!(late["error"]["code"], -32600, "{late}");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&f), "version": 2}, "contentChanges": [{"text": "Seongrak Wi spoke."}]}),
    );
    let again = c.request("shutdown", Value::Null);
    assert_eq!(again["error"]["code"], -32600, "{again}");
    c.notify("exit", Value::Null);
    let t = Instant::now();
    let status = c.close_stdin();
    assert!(status.success(), "{status:?}");
    assert!(t.elapsed() < Duration::from_secs(5));
}

#[test]
fn exit_without_shutdown_and_shutdown_while_indexing_do_not_hang() {
    let (_dir, r) = corpus_copy();
    // Indexing takes 5 s more: shutdown and exit arrive in the middle of it.
    let mut c = Client::spawn_env(&[("BYLINE_LSP_TEST", "delay-index=5000")]);
    c.call("initialize", json!({"processId": null, "rootUri": uri(&r), "capabilities": caps()}));
    c.notify("initialized", json!({}));
    c.open(&r.join(HAGUE));
    let t = Instant::now();
    let shut = c.request("shutdown", Value::Null);
    assert!(shut.get("error").is_none(), "{shut}");
    assert!(t.elapsed() < Duration::from_secs(2), "shutdown waited for indexing: {:?}", t.elapsed());
    let status = c.shutdown();
    assert!(t.elapsed() < Duration::from_secs(4), "exit waited for indexing: {:?}", t.elapsed());
    assert!(status.success(), "{status:?}");
    // `exit` alone (no shutdown) ends the process too.
    let (mut c, _) = Client::start(&r, caps(), Value::Null);
    c.notify("exit", Value::Null);
    let t = Instant::now();
    let _ = c.close_stdin();
    assert!(t.elapsed() < Duration::from_secs(5));
}

#[test]
fn documents_the_server_does_not_know_and_positions_from_older_versions() {
    let (_dir, r) = corpus_copy();
    let (mut c, _) = Client::start(&r, caps(), Value::Null);
    let lee = r.join(LEE);
    let lee_text = text_of(&lee);
    // A change, a close and a save for a document that was never opened: ignored
    // (the file on disk stays the truth).
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&lee), "version": 7}, "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 3, "character": 0}}, "text": "gone"}]}),
    );
    c.notify("textDocument/didSave", json!({"textDocument": {"uri": uri(&lee)}}));
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": uri(&r.join("never-opened.txt"))}}));
    let at = find(&lee_text, "Kim Min-seok", 0);
    let h = c.call("textDocument/hover", json!({"textDocument": {"uri": uri(&lee)}, "position": at}));
    assert!(hover_text(&h).contains("Kim Min-seok"), "{h}");
    // Unknown documents, inside and outside the workspace, and other schemes.
    for u in [uri(&r.join("missing.txt")), "file:///nowhere/at/all.txt".into(), "untitled:Untitled-1".into(), "not a uri".into()] {
        let h = c.request("textDocument/hover", json!({"textDocument": {"uri": u}, "position": {"line": 0, "character": 0}}));
        assert!(h.get("error").is_some() || h["result"].is_null(), "{u}: {h}");
        let refs = c.request(
            "textDocument/references",
            json!({"textDocument": {"uri": u}, "position": {"line": 0, "character": 0}, "context": {"includeDeclaration": true}}),
        );
        assert!(refs.get("error").is_some() || refs["result"].is_null() || refs["result"] == json!([]), "{u}: {refs}");
    }
    // Positions from an older, longer version of a document.
    let f = r.join(HAGUE);
    let text = text_of(&f);
    c.open(&f);
    let old = find(&text, "Mark Rutte", 1);
    assert!(old["line"].as_u64().unwrap() > 1, "a mention below the first line");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&f), "version": 2}, "contentChanges": [{"text": "Mark Rutte spoke.\n"}]}),
    );
    let h = c.call("textDocument/hover", json!({"textDocument": {"uri": uri(&f)}, "position": old}));
    assert!(h.is_null(), "{h}");
    for (method, extra) in [
        ("textDocument/references", json!({"context": {"includeDeclaration": true}})),
        ("textDocument/definition", json!({})),
        ("textDocument/documentHighlight", json!({})),
        ("textDocument/prepareRename", json!({})),
        ("textDocument/rename", json!({"newName": "Marc Rutte"})),
        ("textDocument/completion", json!({})),
    ] {
        let mut params = json!({"textDocument": {"uri": uri(&f)}, "position": old});
        for (k, v) in extra.as_object().unwrap() {
            params[k] = v.clone();
        }
        let resp = c.request(method, params);
        let empty = resp["result"].is_null() || resp["result"] == json!([]) || resp["result"]["items"] == json!([]);
        assert!(resp.get("error").is_some() || empty, "{method}: {resp}");
    }
    let range = c.call(
        "textDocument/semanticTokens/range",
        json!({"textDocument": {"uri": uri(&f)}, "range": {"start": {"line": 40, "character": 0}, "end": {"line": 90, "character": 5}}}),
    );
    assert!(range.is_null() || range["data"].as_array().is_some(), "{range}");
    // Past the end of the one line: the end of the line; the new text answers.
    let h = c.call("textDocument/hover", json!({"textDocument": {"uri": uri(&f)}, "position": {"line": 0, "character": 3}}));
    assert!(hover_text(&h).contains("Mark Rutte"), "{h}");
    let far =
        c.call("textDocument/hover", json!({"textDocument": {"uri": uri(&f)}, "position": {"line": 0, "character": 4_000_000_000u64}}));
    assert!(far.is_null() || far.is_object(), "{far}");
    // Opened twice: the second text wins.
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri(&f), "languageId": "plaintext", "version": 5, "text": "Nobody here.\n"}}),
    );
    let h = c.call("textDocument/hover", json!({"textDocument": {"uri": uri(&f)}, "position": {"line": 0, "character": 3}}));
    assert!(!hover_text(&h).contains("Mark Rutte"), "{h}");
    assert!(c.shutdown().success());
}

/// One LSP content change applied to a plain string, UTF-16 positions: a
/// column past the end of its line is the end of the line, a line past the end
/// is the end of the text, a reversed range is the same range.
fn apply_reference(text: &str, change: &Value) -> String {
    let Some(range) = change.get("range") else { return change["text"].as_str().unwrap().to_string() };
    let offset = |p: &Value| -> usize {
        let (line, col) = (p["line"].as_u64().unwrap() as usize, p["character"].as_u64().unwrap() as usize);
        let mut start = 0;
        for _ in 0..line {
            match text[start..].find('\n') {
                Some(i) => start += i + 1,
                None => return text.len(),
            }
        }
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let mut cu = 0;
        for (i, ch) in text[start..end].char_indices() {
            if cu >= col {
                return start + i;
            }
            cu += ch.len_utf16();
        }
        end
    };
    let (a, b) = (offset(&range["start"]), offset(&range["end"]));
    let (a, b) = (a.min(b), a.max(b));
    format!("{}{}{}", &text[..a], change["text"].as_str().unwrap(), &text[b..])
}

#[test]
fn overlapping_reversed_and_out_of_range_edits_apply_in_order() {
    let (_dir, r) = corpus_copy();
    let (mut c, _) = Client::start(&r, caps(), Value::Null);
    let a = r.join("edited.txt");
    let start = "Officials met on Monday.\nThe talks 😀 went on.\n";
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri(&a), "languageId": "plaintext", "version": 1, "text": start}}));
    let pos = |line: u32, character: u64| json!({"line": line, "character": character});
    let changes = vec![
        // Insert, then replace a range overlapping what was just inserted.
        json!({"range": {"start": pos(0, 0), "end": pos(0, 0)}, "text": "NATO Secretary General Mark Rutte said "}),
        json!({"range": {"start": pos(0, 20), "end": pos(0, 45)}, "text": "ral Mark Rutte told reporters "}),
        // A reversed range.
        json!({"range": {"start": pos(1, 9), "end": pos(1, 4)}, "text": "negotiations"}),
        // Inside the emoji's surrogate pair, and a column past the end of a line.
        json!({"range": {"start": pos(1, 20), "end": pos(1, 500)}, "text": " with Seongrak Wi."}),
        // A line past the end of the text.
        json!({"range": {"start": pos(99, 0), "end": pos(120, 3)}, "text": "Lee Jae-myung agreed.\n"}),
    ];
    let mut expected = start.to_string();
    for ch in &changes {
        expected = apply_reference(&expected, ch);
    }
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": uri(&a), "version": 2}, "contentChanges": changes}));
    // The same text opened as another document gives the same tokens and
    // symbols (once the refresh has brought both into the same decisions).
    let b = r.join("reference.txt");
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri(&b), "languageId": "plaintext", "version": 1, "text": expected}}));
    c.pump(Duration::from_millis(1000));
    for method in ["textDocument/semanticTokens/full", "textDocument/documentSymbol"] {
        let got = c.call(method, json!({"textDocument": {"uri": uri(&a)}}));
        let want = c.call(method, json!({"textDocument": {"uri": uri(&b)}}));
        let strip = |v: &Value| {
            let mut v = v.clone();
            if let Some(o) = v.as_object_mut() {
                o.remove("resultId");
            }
            v
        };
        assert_eq!(strip(&got), strip(&want), "{method}");
        assert!(got.to_string().len() > 20, "{method}: {got}");
    }
    let h = c.call("textDocument/hover", json!({"textDocument": {"uri": uri(&a)}, "position": find(&expected, "Mark Rutte", 0)}));
    assert!(hover_text(&h).contains("Mark Rutte"), "{h}");
    assert!(c.shutdown().success());
}

/// Writes one framed JSON-RPC message.
fn frame(w: &mut impl Write, v: &Value) -> std::io::Result<()> {
    let body = serde_json::to_vec(v).unwrap();
    write!(w, "Content-Length: {}\r\n\r\n", body.len())?;
    w.write_all(&body)?;
    w.flush()
}

fn exits_within(child: &mut std::process::Child, d: Duration) -> Option<std::process::ExitStatus> {
    let deadline = Instant::now() + d;
    while Instant::now() < deadline {
        if let Ok(Some(s)) = child.try_wait() {
            return Some(s);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    None
}

#[test]
fn a_client_that_vanishes_ends_the_server() {
    let (_dir, r) = corpus_copy();
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_byline"))
            .arg("lsp")
            .env("BYLINE_LSP_TEST", "delay-index=3000")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let init = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": null, "rootUri": uri(&r), "capabilities": caps()}});
    let initialized = json!({"jsonrpc": "2.0", "method": "initialized", "params": {}});
    let hover = |id: u64| json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": {"textDocument": {"uri": uri(&r.join(HAGUE))}, "position": {"line": 0, "character": 0}}});
    // Both pipes closed at once, in the middle of indexing (a killed editor).
    let mut child = spawn();
    let mut stdin = child.stdin.take().unwrap();
    frame(&mut stdin, &init).unwrap();
    frame(&mut stdin, &initialized).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    drop(stdin);
    drop(child.stdout.take());
    assert!(exits_within(&mut child, Duration::from_secs(5)).is_some(), "the server outlived its client");
    // Standard output closed first (broken pipe), input still open: the server
    // stops when it cannot answer instead of serving no one.
    let mut child = spawn();
    let mut stdin = child.stdin.take().unwrap();
    frame(&mut stdin, &init).unwrap();
    frame(&mut stdin, &initialized).unwrap();
    drop(child.stdout.take());
    for id in 2..200 {
        if frame(&mut stdin, &hover(id)).is_err() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(exits_within(&mut child, Duration::from_secs(5)).is_some(), "the server kept running with no one to answer");
    // A message cut off in the middle, then end of input.
    let mut child = spawn();
    let mut stdin = child.stdin.take().unwrap();
    frame(&mut stdin, &init).unwrap();
    stdin.write_all(b"Content-Length: 500\r\n\r\n{\"jsonrpc\": \"2.0\", \"id\": 2, \"meth").unwrap();
    drop(stdin);
    let status = exits_within(&mut child, Duration::from_secs(5));
    assert!(status.is_some_and(|s| s.success()), "{status:?}");
}
