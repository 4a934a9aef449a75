//! The session and its documents: `initialize` (encoding, capabilities, root,
//! editor settings), `shutdown`, the text-document notifications, settings
//! changes and watched files. Document changes are applied before any `.await`,
//! so they take effect in the order they arrive: the document alone is
//! re-analysed and its findings read against the current decisions, a new
//! world is published, and a debounced corpus-wide refresh is asked for. Work
//! that reads files or the whole corpus (closing a document, files changed on
//! disk, settings) is queued for the background worker.

use std::path::PathBuf;

use serde::Deserialize;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::super::capabilities;
use super::super::core::{Core, Job};
use super::super::from_proto;
use super::super::state::{Caps, Open, Writer, negotiate_encoding};
use crate::config::RawConfig;
use crate::corpus::snapshot::panic_message;
use crate::errors::SettingError;

#[derive(Deserialize)]
struct Wrapped {
    byline: Option<serde_json::Value>,
}

/// An editor's settings object: either `{ "byline": {...} }` or the inner object.
fn editor_settings(v: &serde_json::Value) -> Option<(RawConfig, Vec<SettingError>)> {
    if v.is_null() {
        return None;
    }
    let inner = serde_json::from_value::<Wrapped>(v.clone()).ok().and_then(|w| w.byline).unwrap_or_else(|| v.clone());
    Some(RawConfig::from_json(&inner))
}

/// Problems in the editor's settings, shown to the user (they name the setting,
/// not a file, so they cannot be diagnostics).
async fn show_settings_messages(core: &Core, messages: Vec<SettingError>) {
    for m in messages {
        core.client.show_message(MessageType::WARNING, format!("byline settings: {m}")).await;
    }
}

pub async fn initialize(core: &Core, params: InitializeParams) -> Result<InitializeResult> {
    let (enc, kind) = negotiate_encoding(&params.capabilities);
    let root = params.workspace_folders.as_ref().and_then(|f| f.first()).and_then(|f| from_proto::path(&f.uri)).or_else(|| {
        #[allow(deprecated)]
        params.root_uri.as_ref().and_then(from_proto::path)
    });
    let mut messages = Vec::new();
    let editor = {
        let mut w = core.writer();
        w.world.enc = enc;
        w.world.caps = Caps::from(&params.capabilities);
        w.world.root = root.clone();
        if let Some((raw, errs)) = params.initialization_options.as_ref().and_then(editor_settings) {
            w.editor = Some(raw);
            messages = errs;
        }
        core.publish(&mut w);
        w.editor.clone()
    };
    // The configuration and knowledge base (not the articles: those are indexed
    // after `initialized`), so that a document opened at once is analysed and
    // answered from.
    if let Some(root) = root {
        match tokio::task::spawn_blocking(move || crate::corpus::Corpus::open_empty(&root, editor)).await {
            Ok(c) => {
                let mut w = core.writer();
                w.file_errors = c.config_errors.clone();
                w.world.snap = Some(crate::corpus::Snapshot::new(c));
                core.publish(&mut w);
            }
            Err(e) => eprintln!("byline lsp: loading the configuration failed: {e}"),
        }
    }
    show_settings_messages(core, messages).await;
    Ok(capabilities::initialize_result(kind))
}

pub fn shutdown(core: &Core) -> Result<()> {
    core.writer().shutting_down = true;
    core.queue(Job::Shutdown);
    Ok(())
}

/// Puts an open document's new text into the corpus snapshot (re-analysing
/// only it, reading its findings against the current decisions) and publishes
/// the world. With `index`, its entities also go into the index at once (a
/// document just opened; keystrokes leave that to the debounced refresh).
/// Returns whether the corpus changed.
fn sync_doc(core: &Core, w: &mut Writer, path: &std::path::Path, index: bool) -> bool {
    w.world.edits += 1;
    let Some(rope) = w.world.open.get(path).map(|o| o.rope.clone()) else { return false };
    let in_corpus = w.world.in_corpus(path);
    let Some(live) = w.world.snap.as_ref().filter(|_| in_corpus) else {
        core.publish(w);
        return false;
    };
    // On a copy: a panic leaves the last good snapshot.
    let mut next = live.clone();
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let id = next.set_document(path.to_path_buf(), rope, None);
        if index {
            next.index_now();
        }
        id
    }));
    match r {
        Ok(id) => {
            // The document's own findings, against the current decisions.
            let doc = next.corpus.doc(id).cloned();
            if let Some(doc) = doc
                && let Err(e) = findings(&next, &doc)
            {
                eprintln!("byline lsp: findings of {} failed: {e}", doc.rel);
            }
            w.world.snap = Some(next);
        }
        Err(e) => eprintln!("byline lsp: analysing {} failed: {}", path.display(), panic_message(&*e)),
    }
    core.publish(w);
    true
}

pub fn did_open(core: &Core, p: DidOpenTextDocumentParams) -> Option<PathBuf> {
    let path = from_proto::path(&p.text_document.uri)?;
    let changed = {
        let mut w = core.writer();
        w.world.open.insert(path.clone(), Open { version: p.text_document.version, rope: ropey::Rope::from_str(&p.text_document.text) });
        sync_doc(core, &mut w, &path, true)
    };
    if changed {
        core.schedule_refresh();
    }
    Some(path)
}

pub fn did_change(core: &Core, p: DidChangeTextDocumentParams) -> Option<PathBuf> {
    let path = from_proto::path(&p.text_document.uri)?;
    let changed = {
        // Applied in arrival order, before any await.
        let mut w = core.writer();
        let enc = w.world.enc;
        let open = w.world.open.get_mut(&path)?;
        let mut rope = open.rope.clone();
        for ch in &p.content_changes {
            from_proto::apply_change(&mut rope, ch, enc);
        }
        open.rope = rope;
        open.version = p.text_document.version;
        sync_doc(core, &mut w, &path, false)
    };
    if changed {
        core.schedule_refresh();
    }
    Some(path)
}

pub fn did_close(core: &Core, p: DidCloseTextDocumentParams) {
    let Some(path) = from_proto::path(&p.text_document.uri) else { return };
    {
        let mut w = core.writer();
        w.world.open.remove(&path);
        core.publish(&mut w);
    }
    core.token_cache().remove(p.text_document.uri.as_str());
    // The file on disk is the truth again (read by the worker).
    core.queue(Job::Files(vec![(path, false)]));
}

pub async fn did_change_configuration(core: &Core, p: DidChangeConfigurationParams) {
    let Some((raw, msgs)) = editor_settings(&p.settings) else { return };
    show_settings_messages(core, msgs).await;
    core.queue(Job::Config(raw));
}

pub fn did_change_watched_files(core: &Core, p: DidChangeWatchedFilesParams) {
    let events: Vec<(PathBuf, bool)> =
        p.changes.iter().filter_map(|e| Some((from_proto::path(&e.uri)?, e.typ == FileChangeType::DELETED))).collect();
    core.queue(Job::Files(events));
}

/// A document's findings from a snapshot, with a panic turned into an error
/// (and the test hook `panic-findings`).
pub fn findings(
    snap: &crate::corpus::Snapshot,
    doc: &crate::corpus::Document,
) -> std::result::Result<std::sync::Arc<Vec<crate::corpus::findings::Finding>>, String> {
    if let Some(f) = snap.cached_findings(doc.id) {
        return Ok(f);
    }
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        super::super::faults::panic_on("findings", || doc.text());
        snap.findings(doc.id)
    }))
    .map_err(|e| panic_message(&*e))
}
