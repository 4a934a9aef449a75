//! A small LSP client for tests: spawns `byline lsp`, speaks JSON-RPC with
//! Content-Length framing over its stdio, answers the server's requests, keeps the
//! notifications it sends, and applies workspace edits to files on disk.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: Receiver<Value>,
    next_id: i64,
    /// Notifications and server requests seen and not yet taken.
    pub inbox: VecDeque<Value>,
    /// Workspace edits the server asked to apply (answered `applied: true`).
    pub applied: Vec<Value>,
    pub registrations: Vec<Value>,
    /// Responses that arrived while another one was awaited (the server may
    /// answer requests out of order), by id.
    early: std::collections::HashMap<i64, Value>,
}

pub fn uri(p: &Path) -> String {
    format!("file://{}", p.display())
}

impl Client {
    pub fn spawn() -> Client {
        Client::spawn_env(&[])
    }

    /// Spawns the server with extra environment variables (test hooks:
    /// `BYLINE_LSP_TEST`, see `src/lsp/faults.rs`).
    pub fn spawn_env(env: &[(&str, &str)]) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
            .arg("lsp")
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            // `BYLINE_TEST_SERVER_LOG=FILE`: the server's standard error, for debugging.
            .stderr(
                match std::env::var_os("BYLINE_TEST_SERVER_LOG")
                    .and_then(|f| std::fs::File::options().create(true).append(true).open(f).ok())
                {
                    Some(f) => Stdio::from(f),
                    None => Stdio::null(),
                },
            )
            .spawn()
            .expect("byline lsp starts");
        let stdout = child.stdout.take().unwrap();
        let stdin = child.stdin.take();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse::<usize>().ok();
                    }
                }
                let Some(n) = len else { return };
                let mut buf = vec![0; n];
                if r.read_exact(&mut buf).is_err() {
                    return;
                }
                if let Ok(v) = serde_json::from_slice::<Value>(&buf)
                    && tx.send(v).is_err()
                {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            rx,
            next_id: 1,
            inbox: VecDeque::new(),
            applied: Vec::new(),
            registrations: Vec::new(),
            early: Default::default(),
        }
    }

    pub fn send(&mut self, v: &Value) {
        let body = serde_json::to_vec(v).unwrap();
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        stdin.write_all(&body).unwrap();
        stdin.flush().unwrap();
    }

    /// Sends raw bytes (malformed input tests).
    pub fn send_raw(&mut self, body: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        stdin.write_all(body).unwrap();
        stdin.flush().unwrap();
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn recv(&mut self, timeout: Duration) -> Option<Value> {
        match self.rx.recv_timeout(timeout) {
            Ok(v) => Some(v),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => None,
        }
    }

    /// Handles a message from the server: answers its requests, keeps the rest.
    fn handle(&mut self, m: Value) -> Option<Value> {
        if m.get("method").is_some() && m.get("id").is_some() {
            let method = m["method"].as_str().unwrap_or("");
            let result = match method {
                "workspace/applyEdit" => {
                    self.applied.push(m["params"]["edit"].clone());
                    json!({"applied": true})
                }
                "client/registerCapability" => {
                    self.registrations.push(m["params"].clone());
                    Value::Null
                }
                _ => Value::Null,
            };
            self.send(&json!({"jsonrpc": "2.0", "id": m["id"], "result": result}));
            self.inbox.push_back(m);
            return None;
        }
        if m.get("method").is_some() {
            self.inbox.push_back(m);
            return None;
        }
        Some(m)
    }

    /// Sends a request and waits for its response (`result` or `error`).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.wait_response(id)
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends a request without waiting; returns its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Waits for the response to request `id` (`result` or `error`).
    pub fn wait_response(&mut self, id: i64) -> Value {
        let method = format!("request {id}");
        if let Some(resp) = self.early.remove(&id) {
            return resp;
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            let Some(m) = self.recv(Duration::from_millis(200)) else { continue };
            if let Some(resp) = self.handle(m) {
                if resp["id"] == json!(id) {
                    return resp;
                }
                if let Some(other) = resp["id"].as_i64() {
                    self.early.insert(other, resp);
                }
            }
        }
        panic!("no response to {method}");
    }

    /// The result of a request (panics on an error response).
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        let r = self.request(method, params);
        assert!(r.get("error").is_none(), "{method} failed: {r}");
        r["result"].clone()
    }

    /// Waits until a notification or request matching `pred` arrives.
    pub fn wait_for(&mut self, what: &str, timeout: Duration, pred: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(i) = self.inbox.iter().position(&pred) {
                return self.inbox.remove(i).unwrap();
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; inbox: {:?}",
                self.inbox.iter().map(|m| m["method"].clone()).collect::<Vec<_>>()
            );
            if let Some(m) = self.recv(Duration::from_millis(100)) {
                let _ = self.handle(m);
            }
        }
    }

    /// Waits until the server says its background work is done: asks with a
    /// `byline/status` request (answered after every message sent before it
    /// was handled) and, unless it is `quiescent`, waits for a status
    /// notification that is.
    pub fn wait_quiescent(&mut self, timeout: Duration) {
        self.inbox.retain(|m| m["method"] != "byline/status");
        if self.call("byline/status", Value::Null)["quiescent"] == true {
            return;
        }
        self.wait_for("a quiescent byline/status", timeout, |m| m["method"] == "byline/status" && m["params"]["quiescent"] == true);
    }

    /// Reads and handles whatever arrives within `d`.
    pub fn pump(&mut self, d: Duration) {
        let deadline = Instant::now() + d;
        while Instant::now() < deadline {
            if let Some(m) = self.recv(Duration::from_millis(20)) {
                let _ = self.handle(m);
            }
        }
    }

    /// `initialize` + `initialized`, then waits for indexing to finish.
    pub fn start(root: &Path, capabilities: Value, options: Value) -> (Client, Value) {
        Client::start_env(root, capabilities, options, &[])
    }

    /// [`Client::start`] with extra environment variables for the server.
    pub fn start_env(root: &Path, capabilities: Value, options: Value, env: &[(&str, &str)]) -> (Client, Value) {
        let mut c = Client::spawn_env(env);
        let init = c.call(
            "initialize",
            json!({"processId": null, "rootUri": uri(root), "capabilities": capabilities, "initializationOptions": options}),
        );
        c.notify("initialized", json!({}));
        c.wait_for("indexing done", Duration::from_secs(60), |m| m["method"] == "byline/status" && m["params"]["indexing"] == false);
        (c, init)
    }

    pub fn open(&mut self, path: &Path) {
        let text = std::fs::read_to_string(path).unwrap();
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(path), "languageId": "plaintext", "version": 1, "text": text}}),
        );
    }

    /// Pull diagnostics of a document.
    pub fn diagnostics(&mut self, path: &Path) -> Vec<Value> {
        let r = self.call("textDocument/diagnostic", json!({"textDocument": {"uri": uri(path)}}));
        r["items"].as_array().cloned().unwrap_or_default()
    }

    /// Ends the session politely and waits for the process.
    pub fn shutdown(mut self) -> std::process::ExitStatus {
        let _ = self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.stdin.take();
        wait(&mut self.child)
    }

    /// Closes standard input and waits for the process.
    pub fn close_stdin(mut self) -> std::process::ExitStatus {
        self.stdin.take();
        wait(&mut self.child)
    }
}

fn wait(child: &mut Child) -> std::process::ExitStatus {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Ok(Some(s)) = child.try_wait() {
            return s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server did not exit");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Applies a WorkspaceEdit to files on disk (UTF-16 positions), like an editor.
pub fn apply_edit(edit: &Value) {
    let mut per_file: Vec<(PathBuf, Vec<Value>)> = Vec::new();
    let path_of = |u: &str| PathBuf::from(u.strip_prefix("file://").unwrap());
    if let Some(changes) = edit["changes"].as_object() {
        for (u, edits) in changes {
            per_file.push((path_of(u), edits.as_array().unwrap().clone()));
        }
    }
    for dc in edit["documentChanges"].as_array().into_iter().flatten() {
        if dc["kind"] == "create" {
            let p = path_of(dc["uri"].as_str().unwrap());
            if !p.exists() {
                std::fs::write(&p, "").unwrap();
            }
            continue;
        }
        per_file.push((path_of(dc["textDocument"]["uri"].as_str().unwrap()), dc["edits"].as_array().unwrap().clone()));
    }
    for (path, mut edits) in per_file {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        edits.sort_by_key(|e| {
            std::cmp::Reverse((e["range"]["start"]["line"].as_u64().unwrap(), e["range"]["start"]["character"].as_u64().unwrap()))
        });
        let mut out = text.clone();
        for e in edits {
            let a = offset16(&out, &e["range"]["start"]);
            let b = offset16(&out, &e["range"]["end"]);
            out.replace_range(a..b, e["newText"].as_str().unwrap());
        }
        std::fs::write(&path, out).unwrap();
    }
}

/// Byte offset of an LSP position (UTF-16 columns) in `text`.
pub fn offset16(text: &str, pos: &Value) -> usize {
    let line = pos["line"].as_u64().unwrap() as usize;
    let col = pos["character"].as_u64().unwrap() as usize;
    let mut start = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i == line {
            let mut units = 0;
            for (b, ch) in l.char_indices() {
                if units >= col || ch == '\n' || ch == '\r' {
                    return start + b;
                }
                units += ch.len_utf16();
            }
            return start + l.trim_end_matches(['\n', '\r']).len();
        }
        start += l.len();
    }
    text.len()
}

/// The LSP position (UTF-16 by default) of the `n`th occurrence of `needle`.
pub fn find(text: &str, needle: &str, n: usize) -> Value {
    let at = text.match_indices(needle).nth(n).unwrap_or_else(|| panic!("{needle:?} #{n} not found")).0;
    pos16(text, at)
}

pub fn pos16(text: &str, at: usize) -> Value {
    let before = &text[..at];
    let line = before.matches('\n').count();
    let col: usize = before.rsplit('\n').next().unwrap().encode_utf16().count();
    json!({"line": line, "character": col})
}
