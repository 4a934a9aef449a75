//! Work that no request waits for: indexing the corpus with progress ([`Core::start`]),
//! the debounced corpus-wide refresh ([`Core::refresh_loop`]) and what follows
//! it: diagnostics (pushed, or a refresh request to pull clients), a semantic
//! tokens refresh and the `byline/status` notification. Also the registration
//! of file watchers.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tower_lsp_server::ls_types::notification::Notification;
use tower_lsp_server::ls_types::*;

use super::core::Core;
use super::handlers::diagnostics::doc_diagnostics;
use super::state::State;
use super::to_proto;
use crate::corpus::Corpus;

/// `byline/status`: what the status bar shows.
pub enum StatusNotification {}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct StatusParams {
    pub documents: usize,
    pub entities: usize,
    pub findings: Option<usize>,
    pub indexing: bool,
}

impl Notification for StatusNotification {
    type Params = StatusParams;
    const METHOD: &'static str = "byline/status";
}

impl Core {
    /// `initialized`: starts the refresh loop (once per server), then indexes.
    pub(super) async fn initialized(&self) {
        if !self.refresh_started.swap(true, Ordering::SeqCst) {
            tokio::spawn(self.clone().refresh_loop());
        }
        self.start().await;
    }

    /// Indexes the corpus with work-done progress, then keeps spelling decisions
    /// and diagnostics fresh: after changes settle (150 ms), decisions are
    /// recomputed under a read lock on a blocking thread and swapped in.
    async fn start(&self) {
        let (root, editor, caps) = {
            let st = self.read();
            (st.root.clone(), st.editor.clone(), st.caps)
        };
        let Some(root) = root else {
            self.set_ready();
            self.client.log_message(MessageType::WARNING, "byline: no workspace folder; open a folder to use Byline").await;
            return;
        };
        // Progress while indexing.
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(0));
        let token = ProgressToken::String("byline/indexing".into());
        let progress = if caps.work_done_progress && self.client.create_work_done_progress(token.clone()).await.is_ok() {
            Some(self.client.progress(token, "Byline: indexing").with_percentage(0).begin().await)
        } else {
            None
        };
        self.status(true).await;
        let (d, t) = (done.clone(), total.clone());
        let job = tokio::task::spawn_blocking(move || {
            Corpus::open_with(&root, editor, move |n, of| {
                d.store(n, Ordering::Relaxed);
                t.store(of, Ordering::Relaxed);
            })
        });
        tokio::pin!(job);
        let corpus = loop {
            tokio::select! {
                r = &mut job => break r,
                _ = tokio::time::sleep(Duration::from_millis(200)) => {
                    if let Some(p) = &progress {
                        let (n, of) = (done.load(Ordering::Relaxed), total.load(Ordering::Relaxed).max(1));
                        p.report_with_message(format!("{n}/{of} articles"), (n * 100 / of).min(100) as u32).await;
                    }
                }
            }
        };
        let corpus = match corpus {
            Ok(c) => c,
            Err(e) => {
                self.set_ready();
                self.client.show_message(MessageType::ERROR, format!("byline: indexing failed: {e}")).await;
                return;
            }
        };
        let n = corpus.len();
        {
            let mut st = self.write();
            st.file_errors = corpus.config_errors.clone();
            st.corpus = Some(corpus);
            let open: Vec<PathBuf> = st.open.keys().cloned().collect();
            for p in open {
                st.sync_open(&p);
            }
            if let Some(c) = &mut st.corpus {
                c.refresh();
            }
        }
        self.set_ready();
        if let Some(p) = progress {
            p.finish_with_message(format!("{n} articles")).await;
        }
        self.watch().await;
        self.after_refresh().await;
    }

    /// The refresh loop (one per server).
    async fn refresh_loop(self) {
        loop {
            self.wake.notified().await;
            // Debounce: wait until no change for 150 ms.
            loop {
                let g = self.generation.load(Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(150)).await;
                if self.generation.load(Ordering::SeqCst) == g {
                    break;
                }
            }
            if self.read().shutting_down {
                return;
            }
            let state = self.state.clone();
            let computed = tokio::task::spawn_blocking(move || {
                let st = state.read().unwrap_or_else(|e| e.into_inner());
                let c = st.corpus.as_ref()?;
                Some(crate::variants::Decisions::compute(&c.index, &c.vocab, &c.kb, &c.config))
            })
            .await;
            if let Ok(Some(d)) = computed {
                if let Some(c) = &mut self.write().corpus {
                    c.decisions = d;
                }
                self.after_refresh().await;
            }
        }
    }

    /// After decisions change: diagnostics (refresh or publish), tokens, status.
    async fn after_refresh(&self) {
        let (caps, errors) = {
            let mut st = self.write();
            let caps = st.caps;
            (caps, st.file_error_diagnostics())
        };
        for (path, diags) in errors {
            if let Some(uri) = to_proto::uri(&path) {
                self.client.publish_diagnostics(uri, diags, None).await;
            }
        }
        if caps.pull {
            if caps.refresh_diagnostics {
                let _ = self.client.workspace_diagnostic_refresh().await;
            }
        } else {
            self.publish_all().await;
        }
        if caps.refresh_tokens {
            let _ = self.client.semantic_tokens_refresh().await;
        }
        self.status(false).await;
    }

    /// Push mode: publishes every document whose diagnostics changed.
    async fn publish_all(&self) {
        let batch: Vec<(Uri, Vec<Diagnostic>)> = {
            let mut guard = self.write();
            let State { corpus, published, enc, caps, .. } = &mut *guard;
            let Some(c) = corpus.as_ref() else { return };
            let mut out = Vec::new();
            for doc in c.docs() {
                let (diags, fp) = doc_diagnostics(c, doc, *enc, caps.related_information);
                let before = published.get(&doc.path).copied();
                if before != Some(fp) && !(before.is_none() && diags.is_empty()) {
                    published.insert(doc.path.clone(), fp);
                    if let Some(u) = to_proto::uri(&doc.path) {
                        out.push((u, diags));
                    }
                }
            }
            // Documents that went away: clear.
            let gone: Vec<PathBuf> = published.keys().filter(|p| c.doc_by_path(p).is_none()).cloned().collect();
            for p in gone {
                published.remove(&p);
                if let Some(u) = to_proto::uri(&p) {
                    out.push((u, Vec::new()));
                }
            }
            out
        };
        for (uri, diags) in batch {
            self.client.publish_diagnostics(uri, diags, None).await;
        }
    }

    async fn status(&self, indexing: bool) {
        let state = self.state.clone();
        // Counting findings reads every document: off the async threads, and only
        // for corpora where it is quick.
        let params = tokio::task::spawn_blocking(move || {
            let st = state.read().unwrap_or_else(|e| e.into_inner());
            match &st.corpus {
                Some(c) => {
                    let findings = (c.len() <= 20_000).then(|| crate::corpus::findings::all_findings(c).len());
                    StatusParams { documents: c.len(), entities: c.entities().len(), findings, indexing }
                }
                None => StatusParams { documents: 0, entities: 0, findings: None, indexing },
            }
        })
        .await
        .unwrap_or(StatusParams { documents: 0, entities: 0, findings: None, indexing });
        self.client.send_notification::<StatusNotification>(params).await;
    }

    /// Watches corpus files, byline.toml and knowledge-base files: through the
    /// client when it can register watchers, else with a file-system watcher.
    async fn watch(&self) {
        let (caps, root, kb) = {
            let st = self.read();
            let kb: Vec<String> = st
                .corpus
                .as_ref()
                .map(|c| {
                    c.config
                        .knowledge_base
                        .iter()
                        .filter_map(|p| p.strip_prefix(&c.config.root).ok())
                        .map(|p| p.to_string_lossy().to_string())
                        .collect()
                })
                .unwrap_or_default();
            (st.caps, st.root.clone(), kb)
        };
        if caps.dynamic_watch {
            let mut globs = vec!["**/*.txt".to_string(), "**/byline.toml".to_string()];
            globs.extend(kb.iter().map(|k| format!("**/{k}")));
            let watchers: Vec<FileSystemWatcher> =
                globs.into_iter().map(|g| FileSystemWatcher { glob_pattern: GlobPattern::String(g), kind: None }).collect();
            let reg = Registration {
                id: "byline-watch".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions { watchers }).ok(),
            };
            if self.client.register_capability(vec![reg]).await.is_ok() {
                return;
            }
        }
        let Some(root) = root else { return };
        match super::watch::Watcher::start(&root, self.state.clone(), self.generation.clone(), self.wake.clone()) {
            Ok(w) => *self.watcher.lock().unwrap_or_else(|e| e.into_inner()) = Some(w),
            Err(e) => self.client.log_message(MessageType::WARNING, format!("byline: cannot watch {}: {e}", root.display())).await,
        }
    }
}
