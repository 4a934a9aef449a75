//! Files changing on disk: articles created, changed, deleted or renamed (a
//! `git pull`, a scraper), `byline.toml` and knowledge-base files edited. Events
//! come from the client (`workspace/didChangeWatchedFiles`, registered when the
//! client allows) or, failing that, from a `notify` watcher on the corpus folder.
//! Documents open in the editor are left to the editor's buffers.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use notify::{RecursiveMode, Watcher as _};

use super::state::State;
use crate::config::CONFIG_FILE;

/// A running file-system watcher; dropping it stops watching.
pub struct Watcher {
    _inner: notify::RecommendedWatcher,
}

impl Watcher {
    /// Watches `root` recursively; batches of events (100 ms apart) are applied to
    /// the state and the refresh task is woken.
    pub fn start(
        root: &Path,
        state: Arc<RwLock<State>>,
        generation: Arc<AtomicU64>,
        wake: Arc<tokio::sync::Notify>,
    ) -> notify::Result<Watcher> {
        let (tx, rx) = std::sync::mpsc::channel::<notify::Result<notify::Event>>();
        let mut w = notify::recommended_watcher(move |res| {
            let _ = tx.send(res);
        })?;
        w.watch(root, RecursiveMode::Recursive)?;
        std::thread::Builder::new().name("byline-watch".into()).spawn(move || {
            while let Ok(first) = rx.recv() {
                let mut batch = vec![first];
                while let Ok(e) = rx.recv_timeout(Duration::from_millis(100)) {
                    batch.push(e);
                }
                let mut changes: Vec<(PathBuf, bool)> = Vec::new();
                for e in batch.into_iter().flatten() {
                    if matches!(e.kind, notify::EventKind::Access(_)) {
                        continue;
                    }
                    for p in e.paths {
                        let deleted = !p.exists();
                        changes.retain(|(q, _)| *q != p);
                        changes.push((p, deleted));
                    }
                }
                if changes.is_empty() {
                    continue;
                }
                apply_events(&state, changes);
                generation.fetch_add(1, Ordering::SeqCst);
                wake.notify_one();
            }
        })?;
        Ok(Watcher { _inner: w })
    }
}

/// Applies file events `(path, deleted)` to the corpus.
pub fn apply_events(state: &RwLock<State>, events: Vec<(PathBuf, bool)>) {
    let mut st = state.write().unwrap_or_else(|e| e.into_inner());
    let editor = st.editor.clone();
    let Some(root) = st.corpus.as_ref().map(|c| c.config.root.clone()) else { return };
    let kb_files: Vec<PathBuf> = st.corpus.as_ref().map(|c| c.config.knowledge_base.clone()).unwrap_or_default();
    let (mut config_changed, mut kb_changed) = (false, false);
    for (path, deleted) in events {
        let path = std::fs::canonicalize(&path).unwrap_or(path);
        if path == root.join(CONFIG_FILE) {
            config_changed = true;
            continue;
        }
        if kb_files.iter().any(|k| std::fs::canonicalize(k).unwrap_or_else(|_| k.clone()) == path) {
            kb_changed = true;
            continue;
        }
        if st.open.contains_key(&path) {
            continue;
        }
        let in_corpus = st.in_corpus(&path);
        let Some(c) = st.corpus.as_mut() else { return };
        if deleted || !path.exists() {
            c.remove(&path);
        } else if in_corpus && path.is_file() {
            match crate::corpus::files::read(&path) {
                Ok(f) => {
                    c.upsert(path, &f.text, f.modified);
                }
                Err(s) => {
                    c.remove(&path);
                    c.skipped.push(s);
                }
            }
        }
    }
    if config_changed {
        let errors = st.corpus.as_mut().map(|c| c.reload_config(editor)).unwrap_or_default();
        st.file_errors = errors;
    } else if kb_changed {
        let errors = st.corpus.as_mut().map(|c| c.reload_kb()).unwrap_or_default();
        let kb: Vec<PathBuf> = kb_files;
        st.file_errors.retain(|e| !kb.contains(&e.path));
        st.file_errors.extend(errors);
    }
}
