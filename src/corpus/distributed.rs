//! The corpus-wide step as a distributed job runs it (`python/byline/spark.py`):
//! each document summarised where it is read ([`summarize`]), the summaries
//! merged in any order ([`Summary::merge`]), the decisions computed once from the
//! merged summary ([`Decided::new`]: [`Index::from_summary`] and
//! [`crate::variants::Decisions::compute`], the code the CLI runs), then each
//! document's findings and export line read off them ([`Decided::outputs`]) —
//! the same JSON as `byline check --format json` and `byline export --format
//! jsonl` on the same folder.
//!
//! Documents are numbered in path order ([`files::discover`]), as the CLI
//! numbers them, so ties that fall to document order break the same way.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use ropey::Rope;

use super::findings::{Related, doc_findings_with};
use super::json::{JsonRange, export_doc, finding_with};
use super::{Corpus, Document, Shared, analyze_guarded, files};
use crate::config::Config;
use crate::index::summary::{Place, Summary};
use crate::index::{EntityKey, Index};
use crate::kb::Kb;
use crate::model::{DocAnalysis, DocId};
use crate::text::Position;
use crate::variants::{GroupId, NameGroup};

/// The corpus files of a folder, relative to it, in path order (a document's
/// number is its place in this list).
pub fn discover(config: &Config) -> Vec<String> {
    files::discover(config).0.iter().map(|p| files::relative(&config.root, p)).collect()
}

/// An article read and analysed.
pub struct ReadDoc {
    pub doc: Document,
    pub text: String,
    /// Its word counts.
    pub vocab: crate::vocab::Vocab,
}

/// Reads and analyses the article `rel` (under the configuration's root) as
/// document `id`. An analysis that fails leaves the document without mentions,
/// as the CLI does; an unreadable file is an error.
pub fn read(config: &Config, kb: &Kb, id: DocId, rel: &str) -> Result<ReadDoc, String> {
    let path = config.root.join(rel);
    let f = files::read(&path).map_err(|s| s.to_string())?;
    let (analysis, vocab) = analyze_guarded(&f.text, kb, files::file_dates(&config.root, &path, f.modified))
        .unwrap_or_else(|_| (DocAnalysis::default(), crate::vocab::vocabulary(&f.text)));
    let doc =
        Document { id, path, rel: rel.to_string(), rope: Rope::from_str(&f.text), modified: f.modified, analysis: Arc::new(analysis) };
    Ok(ReadDoc { doc, text: f.text, vocab })
}

/// The summary of article `rel` as document `id`.
pub fn summarize(config: &Config, kb: &Kb, id: DocId, rel: &str) -> Result<Summary, String> {
    let r = read(config, kb, id, rel)?;
    Ok(Summary::of_doc(kb, id, rel, &r.doc.analysis, &r.text, &r.vocab))
}

/// The decisions of a merged summary, with what a document's findings need of
/// the other documents (the places each spelling is used).
pub struct Decided {
    /// The corpus without its documents: configuration, knowledge base, index,
    /// vocabulary and decisions.
    pub corpus: Corpus,
    places: HashMap<EntityKey, Vec<(String, Vec<Place>)>>,
    related: Mutex<HashMap<GroupId, Arc<[Related]>>>,
    /// Where each related place is: (document, start) -> (path, range).
    located: Mutex<HashMap<(DocId, usize), (String, JsonRange)>>,
}

/// One document's findings (each as `check --format json` writes it) and its
/// export line (`export --format jsonl`).
pub struct DocOutputs {
    pub findings: Vec<String>,
    pub export: String,
}

impl Decided {
    /// Computes the decisions of a merged summary (once; then read by every document).
    pub fn new(config: Config, kb: Arc<Kb>, summary: &Summary) -> Decided {
        let mut corpus = Corpus::empty(config, kb);
        corpus.index = Shared::new(Index::from_summary(summary));
        corpus.vocab = Shared::new(summary.vocab());
        corpus.refresh();
        let mut places = HashMap::new();
        for (k, e) in &summary.entities {
            if let Some(key) = crate::index::summary::parse_key(k) {
                places.insert(key, e.places.iter().map(|(f, p)| (f.clone(), p.clone())).collect());
            }
        }
        Decided { corpus, places, related: Mutex::default(), located: Mutex::default() }
    }

    /// Up to ten places where a group's forms are used, as
    /// [`super::findings::name_related`] finds them in a whole corpus: the first
    /// per document and form, in path order, then text order.
    fn related(&self, g: &NameGroup) -> Arc<[Related]> {
        if let Some(r) = self.related.lock().unwrap_or_else(|e| e.into_inner()).get(&g.id) {
            return r.clone();
        }
        let mut cands: Vec<(&str, &Place)> = Vec::new();
        for k in &g.members {
            for (form, ps) in self.places.get(k).into_iter().flatten() {
                if g.forms.iter().any(|(f, _)| f == form) {
                    cands.extend(ps.iter().map(|p| (form.as_str(), p)));
                }
            }
        }
        cands.sort_by(|a, b| (&a.1.rel, a.1.doc, a.1.mention).cmp(&(&b.1.rel, b.1.doc, b.1.mention)));
        let mut seen: std::collections::HashSet<(DocId, &str)> = std::collections::HashSet::new();
        let mut out = Vec::new();
        let mut located = self.located.lock().unwrap_or_else(|e| e.into_inner());
        for (form, p) in cands {
            if out.len() >= 10 {
                break;
            }
            if seen.insert((p.doc, form)) {
                let [sl, sc, el, ec] = p.range;
                let range = JsonRange { start: Position { line: sl, character: sc }, end: Position { line: el, character: ec } };
                located.insert((p.doc, p.span.0), (p.rel.clone(), range));
                out.push(Related { doc: p.doc, span: p.span.0..p.span.1, message: format!("“{form}”") });
            }
        }
        let r: Arc<[Related]> = out.into();
        self.related.lock().unwrap_or_else(|e| e.into_inner()).insert(g.id.clone(), r.clone());
        r
    }

    /// The findings and the export line of a document read with [`read`].
    pub fn outputs(&self, r: &ReadDoc) -> DocOutputs {
        let fs = doc_findings_with(&self.corpus, &r.doc, &|g| self.related(g));
        let located = self.located.lock().unwrap_or_else(|e| e.into_inner());
        let locate = |rel: &Related| located.get(&(rel.doc, rel.span.start)).map(|(p, range)| (p.as_str(), *range));
        let findings = fs.iter().filter_map(|f| serde_json::to_string(&finding_with(&r.doc.rel, &r.doc.rope, f, &locate)).ok()).collect();
        let export = serde_json::to_string(&export_doc(&self.corpus, &r.doc, &r.text)).unwrap_or_default();
        DocOutputs { findings, export }
    }
}
