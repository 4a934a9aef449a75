//! The corpus: its configuration and knowledge base, its documents (as ropes,
//! with their analyses) and the corpus-wide [`Index`]. Opening a folder
//! reads and analyses every article in parallel (results are the same whatever
//! the order); afterwards documents are added, changed and removed one at a time,
//! each re-analysing only itself.

pub mod distributed;
pub mod export;
pub mod files;
pub mod findings;
pub mod json;
mod load;
pub mod names;
pub mod query;
pub mod quotes;
pub mod snapshot;
mod stale;
pub mod tally;
pub mod timing;
pub mod view;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use ropey::Rope;

use crate::config::Config;
use crate::errors::FileError;
use crate::index::Index;
use crate::kb::{Kb, load_user_kb};
pub use crate::model::DocId;
use crate::model::{Date, DocAnalysis};
use crate::recognize::{FileDates, analyze_tokens};
use crate::tokens::tokenize;
use crate::variants::Decisions;
use crate::vocab::{Vocab, vocabulary, vocabulary_of};
pub use files::Skipped;
pub use snapshot::{Shared, Snapshot, Table};

/// One article.
#[derive(Debug)]
pub struct Document {
    pub id: DocId,
    /// Absolute path.
    pub path: PathBuf,
    /// Path relative to the corpus root, `/`-separated.
    pub rel: String,
    pub rope: Rope,
    /// The file's modification date.
    pub modified: Option<Date>,
    pub analysis: Arc<DocAnalysis>,
}

impl Document {
    /// The article's date as recognised (see [`crate::recognize::dates`]).
    pub fn date(&self) -> Option<Date> {
        self.analysis.date.map(|(d, _)| d)
    }

    /// The document text.
    pub fn text(&self) -> String {
        self.rope.to_string()
    }
}

/// A corpus folder, analysed. Cheap to clone: the documents, the index, the
/// vocabulary and the decisions are shared until written to (see
/// [`snapshot`]), so a clone is a snapshot.
#[derive(Clone)]
pub struct Corpus {
    pub config: Config,
    pub kb: Arc<Kb>,
    docs: Table<Option<Arc<Document>>>,
    by_path: Shared<HashMap<PathBuf, DocId>>,
    pub index: Shared<Index>,
    /// Word counts of the whole corpus.
    pub vocab: Shared<Vocab>,
    /// Spelling decisions; call [`Corpus::refresh`] after changes.
    pub decisions: Shared<Decisions>,
    /// Files that could not be read as articles.
    pub skipped: Vec<Skipped>,
    /// Problems in `byline.toml` and knowledge-base files.
    pub config_errors: Vec<FileError>,
    /// Documents replaced without updating the index and vocabulary yet (see
    /// [`Corpus::set_document`]), with the version those hold (`None`: none).
    unindexed: HashMap<DocId, Option<Arc<Document>>>,
}

impl Corpus {
    /// Opens a corpus folder: reads `byline.toml`, the knowledge base and every
    /// article.
    pub fn open(root: &Path) -> Corpus {
        Corpus::open_with(root, None, |_, _| {})
    }

    /// [`Corpus::open`] with an editor's settings under `byline.toml` and a
    /// progress callback `(articles read, articles found)`.
    pub fn open_with(root: &Path, editor: Option<crate::config::RawConfig>, progress: impl Fn(usize, usize) + Sync) -> Corpus {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let mut c = Corpus::open_empty(&root, editor);
        c.load_all_with(progress);
        c
    }

    /// The configuration and knowledge base of a corpus folder, without its
    /// articles (then [`Corpus::load_all_with`]). The root is kept as given, so
    /// document paths are under it as the caller spells it.
    pub fn open_empty(root: &Path, editor: Option<crate::config::RawConfig>) -> Corpus {
        let (config, mut errors) = Config::load_with(root, editor);
        let (kb, kb_errors) = load_kb(&config);
        errors.extend(kb_errors);
        let mut c = Corpus::empty(config, Arc::new(kb));
        c.config_errors = errors;
        c
    }

    /// A corpus with no documents yet.
    pub fn empty(config: Config, kb: Arc<Kb>) -> Corpus {
        Corpus {
            config,
            kb,
            docs: Table::default(),
            by_path: Shared::default(),
            index: Shared::default(),
            vocab: Shared::default(),
            decisions: Shared::default(),
            skipped: Vec::new(),
            config_errors: Vec::new(),
            unindexed: HashMap::new(),
        }
    }

    /// Recomputes the corpus-wide spelling decisions (cheap: distinct spellings,
    /// not documents).
    pub fn refresh(&mut self) {
        self.refresh_changes();
    }

    /// [`Corpus::refresh`] (the pending documents first, see
    /// [`Corpus::set_document`]), saying what changed: the decisions are
    /// brought up to date with the index's and vocabulary's changes since the
    /// last refresh ([`Decisions::update`]).
    pub fn refresh_changes(&mut self) -> crate::variants::DecisionChanges {
        self.apply_pending();
        let Corpus { decisions, index, vocab, kb, config, .. } = self;
        decisions.update(index, vocab, kb, config)
    }

    /// Replaces the whole document set (after the corpus globs changed).
    fn clear(&mut self) {
        self.docs.clear();
        self.by_path.clear();
        self.index = Shared::default();
        self.vocab = Shared::default();
        self.unindexed.clear();
    }

    fn insert(&mut self, path: PathBuf, text: &str, modified: Option<Date>, analysis: DocAnalysis, vocab: Vocab) -> DocId {
        self.insert_rope(path, Rope::from_str(text), text, modified, analysis, vocab)
    }

    fn insert_rope(&mut self, path: PathBuf, rope: Rope, text: &str, modified: Option<Date>, analysis: DocAnalysis, vocab: Vocab) -> DocId {
        let id = match self.by_path.get(&path) {
            Some(&id) => {
                if let Some(old) = self.indexed_version(id) {
                    let old_vocab = vocabulary(&old.text());
                    self.vocab.sub(&old_vocab);
                }
                id
            }
            None => {
                let id = self.docs.len() as DocId;
                self.docs.push(None);
                self.by_path.insert(path.clone(), id);
                id
            }
        };
        let rel = files::relative(&self.config.root, &path);
        self.index.add(&self.kb, id, &analysis, text);
        self.vocab.add(&vocab);
        let doc = Document { id, path, rel, rope, modified, analysis: Arc::new(analysis) };
        self.docs[id as usize] = Some(Arc::new(doc));
        id
    }

    /// Adds or replaces a document with new text (from disk or an editor). Call
    /// [`Corpus::refresh`] afterwards (once for a batch of changes).
    pub fn upsert(&mut self, path: PathBuf, text: &str, modified: Option<Date>) -> DocId {
        let (a, v) = self.analyze_or_skip(&path, text, modified);
        self.insert(path, text, modified, a, v)
    }

    fn analyze_or_skip(&mut self, path: &Path, text: &str, modified: Option<Date>) -> (DocAnalysis, Vocab) {
        match analyze_guarded(text, &self.kb, files::file_dates(&self.config.root, path, modified)) {
            Ok(x) => x,
            Err(reason) => {
                self.skipped.push(Skipped { path: path.to_path_buf(), reason });
                (DocAnalysis::default(), vocabulary(text))
            }
        }
    }

    /// Adds or replaces a document from an editor's rope (kept as it is, so
    /// positions the editor sends map onto exactly this text).
    pub fn upsert_rope(&mut self, path: PathBuf, rope: Rope, modified: Option<Date>) -> DocId {
        let text = rope.to_string();
        let (a, v) = self.analyze_or_skip(&path, &text, modified);
        self.insert_rope(path, rope, &text, modified, a, v)
    }

    /// Re-reads `byline.toml` over the editor's settings and, when the knowledge
    /// base files or corpus globs changed, reloads them. A configuration file with
    /// a syntax error leaves the current configuration in force. Returns the
    /// problems found (for diagnostics in those files).
    pub fn reload_config(&mut self, editor: Option<crate::config::RawConfig>) -> Vec<FileError> {
        let (config, errors) = Config::load_with(&self.config.root, editor);
        if errors.iter().any(|e| e.fatal) {
            return errors;
        }
        let globs_changed = config.include != self.config.include || config.exclude != self.config.exclude;
        let kb_changed = config.knowledge_base != self.config.knowledge_base;
        self.config = config;
        let mut all = errors;
        if kb_changed {
            all.extend(self.reload_kb());
        }
        if globs_changed {
            self.clear();
            self.load_all();
        } else {
            self.refresh();
        }
        all
    }

    /// Reloads the knowledge-base files and re-analyses every document. A file that
    /// does not parse leaves the current knowledge base in force.
    pub fn reload_kb(&mut self) -> Vec<FileError> {
        let (kb, errors) = load_kb(&self.config);
        if !errors.iter().any(|e| e.fatal) {
            self.set_kb(Arc::new(kb));
        }
        errors
    }

    /// Removes a document. Returns whether it was there. Call [`Corpus::refresh`]
    /// afterwards.
    pub fn remove(&mut self, path: &Path) -> bool {
        let Some(id) = self.by_path.remove(path) else { return false };
        if let Some(old) = self.indexed_version(id) {
            let old_vocab = vocabulary(&old.text());
            self.vocab.sub(&old_vocab);
        }
        self.index.remove(id);
        self.docs[id as usize] = None;
        true
    }

    /// Replaces the knowledge base and re-analyses every document.
    pub fn set_kb(&mut self, kb: Arc<Kb>) {
        self.kb = kb;
        let docs: Vec<Arc<Document>> = self.docs().cloned().collect();
        let kb = self.kb.clone();
        let root = self.config.root.clone();
        let analysed: Vec<(Arc<Document>, String, DocAnalysis, Vocab)> = docs
            .into_par_iter()
            .map(|d| {
                let text = d.text();
                let file = files::file_dates(&root, &d.path, d.modified);
                let (a, v) = analyze_guarded(&text, &kb, file).unwrap_or_else(|_| (DocAnalysis::default(), vocabulary(&text)));
                (d, text, a, v)
            })
            .collect();
        for (d, text, a, v) in analysed {
            self.insert_rope(d.path.clone(), d.rope.clone(), &text, d.modified, a, v);
        }
        self.refresh();
    }

    /// The documents, in id order.
    pub fn docs(&self) -> impl Iterator<Item = &Arc<Document>> {
        self.docs.iter().flatten()
    }

    pub fn doc(&self, id: DocId) -> Option<&Arc<Document>> {
        self.docs.get(id as usize).and_then(Option::as_ref)
    }

    /// The version of a document the index holds: the document itself unless
    /// it changed since the index was last updated (then the version from
    /// before). Spans the index keeps (a claim's sentence) are offsets into
    /// this version, not into an edited one.
    pub fn indexed_doc(&self, id: DocId) -> Option<&Arc<Document>> {
        match self.unindexed.get(&id) {
            Some(then) => then.as_ref(),
            None => self.doc(id),
        }
    }

    pub fn doc_by_path(&self, path: &Path) -> Option<&Arc<Document>> {
        self.by_path.get(path).and_then(|&id| self.doc(id))
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.by_path.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_path.is_empty()
    }
}

/// Loads the configured knowledge-base files over the built-in gazetteer.
pub fn load_kb(config: &Config) -> (Kb, Vec<FileError>) {
    let existing: Vec<&PathBuf> =
        config.knowledge_base.iter().filter(|p| p.exists() || p.file_name().is_none_or(|n| n != crate::config::KB_FILE)).collect();
    let (entries, errors) = load_user_kb(&existing);
    (Kb::with_user(entries), errors)
}

/// Analyses one document and counts its words on the same tokens. A bug in
/// recognition becomes an error for this document (reported as a skipped file)
/// instead of ending the program: that is corpus policy, so it lives here.
pub fn analyze_guarded(text: &str, kb: &Kb, file: FileDates) -> Result<(DocAnalysis, Vocab), String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let toks = tokenize(text);
        let vocab = vocabulary_of(text, &toks);
        (analyze_tokens(text, toks, kb, file), vocab)
    }))
    .map_err(|e| {
        let msg = e.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| e.downcast_ref::<String>().cloned()).unwrap_or_default();
        format!("internal error while analysing this document ({msg}); please report it")
    })
}
