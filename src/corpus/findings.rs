//! Findings: what each document's mentions and words are told about their
//! spelling, read off the corpus-wide [`Decisions`](crate::variants::Decisions).
//! They live here, with the documents, because they need the whole corpus: the
//! document's text and analysis, the index (for the places where other forms
//! are used), the decisions, the knowledge base and the configuration.
//!
//! Codes: `inconsistent-spelling` (the corpus mixes forms; also British/American
//! and compound forms mixed in the corpus), `possible-variant` (a weaker name
//! match), `house-style` (a word against the configured style where the corpus
//! does not mix), `possible-typo`, `stale-title` (a role against the article's
//! date: [`super::stale`]). Findings inside quoted speech are reported as
//! hints and not corrected unless `quotations = "check"`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde::Serialize;

use super::{Corpus, Document};
use crate::config::{Config, Level, Severity};
use crate::index::EntityKey;
use crate::keys;
use crate::model::{Code, DocId, PreferredBy, Span};
use crate::variants::{GroupId, NameGroup};

/// A place elsewhere that a finding refers to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub doc: DocId,
    pub span: Span,
    pub message: String,
}

/// One finding in one document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub doc: DocId,
    pub span: Span,
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    pub data: FindingData,
    pub related: Vec<Related>,
    /// Every spelling of the finding's group with its corpus count, most used
    /// first (empty for a finding without one: a one-word reference, a
    /// possible variant, a word with odd characters).
    pub forms: Arc<[(String, u32)]>,
}

impl Finding {
    /// Whether the finding may be corrected at all: not inside quoted speech
    /// (unless `quotations = "check"`), and the fix changes the text.
    pub fn correctable(&self, config: &Config) -> bool {
        (!self.data.quoted || config.corrects_quotes()) && self.data.found != self.data.preferred
    }

    /// Whether `byline fix` and the editors' "Fix all" correct it without being
    /// asked for everything ([`Code::fixed_by_default`], [`Finding::correctable`]).
    pub fn fixed_by_default(&self, config: &Config) -> bool {
        self.code.fixed_by_default() && self.correctable(config)
    }

    /// The spelling group a finding belongs to, for showing findings together:
    /// its code and its preferred form (case aside: "Defense" and "defense" are
    /// one group).
    pub fn group_key(&self) -> (Code, String) {
        (self.code, self.data.preferred.to_lowercase())
    }
}

/// What a quick fix needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FindingData {
    pub found: String,
    pub preferred: String,
    /// Which rule chose the preferred form.
    pub rule: PreferredBy,
    /// Inside quoted speech (not corrected unless configured).
    pub quoted: bool,
}

/// "Wi Sung-lac ×3, Seongrak Wi ×2": forms with their counts.
pub fn counts_text(counts: &[(String, u32)]) -> String {
    counts.iter().map(|(f, n)| format!("{f} ×{n}")).collect::<Vec<_>>().join(", ")
}

/// The word of `preferred` that a one-word reference corresponds to ("Nausėda" in
/// "Gitanas Nausėda" for "Nauseda", "Burhan" in "Abdel Fattah Burhan" for
/// "Al-Burhan"), if the reference is spelled differently.
fn preferred_word(short: &str, preferred: &str) -> Option<String> {
    let sk = keys::spelling_key(short);
    let words: Vec<&str> = preferred.split_whitespace().collect();
    let cands = [words.first().copied(), words.last().copied()];
    for w in cands.into_iter().flatten() {
        let wk = keys::spelling_key(w);
        // "Al-Burhan" for "Abdel Fattah Burhan" (but "Assad" for "Bashar
        // al-Assad" is the usual short reference, not a variant).
        let bare = |x: &str| crate::translit::article_key(x).unwrap_or_else(|| keys::spelling_key(x));
        let same = wk == sk
            || (crate::translit::article_key(short).is_some() && bare(w) == bare(short))
            || keys::skeleton_key(w) == keys::skeleton_key(short)
            || crate::romanize::same_korean_surname(w, short)
            || (sk.chars().count() >= 6 && keys::edit_distance(&wk, &sk, 1) == 1);
        if same {
            return (w.to_lowercase() != short.to_lowercase()).then(|| w.to_string());
        }
    }
    None
}

/// What the findings of different documents share, worked out once: the
/// related places of each name group, and the
/// entity keys of the documents those are read from. Build one for a batch of
/// documents ([`all_findings`] does); it is only valid for the corpus state it
/// was built on.
pub struct Shared<'c> {
    corpus: &'c Corpus,
    /// Name group -> up to ten places where its forms are used.
    related: Mutex<HashMap<GroupId, Arc<[Related]>>>,
    /// Documents read for related places, by id.
    docs: Mutex<HashMap<DocId, Arc<DocKeys>>>,
}

/// One document's entities by key, and their full-form mentions.
struct DocKeys {
    /// Entity key -> the document's entities with that key.
    entities: HashMap<EntityKey, Vec<u32>>,
    /// Entity -> indices of its mentions that are not short references, in text order.
    mentions: Vec<Vec<u32>>,
}

impl<'c> Shared<'c> {
    pub fn new(corpus: &'c Corpus) -> Shared<'c> {
        Shared { corpus, related: Mutex::new(HashMap::new()), docs: Mutex::new(HashMap::new()) }
    }

    fn related(&self, g: &NameGroup) -> Arc<[Related]> {
        if let Some(r) = self.related.lock().unwrap_or_else(|e| e.into_inner()).get(&g.id) {
            return r.clone();
        }
        let r: Arc<[Related]> = related_in(self, g).into();
        self.related.lock().unwrap_or_else(|e| e.into_inner()).entry(g.id.clone()).or_insert(r).clone()
    }

    fn doc_keys(&self, doc: &Document) -> Arc<DocKeys> {
        if let Some(k) = self.docs.lock().unwrap_or_else(|e| e.into_inner()).get(&doc.id) {
            return k.clone();
        }
        let a = &doc.analysis;
        let mut entities: HashMap<EntityKey, Vec<u32>> = HashMap::new();
        for (ei, e) in a.entities.iter().enumerate() {
            entities.entry(EntityKey::of(&self.corpus.kb, e)).or_default().push(ei as u32);
        }
        let mut mentions = vec![Vec::new(); a.entities.len()];
        for (mi, m) in a.mentions.iter().enumerate() {
            if !m.short {
                mentions[m.entity].push(mi as u32);
            }
        }
        let k = Arc::new(DocKeys { entities, mentions });
        self.docs.lock().unwrap_or_else(|e| e.into_inner()).entry(doc.id).or_insert(k).clone()
    }
}

/// The findings of one document, in text order.
pub fn doc_findings(corpus: &Corpus, doc: &Document) -> Vec<Finding> {
    let shared = Shared::new(corpus);
    doc_findings_with(corpus, doc, &|g| shared.related(g))
}

/// [`doc_findings`] with the places a name group's forms are used
/// ([`name_related`]) supplied by the caller, who shares them between documents
/// (a [`Shared`] for a batch, a [`super::snapshot::Snapshot`] for its lifetime).
pub fn doc_findings_with(corpus: &Corpus, doc: &Document, related: &dyn Fn(&NameGroup) -> Arc<[Related]>) -> Vec<Finding> {
    let d = &corpus.decisions;
    let cfg = &corpus.config;
    let a = &doc.analysis;
    let text = doc.text();
    let fix_quotes = cfg.corrects_quotes();
    let mut out = Vec::new();
    let severity = |code: Code, quoted: bool| -> Option<Severity> {
        match cfg.level(code) {
            Level::Off => None,
            Level::On(s) if quoted && !fix_quotes => Some(s.max(Severity::Hint)),
            Level::On(s) => Some(s),
        }
    };
    let keys: Vec<EntityKey> = a.entities.iter().map(|e| EntityKey::of(&corpus.kb, e)).collect();
    // Words corrupted by copy-paste, reported whole with the mention they are in.
    let odd = odd_word_findings(doc, &text, &mut out, &|code| severity(code, false));
    let mut related_cache: HashMap<GroupId, Arc<[Related]>> = HashMap::new();
    for m in &a.mentions {
        if odd.iter().any(|o| o.start < m.span.end && m.span.start < o.end) {
            continue;
        }
        let found = &text[m.span.clone()];
        let key = &keys[m.entity];
        let quoted = a.in_quote(m.span.start);
        let quote_note = if quoted && !fix_quotes { " Inside quoted speech: reported, not corrected." } else { "" };
        if !m.short {
            if let Some(g) = d.names.flagged(key, found) {
                let Some(sev) = severity(Code::InconsistentSpelling, quoted) else { continue };
                let related = related_cache
                    .entry(g.id.clone())
                    .or_insert_with(|| related(g))
                    .iter()
                    .filter(|r| !(r.doc == doc.id && r.span == m.span))
                    .cloned()
                    .collect();
                out.push(Finding {
                    doc: doc.id,
                    span: m.span.clone(),
                    severity: sev,
                    code: Code::InconsistentSpelling,
                    message: format!(
                        "“{found}” is spelled “{}” elsewhere in the corpus ({}). Forms: {}.{quote_note}",
                        g.preferred,
                        g.rule.describe(),
                        counts_text(&g.forms)
                    ),
                    data: FindingData { found: found.to_string(), preferred: g.preferred.clone(), rule: g.rule, quoted },
                    related,
                    forms: g.forms.clone(),
                });
                continue;
            }
            if let Some(p) = d.names.possible_of(key) {
                let Some(sev) = severity(Code::PossibleVariant, quoted) else { continue };
                out.push(Finding {
                    doc: doc.id,
                    span: m.span.clone(),
                    severity: sev,
                    code: Code::PossibleVariant,
                    message: format!(
                        "“{found}” is possibly the same as “{}” ({}); no role, affiliation or context confirms it.",
                        p.other_form, p.why
                    ),
                    data: FindingData {
                        found: found.to_string(),
                        preferred: p.other_form.clone(),
                        rule: PreferredBy::SimilarSpelling,
                        quoted,
                    },
                    related: Vec::new(),
                    forms: Arc::default(),
                });
            }
            continue;
        }
        // A one-word reference spelled unlike the full name ("Stoltenburg").
        let full = d.names.preferred(key).map(str::to_string).or_else(|| corpus.index.canonical_name(&corpus.kb, key));
        let Some(full) = full else { continue };
        let Some(word) = preferred_word(found, &full) else { continue };
        let Some(sev) = severity(Code::InconsistentSpelling, quoted) else { continue };
        out.push(Finding {
            doc: doc.id,
            span: m.span.clone(),
            severity: sev,
            code: Code::InconsistentSpelling,
            message: format!("“{found}” refers to {full}, spelled “{word}”.{quote_note}"),
            data: FindingData { found: found.to_string(), preferred: word, rule: PreferredBy::Reference, quoted },
            related: Vec::new(),
            forms: Arc::default(),
        });
    }
    // Ordinary words.
    let mention_at = |pos: usize| {
        let i = a.mentions.partition_point(|m| m.span.end <= pos);
        a.mentions.get(i).is_some_and(|m| m.span.start <= pos)
    };
    for h in d.word_hits(&text) {
        let Some(dec) = d.words.get(&h.form) else { continue };
        if mention_at(h.start) && dec.code == Code::PossibleTypo {
            continue;
        }
        let quoted = a.in_quote(h.start);
        let Some(sev) = severity(dec.code, quoted) else { continue };
        let found = &text[h.start..h.end];
        let quote_note = if quoted && !fix_quotes { " Inside quoted speech: reported, not corrected." } else { "" };
        let message = match dec.code {
            Code::PossibleTypo => format!(
                "“{found}” is not in the dictionary and is used once; possibly a typo for “{}” (used {} in the corpus).{quote_note}",
                h.replacement,
                crate::model::count(dec.counts.first().map_or(0, |c| c.1) as usize, "time")
            ),
            Code::HouseStyle => format!("“{found}”: the house style ({}) spells it “{}”.{quote_note}", style_name(cfg), h.replacement),
            _ => format!(
                "“{found}” is spelled “{}” elsewhere in the corpus ({}). Forms: {}.{quote_note}",
                h.replacement,
                dec.rule.describe(),
                counts_text(&dec.counts)
            ),
        };
        out.push(Finding {
            doc: doc.id,
            span: h.start..h.end,
            severity: sev,
            code: dec.code,
            message,
            data: FindingData { found: found.to_string(), preferred: h.replacement.clone(), rule: dec.rule, quoted },
            related: Vec::new(),
            forms: dec.counts.clone(),
        });
    }
    if let Some(sev) = severity(Code::StaleTitle, false) {
        out.extend(super::stale::stale_titles(corpus, doc, &text, sev));
    }
    if !cfg.ignore.is_empty() {
        out.retain(|f| !cfg.ignore.iter().any(|i| i.eq_ignore_ascii_case(&f.data.found)));
    }
    out.sort_by_key(|f| (f.span.start, f.span.end));
    out
}

/// Findings for the words of a document that mix scripts or hide invisible
/// characters (always reported, in quotations too: they are not speech); returns
/// the spans reported, which other findings leave alone.
fn odd_word_findings(
    doc: &Document,
    text: &str,
    out: &mut Vec<Finding>,
    severity: &dyn Fn(Code) -> Option<Severity>,
) -> Vec<std::ops::Range<usize>> {
    let words = crate::script::odd_words(text);
    let Some(sev) = severity(Code::InconsistentSpelling).filter(|_| !words.is_empty()) else { return Vec::new() };
    let a = &doc.analysis;
    let mut spans: Vec<std::ops::Range<usize>> = Vec::new();
    for w in words {
        // The whole mention the word is in, if any.
        let i = a.mentions.partition_point(|m| m.span.end <= w.span.start);
        let mention = a.mentions.get(i).filter(|m| m.span.start <= w.span.start && w.span.end <= m.span.end);
        if w.joins_names && mention.is_none_or(|m| a.entities[m.entity].kind != crate::model::Kind::Person) {
            continue;
        }
        let span = mention.map_or(w.span.clone(), |m| m.span.clone());
        let found = &text[span.clone()];
        let preferred = format!("{}{}{}", &text[span.start..w.span.start], w.clean, &text[w.span.end..span.end]);
        if let Some(last) = out.last_mut().filter(|f| f.span == span) {
            // A second odd word in the same mention.
            last.data.preferred = last.data.preferred.replacen(&text[w.span.clone()], &w.clean, 1);
            continue;
        }
        out.push(Finding {
            doc: doc.id,
            span: span.clone(),
            severity: sev,
            code: Code::InconsistentSpelling,
            message: format!(
                "“{found}” contains {} that looks like plain text but is not what a search for “{preferred}” finds.",
                w.describe()
            ),
            data: FindingData { found: found.to_string(), preferred, rule: PreferredBy::CleanText, quoted: false },
            related: Vec::new(),
            forms: Arc::default(),
        });
        spans.push(span);
    }
    spans
}

fn style_name(cfg: &Config) -> &'static str {
    match cfg.spelling {
        crate::config::SpellingStyle::American => "American",
        crate::config::SpellingStyle::British => "British",
        crate::config::SpellingStyle::Auto => "corpus",
    }
}

/// Up to ten places where the group's forms are used (the first per document and
/// form, in path order). Only the group's forms: the other names of its
/// entities are not spellings of it (“United States” is not a spelling of the
/// “U.S.” / “US” group of the entry that has all three).
pub(crate) fn name_related(corpus: &Corpus, g: &NameGroup) -> Vec<Related> {
    related_in(&Shared::new(corpus), g)
}

/// [`name_related`], reading documents' entity keys through `shared`.
fn related_in(shared: &Shared, g: &NameGroup) -> Vec<Related> {
    let corpus = shared.corpus;
    let mut docs: Vec<&std::sync::Arc<Document>> =
        g.members.iter().filter_map(|k| corpus.index.get(k)).flat_map(|ge| ge.docs.keys().filter_map(|&d| corpus.doc(d))).collect();
    docs.sort_by(|a, b| a.rel.cmp(&b.rel));
    docs.dedup_by(|a, b| a.id == b.id);
    let mut out = Vec::new();
    let mut seen: std::collections::HashSet<(DocId, String)> = std::collections::HashSet::new();
    for doc in docs {
        let a = &doc.analysis;
        let keys = shared.doc_keys(doc);
        // The full-form mentions of the group's entities, in text order.
        let mut ents: Vec<u32> = g.members.iter().filter_map(|k| keys.entities.get(k)).flatten().copied().collect();
        ents.sort_unstable();
        ents.dedup();
        let mut ms: Vec<u32> = ents.iter().flat_map(|&e| keys.mentions[e as usize].iter().copied()).collect();
        ms.sort_unstable();
        for mi in ms {
            let m = &a.mentions[mi as usize];
            let form = doc.rope.byte_slice(m.span.clone()).to_string();
            if !g.forms.iter().any(|(f, _)| *f == form) {
                continue;
            }
            if seen.insert((doc.id, form.clone())) {
                out.push(Related { doc: doc.id, span: m.span.clone(), message: format!("“{form}”") });
            }
            if out.len() >= 10 {
                return out;
            }
        }
    }
    out
}

/// Findings of every document, in path order.
pub fn all_findings(corpus: &Corpus) -> Vec<Finding> {
    let mut all = Vec::new();
    each_document_findings(corpus, |f| all.extend(f));
    all
}

/// How many documents' findings are worked out together (in parallel) before
/// they are handed on.
const FINDINGS_BATCH: usize = 256;

/// Calls `f` with each document's findings, documents in path order (the
/// order of [`all_findings`]), working out a batch of documents at a time in
/// parallel: a caller that writes them out never holds the whole list.
pub fn each_document_findings(corpus: &Corpus, mut f: impl FnMut(Vec<Finding>)) {
    use rayon::prelude::*;
    let shared = Shared::new(corpus);
    let mut docs: Vec<&std::sync::Arc<Document>> = corpus.docs().collect();
    docs.sort_by(|a, b| a.rel.cmp(&b.rel));
    for batch in docs.chunks(FINDINGS_BATCH) {
        let per: Vec<Vec<Finding>> = batch.par_iter().map(|d| doc_findings_with(corpus, d, &|g| shared.related(g))).collect();
        per.into_iter().for_each(&mut f);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_with_or_without_the_article_map_to_the_preferred_word() {
        assert_eq!(preferred_word("Al-Burhan", "Abdel Fattah Burhan"), Some("Burhan".into()));
        assert_eq!(preferred_word("Burhan", "Abdel Fattah al-Burhan"), None, "the usual short reference");
        assert_eq!(preferred_word("Al-Burhan", "Abdel Fattah al-Burhan"), None, "sentence case is not a variant");
    }

    #[test]
    fn references_map_to_the_preferred_word() {
        assert_eq!(preferred_word("Nauseda", "Gitanas Nausėda").as_deref(), Some("Nausėda"));
        assert_eq!(preferred_word("Stoltenburg", "Jens Stoltenberg").as_deref(), Some("Stoltenberg"));
        assert_eq!(preferred_word("Pak", "Park Jong-chon").as_deref(), Some("Park"));
        assert_eq!(preferred_word("Wi", "Wi Sung-lac"), None);
        assert_eq!(preferred_word("Lee", "Lee Jae-myung"), None);
        assert_eq!(preferred_word("Borrell", "Josep Borrell"), None);
    }
}
