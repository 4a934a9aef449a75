//! Who said what across the corpus: every document's direct quotations
//! ([`crate::recognize::quotes`]) as claims with their speaker's corpus
//! identity, article and date. `byline quotes`, the JSONL and brat exports and
//! the language server's hover read this.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{Corpus, Document};
use crate::index::EntityKey;
use crate::model::{Attribution, Date, DocId, Quotation, Span, unquoted};

/// One quotation as a claim: who said the words, where and when.
#[derive(Clone, Debug)]
pub struct QuoteClaim {
    pub doc: DocId,
    /// The quoted words with their marks (bytes).
    pub span: Span,
    /// The words without the marks.
    pub text: String,
    pub speaker: Option<Speaker>,
    pub rule: Option<Attribution>,
    pub date: Option<Date>,
    /// The date is the file's modification time (see [`crate::model::DateSource::is_file_time`]).
    pub file_date: bool,
}

/// A quotation's speaker.
#[derive(Clone, Debug)]
pub struct Speaker {
    pub key: EntityKey,
    /// The corpus's preferred name of the entity (else the document's).
    pub name: String,
    /// The words that name the speaker for this quotation (bytes).
    pub cue: Option<Span>,
}

/// A quotation in the output contract of `byline quotes --format json` and of
/// the JSONL export's `quotes` array: code-point offsets into the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuoteOut {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The speaker's name, `null` when unknown.
    pub speaker: Option<String>,
    /// Code-point range of the words naming the speaker ("he", "Grundberg").
    pub cue: Option<[usize; 2]>,
    /// The rule that found the speaker (`after`, `before`, `pronoun`, `role-noun`, `continued`).
    pub rule: Option<&'static str>,
}

impl Corpus {
    /// A document's quotations as claims.
    pub fn doc_quotes(&self, d: &Document) -> Vec<QuoteClaim> {
        let a = &d.analysis;
        let file_date = a.date.is_some_and(|(_, s)| s.is_file_time());
        a.quotations.iter().map(|q| self.quote_claim(d, q, file_date)).collect()
    }

    fn quote_claim(&self, d: &Document, q: &Quotation, file_date: bool) -> QuoteClaim {
        let speaker = q.speaker.and_then(|e| d.analysis.entities.get(e)).map(|e| {
            let key = EntityKey::of(&self.kb, e);
            let name = self.decisions.names.preferred(&key).map_or_else(|| e.name.clone(), str::to_string);
            Speaker { key, name, cue: q.cue.clone() }
        });
        let text = d.rope.get_byte_slice(q.span.clone()).map(|s| unquoted(&s.to_string()).to_string()).unwrap_or_default();
        QuoteClaim { doc: d.id, span: q.span.clone(), text, speaker, rule: q.rule, date: d.date(), file_date }
    }

    /// Every quotation of the corpus, in path and text order.
    pub fn all_quotes(&self) -> Vec<QuoteClaim> {
        let mut docs: Vec<&std::sync::Arc<Document>> = self.docs().collect();
        docs.sort_by(|a, b| a.rel.cmp(&b.rel));
        docs.into_iter().flat_map(|d| self.doc_quotes(d)).collect()
    }

    /// The quotations of the entity `keys` (one entity's clustered spellings),
    /// latest article first: read from the documents that mention it only.
    pub fn quotes_of(&self, keys: &[EntityKey]) -> Vec<QuoteClaim> {
        let docs: BTreeSet<DocId> = keys.iter().filter_map(|k| self.index.get(k)).flat_map(|g| g.docs.keys().copied()).collect();
        let mut out: Vec<QuoteClaim> = docs
            .into_iter()
            .filter_map(|id| self.indexed_doc(id))
            .flat_map(|d| self.doc_quotes(d))
            .filter(|q| q.speaker.as_ref().is_some_and(|s| keys.contains(&s.key)))
            .collect();
        out.sort_by(|a, b| {
            (b.date.is_some() && !b.file_date, b.date).cmp(&(a.date.is_some() && !a.file_date, a.date)).then(a.doc.cmp(&b.doc))
        });
        out
    }

    /// A quotation in the output contract ([`QuoteOut`]), offsets in code points.
    pub fn quote_out(&self, q: &QuoteClaim) -> Option<QuoteOut> {
        Some(quote_out_in(self.doc(q.doc)?, q))
    }
}

/// A quotation of document `d` as exported (code-point offsets): for a
/// document outside the corpus too (the distributed job's).
pub fn quote_out_in(d: &Document, q: &QuoteClaim) -> QuoteOut {
    let cp = |b: usize| d.rope.byte_to_char(b.min(d.rope.len_bytes()));
    QuoteOut {
        start: cp(q.span.start),
        end: cp(q.span.end),
        text: q.text.clone(),
        speaker: q.speaker.as_ref().map(|s| s.name.clone()),
        cue: q.speaker.as_ref().and_then(|s| s.cue.clone()).map(|c| [cp(c.start), cp(c.end)]),
        rule: q.rule.map(Attribution::as_str),
    }
}
