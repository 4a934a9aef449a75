//! Stale titles: an article dated D calls a person by a role that, by dated
//! evidence, had ended before D or began after it ("President X" in a story
//! dated after X left office, "Defense Minister Y" before Y's appointment).
//!
//! The evidence, most trusted first:
//! 1. the user knowledge base's dated roles (`[[entity.history]]`): a record of
//!    the same role that ended before D (`to`) or began after it (`from`), with
//!    no record of that role covering D and no undated current role equal to it;
//! 2. another article, with a stated date E before D, that calls the person
//!    "former ROLE", when no other article dated after E calls them by that
//!    role without "former" (the role may have been taken up again).
//!
//! Never inside quoted speech; never when the article's date is only its
//! file's modification time ([`crate::model::DateSource::is_file_time`]); only
//! titles written next to the person ([`crate::model::RoleSpan`]), never one
//! already qualified ("former", "then", "acting", "-elect" ...). The fix offers
//! the role held on D from the knowledge base, else "former ROLE" for an
//! ended one; a role that began after D has no fix without a record for D.
//! Corpus-wide work is keyed: only the person's own claims and entry are read.

use super::findings::{Finding, FindingData, Related};
use super::{Corpus, Document};
use crate::config::Severity;
use crate::index::EntityKey;
use crate::kb::RoleRecord;
use crate::model::{Code, Date, PreferredBy, Span};

/// Words that already place a title in time: nothing to check.
const QUALIFIED: [&str; 9] = ["former", "ex", "then", "late", "acting", "interim", "outgoing", "incoming", "designate"];

/// A role as compared: lowercase, single spaces, no "former"/"ex-".
fn norm(role: &str) -> String {
    let r = role.trim().to_lowercase();
    let r = r.strip_prefix("former ").or_else(|| r.strip_prefix("ex-")).unwrap_or(&r).to_string();
    r.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a title is already placed in time ("former President", "President-elect").
fn qualified(title: &str) -> bool {
    title.split(|c: char| !c.is_alphanumeric()).any(|w| QUALIFIED.iter().any(|q| w.eq_ignore_ascii_case(q)))
        || title.to_lowercase().ends_with("elect")
}

/// "former President" in the title's own case ("former defense minister").
fn former(title: &str) -> String {
    format!("former {title}")
}

/// Why a title is stale: the message's evidence and the replacement offered.
struct Evidence {
    says: String,
    preferred: String,
    related: Vec<Related>,
}

/// The knowledge base's evidence that `title` was not `entry`'s role on `date`.
fn kb_evidence(records: &[RoleRecord], current: Option<&str>, title: &str, date: Date) -> Option<Evidence> {
    let t = norm(title);
    let same: Vec<&RoleRecord> = records.iter().filter(|r| r.role.as_deref().is_some_and(|x| norm(x) == t)).collect();
    if same.is_empty() || current.is_some_and(|c| !c.trim().to_lowercase().starts_with("former") && norm(c) == t) {
        return None;
    }
    let covers = |r: &RoleRecord| r.from.is_none_or(|f| f <= date) && r.to.is_none_or(|e| date <= e);
    if same.iter().any(|r| covers(r)) {
        return None;
    }
    // The role held on the date, if a record says so.
    let held = records.iter().find(|r| covers(r) && r.from.is_some() && r.role.is_some()).and_then(|r| r.role.clone());
    if let Some(end) = same.iter().filter_map(|r| r.to).filter(|&e| e < date).max() {
        return Some(Evidence {
            says: format!("the knowledge base says that role ended on {end}"),
            preferred: held.unwrap_or_else(|| former(title)),
            related: Vec::new(),
        });
    }
    let start = same.iter().filter_map(|r| r.from).filter(|&f| f > date).min()?;
    Some(Evidence {
        says: format!("the knowledge base says that role began on {start}"),
        preferred: held.unwrap_or_else(|| title.to_string()),
        related: Vec::new(),
    })
}

/// Another article's evidence: it is dated before `date` (a stated date) and
/// calls the person "former TITLE"; no other article dated after it gives the
/// title without "former".
fn corpus_evidence(corpus: &Corpus, keys: &[EntityKey], doc: &Document, title: &str, date: Date) -> Option<Evidence> {
    let t = norm(title);
    let claims: Vec<&crate::index::DatedClaim> = keys.iter().filter_map(|k| corpus.index.get(k)).flat_map(|g| g.claims.iter()).collect();
    let stated = |c: &&&crate::index::DatedClaim| c.doc != doc.id && !c.file_date && c.date.is_some();
    let is_former = |r: &str| {
        let l = r.trim().to_lowercase();
        l.starts_with("former ") || l.starts_with("ex-")
    };
    let ended = claims
        .iter()
        .filter(stated)
        .filter(|c| c.claim.role.as_deref().is_some_and(|r| is_former(r) && norm(r) == t) && c.date.is_some_and(|e| e < date))
        .min_by_key(|c| c.date)?;
    let since = ended.date?;
    let taken_up_again = claims
        .iter()
        .filter(stated)
        .any(|c| c.date.is_some_and(|e| e > since) && c.claim.role.as_deref().is_some_and(|r| !is_former(r) && norm(r) == t));
    if taken_up_again {
        return None;
    }
    let other = corpus.indexed_doc(ended.doc)?;
    Some(Evidence {
        says: format!("{} ({since}) calls them {}", other.rel, ended.claim.role.as_deref().unwrap_or_default()),
        preferred: former(title),
        related: vec![Related {
            doc: ended.doc,
            span: ended.claim.span.clone(),
            message: format!("“{}” in an article dated {since}", ended.claim.role.as_deref().unwrap_or_default()),
        }],
    })
}

/// The stale-title findings of a document at severity `sev`.
pub(super) fn stale_titles(corpus: &Corpus, doc: &Document, text: &str, sev: Severity) -> Vec<Finding> {
    let a = &doc.analysis;
    let Some((date, source)) = a.date else { return Vec::new() };
    if source.is_file_time() {
        return Vec::new();
    }
    let in_quotation = |s: &Span| a.in_quote(s.start) || a.quotations.iter().any(|q| q.span.start <= s.start && s.end <= q.span.end);
    let mut out = Vec::new();
    for r in &a.roles {
        let Some(e) = r.person.and_then(|p| a.entities.get(p)) else { continue };
        let Some(title) = text.get(r.span.clone()) else { continue };
        // The word before the title may qualify it too ("former President").
        let before = text[..r.span.start].trim_end_matches([' ', '-']).rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        if qualified(title) || qualified(before) || in_quotation(&r.span) {
            continue;
        }
        let key = EntityKey::of(&corpus.kb, e);
        let keys = corpus.cluster(&key);
        let entry = e.kb.map(|id| corpus.kb.entry(id)).filter(|x| x.is_user());
        let evidence = entry
            .and_then(|x| kb_evidence(&x.history, x.role.as_deref(), title, date))
            .or_else(|| corpus_evidence(corpus, &keys, doc, title, date));
        let Some(mut ev) = evidence else { continue };
        // "Former President" where the title opens a sentence.
        let opens = text[..r.span.start].trim_end_matches(' ').ends_with(['\n', '.', '"', '\u{201c}']) || r.span.start == 0;
        if opens && let Some(rest) = ev.preferred.strip_prefix("former ") {
            ev.preferred = format!("Former {rest}");
        }
        out.push(Finding {
            doc: doc.id,
            span: r.span.clone(),
            severity: sev,
            code: Code::StaleTitle,
            message: format!(
                "{} is called “{title}” in an article dated {date}, but {}. On that date: “{}”.",
                e.name, ev.says, ev.preferred
            ),
            data: FindingData { found: title.to_string(), preferred: ev.preferred, rule: PreferredBy::DatedRole, quoted: false },
            related: ev.related,
            forms: std::sync::Arc::from(Vec::new()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(role: &str, from: &str, to: &str) -> RoleRecord {
        RoleRecord { role: Some(role.into()), affiliation: None, from: Date::parse(from), to: Date::parse(to) }
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn a_role_ended_before_the_date_is_stale_and_offers_former() {
        let h = [rec("President", "2019-01-10", "2024-01-09")];
        let e = kb_evidence(&h, Some("Former President"), "President", d("2024-05-02")).expect("stale");
        assert_eq!(e.preferred, "former President");
        assert!(e.says.contains("ended on 2024-01-09"), "{}", e.says);
    }

    #[test]
    fn a_role_that_began_after_the_date_offers_the_role_held_then() {
        let h = [rec("Defense Minister", "2023-03-01", ""), rec("Interior Minister", "2020-01-01", "2023-02-28")];
        let e = kb_evidence(&h, None, "Defense Minister", d("2022-06-01")).expect("stale");
        assert_eq!(e.preferred, "Interior Minister");
        assert!(e.says.contains("began on 2023-03-01"));
    }

    #[test]
    fn a_role_held_on_the_date_or_again_now_is_not_stale() {
        let h = [rec("President", "2019-01-10", "2024-01-09")];
        assert!(kb_evidence(&h, None, "President", d("2020-05-02")).is_none(), "held then");
        assert!(kb_evidence(&h, Some("President"), "President", d("2025-05-02")).is_none(), "the current role");
        let again = [rec("President", "2010-01-01", "2014-01-01"), rec("President", "2020-01-01", "")];
        assert!(kb_evidence(&again, None, "President", d("2022-01-01")).is_none(), "a second term");
        assert!(kb_evidence(&h, None, "Prime Minister", d("2025-05-02")).is_none(), "another role");
    }

    #[test]
    fn qualified_titles_are_left_alone() {
        for t in ["former President", "President-elect", "then-Defense Minister", "Acting President", "ex-President"] {
            assert!(qualified(t), "{t}");
        }
        assert!(!qualified("President") && !qualified("Defense Minister"));
        assert_eq!(norm("Former  Defense Minister"), "defense minister");
    }
}
