//! `byline report`: the corpus at a glance in one self-contained HTML file —
//! entity counts by kind, the spelling groups with their forms and where each is
//! used, every person's role timeline (dated claims, changes marked), who appears
//! with whom, and the articles with the most findings.
//!
//! [`mod@gather`] reads everything off the engine ([`Corpus::entities`] as
//! `byline entities` does, [`each_document_findings`](crate::corpus::findings::each_document_findings)
//! as `byline check` does, the spelling decisions, the index), so the numbers are
//! the commands' numbers; [`html`] and [`svg`] only render what it gathered, with
//! every piece of article text escaped (articles are untrusted input) and no
//! script, font, style sheet or image from anywhere (a Content-Security-Policy
//! says so to the browser). Every list is capped ([`Caps`]) and says how many it
//! leaves out, so the file stays small on any corpus.

mod cooccur;
mod gather;
mod html;
mod people;
mod svg;
#[cfg(test)]
mod tests;

pub use gather::{ArticleFindings, Capped, FindingCounts, FormUse, GroupKind, KindCount, Place, Report, SpellingGroup, gather};
pub use people::{Person, TimelineEntry};

pub use cooccur::Cooccurrence;

use crate::corpus::Corpus;

/// How much of each list the report keeps (the rest is counted, not shown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Caps {
    /// Spelling groups, most used first.
    pub groups: usize,
    /// Places listed per spelling of a group.
    pub places_per_form: usize,
    /// People with a role timeline, most mentioned first.
    pub people: usize,
    /// Claims per timeline (every role change is kept before other claims).
    pub claims_per_person: usize,
    /// Characters of an evidence sentence.
    pub evidence_chars: usize,
    /// People in the co-occurrence matrix.
    pub matrix_people: usize,
    /// Strongest pairs listed.
    pub pairs: usize,
    /// People of one article counted for co-occurrence (its most mentioned in the corpus).
    pub people_per_article: usize,
    /// Articles with the most findings.
    pub articles: usize,
}

impl Default for Caps {
    fn default() -> Self {
        Caps {
            groups: 100,
            places_per_form: 5,
            people: 200,
            claims_per_person: 12,
            evidence_chars: 200,
            matrix_people: 20,
            pairs: 40,
            people_per_article: 12,
            articles: 50,
        }
    }
}

/// Where the report's links to articles point: `base` joined with an article's
/// path relative to the corpus root (`base` empty: the path as it is).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Links {
    pub base: String,
}

/// The report of a corpus as one HTML page.
pub fn render(corpus: &Corpus, caps: &Caps, links: &Links) -> String {
    html::page(&gather(corpus, caps), links)
}

/// The path from folder `from` to `to` (both absolute), `/`-separated; `None`
/// when they share no root.
pub fn relative_path(from: &std::path::Path, to: &std::path::Path) -> Option<String> {
    use std::path::Component;
    let a: Vec<Component> = from.components().collect();
    let b: Vec<Component> = to.components().collect();
    if a.first() != b.first() {
        return None;
    }
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_string(); a.len() - common];
    parts.extend(b[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    Some(if parts.is_empty() { ".".to_string() } else { parts.join("/") })
}
