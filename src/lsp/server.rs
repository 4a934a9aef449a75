//! The LSP handlers: each converts its parameters (`from_proto`), asks the engine
//! (`corpus`, `corpus::query`, `variants`), and converts the answer (`to_proto`).
//! Document changes are applied before any `.await`, so they take effect in the
//! order they arrive; corpus-wide recomputation is debounced and runs off the
//! request path ([`Backend::schedule_refresh`]).

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::notification::Notification;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use super::state::{Caps, Open, State, negotiate_encoding};
use super::{from_proto, to_proto};
use crate::config::RawConfig;
use crate::corpus::Corpus;
use crate::index::GKey;
use crate::corpus::query::Replacement;
use crate::kb::edit;
use crate::model::Kind;
use crate::corpus::findings::doc_findings;

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

/// Commands the server executes.
pub const COMMANDS: &[&str] = &["byline.fixAllInCorpus"];

/// The server. Handlers run concurrently; [`Core`] is what they share (cheap to
/// clone into background tasks).
pub struct Backend {
    core: Core,
}

impl std::ops::Deref for Backend {
    type Target = Core;
    fn deref(&self) -> &Core {
        &self.core
    }
}

#[derive(Clone)]
pub struct Core {
    client: Client,
    state: Arc<RwLock<State>>,
    /// Semantic tokens last sent, by URI: (result id, flat data).
    tokens: Arc<Mutex<HashMap<String, (String, Vec<u32>)>>>,
    next_id: Arc<AtomicU64>,
    /// Bumped on every change; the refresh task waits for it to settle.
    generation: Arc<AtomicU64>,
    wake: Arc<tokio::sync::Notify>,
    refresh_started: Arc<AtomicBool>,
    /// The fallback file watcher (kept alive while the server runs).
    watcher: Arc<Mutex<Option<super::watch::Watcher>>>,
    /// Set once the first index is built; requests that need it wait for it.
    ready: Arc<AtomicBool>,
    indexed: Arc<tokio::sync::Notify>,
}

fn invalid(msg: impl std::fmt::Display) -> Error {
    Error::invalid_params(msg.to_string())
}

impl Backend {
    pub fn new(client: Client) -> Backend {
        Backend {
            core: Core {
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
            },
        }
    }
}

impl Core {

    fn read(&self) -> std::sync::RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, State> {
        self.state.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits (at most a minute) until the corpus is indexed, so that a client
    /// asking early gets real answers rather than empty ones it may never ask
    /// for again.
    async fn wait_ready(&self) {
        let notified = self.indexed.notified();
        if self.ready.load(Ordering::SeqCst) || self.read().root.is_none() {
            return;
        }
        let _ = tokio::time::timeout(Duration::from_secs(60), notified).await;
    }

    /// Asks for a corpus-wide refresh (debounced).
    fn schedule_refresh(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.wake.notify_one();
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
            self.ready.store(true, Ordering::SeqCst);
            self.indexed.notify_waiters();
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
                self.ready.store(true, Ordering::SeqCst);
                self.indexed.notify_waiters();
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
        self.ready.store(true, Ordering::SeqCst);
        self.indexed.notify_waiters();
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
            let mut st = self.write();
            let enc = st.enc;
            let related = st.caps.related_information;
            let Some(c) = st.corpus.take() else { return };
            let mut out = Vec::new();
            for doc in c.docs() {
                let diags: Vec<Diagnostic> = doc_findings(&c, doc).iter().map(|f| to_proto::diagnostic(&c, doc, f, enc, related)).collect();
                let mut h = std::collections::hash_map::DefaultHasher::new();
                format!("{diags:?}").hash(&mut h);
                let fp = h.finish();
                let before = st.published.get(&doc.path).copied();
                if before != Some(fp) && !(before.is_none() && diags.is_empty()) {
                    st.published.insert(doc.path.clone(), fp);
                    if let Some(u) = to_proto::uri(&doc.path) {
                        out.push((u, diags));
                    }
                }
            }
            // Documents that went away: clear.
            let gone: Vec<PathBuf> = st.published.keys().filter(|p| c.doc_by_path(p).is_none()).cloned().collect();
            for p in gone {
                st.published.remove(&p);
                if let Some(u) = to_proto::uri(&p) {
                    out.push((u, Vec::new()));
                }
            }
            st.corpus = Some(c);
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
                .map(|c| c.config.knowledge_base.iter().filter_map(|p| p.strip_prefix(&c.config.root).ok()).map(|p| p.to_string_lossy().to_string()).collect())
                .unwrap_or_default();
            (st.caps, st.root.clone(), kb)
        };
        if caps.dynamic_watch {
            let mut globs = vec!["**/*.txt".to_string(), "**/byline.toml".to_string()];
            globs.extend(kb.iter().map(|k| format!("**/{k}")));
            let watchers: Vec<FileSystemWatcher> = globs.into_iter().map(|g| FileSystemWatcher { glob_pattern: GlobPattern::String(g), kind: None }).collect();
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

    fn result_id(&self) -> String {
        self.next_id.fetch_add(1, Ordering::Relaxed).to_string()
    }

    /// Diagnostics of one document and a fingerprint for result ids.
    fn doc_diagnostics(st: &State, uri: &Uri) -> Option<(Vec<Diagnostic>, String)> {
        let (c, d) = st.doc(uri)?;
        let diags: Vec<Diagnostic> = doc_findings(c, d).iter().map(|f| to_proto::diagnostic(c, d, f, st.enc, true)).collect();
        let mut h = std::collections::hash_map::DefaultHasher::new();
        format!("{diags:?}").hash(&mut h);
        Some((diags, format!("{:x}", h.finish())))
    }

    /// The entity under a position: (cluster keys, the mention's byte range).
    pub(super) fn entity_at(st: &State, uri: &Uri, pos: Position) -> Option<(Vec<GKey>, std::ops::Range<usize>, Kind)> {
        let (c, d) = st.doc(uri)?;
        let off = from_proto::offset(&d.rope, pos, st.enc).ok()?;
        let (_, m) = c.mention_at(d.id, off)?;
        let key = c.key_of(d.id, m)?;
        Some((c.cluster(&key), m.span.clone(), m.kind))
    }
}

#[derive(Deserialize)]
struct Wrapped {
    byline: Option<serde_json::Value>,
}

/// An editor's settings object: either `{ "byline": {...} }` or the inner object.
fn editor_settings(v: &serde_json::Value) -> Option<(RawConfig, Vec<crate::errors::SettingError>)> {
    if v.is_null() {
        return None;
    }
    let inner = serde_json::from_value::<Wrapped>(v.clone()).ok().and_then(|w| w.byline).unwrap_or_else(|| v.clone());
    Some(RawConfig::from_json(&inner))
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let (enc, kind) = negotiate_encoding(&params.capabilities);
        let root = params
            .workspace_folders
            .as_ref()
            .and_then(|f| f.first())
            .and_then(|f| from_proto::path(&f.uri))
            .or_else(|| {
                #[allow(deprecated)]
                params.root_uri.as_ref().and_then(from_proto::path)
            });
        let mut messages = Vec::new();
        {
            let mut st = self.write();
            st.enc = enc;
            st.caps = Caps::from(&params.capabilities);
            st.root = root;
            if let Some((raw, errs)) = params.initialization_options.as_ref().and_then(editor_settings) {
                st.editor = Some(raw);
                messages = errs;
            }
        }
        for m in messages {
            self.client.show_message(MessageType::WARNING, format!("byline settings: {m}")).await;
        }
        let text_sync = TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            save: Some(TextDocumentSyncSaveOptions::Supported(true)),
            ..Default::default()
        };
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(kind),
                text_document_sync: Some(TextDocumentSyncCapability::Options(text_sync)),
                semantic_tokens_provider: Some(SemanticTokensServerCapabilities::SemanticTokensOptions(SemanticTokensOptions {
                    legend: to_proto::legend(),
                    full: Some(SemanticTokensFullOptions::Delta { delta: Some(true) }),
                    range: Some(true),
                    ..Default::default()
                })),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                diagnostic_provider: Some(DiagnosticServerCapabilities::Options(DiagnosticOptions {
                    identifier: Some("byline".into()),
                    inter_file_dependencies: true,
                    workspace_diagnostics: true,
                    ..Default::default()
                })),
                code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                    code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::SOURCE_FIX_ALL]),
                    ..Default::default()
                })),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions { prepare_provider: Some(true), work_done_progress_options: Default::default() })),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                completion_provider: Some(CompletionOptions::default()),
                execute_command_provider: Some(ExecuteCommandOptions { commands: COMMANDS.iter().map(|c| c.to_string()).collect(), ..Default::default() }),
                ..Default::default()
            },
            server_info: Some(ServerInfo { name: "byline".into(), version: Some(env!("CARGO_PKG_VERSION").into()) }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        if !self.refresh_started.swap(true, Ordering::SeqCst) {
            tokio::spawn(self.core.clone().refresh_loop());
        }
        self.start().await;
    }

    async fn shutdown(&self) -> Result<()> {
        self.write().shutting_down = true;
        self.wake.notify_one();
        Ok(())
    }

    async fn did_open(&self, p: DidOpenTextDocumentParams) {
        let Some(path) = from_proto::path(&p.text_document.uri) else { return };
        {
            let mut st = self.write();
            st.open.insert(path.clone(), Open { version: p.text_document.version, rope: ropey::Rope::from_str(&p.text_document.text) });
            st.sync_open(&path);
        }
        self.schedule_refresh();
    }

    async fn did_change(&self, p: DidChangeTextDocumentParams) {
        let Some(path) = from_proto::path(&p.text_document.uri) else { return };
        {
            // Applied in arrival order, before any await.
            let mut st = self.write();
            let enc = st.enc;
            let Some(open) = st.open.get_mut(&path) else { return };
            for ch in &p.content_changes {
                from_proto::apply_change(&mut open.rope, ch, enc);
            }
            open.version = p.text_document.version;
            st.sync_open(&path);
        }
        self.schedule_refresh();
    }

    async fn did_save(&self, _: DidSaveTextDocumentParams) {}

    async fn did_close(&self, p: DidCloseTextDocumentParams) {
        let Some(path) = from_proto::path(&p.text_document.uri) else { return };
        {
            let mut st = self.write();
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
        self.tokens.lock().unwrap_or_else(|e| e.into_inner()).remove(p.text_document.uri.as_str());
        self.schedule_refresh();
    }

    async fn did_change_configuration(&self, p: DidChangeConfigurationParams) {
        let Some((raw, msgs)) = editor_settings(&p.settings) else { return };
        for m in msgs {
            self.client.show_message(MessageType::WARNING, format!("byline settings: {m}")).await;
        }
        {
            let mut st = self.write();
            st.editor = Some(raw.clone());
            if let Some(c) = &mut st.corpus {
                let errors = c.reload_config(Some(raw));
                st.file_errors = errors;
            }
        }
        self.schedule_refresh();
    }

    async fn did_change_watched_files(&self, p: DidChangeWatchedFilesParams) {
        let events: Vec<(PathBuf, FileChangeType)> = p.changes.iter().filter_map(|e| Some((from_proto::path(&e.uri).or_else(|| e.uri.to_file_path().map(|x| x.into_owned()))?, e.typ))).collect();
        super::watch::apply_events(&self.state, events.into_iter().map(|(p, t)| (p, t == FileChangeType::DELETED)).collect());
        self.schedule_refresh();
    }

    async fn semantic_tokens_full(&self, p: SemanticTokensParams) -> Result<Option<SemanticTokensResult>> {
        self.wait_ready().await;
        let data = {
            let st = self.read();
            let Some((c, d)) = st.doc(&p.text_document.uri) else { return Ok(None) };
            to_proto::semantic_tokens(c, d, st.enc, None)
        };
        let id = self.result_id();
        self.tokens.lock().unwrap_or_else(|e| e.into_inner()).insert(p.text_document.uri.as_str().to_string(), (id.clone(), to_proto::flatten(&data)));
        Ok(Some(SemanticTokensResult::Tokens(SemanticTokens { result_id: Some(id), data })))
    }

    async fn semantic_tokens_full_delta(&self, p: SemanticTokensDeltaParams) -> Result<Option<SemanticTokensFullDeltaResult>> {
        let data = {
            let st = self.read();
            let Some((c, d)) = st.doc(&p.text_document.uri) else { return Ok(None) };
            to_proto::flatten(&to_proto::semantic_tokens(c, d, st.enc, None))
        };
        let id = self.result_id();
        let mut cache = self.tokens.lock().unwrap_or_else(|e| e.into_inner());
        let key = p.text_document.uri.as_str().to_string();
        let previous = cache.get(&key).filter(|(rid, _)| *rid == p.previous_result_id).map(|(_, d)| d.clone());
        cache.insert(key, (id.clone(), data.clone()));
        Ok(Some(match previous {
            Some(old) => SemanticTokensFullDeltaResult::TokensDelta(SemanticTokensDelta { result_id: Some(id), edits: to_proto::token_delta(&old, &data) }),
            None => SemanticTokensFullDeltaResult::Tokens(SemanticTokens { result_id: Some(id), data: to_proto::unflatten(&data) }),
        }))
    }

    async fn semantic_tokens_range(&self, p: SemanticTokensRangeParams) -> Result<Option<SemanticTokensRangeResult>> {
        let st = self.read();
        let Some((c, d)) = st.doc(&p.text_document.uri) else { return Ok(None) };
        let Ok(span) = from_proto::range(&d.rope, p.range, st.enc) else { return Ok(None) };
        let data = to_proto::semantic_tokens(c, d, st.enc, Some(&span));
        Ok(Some(SemanticTokensRangeResult::Tokens(SemanticTokens { result_id: None, data })))
    }

    async fn hover(&self, p: HoverParams) -> Result<Option<Hover>> {
        let st = self.read();
        let pos = p.text_document_position_params;
        let Some((keys, span, _)) = Core::entity_at(&st, &pos.text_document.uri, pos.position) else { return Ok(None) };
        let Some((c, d)) = st.doc(&pos.text_document.uri) else { return Ok(None) };
        let Some(view) = c.entity(&keys[0]) else { return Ok(None) };
        Ok(Some(Hover {
            contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: to_proto::hover_markdown(c, &view) }),
            range: Some(to_proto::range(&d.rope, &span, st.enc)),
        }))
    }

    async fn diagnostic(&self, p: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
        self.wait_ready().await;
        let st = self.read();
        let (items, id) = Core::doc_diagnostics(&st, &p.text_document.uri).unwrap_or_default();
        let report = if p.previous_result_id.as_deref() == Some(id.as_str()) && !id.is_empty() {
            DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                related_documents: None,
                unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id: id },
            })
        } else {
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: (!id.is_empty()).then_some(id), items },
            })
        };
        Ok(DocumentDiagnosticReportResult::Report(report))
    }

    async fn workspace_diagnostic(&self, p: WorkspaceDiagnosticParams) -> Result<WorkspaceDiagnosticReportResult> {
        self.wait_ready().await;
        let st = self.read();
        let previous: HashMap<String, String> = p.previous_result_ids.into_iter().map(|r| (r.uri.as_str().to_string(), r.value)).collect();
        let mut items = Vec::new();
        if let Some(c) = &st.corpus {
            for d in c.docs() {
                let Some(uri) = to_proto::uri(&d.path) else { continue };
                let diags: Vec<Diagnostic> = doc_findings(c, d).iter().map(|f| to_proto::diagnostic(c, d, f, st.enc, true)).collect();
                let mut h = std::collections::hash_map::DefaultHasher::new();
                format!("{diags:?}").hash(&mut h);
                let id = format!("{:x}", h.finish());
                let version = st.open.get(&d.path).map(|o| o.version as i64);
                if previous.get(uri.as_str()) == Some(&id) {
                    items.push(WorkspaceDocumentDiagnosticReport::Unchanged(WorkspaceUnchangedDocumentDiagnosticReport {
                        uri,
                        version,
                        unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id: id },
                    }));
                } else {
                    items.push(WorkspaceDocumentDiagnosticReport::Full(WorkspaceFullDocumentDiagnosticReport {
                        uri,
                        version,
                        full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: Some(id), items: diags },
                    }));
                }
            }
        }
        Ok(WorkspaceDiagnosticReportResult::Report(WorkspaceDiagnosticReport { items }))
    }

    async fn code_action(&self, p: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let st = self.read();
        Ok(Some(super::actions::code_actions(&st, &p)))
    }

    async fn execute_command(&self, p: ExecuteCommandParams) -> Result<Option<serde_json::Value>> {
        match p.command.as_str() {
            "byline.fixAllInCorpus" => {
                let edit = {
                    let st = self.read();
                    let Some(c) = &st.corpus else { return Ok(None) };
                    let fixes = c.fix_edits(None, None);
                    if fixes.is_empty() {
                        return Ok(Some(serde_json::json!({"applied": 0})));
                    }
                    (to_proto::workspace_edit(c, &fixes, &st.versions(), st.enc, st.caps.document_changes), fixes.len())
                };
                let applied = self.client.apply_edit(edit.0).await.map(|r| r.applied).unwrap_or(false);
                Ok(Some(serde_json::json!({"applied": if applied { edit.1 } else { 0 }})))
            }
            other => Err(invalid(format!("unknown command {other:?}"))),
        }
    }

    async fn goto_definition(&self, p: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        let st = self.read();
        let pos = p.text_document_position_params;
        let Some((keys, _, _)) = Core::entity_at(&st, &pos.text_document.uri, pos.position) else { return Ok(None) };
        let Some(c) = &st.corpus else { return Ok(None) };
        // The knowledge-base entry, else the first mention in the corpus.
        if let Some(id) = keys.iter().find_map(|k| c.index.get(k).and_then(|g| g.kb))
            && let crate::kb::Source::User { path, line } = &c.kb.entry(id).source
            && let Some(u) = to_proto::uri(path)
        {
            let l = line.saturating_sub(1);
            return Ok(Some(GotoDefinitionResponse::Scalar(Location::new(u, Range::new(Position::new(l, 0), Position::new(l, 0))))));
        }
        let Some(m) = c.first_mention(&keys) else { return Ok(None) };
        let Some(d) = c.doc(m.doc) else { return Ok(None) };
        Ok(to_proto::uri(&d.path).map(|u| GotoDefinitionResponse::Scalar(Location::new(u, to_proto::range(&d.rope, &m.span, st.enc)))))
    }

    async fn references(&self, p: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let st = self.read();
        let pos = p.text_document_position;
        let Some((keys, _, _)) = Core::entity_at(&st, &pos.text_document.uri, pos.position) else { return Ok(None) };
        let Some(c) = &st.corpus else { return Ok(None) };
        let locs = c
            .mentions_of(&keys)
            .into_iter()
            .filter_map(|m| {
                let d = c.doc(m.doc)?;
                Some(Location::new(to_proto::uri(&d.path)?, to_proto::range(&d.rope, &m.span, st.enc)))
            })
            .collect();
        Ok(Some(locs))
    }

    async fn document_highlight(&self, p: DocumentHighlightParams) -> Result<Option<Vec<DocumentHighlight>>> {
        let st = self.read();
        let pos = p.text_document_position_params;
        let Some((keys, _, _)) = Core::entity_at(&st, &pos.text_document.uri, pos.position) else { return Ok(None) };
        let Some((c, d)) = st.doc(&pos.text_document.uri) else { return Ok(None) };
        let out = d
            .analysis
            .mentions
            .iter()
            .filter(|m| c.key_of(d.id, m).is_some_and(|k| keys.contains(&k)))
            .map(|m| DocumentHighlight { range: to_proto::range(&d.rope, &m.span, st.enc), kind: Some(DocumentHighlightKind::TEXT) })
            .collect();
        Ok(Some(out))
    }

    async fn prepare_rename(&self, p: TextDocumentPositionParams) -> Result<Option<PrepareRenameResponse>> {
        let st = self.read();
        let Some((keys, span, _)) = Core::entity_at(&st, &p.text_document.uri, p.position) else {
            return Err(invalid("there is no name here to rename"));
        };
        let Some((c, d)) = st.doc(&p.text_document.uri) else { return Ok(None) };
        let name = c.entity(&keys[0]).map(|v| v.name).unwrap_or_default();
        Ok(Some(PrepareRenameResponse::RangeWithPlaceholder { range: to_proto::range(&d.rope, &span, st.enc), placeholder: name }))
    }

    async fn rename(&self, p: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let new_name = p.new_name.trim().to_string();
        if new_name.is_empty() {
            return Err(invalid("the new name is empty"));
        }
        let st = self.read();
        let pos = p.text_document_position;
        let Some((keys, _, _)) = Core::entity_at(&st, &pos.text_document.uri, pos.position) else {
            return Err(invalid("there is no name here to rename"));
        };
        let Some(c) = &st.corpus else { return Ok(None) };
        let edits: Vec<Replacement> = c.rename_edits(&keys, &new_name);
        let mut edit = to_proto::workspace_edit(c, &edits, &st.versions(), st.enc, true);
        // The knowledge-base entry is renamed too.
        let old = c.entity(&keys[0]).map(|v| v.name).unwrap_or_default();
        if let Some(kb) = st.kb_file()
            && let Some(text) = st.file_text(&kb)
            && let Ok(Some(new_text)) = edit::rename(&text, &old, &new_name)
            && let Some(DocumentChanges::Edits(list)) = edit.document_changes.take()
        {
            let mut ops: Vec<DocumentChangeOperation> = list.into_iter().map(DocumentChangeOperation::Edit).collect();
            ops.extend(to_proto::file_rewrite(&kb, Some(&text), &new_text));
            edit.document_changes = Some(DocumentChanges::Operations(ops));
        }
        if !st.caps.document_changes
            && let Some(DocumentChanges::Edits(list)) = edit.document_changes.take()
        {
            edit.changes = Some(list.into_iter().map(|e| (e.text_document.uri, e.edits.into_iter().map(|x| match x {
                OneOf::Left(t) => t,
                OneOf::Right(a) => a.text_edit,
            }).collect())).collect());
        }
        Ok(Some(edit))
    }

    async fn document_symbol(&self, p: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        let st = self.read();
        let Some((c, d)) = st.doc(&p.text_document.uri) else { return Ok(None) };
        #[allow(deprecated)]
        let symbols = c
            .doc_entities(d.id)
            .into_iter()
            .map(|(key, name, kind, span)| {
                let r = to_proto::range(&d.rope, &span, st.enc);
                DocumentSymbol {
                    name,
                    detail: c.entity(&key).map(|v| to_proto::summary(&v)),
                    kind: to_proto::symbol_kind(kind),
                    tags: None,
                    deprecated: None,
                    range: r,
                    selection_range: r,
                    children: None,
                }
            })
            .collect();
        Ok(Some(DocumentSymbolResponse::Nested(symbols)))
    }

    async fn symbol(&self, p: WorkspaceSymbolParams) -> Result<Option<WorkspaceSymbolResponse>> {
        let st = self.read();
        let Some(c) = &st.corpus else { return Ok(None) };
        let out = c
            .search_entities(&p.query, 200)
            .into_iter()
            .filter_map(|v| {
                let m = c.first_mention(&v.keys)?;
                let d = c.doc(m.doc)?;
                Some(WorkspaceSymbol {
                    name: v.name.clone(),
                    kind: to_proto::symbol_kind(v.kind),
                    tags: None,
                    container_name: Some(to_proto::summary(&v)),
                    location: OneOf::Left(Location::new(to_proto::uri(&d.path)?, to_proto::range(&d.rope, &m.span, st.enc))),
                    data: None,
                })
            })
            .collect();
        Ok(Some(WorkspaceSymbolResponse::Nested(out)))
    }

    async fn completion(&self, p: CompletionParams) -> Result<Option<CompletionResponse>> {
        let st = self.read();
        let pos = p.text_document_position;
        let Some((c, d)) = st.doc(&pos.text_document.uri) else { return Ok(None) };
        let Ok(off) = from_proto::offset(&d.rope, pos.position, st.enc) else { return Ok(None) };
        // The name being typed: letters, hyphens and apostrophes before the cursor
        // (and one space-separated word before, for "Lee Jae").
        let line_start = d.rope.line_to_byte(d.rope.byte_to_line(off));
        let before = d.rope.byte_slice(line_start..off).to_string();
        let word_start = before.rfind(|ch: char| !(ch.is_alphanumeric() || ch == '-' || ch == '\'' || ch == '.')).map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
        let prefix = &before[word_start..];
        if prefix.is_empty() {
            return Ok(None);
        }
        let range = to_proto::range(&d.rope, &(line_start + word_start..off), st.enc);
        let items = c
            .complete_names(prefix, 50)
            .into_iter()
            .map(|v| CompletionItem {
                label: v.name.clone(),
                kind: Some(to_proto::completion_kind(v.kind)),
                detail: Some(to_proto::summary(&v)),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, v.name.clone()))),
                filter_text: Some(v.forms.iter().map(|(f, _)| f.as_str()).chain(std::iter::once(v.name.as_str())).collect::<Vec<_>>().join(" ")),
                ..Default::default()
            })
            .collect();
        Ok(Some(CompletionResponse::List(CompletionList { is_incomplete: true, items })))
    }
}

