//! The server's state. Readers see a [`World`]: the corpus snapshot (engine),
//! the documents open in the editor and their versions, what the client can do.
//! Writers hold the [`Writer`]: the world being built and what only they need
//! (editor settings, configuration errors, what was last published).
//! Everything here is synchronous; `server` wraps it in handlers.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use ropey::Rope;
use tower_lsp_server::ls_types::{ClientCapabilities, PositionEncodingKind, Uri};

use super::{from_proto, to_proto};
use crate::config::RawConfig;
use crate::corpus::{Corpus, Snapshot};
use crate::errors::FileError;
use crate::text::Encoding;

/// What the client supports, read once from `initialize`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Caps {
    /// `textDocument/diagnostic` (pull diagnostics).
    pub pull: bool,
    /// `workspace/diagnostic/refresh`.
    pub refresh_diagnostics: bool,
    /// `workspace/semanticTokens/refresh`.
    pub refresh_tokens: bool,
    pub related_information: bool,
    /// Dynamic registration of `workspace/didChangeWatchedFiles`.
    pub dynamic_watch: bool,
    pub work_done_progress: bool,
    pub document_changes: bool,
    /// `CreateFile` operations in workspace edits.
    pub create_files: bool,
}

impl Caps {
    pub fn from(c: &ClientCapabilities) -> Caps {
        let td = c.text_document.as_ref();
        let ws = c.workspace.as_ref();
        let we = ws.and_then(|w| w.workspace_edit.as_ref());
        Caps {
            pull: td.and_then(|t| t.diagnostic.as_ref()).is_some(),
            refresh_diagnostics: ws.and_then(|w| w.diagnostics.as_ref()).and_then(|d| d.refresh_support).unwrap_or(false),
            refresh_tokens: ws.and_then(|w| w.semantic_tokens.as_ref()).and_then(|s| s.refresh_support).unwrap_or(false),
            related_information: td.and_then(|t| t.publish_diagnostics.as_ref()).and_then(|p| p.related_information).unwrap_or(true),
            dynamic_watch: ws.and_then(|w| w.did_change_watched_files.as_ref()).and_then(|d| d.dynamic_registration).unwrap_or(false),
            work_done_progress: c.window.as_ref().and_then(|w| w.work_done_progress).unwrap_or(false),
            document_changes: we.and_then(|w| w.document_changes).unwrap_or(false),
            create_files: we
                .and_then(|w| w.resource_operations.as_ref())
                .is_some_and(|ops| ops.iter().any(|o| matches!(o, tower_lsp_server::ls_types::ResourceOperationKind::Create))),
        }
    }
}

/// UTF-8 when the client offers it (no conversion cost), else UTF-16.
pub fn negotiate_encoding(c: &ClientCapabilities) -> (Encoding, PositionEncodingKind) {
    let offered = c.general.as_ref().and_then(|g| g.position_encodings.as_ref());
    if offered.is_some_and(|l| l.contains(&PositionEncodingKind::UTF8)) {
        (Encoding::Utf8, PositionEncodingKind::UTF8)
    } else {
        (Encoding::Utf16, PositionEncodingKind::UTF16)
    }
}

/// A document the editor has open.
#[derive(Clone, Debug)]
pub struct Open {
    pub version: i32,
    /// The editor's text (also in the corpus, for corpus files).
    pub rope: Rope,
}

/// What every request reads: one immutable view of the server, published as a
/// whole after each change ([`super::core::Core::world`]). Cheap to clone: the
/// corpus snapshot shares everything that did not change.
#[derive(Clone, Default)]
pub struct World {
    /// The corpus (its configuration and knowledge base as soon as they are
    /// loaded, the articles once indexed) with cached findings.
    pub snap: Option<Snapshot>,
    pub root: Option<PathBuf>,
    pub enc: Encoding,
    pub caps: Caps,
    pub open: HashMap<PathBuf, Open>,
    /// Bumped on every change to a document's text: a request whose answer
    /// holds positions and was computed before a newer edit is stale.
    pub edits: u64,
    /// Bumped on every publication.
    pub generation: u64,
    /// The corpus is being indexed (answers come from what is there so far).
    pub indexing: bool,
}

impl World {
    pub fn corpus(&self) -> Option<&Corpus> {
        self.snap.as_ref().map(|s| &s.corpus)
    }

    /// An entity's view, cached in the snapshot until the next refresh.
    pub fn entity(&self, key: &crate::index::EntityKey) -> Option<std::sync::Arc<crate::corpus::view::EntityView>> {
        self.snap.as_ref()?.entity(key)
    }

    /// The corpus document of a URI, with the corpus.
    pub fn doc(&self, uri: &Uri) -> Option<(&Corpus, &std::sync::Arc<crate::corpus::Document>)> {
        let c = self.corpus()?;
        let p = from_proto::path(uri)?;
        Some((c, c.doc_by_path(&p)?))
    }

    /// Whether a path belongs in the corpus (under the root, matching its globs).
    pub fn in_corpus(&self, path: &Path) -> bool {
        match self.corpus() {
            Some(c) => c.doc_by_path(path).is_some() || crate::corpus::files::is_corpus_file(&c.config, path),
            None => self.root.as_ref().is_some_and(|r| path.starts_with(r)),
        }
    }

    /// Versions of open documents by document id, for versioned edits.
    pub fn versions(&self) -> HashMap<crate::corpus::DocId, i32> {
        let Some(c) = self.corpus() else { return HashMap::new() };
        self.open.iter().filter_map(|(p, o)| Some((c.doc_by_path(p)?.id, o.version))).collect()
    }

    /// The knowledge-base file edits go to (the first configured one).
    pub fn kb_file(&self) -> Option<PathBuf> {
        let c = self.corpus()?;
        c.config.knowledge_base.first().cloned().or_else(|| Some(c.config.root.join(crate::config::KB_FILE)))
    }

    /// The text of a configuration file: the editor's buffer if open, else disk.
    pub fn file_text(&self, path: &Path) -> Option<String> {
        if let Some(o) = self.open.get(path) {
            return Some(o.rope.to_string());
        }
        std::fs::read_to_string(path).ok()
    }
}

/// What only writers touch (behind the writer lock, held for bounded work:
/// one document, or merging a result computed without it): the world being
/// built, and what the server remembers about the client.
#[derive(Default)]
pub struct Writer {
    pub world: World,
    /// Settings from `initializationOptions` / `didChangeConfiguration`.
    pub editor: Option<RawConfig>,
    /// Problems in byline.toml and knowledge-base files, by file.
    pub file_errors: Vec<FileError>,
    /// Files that have configuration diagnostics published.
    pub errors_published: HashSet<PathBuf>,
    /// Push mode: a fingerprint of each document's last published diagnostics.
    pub published: HashMap<PathBuf, u64>,
    /// The first index is built.
    pub indexed: bool,
    pub shutting_down: bool,
}

impl Writer {
    /// Configuration diagnostics grouped by file (every file that had errors
    /// before gets an entry, maybe empty, so they clear).
    pub fn file_error_diagnostics(&mut self) -> Vec<(PathBuf, Vec<tower_lsp_server::ls_types::Diagnostic>)> {
        let mut by_file: HashMap<PathBuf, Vec<tower_lsp_server::ls_types::Diagnostic>> = HashMap::new();
        for e in &self.file_errors {
            let text = self.world.file_text(&e.path).unwrap_or_default();
            by_file.entry(e.path.clone()).or_default().push(to_proto::file_error(e, &text, self.world.enc));
        }
        for p in self.errors_published.drain() {
            by_file.entry(p).or_default();
        }
        self.errors_published = by_file.iter().filter(|(_, d)| !d.is_empty()).map(|(p, _)| p.clone()).collect();
        by_file.into_iter().collect()
    }
}
