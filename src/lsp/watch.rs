//! Files changing on disk: articles created, changed, deleted or renamed (a
//! `git pull`, a scraper), `byline.toml` and knowledge-base files edited. Events
//! come from the client (`workspace/didChangeWatchedFiles`, registered when the
//! client allows) or, failing that, from a `notify` watcher on the corpus folder.
//! Either way they become one [`super::core::Job::Files`] for the background
//! worker, which reads the files off the message loop. Documents open in the
//! editor are left to the editor's buffers.

use std::path::{Path, PathBuf};
use std::time::Duration;

use notify::{RecursiveMode, Watcher as _};

/// A running file-system watcher; dropping it stops watching.
pub struct Watcher {
    _inner: notify::RecommendedWatcher,
}

impl Watcher {
    /// Watches `root` recursively; batches of events (100 ms apart) are handed
    /// to `on_events` as `(path, deleted)`.
    pub fn start(root: &Path, on_events: impl Fn(Vec<(PathBuf, bool)>) + Send + 'static) -> notify::Result<Watcher> {
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
                if !changes.is_empty() {
                    on_events(changes);
                }
            }
        })?;
        Ok(Watcher { _inner: w })
    }
}
