//! Telling the client: configuration diagnostics, diagnostics (pushed for the
//! documents whose findings changed, or a refresh request to pull clients),
//! semantic-tokens refreshes and the `byline/status` notification.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use serde::{Deserialize, Serialize};
use tower_lsp_server::ls_types::notification::Notification;

use super::core::Core;
use super::handlers::diagnostics::doc_diagnostics;
use super::to_proto;
use crate::corpus::DocId;

/// `byline/status`: what the status bar shows.
pub enum StatusNotification {}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct StatusParams {
    pub documents: usize,
    pub entities: usize,
    /// Every finding of the corpus ([`crate::corpus::tally::Tally::total`]): the number `byline
    /// check` reports as "N findings".
    pub findings: Option<usize>,
    /// Of those, the ones "Fix all … in the corpus" and `byline fix` correct.
    #[serde(default)]
    pub fixable: Option<usize>,
    pub indexing: bool,
    /// No background work is queued or running and the corpus-wide refresh
    /// has caught up with every change: diagnostics are final until the next
    /// change (as rust-analyzer's `serverStatus` reports `quiescent`).
    #[serde(default)]
    pub quiescent: bool,
}

impl Notification for StatusNotification {
    type Params = StatusParams;
    const METHOD: &'static str = "byline/status";
}

/// What a job tells the client afterwards.
#[derive(Default)]
pub(super) struct Tell {
    /// Documents whose diagnostics may have changed (push: republished if so).
    pub(super) docs: Vec<DocId>,
    /// Every document (after a new index or corpus).
    pub(super) all: bool,
    /// Pull clients: ask them to pull again.
    pub(super) refresh_diagnostics: bool,
    pub(super) refresh_tokens: bool,
}

impl Core {
    /// After a change: configuration diagnostics, then diagnostics (pushed for
    /// the documents whose diagnostics changed, or a refresh request to pull
    /// clients), semantic tokens; the status follows when the job ends (one
    /// per job, saying whether work is left).
    pub(super) async fn tell(&self, t: Tell) {
        let (caps, errors) = {
            let mut w = self.writer();
            let caps = w.world.caps;
            (caps, w.file_error_diagnostics())
        };
        for (path, diags) in errors {
            if let Some(uri) = to_proto::uri(&path) {
                self.client.publish_diagnostics(uri, diags, None).await;
            }
        }
        if caps.pull {
            if caps.refresh_diagnostics && (t.refresh_diagnostics || t.all) {
                let client = self.client.clone();
                tokio::spawn(async move {
                    let _ = client.workspace_diagnostic_refresh().await;
                });
            }
        } else {
            self.push(if t.all { None } else { Some(t.docs) }).await;
        }
        if caps.refresh_tokens && (t.refresh_tokens || t.all) {
            let client = self.client.clone();
            tokio::spawn(async move {
                let _ = client.semantic_tokens_refresh().await;
            });
        }
        self.status_due.store(true, Ordering::SeqCst);
    }

    /// Push mode: publishes the diagnostics of `docs` (all documents if
    /// `None`) that changed since last published, and clears those of
    /// documents that went away.
    pub(super) async fn push(&self, docs: Option<Vec<DocId>>) {
        let world = self.world();
        let Some(snap) = world.snap.clone() else { return };
        let published = std::mem::take(&mut self.writer().published);
        let job = tokio::task::spawn_blocking(move || {
            let mut published = published;
            let ids: Vec<DocId> = match docs {
                Some(d) => d,
                None => {
                    snap.compute_all();
                    snap.corpus.docs().map(|d| d.id).collect()
                }
            };
            let mut out = Vec::new();
            for id in ids {
                let Some(doc) = snap.corpus.doc(id) else { continue };
                let Ok((diags, fp)) = doc_diagnostics(&snap, doc, world.enc, world.caps.related_information) else { continue };
                let before = published.get(&doc.path).copied();
                if before != Some(fp) && !(before.is_none() && diags.is_empty()) {
                    published.insert(doc.path.clone(), fp);
                    if let Some(u) = to_proto::uri(&doc.path) {
                        let version = world.open.get(&doc.path).map(|o| o.version);
                        out.push((u, diags, version));
                    }
                }
            }
            // Documents that went away: clear.
            let gone: Vec<PathBuf> = published.keys().filter(|p| snap.corpus.doc_by_path(p).is_none()).cloned().collect();
            for p in gone {
                published.remove(&p);
                if let Some(u) = to_proto::uri(&p) {
                    out.push((u, Vec::new(), None));
                }
            }
            (out, published)
        });
        let (batch, published) = match job.await {
            Ok(x) => x,
            Err(e) => {
                eprintln!("byline lsp: publishing diagnostics failed: {}", super::background::panic_message_of(e));
                return;
            }
        };
        {
            let mut w = self.writer();
            let mut p = published;
            // Entries published meanwhile by keystrokes win.
            p.extend(std::mem::take(&mut w.published));
            w.published = p;
        }
        for (uri, diags, version) in batch {
            self.client.publish_diagnostics(uri, diags, version).await;
        }
    }

    /// Push mode: publishes one document's diagnostics after its change (at
    /// once: its findings were computed with the change), if they changed.
    pub(super) async fn push_one(&self, path: PathBuf, version: i32) {
        let world = self.world();
        if world.caps.pull {
            return;
        }
        let Some(snap) = &world.snap else { return };
        let Some(doc) = snap.corpus.doc_by_path(&path) else { return };
        let Ok((diags, fp)) = doc_diagnostics(snap, doc, world.enc, world.caps.related_information) else { return };
        {
            let mut w = self.writer();
            let before = w.published.get(&path).copied();
            if before == Some(fp) || (before.is_none() && diags.is_empty()) {
                return;
            }
            w.published.insert(path.clone(), fp);
        }
        if let Some(u) = to_proto::uri(&path) {
            self.client.publish_diagnostics(u, diags, Some(version)).await;
        }
    }

    /// `byline/status`: counts from the snapshot's cached findings.
    pub(super) async fn status(&self, indexing: bool) {
        let params = self.status_params(indexing).await;
        self.client.send_notification::<StatusNotification>(params).await;
    }

    /// What `byline/status` says now (also the answer to a `byline/status`
    /// request, for a client that wants it without waiting for a change).
    pub(super) async fn status_params(&self, indexing: bool) -> StatusParams {
        let world = self.world();
        let zero = StatusParams { documents: 0, entities: 0, findings: None, fixable: None, indexing, quiescent: false };
        let params = match world.snap.clone() {
            Some(snap) if !indexing => tokio::task::spawn_blocking(move || {
                let (documents, entities, tally) = snap.counts();
                StatusParams {
                    documents,
                    entities,
                    findings: Some(tally.total()),
                    fixable: Some(tally.fixable),
                    indexing,
                    quiescent: false,
                }
            })
            .await
            .unwrap_or(zero),
            _ => zero,
        };
        // Read last: work queued while counting shows.
        StatusParams { quiescent: !indexing && self.quiescent(), ..params }
    }
}
