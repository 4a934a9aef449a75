//! The JSON shapes of `byline check --format json` (one finding: path, range in
//! UTF-16 positions, severity, code, message, data, related places) and of
//! `byline export --format jsonl` (one document: path, date, text, spans with
//! code-point offsets and the corpus-wide entity name). They live in the engine
//! so that the CLI, the Python bindings and the Spark job write the same bytes.

use ropey::Rope;
use serde::Serialize;

use super::findings::{Finding, FindingData, Related};
use super::{Corpus, Document};
use crate::index::EntityKey;
use crate::text::{CodePoints, Encoding, Position, position};

/// A zero-based range, columns in UTF-16 code units (as in LSP).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct JsonRange {
    pub start: Position,
    pub end: Position,
}

impl JsonRange {
    /// The range of a byte span of a document.
    pub fn of(rope: &Rope, span: &std::ops::Range<usize>) -> JsonRange {
        JsonRange { start: position(rope, span.start, Encoding::Utf16), end: position(rope, span.end, Encoding::Utf16) }
    }
}

/// A place elsewhere that a finding refers to.
#[derive(Serialize)]
pub struct JsonRelated<'a> {
    pub path: &'a str,
    pub range: JsonRange,
    pub message: &'a str,
}

/// One finding of `check --format json`.
#[derive(Serialize)]
pub struct JsonFinding<'a> {
    pub path: &'a str,
    pub range: JsonRange,
    pub severity: &'static str,
    pub code: &'static str,
    pub message: &'a str,
    pub data: &'a FindingData,
    pub related: Vec<JsonRelated<'a>>,
}

/// A finding of a corpus document as `check` writes it (`None` for a document no
/// longer in the corpus).
pub fn finding<'a>(corpus: &'a Corpus, f: &'a Finding) -> Option<JsonFinding<'a>> {
    let doc = corpus.doc(f.doc)?;
    Some(finding_with(&doc.rel, &doc.rope, f, &|r: &Related| {
        let d = corpus.doc(r.doc)?;
        Some((d.rel.as_str(), JsonRange::of(&d.rope, &r.span)))
    }))
}

/// [`finding`] for a document at `path` with text `rope`, the related places
/// located by `locate` (path and range; `None` leaves a place out).
pub fn finding_with<'a>(
    path: &'a str,
    rope: &Rope,
    f: &'a Finding,
    locate: &dyn Fn(&Related) -> Option<(&'a str, JsonRange)>,
) -> JsonFinding<'a> {
    JsonFinding {
        path,
        range: JsonRange::of(rope, &f.span),
        severity: f.severity.as_str(),
        code: f.code.as_str(),
        message: &f.message,
        data: &f.data,
        related: f.related.iter().filter_map(|r| locate(r).map(|(path, range)| JsonRelated { path, range, message: &r.message })).collect(),
    }
}

/// One line of `export --format jsonl`.
#[derive(Serialize)]
pub struct ExportDoc<'a> {
    pub path: &'a str,
    pub date: Option<String>,
    pub text: &'a str,
    pub spans: Vec<ExportSpan>,
    /// The document's quotations with their speakers.
    pub quotes: Vec<super::quotes::QuoteOut>,
}

/// A mention in an export: code-point offsets, label, text and the corpus-wide name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExportSpan {
    pub start: usize,
    pub end: usize,
    pub label: &'static str,
    pub text: String,
    pub entity: String,
}

/// A document's export line (`text` is the document's text).
pub fn export_doc<'a>(corpus: &Corpus, doc: &'a Document, text: &'a str) -> ExportDoc<'a> {
    let quotes = corpus.doc_quotes(doc).iter().map(|q| super::quotes::quote_out_in(doc, q)).collect();
    ExportDoc { path: &doc.rel, date: doc.analysis.date_string(), text, spans: export_spans(corpus, doc, text), quotes }
}

/// A document's spans with code-point offsets and canonical entity names.
pub fn export_spans(corpus: &Corpus, doc: &Document, text: &str) -> Vec<ExportSpan> {
    let a = &doc.analysis;
    // The corpus-wide name: clustered spellings share their preferred form.
    let names: Vec<String> =
        a.entities.iter().map(|e| corpus.entity_name(&EntityKey::of(&corpus.kb, e)).unwrap_or_else(|| e.name.clone())).collect();
    let mut cp = CodePoints::new(text);
    a.mentions
        .iter()
        .map(|m| ExportSpan {
            start: cp.at(m.span.start),
            end: cp.at(m.span.end),
            label: m.kind.label(),
            text: text[m.span.clone()].to_string(),
            entity: names[m.entity].clone(),
        })
        .collect()
}
