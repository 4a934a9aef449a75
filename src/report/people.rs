//! Role timelines: each person's dated claims in the order of their articles'
//! dates (undated last), with the claims where the role or the affiliation
//! changes marked. A long timeline keeps its first claim, every change and then
//! the latest claims, and says how many it leaves out.

use super::Caps;
use super::gather::{Capped, Place};
use crate::corpus::Corpus;
use crate::corpus::view::EntityView;
use crate::index::DatedClaim;
use crate::model::{Date, Kind};

/// A person with role claims.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    /// As of the latest evidence (what `byline entities` shows).
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub mentions: u32,
    pub documents: u32,
    /// Oldest first.
    pub timeline: Capped<TimelineEntry>,
}

/// One claim: which article said what, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineEntry {
    pub date: Option<Date>,
    /// The date is the file's modification time (it never outranks a stated date).
    pub file_date: bool,
    pub place: Place,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    /// The affiliation was inferred from the article's context.
    pub inferred: bool,
    /// The sentence the claim was read from (cut to [`Caps::evidence_chars`]).
    pub evidence: String,
    /// The role or the affiliation differs from the claim before that stated one.
    pub changed: bool,
}

/// The people with role claims, most mentioned first (the order of `entities`).
pub fn people(corpus: &Corpus, entities: &[EntityView], caps: &Caps) -> Capped<Person> {
    let with_claims: Vec<&EntityView> = entities.iter().filter(|e| e.kind == Kind::Person && !e.claims.is_empty()).collect();
    let total = with_claims.len();
    let items = with_claims
        .into_iter()
        .take(caps.people)
        .map(|e| Person {
            name: e.name.clone(),
            role: e.role.clone(),
            affiliation: e.affiliation.clone(),
            mentions: e.mentions,
            documents: e.documents,
            timeline: timeline(corpus, &e.claims, caps),
        })
        .collect();
    Capped { items, total }
}

/// Claims oldest first (a stated date before a file date of the same day,
/// undated last), changes marked, capped.
fn timeline(corpus: &Corpus, claims: &[DatedClaim], caps: &Caps) -> Capped<TimelineEntry> {
    let mut order: Vec<&DatedClaim> = claims.iter().collect();
    order.sort_by(|a, b| {
        a.date
            .is_none()
            .cmp(&b.date.is_none())
            .then(a.date.cmp(&b.date))
            .then(a.file_date.cmp(&b.file_date))
            .then(a.doc.cmp(&b.doc))
            .then(a.claim.span.start.cmp(&b.claim.span.start))
    });
    let (mut last_role, mut last_affil): (Option<&str>, Option<&str>) = (None, None);
    let mut all = Vec::with_capacity(order.len());
    for c in order {
        // The version of the document the index holds: the claim's offsets are into it.
        let Some(doc) = corpus.indexed_doc(c.doc) else { continue };
        let (role, affil) = (c.claim.role.as_deref(), c.claim.affiliation.as_deref());
        let differs = |now: Option<&str>, before: Option<&str>| now.zip(before).is_some_and(|(a, b)| !same(a, b));
        let changed = differs(role, last_role) || differs(affil, last_affil);
        last_role = role.or(last_role);
        last_affil = affil.or(last_affil);
        let sentence = doc.rope.byte_slice(c.claim.sentence.clone()).to_string();
        all.push(TimelineEntry {
            date: c.date,
            file_date: c.file_date,
            place: Place::of(doc, c.claim.span.start),
            role: c.claim.role.clone(),
            affiliation: c.claim.affiliation.clone(),
            inferred: c.claim.inferred,
            evidence: cut(sentence.split_whitespace().collect::<Vec<_>>().join(" "), caps.evidence_chars),
            changed,
        });
    }
    keep(all, caps.claims_per_person)
}

/// Whether two roles (or affiliations) say the same: equal but for case and a
/// leading "the", or one the other with more words after it ("Chief Financial
/// Officer" and "Chief Financial Officer of Nigerian National Petroleum Company").
fn same(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let s = s.trim().to_lowercase();
        s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
    };
    let (a, b) = (norm(a), norm(b));
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    long == short || (long.starts_with(short.as_str()) && long[short.len()..].starts_with([' ', ',', '(']))
}

/// At most `cap` entries, in order: the first, then every change (the latest
/// ones if there are more than fit), then the latest of the rest.
fn keep(all: Vec<TimelineEntry>, cap: usize) -> Capped<TimelineEntry> {
    let total = all.len();
    if total <= cap {
        return Capped { items: all, total };
    }
    let mut keep = vec![false; total];
    let mut room = cap;
    let mut take = |i: usize, keep: &mut Vec<bool>| {
        if room > 0 && !keep[i] {
            keep[i] = true;
            room -= 1;
        }
    };
    take(0, &mut keep);
    for i in (0..total).rev().filter(|&i| all[i].changed) {
        take(i, &mut keep);
    }
    for i in (0..total).rev() {
        take(i, &mut keep);
    }
    let items = all.into_iter().zip(keep).filter(|(_, k)| *k).map(|(e, _)| e).collect();
    Capped { items, total }
}

/// `s` cut to `max` characters, with an ellipsis when cut.
pub fn cut(s: String, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", s[..i].trim_end()),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: u32, changed: bool) -> TimelineEntry {
        TimelineEntry {
            date: None,
            file_date: false,
            place: Place { path: format!("a{n}.txt"), line: 1 },
            role: None,
            affiliation: None,
            inferred: false,
            evidence: String::new(),
            changed,
        }
    }

    #[test]
    fn a_long_timeline_keeps_the_first_claim_every_change_and_the_latest() {
        let all: Vec<TimelineEntry> = (0..10).map(|i| entry(i, i == 3 || i == 5)).collect();
        let kept = keep(all, 5);
        assert_eq!(kept.total, 10);
        let paths: Vec<&str> = kept.items.iter().map(|e| e.place.path.as_str()).collect();
        assert_eq!(paths, ["a0.txt", "a3.txt", "a5.txt", "a8.txt", "a9.txt"]);
        assert_eq!(kept.more(), 5);
    }

    #[test]
    fn a_role_with_more_words_after_it_is_the_same_role() {
        assert!(same("Chief Financial Officer", "chief financial officer of Nigerian National Petroleum Company"));
        assert!(same("the Foreign Ministry", "Foreign Ministry"));
        assert!(same("NNPC", "NNPC (Nigerian National Petroleum Company)"));
        assert!(!same("President", "Former President"), "a former role is a change");
        assert!(!same("Defense Minister", "Defense Ministry spokesman"));
        assert!(!same("Prime Minister", "Prime Ministerial candidate"), "words, not letters");
    }

    #[test]
    fn cutting_counts_characters_not_bytes() {
        assert_eq!(cut("Lee Jae-myung 이재명".into(), 100), "Lee Jae-myung 이재명");
        assert_eq!(cut("이재명 대통령".into(), 3), "이재명…");
    }
}
