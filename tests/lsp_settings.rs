//! Where the language server reports problems in what users write: an error in
//! `byline.toml` is a diagnostic at its line and column (a byte-order mark does not
//! move it); a bad editor setting is a `window/showMessage` naming the setting's
//! key, and never a diagnostic in `byline.toml`.

mod lsp_client;
mod support;

use std::path::Path;
use std::time::Duration;

use lsp_client::Client;
use serde_json::{Value, json};

/// Push diagnostics (no pull), UTF-16.
fn caps() -> Value {
    json!({
        "general": {"positionEncodings": ["utf-16"]},
        "textDocument": {"publishDiagnostics": {"relatedInformation": true}},
        "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": false}}
    })
}

fn corpus_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    support::copy_dir(&support::corpus(), dir.path());
    dir
}

fn is_config_diagnostics(m: &Value, root: &Path) -> bool {
    m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == lsp_client::uri(&root.join("byline.toml"))
}

#[test]
fn bad_editor_settings_are_shown_by_key_not_as_diagnostics_in_byline_toml() {
    let dir = corpus_copy();
    let r = dir.path().canonicalize().unwrap();
    let (mut c, _) = Client::start(&r, caps(), json!({"byline": {"checks": {"houseStyle": "loud"}}}));
    let m = c.wait_for("a message about the setting", Duration::from_secs(10), |m| m["method"] == "window/showMessage");
    let text = m["params"]["message"].as_str().unwrap();
    assert!(text.contains("byline.checks.houseStyle") && text.contains("loud"), "{text}");
    c.pump(Duration::from_millis(800));
    let config: Vec<&Value> = c.inbox.iter().filter(|m| is_config_diagnostics(m, &r)).collect();
    assert!(config.iter().all(|m| m["params"]["diagnostics"].as_array().unwrap().is_empty()), "{config:?}");
    // The same through workspace/didChangeConfiguration.
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"byline": {"style": {"spelling": "klingon"}}}}));
    let m = c.wait_for("a message about the setting", Duration::from_secs(10), |m| m["method"] == "window/showMessage");
    assert!(m["params"]["message"].as_str().unwrap().contains("byline.style.spelling"), "{m}");
    c.pump(Duration::from_millis(800));
    assert!(!c.inbox.iter().any(|m| is_config_diagnostics(m, &r) && !m["params"]["diagnostics"].as_array().unwrap().is_empty()));
    assert!(c.shutdown().success());
}

#[test]
fn an_error_in_byline_toml_with_a_byte_order_mark_is_a_diagnostic_at_the_value() {
    let dir = corpus_copy();
    let r = dir.path().canonicalize().unwrap();
    std::fs::write(r.join("byline.toml"), "\u{feff}[style]\nspelling = \"american\"\n[checks]\nhouse-style = \"loud\"\n").unwrap();
    let (mut c, _) = Client::start(&r, caps(), Value::Null);
    let m = c.wait_for("config diagnostics", Duration::from_secs(20), |m| {
        is_config_diagnostics(m, &r) && !m["params"]["diagnostics"].as_array().unwrap().is_empty()
    });
    let d = &m["params"]["diagnostics"][0];
    // Line 4 (3 from zero), `"loud"` from character 14 to 20 (the mark is on line 1).
    assert_eq!(d["range"], json!({"start": {"line": 3, "character": 14}, "end": {"line": 3, "character": 20}}), "{d}");
    assert!(d["message"].as_str().unwrap().contains("unknown severity"), "{d}");
    assert!(c.shutdown().success());
}
