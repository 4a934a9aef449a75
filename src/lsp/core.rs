//! What the handlers and the background worker share ([`Core`]): the client,
//! the published [`World`] (readers clone an `Arc` of it and never wait for
//! writers' work), the [`Writer`] (one lock, taken only for bounded work: one
//! document, or merging a result computed without it), the semantic-token cache
//! and the queue of background jobs ([`Job`], run one at a time by
//! [`super::background`]). Cheap to clone into tasks.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};

use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};
use tower_lsp_server::Client;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};

use super::state::{World, Writer};
use crate::config::RawConfig;
use crate::corpus::snapshot::panic_message;

/// Semantic tokens last sent, by URI: (result id, flat data).
pub type TokenCache = HashMap<String, (String, Vec<u32>)>;

/// Work for the background worker, done in order.
#[derive(Debug)]
pub enum Job {
    /// Index the workspace (after `initialized`).
    Index,
    /// The debounced corpus-wide refresh.
    Refresh,
    /// Files changed on disk: `(path, deleted)`.
    Files(Vec<(PathBuf, bool)>),
    /// The editor's settings changed.
    Config(RawConfig),
    Shutdown,
}

#[derive(Clone)]
pub struct Core {
    pub(super) client: Client,
    world: Arc<RwLock<Arc<World>>>,
    writer: Arc<Mutex<Writer>>,
    tokens: Arc<Mutex<TokenCache>>,
    next_id: Arc<AtomicU64>,
    /// Bumped on every document change; the refresh waits for it to settle.
    pub(super) changes: Arc<AtomicU64>,
    /// A refresh job is queued and not yet started.
    pub(super) refresh_queued: Arc<AtomicBool>,
    /// Jobs queued and not yet finished (the worker is quiescent at zero).
    pub(super) busy: Arc<AtomicUsize>,
    /// A job told the client of a change: the status goes out when it ends.
    pub(super) status_due: Arc<AtomicBool>,
    jobs: UnboundedSender<Job>,
    pub(super) jobs_rx: Arc<tokio::sync::Mutex<UnboundedReceiver<Job>>>,
    pub(super) worker_started: Arc<AtomicBool>,
    /// The fallback file watcher (kept alive while the server runs).
    pub(super) watcher: Arc<Mutex<Option<super::watch::Watcher>>>,
}

impl Core {
    pub fn new(client: Client) -> Core {
        let (tx, rx) = unbounded_channel();
        Core {
            client,
            world: Arc::new(RwLock::new(Arc::new(World::default()))),
            writer: Arc::new(Mutex::new(Writer::default())),
            tokens: Arc::new(Mutex::new(HashMap::new())),
            next_id: Arc::new(AtomicU64::new(1)),
            changes: Arc::new(AtomicU64::new(0)),
            refresh_queued: Arc::new(AtomicBool::new(false)),
            busy: Arc::new(AtomicUsize::new(0)),
            status_due: Arc::new(AtomicBool::new(false)),
            jobs: tx,
            jobs_rx: Arc::new(tokio::sync::Mutex::new(rx)),
            worker_started: Arc::new(AtomicBool::new(false)),
            watcher: Arc::new(Mutex::new(None)),
        }
    }

    /// The current world. The lock is held only to clone the `Arc`.
    pub(super) fn world(&self) -> Arc<World> {
        self.world.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The writer lock. Writers keep the world consistent by building a new
    /// value and assigning it at the end, so a panic leaves the last good one
    /// (poisoning is then ignored).
    pub(super) fn writer(&self) -> MutexGuard<'_, Writer> {
        self.writer.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Publishes the writer's world to readers.
    pub(super) fn publish(&self, w: &mut Writer) {
        w.world.generation += 1;
        let next = Arc::new(w.world.clone());
        *self.world.write().unwrap_or_else(|e| e.into_inner()) = next;
    }

    pub(super) fn token_cache(&self) -> MutexGuard<'_, TokenCache> {
        self.tokens.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Queues background work.
    pub(super) fn queue(&self, job: Job) {
        self.busy.fetch_add(1, Ordering::SeqCst);
        if self.jobs.send(job).is_err() {
            self.busy.fetch_sub(1, Ordering::SeqCst);
        }
    }

    /// Whether no background work is queued or running and the corpus-wide
    /// refresh has caught up with every change.
    pub(super) fn quiescent(&self) -> bool {
        self.busy.load(Ordering::SeqCst) == 0
            && !self.refresh_queued.load(Ordering::SeqCst)
            && self.world().snap.as_ref().is_none_or(|s| !s.needs_refresh())
    }

    /// Asks for a corpus-wide refresh (debounced by the worker).
    pub(super) fn schedule_refresh(&self) {
        self.changes.fetch_add(1, Ordering::SeqCst);
        if !self.refresh_queued.swap(true, Ordering::SeqCst) {
            self.queue(Job::Refresh);
        }
    }

    /// The worker starts a queued refresh: later changes queue another.
    pub(super) fn refresh_started(&self) {
        self.refresh_queued.store(false, Ordering::SeqCst);
    }

    /// A fresh result id for semantic tokens.
    pub(super) fn result_id(&self) -> String {
        self.next_id.fetch_add(1, Ordering::Relaxed).to_string()
    }

    /// Answers a request from the current world on this thread (cheap requests:
    /// hover, tokens, one document's diagnostics). A panic becomes an error
    /// response.
    pub(super) fn read<T>(&self, what: &str, f: impl FnOnce(&World) -> Result<T>) -> Result<T> {
        let world = self.world();
        guard(what, || f(&world))
    }

    /// Answers a request from the current world on the blocking pool (requests
    /// that read the whole corpus). With `fresh`, a request overtaken by a newer
    /// edit answers `ContentModified` (its positions may be wrong): at once if
    /// the edit came before it started, else instead of its answer.
    pub(super) async fn read_blocking<T: Send + 'static>(
        &self,
        what: &'static str,
        fresh: bool,
        f: impl FnOnce(&World) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let world = self.world();
        let edits = world.edits;
        let core = self.clone();
        let out = tokio::task::spawn_blocking(move || {
            super::faults::delay("request");
            // Overtaken by an edit while it waited for a thread: not computed.
            if fresh && core.world().edits != edits {
                return Err(content_modified());
            }
            guard(what, || f(&world))
        })
        .await
        .unwrap_or_else(|e| Err(internal(what, &e.to_string())))?;
        if fresh && self.world().edits != edits {
            return Err(content_modified());
        }
        Ok(out)
    }
}

/// Runs `f`, turning a panic into an error response (and a line on stderr).
pub(super) fn guard<T>(what: &str, f: impl FnOnce() -> Result<T>) -> Result<T> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(e) => Err(internal(what, &panic_message(&*e))),
    }
}

/// An internal error response, logged.
pub(super) fn internal(what: &str, msg: &str) -> Error {
    eprintln!("byline lsp: internal error in {what}: {msg}");
    Error { code: ErrorCode::InternalError, message: format!("byline: internal error in {what}: {msg}").into(), data: None }
}

/// `ContentModified` (-32801): the document changed while the request ran.
pub(super) fn content_modified() -> Error {
    Error { code: ErrorCode::ContentModified, message: "the document changed while this request ran".into(), data: None }
}
