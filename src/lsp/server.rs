//! The server: [`Backend`] implements `LanguageServer` by handing each message
//! to its handler ([`super::handlers`]), holding the state's read lock around
//! the handlers that only read. Requests that need the first index wait for it
//! here. Background work (indexing, the debounced refresh, publishing) lives in
//! [`super::background`].

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
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        sync::initialize(&self.core, params).await
    }

    async fn initialized(&self, _: InitializedParams) {
        self.core.initialized().await;
    }

    async fn shutdown(&self) -> Result<()> {
        sync::shutdown(&self.core)
    }

    async fn did_open(&self, p: DidOpenTextDocumentParams) {
        sync::did_open(&self.core, p);
    }

    async fn did_change(&self, p: DidChangeTextDocumentParams) {
        sync::did_change(&self.core, p);
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
        self.core.wait_ready().await;
        tokens::full(&self.core, p)
    }

    async fn semantic_tokens_full_delta(&self, p: SemanticTokensDeltaParams) -> Result<Option<SemanticTokensFullDeltaResult>> {
        tokens::full_delta(&self.core, p)
    }

    async fn semantic_tokens_range(&self, p: SemanticTokensRangeParams) -> Result<Option<SemanticTokensRangeResult>> {
        tokens::range(&self.core.read(), p)
    }

    async fn hover(&self, p: HoverParams) -> Result<Option<Hover>> {
        navigation::hover(&self.core.read(), p)
    }

    async fn diagnostic(&self, p: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
        self.core.wait_ready().await;
        diagnostics::document(&self.core.read(), p)
    }

    async fn workspace_diagnostic(&self, p: WorkspaceDiagnosticParams) -> Result<WorkspaceDiagnosticReportResult> {
        self.core.wait_ready().await;
        diagnostics::workspace(&self.core.read(), p)
    }

    async fn code_action(&self, p: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        edits::code_action(&self.core.read(), p)
    }

    async fn execute_command(&self, p: ExecuteCommandParams) -> Result<Option<serde_json::Value>> {
        edits::execute_command(&self.core, p).await
    }

    async fn goto_definition(&self, p: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        navigation::goto_definition(&self.core.read(), p)
    }

    async fn references(&self, p: ReferenceParams) -> Result<Option<Vec<Location>>> {
        navigation::references(&self.core.read(), p)
    }

    async fn document_highlight(&self, p: DocumentHighlightParams) -> Result<Option<Vec<DocumentHighlight>>> {
        navigation::document_highlight(&self.core.read(), p)
    }

    async fn prepare_rename(&self, p: TextDocumentPositionParams) -> Result<Option<PrepareRenameResponse>> {
        edits::prepare_rename(&self.core.read(), p)
    }

    async fn rename(&self, p: RenameParams) -> Result<Option<WorkspaceEdit>> {
        edits::rename(&self.core.read(), p)
    }

    async fn document_symbol(&self, p: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        navigation::document_symbol(&self.core.read(), p)
    }

    async fn symbol(&self, p: WorkspaceSymbolParams) -> Result<Option<WorkspaceSymbolResponse>> {
        navigation::symbol(&self.core.read(), p)
    }

    async fn completion(&self, p: CompletionParams) -> Result<Option<CompletionResponse>> {
        navigation::completion(&self.core.read(), p)
    }
}
