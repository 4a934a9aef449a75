//! What the handlers and the background tasks share ([`Core`]): the client, the
//! [`State`] behind one lock, the semantic-token cache and the signals between
//! document changes and the debounced refresh ([`super::background`]). Cheap to
//! clone into background tasks.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Duration;

use tower_lsp_server::Client;

use super::state::State;

/// Semantic tokens last sent, by URI: (result id, flat data).
pub type TokenCache = HashMap<String, (String, Vec<u32>)>;

#[derive(Clone)]
pub struct Core {
    pub(super) client: Client,
    pub(super) state: Arc<RwLock<State>>,
    tokens: Arc<Mutex<TokenCache>>,
    next_id: Arc<AtomicU64>,
    /// Bumped on every change; the refresh task waits for it to settle.
    pub(super) generation: Arc<AtomicU64>,
    pub(super) wake: Arc<tokio::sync::Notify>,
    pub(super) refresh_started: Arc<AtomicBool>,
    /// The fallback file watcher (kept alive while the server runs).
    pub(super) watcher: Arc<Mutex<Option<super::watch::Watcher>>>,
    /// Set once the first index is built; requests that need it wait for it.
    pub(super) ready: Arc<AtomicBool>,
    pub(super) indexed: Arc<tokio::sync::Notify>,
}

impl Core {
    pub fn new(client: Client) -> Core {
        Core {
            client,
            state: Arc::new(RwLock::new(State::default())),
            tokens: Arc::new(Mutex::new(HashMap::new())),
            next_id: Arc::new(AtomicU64::new(1)),
            generation: Arc::new(AtomicU64::new(0)),
            wake: Arc::new(tokio::sync::Notify::new()),
            refresh_started: Arc::new(AtomicBool::new(false)),
            watcher: Arc::new(Mutex::new(None)),
            ready: Arc::new(AtomicBool::new(false)),
            indexed: Arc::new(tokio::sync::Notify::new()),
        }
    }

    // The lock helpers ignore poisoning: a panicking handler must not take the
    // server down with it.

    pub(super) fn read(&self) -> RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(|e| e.into_inner())
    }

    pub(super) fn write(&self) -> RwLockWriteGuard<'_, State> {
        self.state.write().unwrap_or_else(|e| e.into_inner())
    }

    pub(super) fn token_cache(&self) -> MutexGuard<'_, TokenCache> {
        self.tokens.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits (at most a minute) until the corpus is indexed, so that a client
    /// asking early gets real answers rather than empty ones it may never ask
    /// for again.
    pub(super) async fn wait_ready(&self) {
        let notified = self.indexed.notified();
        if self.ready.load(Ordering::SeqCst) || self.read().root.is_none() {
            return;
        }
        let _ = tokio::time::timeout(Duration::from_secs(60), notified).await;
    }

    /// Marks the first index as built (or given up on) and wakes the waiters.
    pub(super) fn set_ready(&self) {
        self.ready.store(true, Ordering::SeqCst);
        self.indexed.notify_waiters();
    }

    /// Asks for a corpus-wide refresh (debounced).
    pub(super) fn schedule_refresh(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.wake.notify_one();
    }

    /// A fresh result id for semantic tokens.
    pub(super) fn result_id(&self) -> String {
        self.next_id.fetch_add(1, Ordering::Relaxed).to_string()
    }
}
