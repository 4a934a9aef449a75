//! What the report shows, read off the engine: the same entity list as
//! `byline entities` ([`Corpus::entities`]), the same findings as `byline check`
//! ([`each_document_findings`]), the spelling groups of the decisions, and the
//! places of each spelling from the documents' analyses. Nothing here is HTML.

use std::collections::HashMap;

use super::Caps;
use super::cooccur::{Cooccurrence, cooccurrence};
use super::people::{Person, people};
use crate::config::Severity;
use crate::corpus::findings::each_document_findings;
use crate::corpus::tally::Tally;
use crate::corpus::{Corpus, Document};
use crate::index::EntityKey;
use crate::model::{Code, Date, Kind};
use crate::text::{Encoding, position};
use crate::variants::NameGroup;

/// The first items of a longer list, and how long it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Capped<T> {
    pub items: Vec<T>,
    pub total: usize,
}

impl<T> Capped<T> {
    /// The first `cap` items of `all`.
    pub fn first(mut all: Vec<T>, cap: usize) -> Capped<T> {
        let total = all.len();
        all.truncate(cap);
        Capped { items: all, total }
    }

    /// How many were left out.
    pub fn more(&self) -> usize {
        self.total.saturating_sub(self.items.len())
    }
}

/// A place in an article: its path relative to the corpus root and a 1-based line.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub path: String,
    pub line: u32,
}

impl Place {
    /// The place of a byte offset of a document.
    pub fn of(doc: &Document, byte: usize) -> Place {
        Place { path: doc.rel.clone(), line: position(&doc.rope, byte, Encoding::Utf32).line + 1 }
    }
}

/// Entities of one kind: how many, and their mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindCount {
    pub kind: Kind,
    pub entities: usize,
    pub mentions: u64,
}

/// Findings by severity and by code (everything `byline check --format json`
/// lists): the severities and the fixable ones are the engine's one count,
/// [`Tally`], as `check`, the editors' status and "Fix all" show it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FindingCounts {
    pub tally: Tally,
    /// In [`Code::ALL`] order.
    pub by_code: [usize; 5],
}

impl FindingCounts {
    fn add(&mut self, f: &crate::corpus::findings::Finding, config: &crate::config::Config) {
        self.tally.add(f, config);
        self.by_code[Code::ALL.iter().position(|c| *c == f.code).unwrap_or(0)] += 1;
    }

    /// Every finding.
    pub fn total(&self) -> usize {
        self.tally.total()
    }
}

/// Severities in the order of [`Tally::by_severity`].
pub const SEVERITIES: [Severity; 4] = [Severity::Error, Severity::Warning, Severity::Information, Severity::Hint];

/// What a spelling group is a group of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    Name(Kind),
    Word,
}

/// One spelling of a group, how often the corpus uses it, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormUse {
    pub form: String,
    pub count: u32,
    /// Uses of this spelling get a finding.
    pub flagged: bool,
    /// The first places it is used, in path order (for words: the places with a finding).
    pub places: Vec<Place>,
}

/// A name or word written in more than one way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpellingGroup {
    pub kind: GroupKind,
    pub preferred: String,
    /// Why that spelling is preferred.
    pub rule: String,
    /// Most used first.
    pub forms: Vec<FormUse>,
}

impl SpellingGroup {
    pub fn uses(&self) -> u64 {
        self.forms.iter().map(|f| u64::from(f.count)).sum()
    }
}

/// One article's findings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleFindings {
    pub path: String,
    pub date: Option<Date>,
    pub findings: FindingCounts,
}

/// Everything the report shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The corpus folder's name.
    pub title: String,
    pub documents: usize,
    /// Entities (as `byline entities` lists them).
    pub entities: usize,
    /// Every kind, in [`Kind`] order.
    pub kinds: Vec<KindCount>,
    pub findings: FindingCounts,
    pub groups: Capped<SpellingGroup>,
    /// People with role claims, most mentioned first.
    pub people: Capped<Person>,
    pub cooccurrence: Cooccurrence,
    /// Articles with findings, most first.
    pub articles: Capped<ArticleFindings>,
    pub caps: Caps,
}

/// Gathers the report of a corpus.
pub fn gather(corpus: &Corpus, caps: &Caps) -> Report {
    let entities = corpus.entities();
    let kinds = [Kind::Person, Kind::Org, Kind::Loc]
        .into_iter()
        .map(|kind| {
            let of_kind = entities.iter().filter(|e| e.kind == kind);
            KindCount { kind, entities: of_kind.clone().count(), mentions: of_kind.map(|e| u64::from(e.mentions)).sum() }
        })
        .collect();
    // Findings: the same stream as `byline check`, counted, never all held.
    let mut findings = FindingCounts::default();
    let mut articles = Vec::new();
    let mut word_places: HashMap<String, Vec<Place>> = HashMap::new();
    each_document_findings(corpus, |fs| {
        let Some(doc) = fs.first().and_then(|f| corpus.doc(f.doc)) else { return };
        let mut here = FindingCounts::default();
        for f in &fs {
            findings.add(f, &corpus.config);
            here.add(f, &corpus.config);
            let key = f.data.found.to_lowercase();
            if corpus.decisions.words.contains_key(&key) {
                let places = word_places.entry(key).or_default();
                if places.len() < caps.places_per_form {
                    places.push(Place::of(doc, f.span.start));
                }
            }
        }
        articles.push(ArticleFindings { path: doc.rel.clone(), date: doc.date(), findings: here });
    });
    articles.sort_by(|a, b| b.findings.total().cmp(&a.findings.total()).then_with(|| a.path.cmp(&b.path)));
    let title = corpus.config.root.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Report {
        title,
        documents: corpus.len(),
        entities: entities.len(),
        kinds,
        findings,
        groups: spelling_groups(corpus, caps, &word_places),
        people: people(corpus, &entities, caps),
        cooccurrence: cooccurrence(corpus, &entities, caps),
        articles: Capped::first(articles, caps.articles),
        caps: *caps,
    }
}

/// The name groups and the mixed word forms, most used first.
fn spelling_groups(corpus: &Corpus, caps: &Caps, word_places: &HashMap<String, Vec<Place>>) -> Capped<SpellingGroup> {
    let d = &corpus.decisions;
    let mut names: Vec<&NameGroup> = d.names.groups().filter(|g| g.forms.len() > 1).collect();
    names.sort_by(|a, b| uses(&b.forms).cmp(&uses(&a.forms)).then_with(|| a.preferred.cmp(&b.preferred)).then_with(|| a.id.cmp(&b.id)));
    // Mixed word forms: one group per set of forms (every form of it maps to the same decision).
    let mut words: Vec<(&[(String, u32)], &crate::variants::WordDecision)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for dec in d.words.values().filter(|w| w.code == Code::InconsistentSpelling && w.counts.len() > 1) {
        if seen.insert(dec.counts.iter().map(|(f, _)| f.to_lowercase()).collect::<Vec<_>>()) {
            words.push((&dec.counts, dec));
        }
    }
    words.sort_by(|a, b| uses(b.0).cmp(&uses(a.0)).then_with(|| a.1.preferred.cmp(&b.1.preferred)));
    let total = names.len() + words.len();
    // Names and words merged by use, then capped; only the groups shown read documents.
    let mut order: Vec<(u64, bool, usize)> = names.iter().enumerate().map(|(i, g)| (uses(&g.forms), true, i)).collect();
    order.extend(words.iter().enumerate().map(|(i, w)| (uses(w.0), false, i)));
    order.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    order.truncate(caps.groups);
    let items = order
        .into_iter()
        .map(|(_, is_name, i)| if is_name { name_group(corpus, names[i], caps) } else { word_group(words[i].1, word_places) })
        .collect();
    Capped { items, total }
}

fn uses(forms: &[(String, u32)]) -> u64 {
    forms.iter().map(|(_, n)| u64::from(*n)).sum()
}

/// A name group with the first places of each spelling, read from the documents
/// its entities are mentioned in (in path order).
fn name_group(corpus: &Corpus, g: &NameGroup, caps: &Caps) -> SpellingGroup {
    let mut places: HashMap<&str, Vec<Place>> = HashMap::new();
    let mut docs: Vec<&std::sync::Arc<Document>> =
        g.members.iter().filter_map(|k| corpus.index.get(k)).flat_map(|e| e.docs.keys().filter_map(|&d| corpus.doc(d))).collect();
    docs.sort_by(|a, b| a.rel.cmp(&b.rel));
    docs.dedup_by_key(|d| d.id);
    let full = |form: &str| places.get(form).is_some_and(|p| p.len() >= caps.places_per_form);
    let mut pending: Vec<&str> = g.forms.iter().map(|(f, _)| f.as_str()).filter(|f| !full(f)).collect();
    for doc in docs {
        if pending.is_empty() {
            break;
        }
        let a = &doc.analysis;
        let members: Vec<bool> = a.entities.iter().map(|e| g.members.contains(&EntityKey::of(&corpus.kb, e))).collect();
        for m in a.mentions.iter().filter(|m| !m.short && members[m.entity]) {
            let form = doc.rope.byte_slice(m.span.clone()).to_string();
            let Some(&key) = pending.iter().find(|f| **f == form) else { continue };
            let list = places.entry(key).or_default();
            list.push(Place::of(doc, m.span.start));
            if list.len() >= caps.places_per_form {
                pending.retain(|f| *f != key);
            }
        }
    }
    let forms = g
        .forms
        .iter()
        .map(|(f, n)| FormUse {
            form: f.clone(),
            count: *n,
            flagged: g.members.iter().any(|k| corpus.decisions.names.is_flagged(k, f)),
            places: places.remove(f.as_str()).unwrap_or_default(),
        })
        .collect();
    SpellingGroup { kind: GroupKind::Name(g.kind), preferred: g.preferred.clone(), rule: g.rule.describe(), forms }
}

/// A word written several ways, with the places of its findings.
fn word_group(dec: &crate::variants::WordDecision, word_places: &HashMap<String, Vec<Place>>) -> SpellingGroup {
    let forms = dec
        .counts
        .iter()
        .map(|(f, n)| FormUse {
            form: f.clone(),
            count: *n,
            flagged: !f.eq_ignore_ascii_case(&dec.preferred),
            places: word_places.get(&f.to_lowercase()).cloned().unwrap_or_default(),
        })
        .collect();
    SpellingGroup { kind: GroupKind::Word, preferred: dec.preferred.clone(), rule: dec.rule.describe(), forms }
}
