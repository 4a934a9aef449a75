//! Work no request waits for, done by one background worker in order
//! ([`Job`]): indexing the workspace with progress, the debounced corpus-wide
//! refresh, files changed on disk, settings changes. Each job takes a snapshot
//! under the writer lock, computes on the blocking pool without any lock, and
//! merges its result under the lock (keeping what changed meanwhile); then it
//! tells the client (`publish`): diagnostics of the documents whose findings
//! changed, a semantic-tokens refresh, the `byline/status` notification. A panic in a job is logged and
//! the server keeps its last good state; the worker itself is restarted if it
//! dies. Also the registration of file watchers.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tower_lsp_server::ls_types::*;

use super::core::{Core, Job};
use super::faults;
use super::publish::Tell;
use super::state::Writer;
use crate::config::CONFIG_FILE;
use crate::corpus::snapshot::{RefreshOutcome, panic_message};
use crate::corpus::{Corpus, Snapshot};

/// The quiet period after the last change before the corpus-wide refresh.
const DEBOUNCE: Duration = Duration::from_millis(150);
/// The longest a refresh waits for changes to pause.
const MAX_DELAY: Duration = Duration::from_millis(1000);

impl Core {
    /// `initialized`: starts the worker (once per server) and queues indexing.
    /// Returns at once: indexing holds no request slot.
    pub(super) fn initialized(&self) {
        if !self.worker_started.swap(true, Ordering::SeqCst) {
            tokio::spawn(self.clone().supervise());
        }
        self.queue(Job::Index);
    }

    /// Runs the worker, restarting it if it dies.
    async fn supervise(self) {
        loop {
            match tokio::spawn(self.clone().worker()).await {
                Ok(()) => return,
                Err(e) => {
                    eprintln!("byline lsp: the background worker stopped ({e}); restarting it");
                    self.client.log_message(MessageType::ERROR, format!("byline: background worker failed: {e}; restarted")).await;
                }
            }
        }
    }

    async fn worker(self) {
        // A job taken from the queue while coalescing file events, to run next.
        let mut next: Option<Job> = None;
        loop {
            let job = match next.take() {
                Some(j) => j,
                None => {
                    let mut rx = self.jobs_rx.lock().await;
                    match rx.recv().await {
                        Some(j) => j,
                        None => return,
                    }
                }
            };
            let mut done = 1;
            match job {
                Job::Index => self.index().await,
                Job::Refresh => {
                    self.debounce().await;
                    self.refresh_started();
                    self.refresh().await;
                }
                Job::Files(mut events) => {
                    // File events queued behind this one are read in the same
                    // pass (a burst of saves, a checkout), up to the next
                    // other job, which keeps its place.
                    let mut rx = self.jobs_rx.lock().await;
                    while let Ok(j) = rx.try_recv() {
                        match j {
                            Job::Files(more) => {
                                events.extend(more);
                                done += 1;
                            }
                            other => {
                                next = Some(other);
                                break;
                            }
                        }
                    }
                    drop(rx);
                    self.files(last_event_per_path(events)).await;
                }
                Job::Config(raw) => self.config(raw).await,
                Job::Shutdown => {
                    self.busy.fetch_sub(done, Ordering::SeqCst);
                    return;
                }
            }
            self.busy.fetch_sub(done, Ordering::SeqCst);
            if faults::trace() {
                let w = self.world();
                eprintln!(
                    "byline lsp: job done ({done}); busy {}, refresh queued {}, needs refresh {:?}",
                    self.busy.load(Ordering::SeqCst),
                    self.refresh_queued.load(Ordering::SeqCst),
                    w.snap.as_ref().map(|s| s.needs_refresh())
                );
            }
            // The status a job asked for, or news that nothing is left to do.
            if self.status_due.swap(false, Ordering::SeqCst) || (next.is_none() && self.quiescent()) {
                self.status(false).await;
            }
        }
    }

    /// Waits until no document changed for [`DEBOUNCE`], or [`MAX_DELAY`] has
    /// passed since the refresh was asked for: typing without pause still gets
    /// the corpus-wide refresh about once a second.
    async fn debounce(&self) {
        let start = tokio::time::Instant::now();
        loop {
            let g = self.changes.load(Ordering::SeqCst);
            tokio::time::sleep(DEBOUNCE).await;
            if self.changes.load(Ordering::SeqCst) == g || start.elapsed() >= MAX_DELAY {
                return;
            }
        }
    }

    /// Indexes the workspace's articles with work-done progress (the
    /// configuration and knowledge base were loaded by `initialize`, so open
    /// documents already get answers from their own analysis). Requests are
    /// answered meanwhile from what is there.
    async fn index(&self) {
        let (root, editor, caps, base) = {
            let mut w = self.writer();
            w.world.indexing = w.world.root.is_some();
            self.publish(&mut w);
            (w.world.root.clone(), w.editor.clone(), w.world.caps, w.world.snap.as_ref().map(|s| s.corpus.clone()))
        };
        let Some(root) = root else {
            self.writer().indexed = true;
            self.client.log_message(MessageType::WARNING, "byline: no workspace folder; open a folder to use Byline").await;
            return;
        };
        let token = ProgressToken::String("byline/indexing".into());
        let progress = if caps.work_done_progress && self.client.create_work_done_progress(token.clone()).await.is_ok() {
            Some(self.client.progress(token, "Byline: indexing").with_percentage(0).begin().await)
        } else {
            None
        };
        self.status(true).await;
        let fail = |e: String| async move {
            {
                let mut w = self.writer();
                w.indexed = true;
                w.world.indexing = false;
                self.publish(&mut w);
            }
            self.client.show_message(MessageType::ERROR, format!("byline: indexing failed: {e}")).await;
        };
        // The configuration and the knowledge base, unless `initialize` could not
        // load them.
        let empty = match base {
            Some(b) => {
                let mut c = Corpus::empty(b.config.clone(), b.kb.clone());
                c.config_errors = b.config_errors.clone();
                c
            }
            None => match tokio::task::spawn_blocking(move || Corpus::open_empty(&root, editor)).await {
                Ok(c) => c,
                Err(e) => return fail(e.to_string()).await,
            },
        };
        // The articles.
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(0));
        let (d, t) = (done.clone(), total.clone());
        let job = tokio::task::spawn_blocking(move || {
            faults::delay("index");
            let mut c = empty;
            c.load_all_with(move |n, of| {
                d.store(n, Ordering::Relaxed);
                t.store(of, Ordering::Relaxed);
            });
            c
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
            Err(e) => return fail(panic_message_of(e)).await,
        };
        let n = corpus.len();
        let pending = {
            let mut w = self.writer();
            w.file_errors = corpus.config_errors.clone();
            let mut snap = w.world.snap.take().unwrap_or_else(|| Snapshot::new(corpus.clone()));
            snap.replace_corpus(corpus);
            // Open documents the editor changed: their text goes in now, the
            // index and decisions follow with the next refresh.
            sync_open(&mut w, &mut snap);
            let pending = snap.needs_refresh();
            w.world.snap = Some(snap);
            w.world.indexing = false;
            w.indexed = true;
            w.world.edits += 1;
            self.publish(&mut w);
            pending
        };
        if pending {
            self.schedule_refresh();
        }
        if let Some(p) = progress {
            p.finish_with_message(crate::model::count(n, "article")).await;
        }
        self.watch().await;
        self.tell(Tell { all: true, refresh_diagnostics: true, refresh_tokens: true, ..Default::default() }).await;
    }

    /// The corpus-wide refresh: pending documents into the index, decisions,
    /// the findings that can have changed.
    async fn refresh(&self) {
        let snap = {
            let w = self.writer();
            match &w.world.snap {
                Some(s) if w.indexed && !w.shutting_down && s.needs_refresh() => s.clone(),
                _ => return,
            }
        };
        let computed = tokio::task::spawn_blocking(move || {
            faults::delay("refresh");
            faults::panic_if("refresh");
            snap.refresh()
        })
        .await;
        let r = match computed {
            Ok(r) => r,
            Err(e) => {
                let msg = panic_message_of(e);
                eprintln!("byline lsp: the corpus refresh failed: {msg}");
                self.client.log_message(MessageType::ERROR, format!("byline: the corpus refresh failed: {msg}")).await;
                return;
            }
        };
        if super::faults::trace() {
            let steps: Vec<String> = r.timings.iter().map(|(k, d)| format!("{k} {:.1} ms", d.as_secs_f64() * 1000.0)).collect();
            eprintln!("byline lsp: refresh: {} ({} dirty)", steps.join(", "), r.dirty());
        }
        let outcome = {
            let mut w = self.writer();
            let Some(live) = w.world.snap.as_mut() else { return };
            match live.finish_refresh(r) {
                Ok(o) => {
                    self.publish(&mut w);
                    o
                }
                Err(_) => {
                    // The corpus was replaced meanwhile: again, on the new one.
                    drop(w);
                    self.schedule_refresh();
                    return;
                }
            }
        };
        self.after_refresh(outcome).await;
    }

    async fn after_refresh(&self, o: RefreshOutcome) {
        let mut docs = o.changed;
        docs.extend(o.applied);
        docs.sort_unstable();
        docs.dedup();
        let any = !docs.is_empty();
        self.tell(Tell { docs, all: false, refresh_diagnostics: any, refresh_tokens: o.flagged_changed }).await;
    }

    /// Files changed on disk: articles are read and analysed here, then put in
    /// the corpus (open documents are left to the editor); byline.toml and
    /// knowledge-base files reload the configuration.
    async fn files(&self, events: Vec<(PathBuf, bool)>) {
        let Some(snap) = self.world().snap.clone() else { return };
        let (root, kb_files) = (snap.corpus.config.root.clone(), snap.corpus.config.knowledge_base.clone());
        let canon = |p: &PathBuf| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        let config_file = root.join(CONFIG_FILE);
        let mut config_changed = false;
        let mut kb_changed = false;
        let mut articles = Vec::new();
        for (path, deleted) in events {
            if path == config_file || canon(&path) == canon(&config_file) {
                config_changed = true;
            } else if kb_files.iter().any(|k| *k == path || canon(k) == canon(&path)) {
                kb_changed = true;
            } else {
                articles.push((path, deleted));
            }
        }
        if config_changed || kb_changed {
            let editor = self.writer().editor.clone();
            self.reload(editor, kb_changed && !config_changed).await;
        }
        if articles.is_empty() {
            return;
        }
        let kb = snap.corpus.kb.clone();
        let config = snap.corpus.config.clone();
        let job_kb = kb.clone();
        let read = tokio::task::spawn_blocking(move || {
            let kb = job_kb;
            use rayon::prelude::*;
            articles
                .into_par_iter()
                .map(|(path, deleted)| {
                    if deleted || !path.exists() {
                        return (path, None);
                    }
                    if !path.is_file() || !crate::corpus::files::is_corpus_file(&config, &path) {
                        return (path, Some(Err(None)));
                    }
                    let r = match crate::corpus::files::read(&path) {
                        Ok(f) => match crate::corpus::analyze_guarded(
                            &f.text,
                            &kb,
                            crate::corpus::files::file_dates(&config.root, &path, f.modified),
                        ) {
                            Ok((a, _)) => Ok((ropey::Rope::from_str(&f.text), f.modified, a)),
                            Err(reason) => Err(Some(crate::corpus::Skipped { path: path.clone(), reason })),
                        },
                        Err(s) => Err(Some(s)),
                    };
                    (path, Some(r))
                })
                .collect::<Vec<_>>()
        })
        .await;
        let Ok(read) = read else { return };
        let changed = {
            let mut w = self.writer();
            let open: Vec<PathBuf> = w.world.open.keys().cloned().collect();
            let Some(live) = w.world.snap.as_mut() else { return };
            if !Arc::ptr_eq(&live.corpus.kb, &kb) {
                // The knowledge base changed meanwhile: analyse again.
                drop(w);
                let events = read.into_iter().map(|(p, r)| (p, r.is_none())).collect();
                self.queue(Job::Files(events));
                return;
            }
            let mut changed = false;
            for (path, r) in read {
                if open.contains(&path) {
                    continue;
                }
                match r {
                    None => changed |= live.unset_document(&path).is_some(),
                    Some(Ok((rope, modified, analysis))) => {
                        if !live.corpus.has_text(&path, &rope) {
                            live.set_analysed(path, rope, modified, analysis);
                            changed = true;
                        }
                    }
                    Some(Err(skip)) => {
                        changed |= live.unset_document(&path).is_some();
                        if let Some(s) = skip {
                            live.corpus.skipped.push(s);
                        }
                    }
                }
            }
            if changed {
                w.world.edits += 1;
                self.publish(&mut w);
            }
            changed
        };
        if changed {
            self.schedule_refresh();
        }
    }

    /// The editor's settings changed.
    async fn config(&self, raw: crate::config::RawConfig) {
        self.writer().editor = Some(raw.clone());
        self.reload(Some(raw), false).await;
    }

    /// Re-reads byline.toml over the editor's settings (or only the knowledge
    /// base), on a copy of the corpus; the result replaces the corpus, with the
    /// open documents' texts put back.
    async fn reload(&self, editor: Option<crate::config::RawConfig>, kb_only: bool) {
        let Some(base) = self.world().snap.clone() else { return };
        let kb_files: Vec<PathBuf> = base.corpus.config.knowledge_base.clone();
        let job = tokio::task::spawn_blocking(move || {
            let mut c = base.corpus.clone();
            let errors = if kb_only { c.reload_kb() } else { c.reload_config(editor) };
            (c, errors)
        })
        .await;
        let (corpus, errors) = match job {
            Ok(x) => x,
            Err(e) => {
                let msg = panic_message_of(e);
                self.client.log_message(MessageType::ERROR, format!("byline: reloading the configuration failed: {msg}")).await;
                return;
            }
        };
        let pending = {
            let mut w = self.writer();
            if kb_only {
                w.file_errors.retain(|e| !kb_files.contains(&e.path));
                w.file_errors.extend(errors);
            } else {
                w.file_errors = errors;
            }
            let Some(mut snap) = w.world.snap.take() else { return };
            snap.replace_corpus(corpus);
            sync_open(&mut w, &mut snap);
            let pending = snap.needs_refresh();
            w.world.snap = Some(snap);
            w.world.edits += 1;
            self.publish(&mut w);
            pending
        };
        if pending {
            self.schedule_refresh();
        }
        self.tell(Tell { all: true, refresh_diagnostics: true, refresh_tokens: true, ..Default::default() }).await;
    }

    /// Watches corpus files, byline.toml and knowledge-base files: through the
    /// client when it can register watchers, else with a file-system watcher.
    async fn watch(&self) {
        let world = self.world();
        let kb: Vec<String> = world
            .corpus()
            .map(|c| {
                c.config
                    .knowledge_base
                    .iter()
                    .filter_map(|p| p.strip_prefix(&c.config.root).ok())
                    .map(|p| p.to_string_lossy().to_string())
                    .collect()
            })
            .unwrap_or_default();
        if world.caps.dynamic_watch {
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
        let Some(root) = world.root.clone() else { return };
        let core = self.clone();
        match super::watch::Watcher::start(&root, move |events| core.queue(Job::Files(events))) {
            Ok(w) => *self.watcher.lock().unwrap_or_else(|e| e.into_inner()) = Some(w),
            Err(e) => self.client.log_message(MessageType::WARNING, format!("byline: cannot watch {}: {e}", root.display())).await,
        }
    }
}

/// Puts the editor's open documents whose text differs from the corpus's into a
/// new snapshot, as pending documents.
fn sync_open(w: &mut Writer, snap: &mut Snapshot) {
    let mut open: Vec<(&PathBuf, &super::state::Open)> = w.world.open.iter().collect();
    open.sort_by(|a, b| a.0.cmp(b.0));
    for (path, o) in open {
        let c = &snap.corpus;
        let in_corpus = c.doc_by_path(path).is_some() || crate::corpus::files::is_corpus_file(&c.config, path);
        if !in_corpus || c.has_text(path, &o.rope) {
            continue;
        }
        snap.set_document(path.clone(), o.rope.clone(), None);
    }
}

/// File events with only the last event of each path kept (a file created
/// then deleted is deleted), in the order of those last events.
fn last_event_per_path(events: Vec<(PathBuf, bool)>) -> Vec<(PathBuf, bool)> {
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<(PathBuf, bool)> = events.into_iter().rev().filter(|(p, _)| seen.insert(p.clone())).collect();
    out.reverse();
    out
}

pub(super) fn panic_message_of(e: tokio::task::JoinError) -> String {
    match e.try_into_panic() {
        Ok(p) => panic_message(&*p),
        Err(e) => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coalesced_file_events_keep_the_last_event_of_each_path() {
        let p = |s: &str| PathBuf::from(s);
        let events = vec![(p("a.txt"), false), (p("b.txt"), false), (p("a.txt"), true), (p("c.txt"), true), (p("c.txt"), false)];
        assert_eq!(last_event_per_path(events), vec![(p("b.txt"), false), (p("a.txt"), true), (p("c.txt"), false)]);
    }
}
