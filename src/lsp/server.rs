//! The server: [`Backend`] implements `LanguageServer` by handing each message
//! to its handler ([`super::handlers`]). Requests read the current world (an
//! immutable snapshot, never waiting for corpus-wide work): cheap ones (hover,
//! semantic tokens, one document's diagnostics, highlights) on the message
//! loop, those that read the whole corpus (references, rename, code actions,
//! symbols, completion, workspace diagnostics) on the blocking pool; rename and
//! code actions answer `ContentModified` if a newer edit arrived meanwhile. A
//! panic in a handler becomes an error response. Document changes are applied
//! before any `.await`. Background work (indexing, the debounced refresh,
//! publishing) lives in [`super::background`].

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use super::core::Core;
use super::handlers::{diagnostics, edits, navigation, sync, tokens};

/// The server. Handlers run concurrently; [`Core`] is what they share.
pub struct Backend {
    core: Core,
}

impl Backend {
    pub fn new(client: Client) -> Backend {
        Backend { core: Core::new(client) }
    }

    /// The `byline/status` request: the status notification's params, now.
    pub async fn status_request(&self) -> Result<super::StatusParams> {
        let indexing = self.core.world().indexing;
        Ok(self.core.status_params(indexing).await)
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        sync::initialize(&self.core, params).await
    }

    async fn initialized(&self, _: InitializedParams) {
        self.core.initialized();
    }

    async fn shutdown(&self) -> Result<()> {
        sync::shutdown(&self.core)
    }

    async fn did_open(&self, p: DidOpenTextDocumentParams) {
        let version = p.text_document.version;
        if let Some(path) = sync::did_open(&self.core, p) {
            self.core.push_one(path, version).await;
        }
    }

    async fn did_change(&self, p: DidChangeTextDocumentParams) {
        let version = p.text_document.version;
        if let Some(path) = sync::did_change(&self.core, p) {
            self.core.push_one(path, version).await;
        }
    }

    async fn did_save(&self, _: DidSaveTextDocumentParams) {}

    async fn did_close(&self, p: DidCloseTextDocumentParams) {
        sync::did_close(&self.core, p);
    }

    async fn did_change_configuration(&self, p: DidChangeConfigurationParams) {
        sync::did_change_configuration(&self.core, p).await;
    }

    async fn did_change_watched_files(&self, p: DidChangeWatchedFilesParams) {
        sync::did_change_watched_files(&self.core, p);
    }

    async fn semantic_tokens_full(&self, p: SemanticTokensParams) -> Result<Option<SemanticTokensResult>> {
        self.core.read("semantic tokens", |w| tokens::full(&self.core, w, p))
    }

    async fn semantic_tokens_full_delta(&self, p: SemanticTokensDeltaParams) -> Result<Option<SemanticTokensFullDeltaResult>> {
        self.core.read("semantic tokens", |w| tokens::full_delta(&self.core, w, p))
    }

    async fn semantic_tokens_range(&self, p: SemanticTokensRangeParams) -> Result<Option<SemanticTokensRangeResult>> {
        self.core.read("semantic tokens", |w| tokens::range(w, p))
    }

    async fn hover(&self, p: HoverParams) -> Result<Option<Hover>> {
        self.core.read("hover", |w| {
            super::faults::panic_if("hover");
            navigation::hover(w, p)
        })
    }

    async fn diagnostic(&self, p: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
        self.core.read("diagnostics", |w| diagnostics::document(w, p))
    }

    async fn workspace_diagnostic(&self, p: WorkspaceDiagnosticParams) -> Result<WorkspaceDiagnosticReportResult> {
        self.core.read_blocking("workspace diagnostics", false, |w| diagnostics::workspace(w, p)).await
    }

    async fn code_action(&self, p: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        self.core.read_blocking("code actions", true, move |w| edits::code_action(w, p)).await
    }

    async fn execute_command(&self, p: ExecuteCommandParams) -> Result<Option<serde_json::Value>> {
        edits::execute_command(&self.core, p).await
    }

    async fn goto_definition(&self, p: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        self.core.read_blocking("definition", false, move |w| navigation::goto_definition(w, p)).await
    }

    async fn references(&self, p: ReferenceParams) -> Result<Option<Vec<Location>>> {
        self.core.read_blocking("references", false, move |w| navigation::references(w, p)).await
    }

    async fn document_highlight(&self, p: DocumentHighlightParams) -> Result<Option<Vec<DocumentHighlight>>> {
        self.core.read("highlights", |w| navigation::document_highlight(w, p))
    }

    async fn prepare_rename(&self, p: TextDocumentPositionParams) -> Result<Option<PrepareRenameResponse>> {
        self.core.read("prepare rename", |w| edits::prepare_rename(w, p))
    }

    async fn rename(&self, p: RenameParams) -> Result<Option<WorkspaceEdit>> {
        self.core.read_blocking("rename", true, move |w| edits::rename(w, p)).await
    }

    async fn document_symbol(&self, p: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        self.core.read_blocking("document symbols", false, move |w| navigation::document_symbol(w, p)).await
    }

    async fn symbol(&self, p: WorkspaceSymbolParams) -> Result<Option<WorkspaceSymbolResponse>> {
        self.core.read_blocking("workspace symbols", false, move |w| navigation::symbol(w, p)).await
    }

    async fn completion(&self, p: CompletionParams) -> Result<Option<CompletionResponse>> {
        self.core.read_blocking("completion", false, move |w| navigation::completion(w, p)).await
    }
}
