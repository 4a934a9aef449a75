#!/usr/bin/env python3
"""Drives `byline lsp` over stdio like an editor and times what a user feels.

    python3 bench/lsp_bench.py --server target/release/byline --corpus DIR \
        [--hovers 500] [--edits 30] [--rename] [--long-line FILE] [--json OUT]

Standard library only. The client declares what VS Code declares that matters
here: pull diagnostics (`textDocument.diagnostic`) with
`workspace.diagnostics.refreshSupport`, semantic-token refresh, work-done
progress, dynamic registration of file watching (so the server registers a
client-side watcher rather than starting its own), `documentChanges` in
workspace edits, and UTF-8 positions (offered first; the server picks UTF-8 when
offered). Server requests are answered at once from the reader thread
(`workspace/configuration` with nulls, `client/registerCapability`,
`window/workDoneProgress/create`, the refresh requests with null,
`workspace/applyEdit` with applied=false).

What is measured, and the signal used for each figure (times are wall-clock
round trips seen by this client, so they include JSON and pipe overhead of a
few tens of microseconds):

* first diagnostics: an article that has findings (another spelling of a
  recurring person and a British spelling in a mostly American corpus) is opened (`didOpen`) right after
  `initialized` and its diagnostics pulled at once (`textDocument/diagnostic`).
  A server that answers at once from what it has indexed so far (no findings
  yet) sends `workspace/diagnostic/refresh` when it knows more; the article is
  pulled again after each such request until its diagnostics have items. The
  figure is initialized -> the first response with items (`first_answer_ms`:
  the first response, whatever it held; `after_refresh`: it took a re-pull).
  (A server that holds the answer until indexed gives it in the first
  response; an empty answer after a 60 s wait means it gave up waiting: the
  article is then pulled again after indexing and flagged `late`.)
* indexing finished: the first `byline/status` notification with
  `indexing: false` after `initialized` (sent at the end of `start()`, after the
  decisions are computed and the diagnostic refresh is requested).
* server RSS: VmRSS and VmHWM from /proc/PID/status once indexing is finished,
  and again at the end.
* semantic tokens: `textDocument/semanticTokens/full` round trips on the
  articles used for hover positions.
* hover: `textDocument/hover` round trips at the middle of mention tokens
  (person/organisation/place tokens of semantic tokens) across several articles
  (not opened; the server answers hover for any corpus article).
* keystroke's own diagnostics: an incremental `didChange` inserting a sentence
  with another spelling of a recurring person's name (from the generator's
  manifest.json, or better a person spelling the server marks with the
  semantic-token modifier `variant`) at the end of the article's lead paragraph
  (the first edit adds the sentence, each later edit rewrites it, so the article
  always holds one added mention), immediately followed by a pull of that
  article's diagnostics; figure = didChange sent -> pull response. The server
  re-analyses the article inside the didChange handler, so the answer reflects
  the edit; the corpus-wide spelling decisions are not recomputed yet, so
  `flagged_now` counts whether the new variant was already flagged.
* corpus-wide refresh after an edit: didChange sent -> the server's
  `workspace/diagnostic/refresh` request. The server's refresh loop debounces
  150 ms, recomputes the corpus-wide decisions, swaps them in and then asks the
  client to re-pull: that request is the first moment every article's
  diagnostics are up to date. Also reported: -> a re-pull of the edited article
  after that request (`refresh_repull`, what an editor shows) and -> the next
  `byline/status` (`status`, which also counts all findings for the status bar).
  `flagged_after_refresh` counts edits whose variant is flagged in the re-pull.
  Edits are measured one at a time (the next edit is sent after the refresh).
* rename: `textDocument/rename` on a mention of the most frequent recurring
  person (from manifest.json) -> the WorkspaceEdit response (not applied);
  the number of documents and edits in it.
* long line (`--long-line FILE`): a separate session whose workspace is the
  file's folder: first diagnostics and indexing as above, semantic tokens of
  the article, hovers on it, and one keystroke's own diagnostics.

Prints a table on standard error and the results as JSON on standard output
(or to --json).
"""
import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse


def now():
    return time.perf_counter()


def ms(a, b):
    return round((b - a) * 1000.0, 3)


def pct(xs, p):
    """Nearest-rank percentile."""
    if not xs:
        return None
    s = sorted(xs)
    k = max(0, min(len(s) - 1, int(-(-p * len(s) // 100)) - 1))
    return round(s[k], 3)


def summary(xs):
    if not xs:
        return {"n": 0}
    return {"n": len(xs), "p50_ms": pct(xs, 50), "p99_ms": pct(xs, 99), "max_ms": round(max(xs), 3), "mean_ms": round(statistics.fmean(xs), 3)}


def uri_of(path):
    return "file://" + urllib.parse.quote(os.path.abspath(path))


def proc_status(pid):
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                k, _, v = line.partition(":")
                if k in ("VmRSS", "VmHWM"):
                    out[k] = int(v.split()[0])
    except OSError:
        pass
    return out


class Timeout(Exception):
    pass


class Client:
    def __init__(self, server, stderr_path=None):
        self.stderr = open(stderr_path, "wb") if stderr_path else subprocess.DEVNULL
        self.t_spawn = now()
        self.proc = subprocess.Popen([server, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr, bufsize=0)
        self.wlock = threading.Lock()
        self.cv = threading.Condition()
        self.responses = {}
        self.messages = []  # (time, message) for notifications and server requests
        self.next_id = 1
        self.closed = False
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    # --- wire ---
    def _write(self, msg):
        body = json.dumps(msg, separators=(",", ":")).encode()
        with self.wlock:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()

    def _read(self):
        f = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = f.readline()
                    if not line:
                        raise EOFError
                    line = line.strip()
                    if not line:
                        break
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                if length is None:
                    continue
                body = b""
                while len(body) < length:
                    chunk = f.read(length - len(body))
                    if not chunk:
                        raise EOFError
                    body += chunk
                t = now()
                msg = json.loads(body)
                if "method" in msg and "id" in msg:
                    self._answer(msg)
                with self.cv:
                    if "method" in msg:
                        self.messages.append((t, msg))
                    else:
                        self.responses[msg.get("id")] = (t, msg)
                    self.cv.notify_all()
        except (EOFError, ValueError, OSError):
            with self.cv:
                self.closed = True
                self.cv.notify_all()

    def _answer(self, msg):
        m = msg["method"]
        if m == "workspace/configuration":
            result = [None for _ in msg.get("params", {}).get("items", [])]
        elif m == "workspace/applyEdit":
            result = {"applied": False}
        else:
            # client/registerCapability, window/workDoneProgress/create,
            # workspace/diagnostic/refresh, workspace/semanticTokens/refresh, ...
            result = None
        try:
            self._write({"jsonrpc": "2.0", "id": msg["id"], "result": result})
        except OSError:
            pass

    # --- API ---
    def notify(self, method, params):
        t = now()
        self._write({"jsonrpc": "2.0", "method": method, "params": params})
        return t

    def send(self, method, params):
        """Sends a request; returns (id, time sent)."""
        i = self.next_id
        self.next_id += 1
        t = now()
        self._write({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
        return i, t

    def wait_response(self, i, timeout):
        deadline = now() + timeout
        with self.cv:
            while i not in self.responses:
                left = deadline - now()
                if left <= 0 or self.closed:
                    raise Timeout(f"no response to request {i}")
                self.cv.wait(left)
            return self.responses.pop(i)

    def call(self, method, params, timeout=60):
        """Request -> (round-trip ms, result, error)."""
        i, t = self.send(method, params)
        tr, msg = self.wait_response(i, timeout)
        return ms(t, tr), msg.get("result"), msg.get("error")

    def wait_for(self, pred, after, timeout):
        """Waits for a notification/request arriving at or after `after` matching pred; returns (time, msg)."""
        deadline = now() + timeout
        with self.cv:
            while True:
                for t, m in self.messages:
                    if t >= after and pred(m):
                        return t, m
                left = deadline - now()
                if left <= 0 or self.closed:
                    raise Timeout("timed out waiting")
                self.cv.wait(left)

    def settle(self, quiet=0.5, timeout=30):
        """Waits until nothing arrives for `quiet` seconds."""
        deadline = now() + timeout
        while now() < deadline:
            with self.cv:
                n = len(self.messages)
                self.cv.wait(quiet)
                if len(self.messages) == n:
                    return True
        return False

    def rss(self):
        return proc_status(self.proc.pid)

    def close(self):
        try:
            i, _ = self.send("shutdown", None)
            self.wait_response(i, 10)
            self.notify("exit", None)
        except (Timeout, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def capabilities():
    return {
        "general": {"positionEncodings": ["utf-8", "utf-16"]},
        "window": {"workDoneProgress": True, "showMessage": {}},
        "workspace": {
            "configuration": True,
            "workspaceFolders": True,
            "diagnostics": {"refreshSupport": True},
            "semanticTokens": {"refreshSupport": True},
            "didChangeWatchedFiles": {"dynamicRegistration": True},
            "workspaceEdit": {"documentChanges": True, "resourceOperations": ["create", "rename", "delete"]},
            "applyEdit": True,
        },
        "textDocument": {
            "synchronization": {"didSave": True, "dynamicRegistration": False},
            "diagnostic": {"dynamicRegistration": False, "relatedDocumentSupport": False},
            "publishDiagnostics": {"relatedInformation": True},
            "hover": {"contentFormat": ["markdown", "plaintext"]},
            "rename": {"prepareSupport": True},
            "semanticTokens": {
                "requests": {"full": {"delta": True}, "range": True},
                "tokenTypes": ["person", "organization", "place", "role", "namespace", "type", "class", "variable", "property", "function", "keyword", "string"],
                "tokenModifiers": ["unknown", "variant", "declaration", "deprecated"],
                "formats": ["relative"],
            },
        },
    }


class Doc:
    """An open document's text, to compute positions in the negotiated encoding."""

    def __init__(self, path, text, enc):
        self.path = path
        self.uri = uri_of(path)
        self.lines = text.split("\n")
        self.enc = enc
        self.version = 1

    def col(self, s):
        if self.enc == "utf-8":
            return len(s.encode("utf-8"))
        if self.enc == "utf-32":
            return len(s)
        return len(s.encode("utf-16-le")) // 2

    def text_at(self, line, start_col, end_col):
        """The text between two columns of a line (in the encoding's units)."""
        raw = self.lines[line]
        if self.enc == "utf-8":
            b = raw.encode("utf-8")
            return b[start_col:end_col].decode("utf-8", "replace")
        if self.enc == "utf-32":
            return raw[start_col:end_col]
        b = raw.encode("utf-16-le")
        return b[start_col * 2:end_col * 2].decode("utf-16-le", "replace")

    def replace_at_line_end(self, line, old_len, s):
        """didChange params replacing the last `old_len` characters of `line`
        (0: inserting at its end) with s; updates the text. Returns (params,
        column where s starts)."""
        raw = self.lines[line]
        keep = raw[: len(raw) - old_len] if old_len else raw
        col = self.col(keep)
        end = self.col(raw)
        self.lines[line] = keep + s
        self.version += 1
        return {
            "textDocument": {"uri": self.uri, "version": self.version},
            "contentChanges": [{"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": end}}, "text": s}],
        }, col


def decode_tokens(data):
    """Relative semantic tokens -> [(line, start, length, type, mods)]."""
    out = []
    line = start = 0
    for k in range(0, len(data) - 4, 5):
        dl, ds, ln, ty, mods = data[k:k + 5]
        if dl:
            line += dl
            start = ds
        else:
            start += ds
        out.append((line, start, ln, ty, mods))
    return out


def list_articles(root, limit=None):
    out = []
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for f in sorted(files):
            if f.endswith(".txt"):
                out.append(os.path.join(d, f))
                if limit and len(out) >= limit:
                    return out
    return out


def load_manifest(root):
    try:
        with open(os.path.join(root, "manifest.json"), encoding="utf-8") as f:
            return json.load(f)
    except OSError:
        return None


def start_session(args, root, open_path, res, prefix=""):
    """Spawns the server, initializes with `root`, opens `open_path` and pulls its
    diagnostics; fills res with first-diagnostics and indexing figures."""
    c = Client(args.server, args.server_log)
    i, _ = c.send("initialize", {
        "processId": os.getpid(),
        "clientInfo": {"name": "byline-lsp-bench"},
        "rootUri": uri_of(root),
        "workspaceFolders": [{"uri": uri_of(root), "name": os.path.basename(root)}],
        "capabilities": capabilities(),
        "initializationOptions": None,
    })
    t_init, resp = c.wait_response(i, 60)
    result = resp.get("result") or {}
    caps = result.get("capabilities", {})
    enc = caps.get("positionEncoding", "utf-16")
    legend = (caps.get("semanticTokensProvider") or {}).get("legend", {})
    res[prefix + "initialize_ms"] = ms(c.t_spawn, t_init)
    res[prefix + "encoding"] = enc
    t_initialized = c.notify("initialized", {})
    with open(open_path, encoding="utf-8") as f:
        text = f.read()
    doc = Doc(open_path, text, enc)
    c.notify("textDocument/didOpen", {"textDocument": {"uri": doc.uri, "languageId": "plaintext", "version": 1, "text": text}})
    did, _ = c.send("textDocument/diagnostic", {"textDocument": {"uri": doc.uri}})
    first = {}
    try:
        t_first, m = c.wait_response(did, args.index_timeout)
        items = ((m.get("result") or {}).get("items")) or []
        first = {"from_spawn_ms": ms(c.t_spawn, t_first), "from_initialized_ms": ms(t_initialized, t_first), "items": len(items),
                 "first_answer_ms": ms(t_initialized, t_first), "first_answer_items": len(items)}
        # A server that answers before the corpus is indexed (from what it has so
        # far) sends `workspace/diagnostic/refresh` once it knows more: pull again
        # after each refresh request until the article's diagnostics are there.
        t_last = t_first
        deadline = now() + args.index_timeout
        while not items and now() < deadline:
            try:
                t_ref, _ = c.wait_for(lambda m: m.get("method") == "workspace/diagnostic/refresh", t_last, deadline - now())
            except Timeout:
                break
            i2, _ = c.send("textDocument/diagnostic", {"textDocument": {"uri": doc.uri}})
            t_last, m = c.wait_response(i2, 60)
            items = ((m.get("result") or {}).get("items")) or []
            first.update({"from_spawn_ms": ms(c.t_spawn, t_last), "from_initialized_ms": ms(t_initialized, t_last), "items": len(items),
                          "after_refresh": True})
    except Timeout:
        first = {"timeout_s": args.index_timeout}
    try:
        t_idx, m = c.wait_for(lambda m: m.get("method") == "byline/status" and m["params"].get("indexing") is False, t_initialized, args.index_timeout)
        res[prefix + "indexing_done_ms"] = {"from_spawn_ms": ms(c.t_spawn, t_idx), "from_initialized_ms": ms(t_initialized, t_idx), "status": m["params"]}
    except Timeout:
        res[prefix + "indexing_done_ms"] = {"timeout_s": args.index_timeout}
        res[prefix + "first_diagnostics"] = first
        return c, doc, legend, False
    if first.get("items") == 0 and first.get("from_initialized_ms", 0) > 59000:
        # The server stopped waiting for the index (60 s); ask again.
        t0 = now()
        _, r, _ = c.call("textDocument/diagnostic", {"textDocument": {"uri": doc.uri}}, timeout=60)
        first["late"] = True
        first["late_items"] = len((r or {}).get("items") or [])
        first["late_from_initialized_ms"] = ms(t_initialized, now())
        del t0
    res[prefix + "first_diagnostics"] = first
    rss = c.rss()
    res[prefix + "rss_after_indexing_kb"] = rss.get("VmRSS")
    res[prefix + "hwm_after_indexing_kb"] = rss.get("VmHWM")
    return c, doc, legend, True


def hover_positions(c, paths, legend, want, deadline, res):
    """Mention positions (uri, line, char, path) from semantic tokens of `paths`,
    and person names the server marks as variants (token modifier "variant");
    also times the token requests. Scans up to 300 articles for a variant."""
    types = legend.get("tokenTypes", [])
    mods = legend.get("tokenModifiers", [])
    mention_types = {i for i, t in enumerate(types) if t in ("person", "organization", "location")} or {0, 1, 2}
    person = types.index("person") if "person" in types else 0
    variant_bit = 1 << mods.index("variant") if "variant" in mods else 0
    positions = []
    variants = []
    token_ms = []
    for n, p in enumerate(paths):
        if now() > deadline or (len(positions) >= want and (variants or n >= 300)):
            break
        u = uri_of(p)
        rtt, r, err = c.call("textDocument/semanticTokens/full", {"textDocument": {"uri": u}}, timeout=60)
        token_ms.append(rtt)
        if not r:
            continue
        d = None
        for (line, start, ln, ty, m) in decode_tokens(r.get("data", [])):
            if ty in mention_types:
                positions.append((u, line, start + ln // 2, p))
            if ty == person and m & variant_bit:
                if d is None:
                    with open(p, encoding="utf-8") as f:
                        d = Doc(p, f.read(), res.get("encoding", "utf-8"))
                t = d.text_at(line, start, start + ln)
                if " " in t:
                    variants.append(t)
    res["semantic_tokens"] = summary(token_ms)
    return positions[:want], variants


def bench_hover(c, positions, deadline):
    times = []
    nonnull = 0
    for (u, line, ch, _) in positions:
        if now() > deadline:
            break
        rtt, r, _ = c.call("textDocument/hover", {"textDocument": {"uri": u}, "position": {"line": line, "character": ch}}, timeout=30)
        times.append(rtt)
        nonnull += 1 if r else 0
    out = summary(times)
    out["non_empty"] = nonnull
    return out


def pick_variant(manifest):
    """A recurring person with another spelling: (canonical, variant)."""
    if not manifest:
        return None, None
    for p in manifest.get("people", []):
        for v in p.get("variants", []):
            if v["name"] != p["name"] and p["articles"] >= 3:
                return p["name"], v["name"]
    return None, None


def edit_line(doc):
    """The line edits go into: the first long prose line (the lead)."""
    for k, l in enumerate(doc.lines):
        if len(l) > 150:
            return k
    return max(range(len(doc.lines)), key=lambda k: len(doc.lines[k]))


def flagged(items, doc, line, col, name):
    """Whether a diagnostic covers the inserted variant name (on `line`, after `col`)."""
    for it in items:
        r = it.get("range", {})
        s, e = r.get("start", {}), r.get("end", {})
        if s.get("line") == line and s.get("character", -1) >= col:
            t = doc.text_at(line, s["character"], e.get("character", s["character"]) if e.get("line") == line else s["character"] + 200)
            if t and (t in name or name.split()[-1] in t or name.split()[0] in t):
                return True
    return False


def bench_edits(c, doc, n, variant, deadline, res, prefix=""):
    line = edit_line(doc)
    own, refresh, repull, status = [], [], [], []
    flagged_now = flagged_later = 0
    weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    timeouts = 0
    previous = 0
    for k in range(n):
        if now() > deadline:
            res[prefix + "edits_stopped_early"] = f"deadline after {k} edits"
            break
        # The first edit adds the sentence; each later one rewrites it (another
        # weekday), so the document always holds exactly one added mention.
        sentence = f" {variant} told reporters on {weekdays[k % 5]} that the talks would continue."
        params, col = doc.replace_at_line_end(line, previous, sentence)
        previous = len(sentence)
        col += 1  # after the space
        t_send = c.notify("textDocument/didChange", params)
        did, _ = c.send("textDocument/diagnostic", {"textDocument": {"uri": doc.uri}})
        try:
            t_own, m = c.wait_response(did, 60)
        except Timeout:
            timeouts += 1
            break
        own.append(ms(t_send, t_own))
        if flagged((m.get("result") or {}).get("items") or [], doc, line, col, variant):
            flagged_now += 1
        try:
            t_ref, _ = c.wait_for(lambda m: m.get("method") == "workspace/diagnostic/refresh", t_send, args_timeout(deadline))
            refresh.append(ms(t_send, t_ref))
            rtt, r, _ = c.call("textDocument/diagnostic", {"textDocument": {"uri": doc.uri}}, timeout=60)
            repull.append(ms(t_send, now()))
            if flagged((r or {}).get("items") or [], doc, line, col, variant):
                flagged_later += 1
            t_st, _ = c.wait_for(lambda m: m.get("method") == "byline/status" and m["params"].get("indexing") is False, t_send, args_timeout(deadline))
            status.append(ms(t_send, t_st))
        except Timeout:
            timeouts += 1
            break
        c.settle(quiet=0.2, timeout=10)
    res[prefix + "edit_variant"] = variant
    res[prefix + "edit_own_diagnostics"] = dict(summary(own), flagged_now=flagged_now)
    res[prefix + "edit_refresh"] = dict(summary(refresh), signal="workspace/diagnostic/refresh")
    res[prefix + "edit_refresh_repull"] = dict(summary(repull), flagged_after_refresh=flagged_later)
    res[prefix + "edit_status"] = dict(summary(status), signal="byline/status indexing=false")
    if timeouts:
        res[prefix + "edit_timeouts"] = timeouts


def args_timeout(deadline):
    return max(1.0, deadline - now())


def bench_rename(c, root, manifest, legend, res):
    del legend
    if not manifest or not manifest.get("people"):
        res["rename"] = {"skipped": "no manifest.json"}
        return
    person = manifest["people"][0]
    name = person["name"]
    # An article with the canonical name in it.
    path = None
    for p in list_articles(root):
        with open(p, encoding="utf-8") as f:
            if name in f.read():
                path = p
                break
    if not path:
        res["rename"] = {"skipped": f"{name} not found"}
        return
    u = uri_of(path)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    _, r, _ = c.call("textDocument/semanticTokens/full", {"textDocument": {"uri": u}}, timeout=60)
    d = Doc(path, text, res.get("encoding", "utf-8"))
    pos = None
    for (line, start, ln, ty, _) in decode_tokens((r or {}).get("data", [])):
        t = d.text_at(line, start, start + ln)
        if ty == 0 and (t == name or t in name.split()):
            pos = (line, start + ln // 2)
            break
    if pos is None:
        res["rename"] = {"skipped": f"no person token for {name} in {path}"}
        return
    rtt, r, err = c.call("textDocument/rename", {"textDocument": {"uri": u}, "position": {"line": pos[0], "character": pos[1]}, "newName": "Zed Testname"}, timeout=120)
    docs = edits = 0
    if r:
        for ch in r.get("documentChanges") or []:
            if "edits" in ch:
                docs += 1
                edits += len(ch["edits"])
        for _, es in (r.get("changes") or {}).items():
            docs += 1
            edits += len(es)
    res["rename"] = {"ms": rtt, "person": name, "articles_in_manifest": person["articles"], "documents": docs, "edits": edits, "error": err}


BRITISH = (" defence ", " organisation", " programme", " centre", " labour ", " criticised", " favoured")


def pick_open(paths, manifest):
    """The article opened first: one that will have diagnostics. Preferably one
    using another spelling of a recurring person (from manifest.json) and a
    British spelling (a quarter of the corpus uses them; the majority is
    American, so they are flagged); else one with a British spelling."""
    used = []
    for p in (manifest or {}).get("people", []):
        used += [v["name"] for v in p.get("variants", []) if v.get("articles")]
    fallback = None
    for p in paths[:5000]:
        with open(p, encoding="utf-8") as f:
            t = f.read()
        british = any(b in t for b in BRITISH)
        if british and any(u in t for u in used):
            return p
        if british and fallback is None:
            fallback = p
    return fallback or paths[0]


def run_corpus(args, res):
    root = os.path.abspath(args.corpus)
    manifest = load_manifest(root)
    paths = list_articles(root)
    res["articles"] = len(paths)
    res["text_bytes"] = sum(os.path.getsize(p) for p in paths)
    canonical, variant = pick_variant(manifest)
    open_path = pick_open(paths, manifest)
    res["opened"] = os.path.relpath(open_path, root)
    deadline = now() + args.budget
    c, doc, legend, ok = start_session(args, root, open_path, res)
    try:
        if not ok:
            return
        c.settle(quiet=0.5, timeout=60)
        others = [open_path] + [p for p in paths if p != open_path]
        positions, flagged_forms = hover_positions(c, others, legend, max(args.hovers, 1), deadline, res)
        if args.hovers:
            res["hover"] = bench_hover(c, positions, deadline)
        if flagged_forms:
            # A spelling the server already flags: the edit's own diagnostics can show it at once.
            variant = flagged_forms[0]
            res["edit_variant_source"] = "semantic token with the variant modifier"
        else:
            res["edit_variant_source"] = "manifest.json"
        if args.edits and variant:
            bench_edits(c, doc, args.edits, variant, deadline, res)
        elif args.edits:
            res["edit_own_diagnostics"] = {"skipped": "no manifest.json with variants"}
        if args.rename:
            c.settle(quiet=0.3, timeout=30)
            bench_rename(c, root, manifest, legend, res)
        rss = c.rss()
        res["rss_end_kb"] = rss.get("VmRSS")
        res["hwm_end_kb"] = rss.get("VmHWM")
    except Timeout as e:
        res.setdefault("errors", []).append(f"timeout: {e}")
    finally:
        c.close()


def run_long_line(args, res):
    path = os.path.abspath(args.long_line)
    root = os.path.dirname(path)
    out = {"file": path, "bytes": os.path.getsize(path)}
    deadline = now() + args.budget
    c, doc, legend, ok = start_session(args, root, path, out)
    try:
        if ok:
            u = doc.uri
            rtt, r, _ = c.call("textDocument/semanticTokens/full", {"textDocument": {"uri": u}}, timeout=args.index_timeout)
            data = (r or {}).get("data", [])
            out["semantic_tokens_ms"] = rtt
            out["semantic_tokens"] = len(data) // 5
            types = legend.get("tokenTypes", [])
            mods = legend.get("tokenModifiers", [])
            person = types.index("person") if "person" in types else 0
            variant_bit = 1 << mods.index("variant") if "variant" in mods else 0
            decoded = decode_tokens(data)
            toks = [t for t in decoded if t[3] in (0, 1, 2)]  # person, organization, location
            step = max(1, len(toks) // 50)
            positions = [(u, t[0], t[1] + t[2] // 2, path) for t in toks[::step][:50]]
            out["hover"] = bench_hover(c, positions, deadline)
            if args.edits:
                # A person spelling the server flags in this article, if any.
                flagged_forms = [doc.text_at(t[0], t[1], t[1] + t[2]) for t in decoded if t[3] == person and t[4] & variant_bit]
                flagged_forms = [f for f in flagged_forms if " " in f] or ["Kim Min-jun"]
                bench_edits(c, doc, min(3, args.edits), flagged_forms[0], deadline, out)
            rss = c.rss()
            out["hwm_end_kb"] = rss.get("VmHWM")
    except Timeout as e:
        out.setdefault("errors", []).append(f"timeout: {e}")
    finally:
        c.close()
    res["long_line"] = out


def fmt(v):
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.2f}"
    return str(v)


def table(res):
    rows = []
    if "articles" not in res:
        return long_table(res)
    fd = res.get("first_diagnostics", {})
    rows.append(("first diagnostics (ms from initialized)", fmt(fd.get("from_initialized_ms", "timeout")), f"items={fd.get('items')}"))
    ix = res.get("indexing_done_ms", {})
    rows.append(("indexing finished (ms from initialized)", fmt(ix.get("from_initialized_ms", "timeout")), ""))
    rows.append(("server RSS after indexing (MB)", fmt((res.get("rss_after_indexing_kb") or 0) / 1024), f"HWM {fmt((res.get('hwm_after_indexing_kb') or 0) / 1024)}"))
    st = res.get("semantic_tokens", {})
    rows.append(("semantic tokens p50 / p99 (ms)", f"{fmt(st.get('p50_ms'))} / {fmt(st.get('p99_ms'))}", f"n={st.get('n')}"))
    h = res.get("hover", {})
    rows.append(("hover p50 / p99 (ms)", f"{fmt(h.get('p50_ms'))} / {fmt(h.get('p99_ms'))}", f"n={h.get('n')} non-empty={h.get('non_empty')}"))
    e = res.get("edit_own_diagnostics", {})
    rows.append(("keystroke own diagnostics p50 / p99 (ms)", f"{fmt(e.get('p50_ms'))} / {fmt(e.get('p99_ms'))}", f"n={e.get('n')} flagged_now={e.get('flagged_now')}"))
    r = res.get("edit_refresh", {})
    rr = res.get("edit_refresh_repull", {})
    rows.append(("corpus refresh after edit p50 / p99 (ms)", f"{fmt(r.get('p50_ms'))} / {fmt(r.get('p99_ms'))}", f"re-pull p50 {fmt(rr.get('p50_ms'))}, flagged={rr.get('flagged_after_refresh')}"))
    s = res.get("edit_status", {})
    rows.append(("  ... until byline/status p50 / p99 (ms)", f"{fmt(s.get('p50_ms'))} / {fmt(s.get('p99_ms'))}", ""))
    rn = res.get("rename", {})
    rows.append(("rename (ms)", fmt(rn.get("ms")), f"{rn.get('documents')} docs, {rn.get('edits')} edits" if "ms" in rn else str(rn.get("skipped", ""))))
    rows.append(("server peak RSS (MB)", fmt((res.get("hwm_end_kb") or 0) / 1024), ""))
    return head(res) + "\n" + fmt_rows(rows) + ("\n" + long_table(res) if res.get("long_line") else "")


def long_table(res):
    rows = []
    ll = res.get("long_line")
    if ll:
        rows.append((f"long line {ll['bytes']} B: indexing (ms)", fmt(ll.get("indexing_done_ms", {}).get("from_initialized_ms", "timeout")), ""))
        rows.append(("  semantic tokens (ms)", fmt(ll.get("semantic_tokens_ms")), f"{ll.get('semantic_tokens')} tokens"))
        lh = ll.get("hover", {})
        rows.append(("  hover p50 / p99 (ms)", f"{fmt(lh.get('p50_ms'))} / {fmt(lh.get('p99_ms'))}", ""))
        le = ll.get("edit_own_diagnostics", {})
        rows.append(("  keystroke own diagnostics p50 (ms)", fmt(le.get("p50_ms")), ""))
        rr = ll.get("edit_refresh", {})
        rows.append(("  refresh after edit p50 (ms)", fmt(rr.get("p50_ms")), ""))
    return fmt_rows(rows)


def head(res):
    return f"LSP {res.get('label', '')}: {res.get('articles', '-')} articles, {res.get('text_bytes', '-')} bytes"


def fmt_rows(rows):
    if not rows:
        return ""
    w = max(len(a) for a, _, _ in rows)
    return "\n".join(f"  {a:<{w}}  {b:>16}  {c}" for a, b, c in rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--server", required=True)
    ap.add_argument("--corpus", help="workspace folder (a generated corpus)")
    ap.add_argument("--label", default="")
    ap.add_argument("--hovers", type=int, default=500)
    ap.add_argument("--edits", type=int, default=30)
    ap.add_argument("--rename", action="store_true")
    ap.add_argument("--long-line", help="a single-line article (its folder becomes the workspace of a second session)")
    ap.add_argument("--index-timeout", type=float, default=300, help="seconds to wait for indexing")
    ap.add_argument("--budget", type=float, default=600, help="seconds for the measurements after indexing, per session")
    ap.add_argument("--server-log", help="write the server's stderr here")
    ap.add_argument("--json", help="write results here (default: standard output)")
    args = ap.parse_args()
    res = {"label": args.label, "server": args.server}
    try:
        if args.corpus:
            run_corpus(args, res)
        if args.long_line:
            run_long_line(args, res)
    except Exception as e:  # keep what was measured
        res.setdefault("errors", []).append(repr(e))
    print(table(res), file=sys.stderr)
    out = json.dumps(res, indent=2)
    if args.json:
        with open(args.json, "w") as f:
            f.write(out + "\n")
    else:
        print(out)


if __name__ == "__main__":
    main()
