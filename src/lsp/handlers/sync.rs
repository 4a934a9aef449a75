//! The session and its documents: `initialize` (encoding, capabilities, root,
//! editor settings), `shutdown`, the text-document notifications, settings
//! changes and watched files. Document changes are applied before any `.await`,
//! so they take effect in the order they arrive; each ends by asking for a
//! debounced corpus-wide refresh.

use std::path::PathBuf;

use serde::Deserialize;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::super::capabilities;
use super::super::core::Core;
use super::super::from_proto;
use super::super::state::{Caps, Open, negotiate_encoding};
use crate::config::RawConfig;
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
    {
        let mut st = core.write();
        st.enc = enc;
        st.caps = Caps::from(&params.capabilities);
        st.root = root;
        if let Some((raw, errs)) = params.initialization_options.as_ref().and_then(editor_settings) {
            st.editor = Some(raw);
            messages = errs;
        }
    }
    show_settings_messages(core, messages).await;
    Ok(capabilities::initialize_result(kind))
}

pub fn shutdown(core: &Core) -> Result<()> {
    core.write().shutting_down = true;
    core.wake.notify_one();
    Ok(())
}

pub fn did_open(core: &Core, p: DidOpenTextDocumentParams) {
    let Some(path) = from_proto::path(&p.text_document.uri) else { return };
    {
        let mut st = core.write();
        st.open.insert(path.clone(), Open { version: p.text_document.version, rope: ropey::Rope::from_str(&p.text_document.text) });
        st.sync_open(&path);
    }
    core.schedule_refresh();
}

pub fn did_change(core: &Core, p: DidChangeTextDocumentParams) {
    let Some(path) = from_proto::path(&p.text_document.uri) else { return };
    {
        // Applied in arrival order, before any await.
        let mut st = core.write();
        let enc = st.enc;
        let Some(open) = st.open.get_mut(&path) else { return };
        for ch in &p.content_changes {
            from_proto::apply_change(&mut open.rope, ch, enc);
        }
        open.version = p.text_document.version;
        st.sync_open(&path);
    }
    core.schedule_refresh();
}

pub fn did_close(core: &Core, p: DidCloseTextDocumentParams) {
    let Some(path) = from_proto::path(&p.text_document.uri) else { return };
    {
        let mut st = core.write();
        st.open.remove(&path);
        // The file on disk is the truth again.
        let in_corpus = st.in_corpus(&path);
        if let Some(c) = &mut st.corpus {
            match crate::corpus::files::read(&path) {
                Ok(f) if in_corpus => {
                    c.upsert(path.clone(), &f.text, f.modified);
                }
                _ => {
                    c.remove(&path);
                }
            }
        }
    }
    core.token_cache().remove(p.text_document.uri.as_str());
    core.schedule_refresh();
}

pub async fn did_change_configuration(core: &Core, p: DidChangeConfigurationParams) {
    let Some((raw, msgs)) = editor_settings(&p.settings) else { return };
    show_settings_messages(core, msgs).await;
    {
        let mut st = core.write();
        st.editor = Some(raw.clone());
        if let Some(c) = &mut st.corpus {
            let errors = c.reload_config(Some(raw));
            st.file_errors = errors;
        }
    }
    core.schedule_refresh();
}

pub fn did_change_watched_files(core: &Core, p: DidChangeWatchedFilesParams) {
    let events: Vec<(PathBuf, FileChangeType)> = p
        .changes
        .iter()
        .filter_map(|e| Some((from_proto::path(&e.uri).or_else(|| e.uri.to_file_path().map(|x| x.into_owned()))?, e.typ)))
        .collect();
    super::super::watch::apply_events(&core.state, events.into_iter().map(|(p, t)| (p, t == FileChangeType::DELETED)).collect());
    core.schedule_refresh();
}
