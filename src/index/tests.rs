//! How dated claims are ranked: a file date (the modification time decided it)
//! never outranks a date the article or its file name states.

use super::*;

fn claim(doc: DocId, date: Option<&str>, file_date: bool, role: &str) -> DatedClaim {
    DatedClaim {
        doc,
        date: date.and_then(Date::parse),
        file_date,
        claim: Claim { role: Some(role.into()), affiliation: None, span: 0..1, sentence: 0..1, inferred: false },
    }
}

fn roles(v: &[&DatedClaim]) -> Vec<String> {
    v.iter().map(|c| c.claim.role.clone().unwrap_or_default()).collect()
}

#[test]
fn file_dates_never_outrank_stated_dates() {
    // After a fresh clone the file date is the day of the checkout: later than
    // any article, but no evidence of when the article was written.
    let claims = vec![
        claim(0, Some("2026-12-07"), true, "Foreign Minister"),
        claim(1, Some("2024-01-10"), false, "Former Foreign Minister"),
        claim(2, None, false, "Adviser"),
    ];
    assert_eq!(roles(&latest_first(&claims)), ["Former Foreign Minister", "Foreign Minister", "Adviser"]);
    assert_eq!(current_role(&claims).0.as_deref(), Some("Former Foreign Minister"));
}

#[test]
fn stated_dates_rank_by_date() {
    let claims = vec![claim(0, Some("2023-08-19"), false, "Prime Minister"), claim(1, Some("2024-07-10"), false, "Former Prime Minister")];
    assert_eq!(current_role(&claims).0.as_deref(), Some("Former Prime Minister"));
}

#[test]
fn a_file_date_equal_to_a_stated_date_is_not_the_same_article_day() {
    // Same day, but one only by its file's time: the stated one decides alone
    // (not the longer role of the two).
    let claims = vec![
        claim(0, Some("2024-01-10"), true, "Director of the National Intelligence Service"),
        claim(1, Some("2024-01-10"), false, "Director"),
    ];
    assert_eq!(current_role(&claims).0.as_deref(), Some("Director"));
}

#[test]
fn file_dates_rank_among_themselves_when_nothing_is_stated() {
    let claims = vec![claim(0, Some("2026-01-06"), true, "Minister"), claim(1, Some("2026-12-07"), true, "Former Minister")];
    assert_eq!(current_role(&claims).0.as_deref(), Some("Former Minister"));
}

#[test]
fn a_stated_job_outranks_a_rank() {
    // "Its spokesman, Col Yuriy Ihnat": the rank is evidence, the job is the role,
    // even a former one ("Gen X, a former defence minister").
    let same_day = |r: &[&str]| r.iter().map(|r| claim(0, Some("2025-03-01"), false, r)).collect::<Vec<_>>();
    assert_eq!(current_role(&same_day(&["Colonel", "Spokesman"])).0.as_deref(), Some("Spokesman"));
    assert_eq!(current_role(&same_day(&["Lieutenant General", "Commander"])).0.as_deref(), Some("Commander"));
    assert_eq!(current_role(&same_day(&["General", "Former Defence Minister"])).0.as_deref(), Some("Former Defence Minister"));
    // A rank alone is still the role.
    assert_eq!(current_role(&same_day(&["Major General"])).0.as_deref(), Some("Major General"));
}
