//! The language server over stdio, one test per capability, on a copy of the
//! example corpus, with a small JSON-RPC client (tests/lsp_client).

mod lsp_client;
mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use lsp_client::{Client, apply_edit, find, pos16, uri};
use serde_json::{Value, json};

fn caps(pull: bool, utf8: bool, dynamic_watch: bool) -> Value {
    let mut c = json!({
        "general": {"positionEncodings": if utf8 { json!(["utf-8", "utf-16"]) } else { json!(["utf-16"]) }},
        "window": {"workDoneProgress": true},
        "textDocument": {
            "publishDiagnostics": {"relatedInformation": true},
            "semanticTokens": {"requests": {"full": {"delta": true}, "range": true}, "tokenTypes": [], "tokenModifiers": [], "formats": ["relative"]},
            "rename": {"prepareSupport": true}
        },
        "workspace": {
            "diagnostics": {"refreshSupport": true},
            "semanticTokens": {"refreshSupport": true},
            "workspaceEdit": {"documentChanges": true, "resourceOperations": ["create"]},
            "didChangeWatchedFiles": {"dynamicRegistration": dynamic_watch},
            "applyEdit": true
        }
    });
    if pull {
        c["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false});
    }
    c
}

/// A temporary copy of the example corpus.
fn corpus_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    support::copy_dir(&support::corpus(), dir.path());
    dir
}

fn root(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().canonicalize().unwrap()
}

const HAGUE: &str = "2025-06-25-hague-nato-summit-wi-rutte.txt";
const LEE: &str = "2025-06-04-lee-jae-myung-inauguration.txt";

fn text_of(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap()
}

#[test]
fn text_sync_applies_incremental_changes_in_order_with_both_encodings() {
    let dir = corpus_copy();
    let r = root(&dir);
    let f = r.join(LEE);
    for utf8 in [false, true] {
        let (mut c, init) = Client::start(&r, caps(true, utf8, false), Value::Null);
        assert_eq!(init["capabilities"]["positionEncoding"], if utf8 { "utf-8" } else { "utf-16" });
        assert_eq!(init["capabilities"]["textDocumentSync"]["change"], 2, "incremental");
        c.open(&f);
        let text = text_of(&f);
        // Two quick edits in arrival order: the second one depends on the first.
        // Insert a line with Hangul and an emoji before a name, then a name after it.
        let line = r#""이재명 😀" — "#;
        c.notify("textDocument/didChange", json!({"textDocument": {"uri": uri(&f), "version": 2}, "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": format!("{line}\n")}]}));
        let col = if utf8 { line.len() } else { line.encode_utf16().count() };
        c.notify("textDocument/didChange", json!({"textDocument": {"uri": uri(&f), "version": 3}, "contentChanges": [{"range": {"start": {"line": 0, "character": col}, "end": {"line": 0, "character": col}}, "text": "President Yoon Suk Yeol met Mark Rutte"}]}));
        // The person after the emoji is at the right place in both encodings.
        let rutte_col =
            col + if utf8 { "President Yoon Suk Yeol met ".len() } else { "President Yoon Suk Yeol met ".encode_utf16().count() };
        let hover =
            c.call("textDocument/hover", json!({"textDocument": {"uri": uri(&f)}, "position": {"line": 0, "character": rutte_col + 2}}));
        assert!(hover["contents"]["value"].as_str().unwrap().contains("**Mark Rutte**"), "{hover}");
        assert_eq!(hover["range"]["start"]["character"], rutte_col);
        // The rest of the document is intact after the edits.
        let h2 = c.call("textDocument/hover", json!({"textDocument": {"uri": uri(&f)}, "position": find(&text, "Kim Min-seok", 0).as_object().map(|p| json!({"line": p["line"].as_u64().unwrap() + 1, "character": p["character"].as_u64().unwrap() + 1})).unwrap()}));
        assert!(h2["contents"]["value"].as_str().unwrap().contains("Kim Min-seok"), "{h2}");
        assert!(c.shutdown().success());
    }
}

#[test]
fn semantic_tokens_full_range_and_delta() {
    let dir = corpus_copy();
    let r = root(&dir);
    let (mut c, init) = Client::start(&r, caps(true, false, false), Value::Null);
    let legend = &init["capabilities"]["semanticTokensProvider"]["legend"];
    assert_eq!(legend["tokenTypes"], json!(["person", "organization", "location", "role"]));
    assert_eq!(legend["tokenModifiers"], json!(["unknown", "variant"]));
    let f = r.join(HAGUE);
    c.open(&f);
    let text = text_of(&f);
    let full = c.call("textDocument/semanticTokens/full", json!({"textDocument": {"uri": uri(&f)}}));
    let data: Vec<u64> = full["data"].as_array().unwrap().iter().map(|v| v.as_u64().unwrap()).collect();
    assert!(data.len() >= 5 * 30);
    // Decode and check a person, a role, a variant spelling.
    let (mut line, mut col) = (0u64, 0u64);
    let lines: Vec<&str> = text.split('\n').collect();
    let mut seen = Vec::new();
    for t in data.chunks(5) {
        if t[0] > 0 {
            line += t[0];
            col = t[1];
        } else {
            col += t[1];
        }
        let l: Vec<u16> = lines[line as usize].encode_utf16().collect();
        let s = String::from_utf16(&l[col as usize..(col + t[2]) as usize]).unwrap();
        seen.push((s, t[3], t[4]));
    }
    assert!(seen.contains(&("Mark Rutte".to_string(), 0, 0)), "Rutte is in the knowledge base: {seen:?}");
    assert!(seen.contains(&("Secretary General".to_string(), 3, 0)), "{seen:?}");
    assert!(seen.iter().any(|(s, ty, m)| s == "Seongrak Wi" && *ty == 0 && m & 2 != 0), "variant modifier: {seen:?}");
    assert!(seen.iter().any(|(s, ty, m)| s == "Volodymyr Zelenskyy" && *ty == 0 && m & 1 != 0), "unknown modifier: {seen:?}");
    assert!(seen.iter().any(|(s, ty, _)| s == "NATO" && *ty == 1));
    assert!(seen.iter().any(|(s, ty, _)| s == "THE HAGUE" && *ty == 2));
    // Range: only tokens inside.
    let rng = c.call(
        "textDocument/semanticTokens/range",
        json!({"textDocument": {"uri": uri(&f)}, "range": {"start": {"line": 2, "character": 0}, "end": {"line": 3, "character": 0}}}),
    );
    let n = rng["data"].as_array().unwrap().len() / 5;
    assert!(n > 0 && n < data.len() / 5);
    // Delta after an edit: only a few numbers change.
    let id = full["resultId"].as_str().unwrap().to_string();
    let pos = find(&text, "Spain", 0);
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": uri(&f), "version": 2}, "contentChanges": [{"range": {"start": pos, "end": pos}, "text": "Portugal and "}]}));
    let delta = c.call("textDocument/semanticTokens/full/delta", json!({"textDocument": {"uri": uri(&f)}, "previousResultId": id}));
    let edits = delta["edits"].as_array().expect("a delta, not full tokens");
    assert_eq!(edits.len(), 1);
    assert!(edits[0]["data"].as_array().unwrap().len() < data.len() / 2);
    assert!(c.shutdown().success());
}

#[test]
fn hover_shows_role_history_spellings_counts_and_evidence() {
    let dir = corpus_copy();
    let r = root(&dir);
    let (mut c, _) = Client::start(&r, caps(true, false, false), Value::Null);
    let f = r.join(HAGUE);
    c.open(&f);
    let text = text_of(&f);
    let h = c.call("textDocument/hover", json!({"textDocument": {"uri": uri(&f)}, "position": find(&text, "Seongrak Wi", 0)}));
    let md = h["contents"]["value"].as_str().unwrap();
    assert_eq!(h["contents"]["kind"], "markdown");
    assert!(md.starts_with("**Wi Sung-lac** — person"), "{md}");
    assert!(md.contains("South Korea"), "{md}");
    assert!(md.contains("Roles in the corpus") && md.contains("2025-"), "dated history: {md}");
    assert!(md.contains("Seongrak Wi ×2") && md.contains("Wi Sung-lac ×3"), "spellings with counts: {md}");
    assert!(md.contains("articles"), "{md}");
    assert!(md.contains("> ") && md.contains(".txt"), "evidence sentence and article: {md}");
    // Nothing to hover between names.
    let none = c.call("textDocument/hover", json!({"textDocument": {"uri": uri(&f)}, "position": find(&text, "percent", 0)}));
    assert!(none.is_null());
    assert!(c.shutdown().success());
}

#[test]
fn pull_diagnostics_cover_the_corpus_with_related_information() {
    let dir = corpus_copy();
    let r = root(&dir);
    let (mut c, init) = Client::start(&r, caps(true, false, false), Value::Null);
    assert_eq!(init["capabilities"]["diagnosticProvider"]["workspaceDiagnostics"], true);
    let f = r.join(HAGUE);
    let d = c.diagnostics(&f);
    let wi = d.iter().find(|x| x["data"]["found"] == "Seongrak Wi").expect("Seongrak Wi flagged");
    assert_eq!(wi["code"], "inconsistent-spelling");
    assert_eq!(wi["severity"], 2);
    assert_eq!(wi["data"]["preferred"], "Wi Sung-lac");
    let related = wi["relatedInformation"].as_array().unwrap();
    assert!(related.iter().any(|x| x["location"]["uri"].as_str().unwrap().ends_with(LEE)), "{related:?}");
    // A second pull with the previous result id is unchanged.
    let first = c.call("textDocument/diagnostic", json!({"textDocument": {"uri": uri(&f)}}));
    let again = c.call("textDocument/diagnostic", json!({"textDocument": {"uri": uri(&f)}, "previousResultId": first["resultId"]}));
    assert_eq!(again["kind"], "unchanged");
    // Workspace diagnostics: every article, not only open ones.
    let ws = c.call("workspace/diagnostic", json!({"previousResultIds": []}));
    let items = ws["items"].as_array().unwrap();
    assert_eq!(items.len(), 14);
    assert!(items.iter().any(|i| i["uri"].as_str().unwrap().ends_with("2024-05-01-australia-korea-2plus2-melbourne.txt")
        && !i["items"].as_array().unwrap().is_empty()));
    assert!(c.shutdown().success());
}

#[test]
fn push_diagnostics_when_the_client_cannot_pull() {
    let dir = corpus_copy();
    let r = root(&dir);
    let (mut c, _) = Client::start(&r, caps(false, false, false), Value::Null);
    let m = c.wait_for("published diagnostics", Duration::from_secs(20), |m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"].as_str().unwrap().ends_with(HAGUE)
    });
    let d = m["params"]["diagnostics"].as_array().unwrap();
    assert!(d.iter().any(|x| x["data"]["found"] == "Lee Jaemyung"));
    assert!(c.shutdown().success());
}

/// The code actions at the first `needle` of an open file.
fn actions_at(c: &mut Client, f: &Path, needle: &str) -> Value {
    let at = find(&text_of(f), needle, 0);
    c.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(f)}, "range": {"start": at, "end": at}, "context": {"diagnostics": []}}),
    )
}

/// The first of `actions` whose title `pick` accepts.
fn titled(actions: &Value, pick: impl Fn(&str) -> bool) -> Value {
    let all = actions.as_array().unwrap();
    all.iter().find(|a| pick(a["title"].as_str().unwrap())).unwrap_or_else(|| panic!("no such action in {actions}")).clone()
}

#[test]
fn code_actions_fix_one_file_corpus_and_edit_the_knowledge_base() {
    let dir = corpus_copy();
    let r = root(&dir);
    std::fs::remove_file(r.join("entities.toml")).unwrap();
    let (mut c, _) = Client::start(&r, caps(true, false, false), Value::Null);
    let f = r.join(HAGUE);
    c.open(&f);
    let actions = actions_at(&mut c, &f, "Seongrak Wi");
    let get = |t: &str| titled(&actions, |a| a.starts_with(t));
    // Replace this mention.
    let one = get("Replace with “Wi Sung-lac”");
    assert_eq!(one["isPreferred"], true);
    let edits = &one["edit"]["documentChanges"][0];
    assert_eq!(edits["textDocument"]["version"], 1, "versioned for the open document");
    assert_eq!(edits["edits"].as_array().unwrap().len(), 1);
    // Fix all in this file, accept as alias (creates the missing KB), ignore.
    get("Fix all “Seongrak Wi” in this file");
    let accept = get("Accept “Seongrak Wi” as a spelling of Wi Sung-lac");
    assert_eq!(accept["edit"]["documentChanges"][0]["kind"], "create");
    apply_edit(&accept["edit"]);
    let kb = text_of(&r.join("entities.toml"));
    assert!(kb.contains("name = \"Wi Sung-lac\"") && kb.contains("Seongrak Wi"), "{kb}");
    let ignore = get("Ignore “Seongrak Wi”");
    apply_edit(&ignore["edit"]);
    assert!(text_of(&r.join("byline.toml")).contains("spellings = [\"Seongrak Wi\"]"));
    // Add an unknown name to the knowledge base, with role and affiliation.
    let actions = actions_at(&mut c, &f, "Volodymyr Zelenskyy");
    let add = titled(&actions, |t| t.starts_with("Add Volodymyr Zelenskyy to the knowledge base as a person"));
    apply_edit(&add["edit"]);
    let kb = text_of(&r.join("entities.toml"));
    assert!(
        kb.contains("name = \"Volodymyr Zelenskyy\"") && kb.contains("role = \"President\"") && kb.contains("affiliation = \"Ukraine\""),
        "{kb}"
    );
    assert!(c.shutdown().success());
}

#[test]
fn the_corpus_wide_fix_rewrites_every_file() {
    let dir = corpus_copy();
    let r = root(&dir);
    let (mut c, _) = Client::start(&r, caps(true, false, false), Value::Null);
    let f = r.join(HAGUE);
    c.open(&f);
    let actions = actions_at(&mut c, &f, "Seongrak Wi");
    let all = titled(&actions, |t| t.ends_with("findings in the corpus"));
    let docs = all["edit"]["documentChanges"].as_array().unwrap();
    assert!(docs.len() >= 8, "one edit over many files");
    assert!(docs.iter().any(|d| d["textDocument"]["uri"].as_str().unwrap().ends_with(HAGUE) && d["textDocument"]["version"] == 1));
    assert!(docs.iter().any(|d| d["textDocument"]["version"].is_null()), "closed files are unversioned");
    apply_edit(&all["edit"]);
    // Every file now uses the preferred forms outside quotations.
    let all_text: Vec<(String, String)> = std::fs::read_dir(&r)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().to_string(), text_of(&p)))
        .collect();
    for (name, t) in &all_text {
        assert!(!t.contains("Seongrak Wi") && !t.contains("Lee Jaemyung") && !t.contains("Kim Jong Un"), "{name}");
    }
    let hague = text_of(&r.join(HAGUE));
    assert!(
        hague.contains("Director of the National Security Office Wi Sung-lac attended on behalf of President Lee Jae-myung"),
        "{hague}"
    );
    assert!(all_text.iter().any(|(_, t)| t.contains("Kiev")), "quoted speech is not corrected");
    assert!(hague.contains("\r\n"), "line endings kept");
    // The server-side command sends the same edit through workspace/applyEdit.
    let dir2 = corpus_copy();
    let r2 = root(&dir2);
    let (mut c2, init) = Client::start(&r2, caps(true, false, false), Value::Null);
    assert!(init["capabilities"]["executeCommandProvider"]["commands"].as_array().unwrap().iter().any(|x| x == "byline.fixAllInCorpus"));
    let res = c2.call("workspace/executeCommand", json!({"command": "byline.fixAllInCorpus", "arguments": []}));
    assert!(res["applied"].as_u64().unwrap() > 20, "{res}");
    assert_eq!(c2.applied.len(), 1);
    apply_edit(&c2.applied[0].clone());
    assert!(!text_of(&r2.join(HAGUE)).contains("Seongrak Wi"));
    assert!(c.shutdown().success());
    assert!(c2.shutdown().success());
}

#[test]
fn navigation_definition_references_highlight_rename_symbols_completion() {
    let dir = corpus_copy();
    let r = root(&dir);
    let (mut c, _) = Client::start(&r, caps(true, false, false), Value::Null);
    let f = r.join(HAGUE);
    c.open(&f);
    let text = text_of(&f);
    let doc = json!({"uri": uri(&f)});
    // Definition: a knowledge-base person goes to its entry; others to the first mention.
    let def = c.call("textDocument/definition", json!({"textDocument": doc, "position": find(&text, "Lee Jaemyung", 0)}));
    assert!(def["uri"].as_str().unwrap().ends_with("entities.toml"), "{def}");
    let def = c.call("textDocument/definition", json!({"textDocument": doc, "position": find(&text, "Seongrak Wi", 0)}));
    assert!(def["uri"].as_str().unwrap().ends_with(".txt"));
    // References: every mention of Wi Sung-lac in every article, all spellings.
    let refs = c.call(
        "textDocument/references",
        json!({"textDocument": doc, "position": find(&text, "Seongrak Wi", 0), "context": {"includeDeclaration": true}}),
    );
    let refs = refs.as_array().unwrap();
    let files: std::collections::BTreeSet<&str> = refs.iter().map(|l| l["uri"].as_str().unwrap()).collect();
    assert!(files.len() >= 3 && refs.len() >= 6, "{refs:?}");
    // Highlights in this document (full name and "Wi").
    let hl = c.call("textDocument/documentHighlight", json!({"textDocument": doc, "position": find(&text, "Seongrak Wi", 0)}));
    assert!(hl.as_array().unwrap().len() >= 3);
    // Rename: prepare, then every spelling across the corpus.
    let prep = c.call("textDocument/prepareRename", json!({"textDocument": doc, "position": find(&text, "Seongrak Wi", 0)}));
    assert_eq!(prep["placeholder"], "Wi Sung-lac");
    let bad = c.request("textDocument/prepareRename", json!({"textDocument": doc, "position": find(&text, "percent", 0)}));
    assert!(bad.get("error").is_some());
    let edit =
        c.call("textDocument/rename", json!({"textDocument": doc, "position": find(&text, "Seongrak Wi", 0), "newName": "Wee Sung-lac"}));
    apply_edit(&edit);
    let lee_doc = text_of(&r.join(LEE));
    assert!(lee_doc.contains("Wee Sung-lac") && !lee_doc.contains("Wi Sung-lac"), "other files renamed");
    assert!(text_of(&r.join(HAGUE)).contains("Director Wee held talks"), "surname references follow");
    // Document symbols: the article's entities by kind.
    let syms = c.call("textDocument/documentSymbol", json!({"textDocument": doc}));
    let names: Vec<&str> = syms.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"Mark Rutte") && names.contains(&"NATO"), "{names:?}");
    assert!(syms.as_array().unwrap().iter().any(|s| s["name"] == "NATO" && s["kind"] == 5));
    // Workspace symbols: fuzzy.
    let ws = c.call("workspace/symbol", json!({"query": "stoltnbrg"}));
    assert_eq!(ws[0]["name"], "Jens Stoltenberg", "{ws}");
    // Completion in the preferred spelling.
    let end = pos16(&text, text.len());
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": uri(&f), "version": 2}, "contentChanges": [{"range": {"start": end, "end": end}, "text": "\nLater, Stolt"}]}));
    let comp = c.call(
        "textDocument/completion",
        json!({"textDocument": doc, "position": {"line": end["line"].as_u64().unwrap() + 1, "character": 12}}),
    );
    let items = comp["items"].as_array().unwrap();
    assert_eq!(items[0]["label"], "Jens Stoltenberg", "{comp}");
    assert_eq!(items[0]["textEdit"]["range"]["start"]["character"], 7);
    assert!(c.shutdown().success());
}

#[test]
fn files_changed_on_disk_update_other_articles_diagnostics() {
    for dynamic in [true, false] {
        let dir = corpus_copy();
        let r = root(&dir);
        let (mut c, _) = Client::start(&r, caps(true, false, dynamic), Value::Null);
        if dynamic {
            let reg = c.wait_for("watcher registration", Duration::from_secs(10), |m| m["method"] == "client/registerCapability");
            let globs: Vec<&str> = reg["params"]["registrations"][0]["registerOptions"]["watchers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|w| w["globPattern"].as_str().unwrap())
                .collect();
            assert!(globs.contains(&"**/*.txt") && globs.contains(&"**/byline.toml"), "{globs:?}");
        }
        // "Lee Jaemyung" in the Hague article is flagged while other articles spell it
        // "Lee Jae-myung". Remove the knowledge base and make the other spelling the
        // majority on disk: the Hague article's diagnostics change.
        let f = r.join(HAGUE);
        let before = c.diagnostics(&f);
        assert!(before.iter().any(|d| d["data"]["found"] == "Lee Jaemyung"));
        let analysis = r.join("analysis-seoul-new-diplomatic-team.txt");
        let new_file = r.join("2025-09-01-new-article.txt");
        std::fs::write(&new_file, "SEOUL, Sept. 1 (Yonhap) -- Seongrak Wi and Seongrak Wi again met Seongrak Wi's aides.\n").unwrap();
        std::fs::remove_file(&analysis).unwrap();
        if dynamic {
            c.notify(
                "workspace/didChangeWatchedFiles",
                json!({"changes": [{"uri": uri(&new_file), "type": 1}, {"uri": uri(&analysis), "type": 3}]}),
            );
        }
        // Wi's preferred form is by house style (hyphenated): still Wi Sung-lac, but
        // the counts in the message change.
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        loop {
            let d = c.diagnostics(&f);
            let wi = d.iter().find(|x| x["data"]["found"] == "Seongrak Wi");
            if wi.is_some_and(|w| w["message"].as_str().unwrap().contains("Seongrak Wi ×5")) {
                break;
            }
            assert!(std::time::Instant::now() < deadline, "diagnostics did not follow the disk change ({dynamic}): {d:#?}");
            c.pump(Duration::from_millis(200));
        }
        // The deleted article's findings are gone from workspace diagnostics.
        let ws = c.call("workspace/diagnostic", json!({"previousResultIds": []}));
        assert!(
            ws["items"].as_array().unwrap().iter().all(|i| !i["uri"].as_str().unwrap().ends_with("analysis-seoul-new-diplomatic-team.txt"))
        );
        // An invalid byline.toml: an error diagnostic there, the last good settings stay.
        std::fs::write(r.join("byline.toml"), "[style]\nspelling = \"american\n").unwrap();
        if dynamic {
            c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&r.join("byline.toml")), "type": 2}]}));
        }
        let m = c.wait_for("config diagnostics", Duration::from_secs(20), |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"].as_str().unwrap().ends_with("byline.toml")
                && !m["params"]["diagnostics"].as_array().unwrap().is_empty()
        });
        assert_eq!(m["params"]["diagnostics"][0]["range"]["start"]["line"], 1);
        let d = c.diagnostics(&f);
        assert!(
            d.iter().any(|x| x["data"]["found"] == "defence" || x["data"]["preferred"] == "defense")
                || d.iter().any(|x| x["data"]["rule"] == "house-style"),
            "American house style still applies"
        );
        assert!(c.shutdown().success());
    }
}

#[test]
fn progress_settings_and_configuration_changes() {
    let dir = corpus_copy();
    let r = root(&dir);
    // Settings in initializationOptions (byline.toml wins where it sets a key, so
    // this corpus's [checks] section goes).
    let cfg = text_of(&r.join("byline.toml"));
    std::fs::write(r.join("byline.toml"), &cfg[..cfg.find("[checks]").unwrap()]).unwrap();
    let (mut c, _) = Client::start(&r, caps(true, false, false), json!({"byline": {"checks": {"possibleTypo": "off"}}}));
    assert!(
        c.inbox.iter().any(|m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "begin"),
        "work-done progress while indexing"
    );
    let ws = c.call("workspace/diagnostic", json!({"previousResultIds": []}));
    let all: Vec<Value> = ws["items"].as_array().unwrap().iter().flat_map(|i| i["items"].as_array().unwrap().clone()).collect();
    assert!(all.iter().all(|d| d["code"] != "possible-typo"));
    assert!(all.iter().any(|d| d["code"] == "house-style" || d["code"] == "inconsistent-spelling"));
    // didChangeConfiguration: turn inconsistent spellings into errors (applied in
    // the background, then the client is asked to pull again).
    c.pump(Duration::from_millis(300));
    c.inbox.retain(|m| m["method"] != "workspace/diagnostic/refresh");
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"byline": {"checks": {"inconsistentSpelling": "error"}}}}));
    c.wait_for("a refresh", Duration::from_secs(10), |m| m["method"] == "workspace/diagnostic/refresh");
    let d = c.diagnostics(&r.join(HAGUE));
    assert!(d.iter().any(|x| x["code"] == "inconsistent-spelling" && x["severity"] == 1), "{d:?}");
    assert!(c.shutdown().success());
}

#[test]
fn keystrokes_get_their_own_diagnostics_at_once() {
    let dir = corpus_copy();
    let r = root(&dir);
    let (mut c, _) = Client::start(&r, caps(true, false, false), Value::Null);
    let f = r.join(LEE);
    c.open(&f);
    // Type a variant spelling: the very next pull already has it.
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": uri(&f), "version": 2}, "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "Seongrak Wi spoke. "}]}));
    let d = c.diagnostics(&f);
    assert!(d.iter().any(|x| x["data"]["found"] == "Seongrak Wi" && x["range"]["start"]["character"] == 0), "{d:?}");
    assert!(c.shutdown().success());
}

#[test]
fn bad_requests_get_errors_not_crashes() {
    let dir = corpus_copy();
    let r = root(&dir);
    // Requests before initialize.
    let mut c = Client::spawn();
    let early = c.request("textDocument/hover", json!({"textDocument": {"uri": "file:///x.txt"}, "position": {"line": 0, "character": 0}}));
    assert!(early.get("error").is_some(), "{early}");
    let _ = c.call("initialize", json!({"processId": null, "rootUri": uri(&r), "capabilities": caps(true, false, false)}));
    c.notify("initialized", json!({}));
    c.wait_for("indexing done", Duration::from_secs(30), |m| m["method"] == "byline/status" && m["params"]["indexing"] == false);
    // Unknown URIs, out-of-range positions, malformed params, unknown methods.
    let unknown =
        c.call("textDocument/hover", json!({"textDocument": {"uri": "file:///nowhere/x.txt"}, "position": {"line": 0, "character": 0}}));
    assert!(unknown.is_null());
    let not_file = c.call("textDocument/semanticTokens/full", json!({"textDocument": {"uri": "untitled:Untitled-1"}}));
    assert!(not_file.is_null());
    let f = r.join(HAGUE);
    c.open(&f);
    let far = c.call("textDocument/hover", json!({"textDocument": {"uri": uri(&f)}, "position": {"line": 9999, "character": 9999}}));
    assert!(far.is_null());
    let wide = c.call("textDocument/completion", json!({"textDocument": {"uri": uri(&f)}, "position": {"line": 0, "character": 99999}}));
    let _ = wide;
    let malformed = c.request("textDocument/hover", json!({"textDocument": 42}));
    assert!(malformed.get("error").is_some());
    let nomethod = c.request("byline/nonsense", json!({}));
    assert_eq!(nomethod["error"]["code"], -32601);
    c.send_raw(b"{ not json");
    c.send_raw(b"42");
    c.send_raw(&[0xff, 0xfe, b'{']);
    let cmd = c.request("workspace/executeCommand", json!({"command": "byline.nope"}));
    assert!(cmd.get("error").is_some());
    // Still alive.
    let ok = c.call("textDocument/semanticTokens/full", json!({"textDocument": {"uri": uri(&f)}}));
    assert!(!ok["data"].as_array().unwrap().is_empty());
    // Standard input closing ends the process cleanly.
    let status = c.close_stdin();
    assert!(status.success(), "{status:?}");
}

/// A didChange inserting `text` at the start of the document.
fn insert_at_start(c: &mut Client, f: &Path, version: i32, text: &str) {
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(f), "version": version}, "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": text}]}),
    );
}

#[test]
fn a_keystroke_gets_its_diagnostics_without_waiting_for_a_slow_refresh() {
    let dir = corpus_copy();
    let r = root(&dir);
    // Every corpus-wide refresh takes 4 s more.
    let (mut c, _) = Client::start_env(&r, caps(true, false, false), Value::Null, &[("BYLINE_LSP_TEST", "delay-refresh=4000")]);
    let f = r.join(LEE);
    c.open(&f);
    let t = std::time::Instant::now();
    insert_at_start(&mut c, &f, 2, "Seongrak Wi spoke. ");
    let d = c.diagnostics(&f);
    let took = t.elapsed();
    assert!(d.iter().any(|x| x["data"]["found"] == "Seongrak Wi" && x["range"]["start"]["character"] == 0), "{d:?}");
    assert!(took < Duration::from_millis(2000), "the keystroke's own diagnostics took {took:?}");
    // Other requests are answered while the refresh runs.
    let t = std::time::Instant::now();
    let text = text_of(&r.join(HAGUE));
    let h = c.call("textDocument/hover", json!({"textDocument": {"uri": uri(&r.join(HAGUE))}, "position": find(&text, "Mark Rutte", 0)}));
    assert!(h["contents"]["value"].as_str().unwrap().contains("Mark Rutte"), "{h}");
    let refs = c.call(
        "textDocument/references",
        json!({"textDocument": {"uri": uri(&r.join(HAGUE))}, "position": find(&text, "Mark Rutte", 0), "context": {"includeDeclaration": true}}),
    );
    assert!(refs.as_array().unwrap().len() > 1);
    assert!(t.elapsed() < Duration::from_millis(2000), "requests waited for the refresh: {:?}", t.elapsed());
    // The refresh does finish, and then asks the client to pull again.
    c.wait_for("the refresh", Duration::from_secs(20), |m| m["method"] == "workspace/diagnostic/refresh");
    let d = c.diagnostics(&f);
    assert!(d.iter().any(|x| x["data"]["found"] == "Seongrak Wi"), "{d:?}");
    assert!(c.shutdown().success());
}

#[test]
fn requests_are_answered_while_indexing_runs() {
    let dir = corpus_copy();
    let r = root(&dir);
    let mut c = Client::spawn_env(&[("BYLINE_LSP_TEST", "delay-index=4000")]);
    c.call("initialize", json!({"processId": null, "rootUri": uri(&r), "capabilities": caps(true, false, false)}));
    c.notify("initialized", json!({}));
    let f = r.join(HAGUE);
    let text = text_of(&f);
    c.open(&f);
    let t = std::time::Instant::now();
    // The opened article is analysed at once: hover, tokens and diagnostics
    // answer from it (no corpus-wide spelling decisions yet).
    let h = c.call("textDocument/hover", json!({"textDocument": {"uri": uri(&f)}, "position": find(&text, "Mark Rutte", 0)}));
    assert!(h["contents"]["value"].as_str().unwrap().contains("Mark Rutte"), "{h}");
    let tokens = c.call("textDocument/semanticTokens/full", json!({"textDocument": {"uri": uri(&f)}}));
    assert!(!tokens["data"].as_array().unwrap().is_empty());
    let early = c.call("textDocument/diagnostic", json!({"textDocument": {"uri": uri(&f)}}));
    assert_eq!(early["kind"], "full");
    let ws = c.call("workspace/symbol", json!({"query": "Rutte"}));
    assert!(ws.as_array().is_some());
    assert!(t.elapsed() < Duration::from_millis(2500), "requests waited for indexing: {:?}", t.elapsed());
    assert!(
        !c.inbox.iter().any(|m| m["method"] == "byline/status" && m["params"]["indexing"] == false),
        "indexing was not slowed down: the test proves nothing"
    );
    // Once indexed: a refresh request, and the corpus-wide findings.
    c.wait_for("indexing done", Duration::from_secs(30), |m| m["method"] == "byline/status" && m["params"]["indexing"] == false);
    c.wait_for("a refresh", Duration::from_secs(10), |m| m["method"] == "workspace/diagnostic/refresh");
    let d = c.diagnostics(&f);
    assert!(d.iter().any(|x| x["data"]["found"] == "Seongrak Wi"), "{d:?}");
    assert!(c.shutdown().success());
}

#[test]
fn a_rename_made_stale_by_a_newer_edit_is_content_modified() {
    let dir = corpus_copy();
    let r = root(&dir);
    // Requests on the blocking pool take 1.5 s more.
    let (mut c, _) = Client::start_env(&r, caps(true, false, false), Value::Null, &[("BYLINE_LSP_TEST", "delay-request=1500")]);
    let f = r.join(HAGUE);
    c.open(&f);
    let text = text_of(&f);
    let at = find(&text, "Mark Rutte", 0);
    let id = c.send_request("textDocument/rename", json!({"textDocument": {"uri": uri(&f)}, "position": at, "newName": "Marc Rutte"}));
    std::thread::sleep(Duration::from_millis(300));
    insert_at_start(&mut c, &f, 2, "Breaking: ");
    let resp = c.wait_response(id);
    assert_eq!(resp["error"]["code"], -32801, "{resp}");
    // Asked again, it answers from the new text.
    let at = find(&format!("Breaking: {text}"), "Mark Rutte", 0);
    let edit = c.call("textDocument/rename", json!({"textDocument": {"uri": uri(&f)}, "position": at, "newName": "Marc Rutte"}));
    assert!(!edit["documentChanges"].as_array().unwrap().is_empty(), "{edit}");
    // A request that is not made stale (references) still answers.
    let refs = c.call(
        "textDocument/references",
        json!({"textDocument": {"uri": uri(&f)}, "position": at, "context": {"includeDeclaration": true}}),
    );
    assert!(!refs.as_array().unwrap().is_empty());
    assert!(c.shutdown().success());
}

#[test]
fn panics_in_findings_refresh_and_handlers_do_not_stop_the_server() {
    let dir = corpus_copy();
    let r = root(&dir);
    let env = [("BYLINE_LSP_TEST", "panic-findings=KABOOM,panic-refresh,panic-hover")];
    let (mut c, _) = Client::start_env(&r, caps(true, false, false), Value::Null, &env);
    let f = r.join(LEE);
    let h = r.join(HAGUE);
    c.open(&f);
    c.open(&h);
    // Findings of a document that makes them panic: an error response.
    insert_at_start(&mut c, &f, 2, "KABOOM ");
    let bad = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": uri(&f)}}));
    assert_eq!(bad["error"]["code"], -32603, "{bad}");
    // A handler that panics: an error response.
    let text = text_of(&h);
    let hover = c.request("textDocument/hover", json!({"textDocument": {"uri": uri(&h)}, "position": find(&text, "Mark Rutte", 0)}));
    assert_eq!(hover["error"]["code"], -32603, "{hover}");
    // The refresh panicked in the background (after its debounce); everything
    // else is served from the last good state.
    c.pump(Duration::from_millis(800));
    let d = c.diagnostics(&h);
    assert!(d.iter().any(|x| x["data"]["found"] == "Seongrak Wi"), "{d:?}");
    let refs = c.call(
        "textDocument/references",
        json!({"textDocument": {"uri": uri(&h)}, "position": find(&text, "Mark Rutte", 0), "context": {"includeDeclaration": true}}),
    );
    assert!(refs.as_array().unwrap().len() > 1);
    // Without the marker the document's findings come back.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&f), "version": 3}, "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 7}}, "text": "Seongrak Wi spoke. "}]}),
    );
    let d = c.diagnostics(&f);
    assert!(d.iter().any(|x| x["data"]["found"] == "Seongrak Wi"), "{d:?}");
    assert!(c.shutdown().success());
}

#[cfg(unix)]
#[test]
fn uris_round_trip_as_the_client_sent_them_through_a_symlinked_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real");
    std::fs::create_dir(&real).unwrap();
    support::copy_dir(&support::corpus(), &real);
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let (mut c, _) = Client::start(&link, caps(true, false, false), Value::Null);
    let f = link.join(HAGUE);
    c.open(&f);
    let prefix = uri(&link);
    let under_link = |u: &Value| u.as_str().is_some_and(|u| u.starts_with(&format!("{prefix}/")));
    let d = c.diagnostics(&f);
    let wi = d.iter().find(|x| x["data"]["found"] == "Seongrak Wi").expect("diagnostics in the symlinked workspace");
    let related = wi["relatedInformation"].as_array().unwrap();
    assert!(!related.is_empty() && related.iter().all(|x| under_link(&x["location"]["uri"])), "{related:?}");
    let text = text_of(&f);
    let at = find(&text, "Mark Rutte", 0);
    let refs = c.call(
        "textDocument/references",
        json!({"textDocument": {"uri": uri(&f)}, "position": at, "context": {"includeDeclaration": true}}),
    );
    assert!(refs.as_array().unwrap().iter().all(|l| under_link(&l["uri"])), "{refs}");
    let edit = c.call("textDocument/rename", json!({"textDocument": {"uri": uri(&f)}, "position": at, "newName": "Marc Rutte"}));
    let changes = edit["documentChanges"].as_array().unwrap();
    assert!(!changes.is_empty());
    assert!(changes.iter().all(|ch| under_link(&ch["textDocument"]["uri"]) || under_link(&ch["uri"])), "{edit}");
    let ws = c.call("workspace/diagnostic", json!({"previousResultIds": []}));
    assert!(ws["items"].as_array().unwrap().iter().all(|i| under_link(&i["uri"])));
    assert!(c.shutdown().success());
}

#[test]
fn knowledge_base_rewrites_end_in_the_negotiated_encoding() {
    let dir = corpus_copy();
    let r = root(&dir);
    // The knowledge base ends with a line whose UTF-8 and UTF-16 lengths differ.
    let kb = r.join("entities.toml");
    let mut kb_text = text_of(&kb);
    kb_text.push_str("\n# Nausėda 😀 ✓");
    std::fs::write(&kb, &kb_text).unwrap();
    let last = kb_text.rsplit('\n').next().unwrap();
    let lines = kb_text.matches('\n').count();
    for utf8 in [true, false] {
        let (mut c, init) = Client::start(&r, caps(true, utf8, false), Value::Null);
        assert_eq!(init["capabilities"]["positionEncoding"], if utf8 { "utf-8" } else { "utf-16" });
        let f = r.join(HAGUE);
        c.open(&f);
        let d = c.diagnostics(&f);
        let wi = d.iter().find(|x| x["data"]["found"] == "Seongrak Wi").unwrap();
        let actions = c.call(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri(&f)}, "range": wi["range"], "context": {"diagnostics": [wi]}}),
        );
        let accept = actions
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["title"].as_str().unwrap().starts_with("Accept"))
            .unwrap_or_else(|| panic!("an accept action: {actions}"));
        let op = accept["edit"]["documentChanges"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["textDocument"]["uri"].as_str().is_some_and(|u| u.ends_with("entities.toml")))
            .unwrap()
            .clone();
        let end = &op["edits"][0]["range"]["end"];
        let col = if utf8 { last.len() } else { last.encode_utf16().count() };
        assert_eq!(end, &json!({"line": lines, "character": col}), "utf8={utf8}: {op}");
        assert!(c.shutdown().success());
    }
}

#[test]
fn uris_keep_the_clients_percent_escapes_and_hover_shows_names_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().canonicalize().unwrap().join("café x");
    std::fs::create_dir(&real).unwrap();
    support::copy_dir(&support::corpus(), &real);
    // The client escapes with lower-case hex digits.
    let spelled = |p: &Path| uri(p).replace("caf\u{e9} x", "caf%c3%a9%20x");
    let root_uri = spelled(&real);
    let mut c = Client::spawn();
    c.call("initialize", json!({"processId": null, "rootUri": root_uri, "capabilities": caps(true, false, false)}));
    c.notify("initialized", json!({}));
    c.wait_for("indexing done", Duration::from_secs(30), |m| m["method"] == "byline/status" && m["params"]["indexing"] == false);
    let f = real.join(HAGUE);
    let text = text_of(&f);
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": spelled(&f), "languageId": "plaintext", "version": 1, "text": text}}));
    let ours = |u: &Value| u.as_str().is_some_and(|u| u.starts_with(&format!("{root_uri}/")));
    let d = c.call("textDocument/diagnostic", json!({"textDocument": {"uri": spelled(&f)}}));
    let items = d["items"].as_array().unwrap();
    let wi = items.iter().find(|x| x["data"]["found"] == "Seongrak Wi").expect("diagnostics");
    let related = wi["relatedInformation"].as_array().unwrap();
    assert!(!related.is_empty() && related.iter().all(|x| ours(&x["location"]["uri"])), "{related:?}");
    let refs = c.call(
        "textDocument/references",
        json!({"textDocument": {"uri": spelled(&f)}, "position": find(&text, "Mark Rutte", 0), "context": {"includeDeclaration": true}}),
    );
    assert!(refs.as_array().unwrap().iter().all(|l| ours(&l["uri"])), "{refs}");
    // A person with no role found: the name as written, not the entity key.
    let n = real.join("new-article.txt");
    let body = "SEOUL, June 3 (Yonhap) -- Ana Lucía Pérez arrived in Seoul on Monday.\n\nPérez did not comment.\n";
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": spelled(&n), "languageId": "plaintext", "version": 1, "text": body}}));
    let h = c.call("textDocument/hover", json!({"textDocument": {"uri": spelled(&n)}, "position": find(body, "Lucía", 0)}));
    let md = h["contents"]["value"].as_str().unwrap_or("");
    assert!(md.starts_with("**Ana Lucía Pérez** — person"), "{h}");
    assert!(c.shutdown().success());
}

/// The workspace's diagnostics by file name, once the server is quiescent.
fn workspace_files_with_findings(c: &mut Client) -> Vec<String> {
    c.wait_quiescent(Duration::from_secs(30));
    let ws = c.call("workspace/diagnostic", json!({"previousResultIds": []}));
    let mut names: Vec<String> = ws["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["items"].as_array().is_some_and(|d| !d.is_empty()))
        .map(|i| i["uri"].as_str().unwrap().rsplit('/').next().unwrap().to_string())
        .collect();
    names.sort();
    names
}

#[test]
fn files_deleted_renamed_or_truncated_while_open_keep_the_editors_text() {
    let dir = corpus_copy();
    let r = root(&dir);
    let (mut c, _) = Client::start(&r, caps(true, false, false), Value::Null);
    let (lee, hague) = (r.join(LEE), r.join(HAGUE));
    let moved = r.join("2025-06-25-renamed.txt");
    for f in [&lee, &hague] {
        c.open(f);
        insert_at_start(&mut c, f, 2, "Seongrak Wi spoke. ");
    }
    // Under the open editors: one file truncated, the other renamed.
    std::fs::write(&lee, "").unwrap();
    std::fs::rename(&hague, &moved).unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&lee), "type": 2}, {"uri": uri(&hague), "type": 3}, {"uri": uri(&moved), "type": 1}]}),
    );
    c.wait_quiescent(Duration::from_secs(30));
    // The editor's text wins while the documents are open: the typed variant is
    // still found at the start of each.
    for f in [&lee, &hague] {
        let d = c.diagnostics(f);
        assert!(d.iter().any(|x| x["data"]["found"] == "Seongrak Wi" && x["range"]["start"]["character"] == 0), "{}: {d:?}", f.display());
    }
    let open = workspace_files_with_findings(&mut c);
    assert!(
        open.contains(&LEE.to_string()) && open.contains(&HAGUE.to_string()) && open.contains(&"2025-06-25-renamed.txt".to_string()),
        "{open:?}"
    );
    // Closed, the disk is the truth again: the truncated file has no findings,
    // the renamed one lives on under its new name only.
    for f in [&lee, &hague] {
        c.notify("textDocument/didClose", json!({"textDocument": {"uri": uri(f)}}));
    }
    let closed = workspace_files_with_findings(&mut c);
    assert!(!closed.contains(&LEE.to_string()) && !closed.contains(&HAGUE.to_string()), "{closed:?}");
    assert!(closed.contains(&"2025-06-25-renamed.txt".to_string()), "{closed:?}");
    assert!(c.shutdown().success());
}

/// The numbers in a text, in order ("Fix 42 of 49 findings" -> [42, 49]).
fn numbers(s: &str) -> Vec<usize> {
    s.split(|c: char| !c.is_ascii_digit()).filter(|w| !w.is_empty()).map(|w| w.parse().unwrap()).collect()
}

#[test]
fn check_status_and_fix_all_report_one_findings_count() {
    let dir = corpus_copy();
    let r = root(&dir);
    let path = r.to_str().unwrap();
    // The command line: every finding in JSON, the report's summary, and `fix`.
    let json = support::run_json(&["check", "--format", "json", path]);
    let total = json.as_array().unwrap().len();
    let report = String::from_utf8(support::run(&["check", path]).stdout).unwrap();
    let summary = report.lines().last().unwrap();
    assert!(summary.contains(&format!(", {total} findings: ")), "{summary} (JSON: {total})");
    let fix = String::from_utf8(support::run(&["fix", path]).stdout).unwrap();
    let fixable = numbers(fix.lines().last().unwrap())[0];
    assert!(summary.ends_with(&format!("`byline fix` corrects {fixable}.")), "{summary} (fix: {fixable})");
    assert!(fixable < total, "the example corpus has findings fix leaves alone (quoted speech, a typo)");
    // The server: its status (the editors' status bars) and "Fix all … in the corpus".
    let (mut c, _) = Client::start(&r, caps(true, false, false), Value::Null);
    let f = r.join(HAGUE);
    c.open(&f);
    c.wait_quiescent(Duration::from_secs(30));
    let status = c.call("byline/status", Value::Null);
    assert_eq!(status["findings"], total, "{status}");
    assert_eq!(status["fixable"], fixable, "{status}");
    let entities = support::run_json(&["entities", "--format", "json", path]);
    assert_eq!(status["entities"], entities.as_array().unwrap().len(), "the entities `byline entities` lists: {status}");
    let actions = actions_at(&mut c, &f, "Seongrak Wi");
    let all = titled(&actions, |t| t.ends_with("findings in the corpus"));
    let title = all["title"].as_str().unwrap();
    assert_eq!(title, format!("Fix {fixable} of {total} findings in the corpus"));
    let edits: usize = all["edit"]["documentChanges"].as_array().unwrap().iter().map(|d| d["edits"].as_array().unwrap().len()).sum();
    assert_eq!(edits, fixable, "the action does what its title says");
    assert!(c.shutdown().success());
}

#[test]
fn hover_explains_an_inferred_affiliation_once() {
    let dir = corpus_copy();
    let r = root(&dir);
    let (mut c, _) = Client::start(&r, caps(true, false, false), Value::Null);
    let f = r.join("2024-12-04-yoon-lifts-martial-law.txt");
    c.open(&f);
    c.wait_quiescent(Duration::from_secs(30));
    let at = find(&text_of(&f), "Yoon Suk Yeol", 0);
    let hover = c.call("textDocument/hover", json!({"textDocument": {"uri": uri(&f)}, "position": at}));
    let md = hover["contents"]["value"].as_str().unwrap();
    let marked = md.lines().filter(|l| l.starts_with("- ") && l.contains("†")).count();
    assert!(marked >= 2, "several roles with an inferred affiliation, each marked: {md}");
    assert_eq!(md.matches("inferred").count(), 1, "explained once: {md}");
    assert!(md.contains("\n† affiliation inferred from the article's context\n"), "{md}");
    assert!(md.contains("Mentioned ") && !md.contains(" 1 times") && !md.contains(" 1 articles"), "{md}");
    assert!(c.shutdown().success());
}
