//! The binary on the example corpus, scored against its gold annotations with the
//! evaluation's metrics (tests/support): recognition, roles and affiliations,
//! spelling variants, near misses that must stay apart, and typos.

mod support;

use serde_json::Value;
use support::*;

#[test]
fn example_corpus_scores_at_least_the_acceptance_bar() {
    let s = score_gold(&gold());
    eprintln!("{s:#?}");
    assert!(s.strict.f >= 0.90, "strict mention F1 {:.3}", s.strict.f);
    assert!(s.partial.f >= 0.95, "partial mention F1 {:.3}", s.partial.f);
    assert!(s.role_acc >= 0.85, "role accuracy {:.3}", s.role_acc);
    assert!(s.affil_acc >= 0.85, "affiliation accuracy {:.3}", s.affil_acc);
    assert_eq!(s.variant_recall, 1.0, "missed variant groups: {:?}", s.missed_groups);
    assert!(s.variant_precision >= 0.9, "diagnostics outside gold groups: {:?}", s.bad_diagnostics);
}

fn check_json() -> Vec<Value> {
    let c = corpus();
    run_json(&["check", "--format", "json", c.to_str().unwrap()]).as_array().unwrap().clone()
}

#[test]
fn near_misses_are_never_reported_as_one_person() {
    let pairs: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(gold().join("near-misses.json")).unwrap()).unwrap();
    assert!(pairs.len() >= 5);
    let diags = check_json();
    for p in &pairs {
        let (a, b) = (p["a"].as_str().unwrap(), p["b"].as_str().unwrap());
        for d in &diags {
            let found = d["data"]["found"].as_str().unwrap_or("");
            let preferred = d["data"]["preferred"].as_str().unwrap_or("");
            let joins = (found.contains(a) && preferred.contains(b)) || (found.contains(b) && preferred.contains(a));
            assert!(!joins, "{a} / {b} reported as one: {d}");
        }
    }
    // And the entity list keeps them apart.
    let c = corpus();
    let ents = run_json(&["entities", "--format", "json", c.to_str().unwrap()]);
    for p in &pairs {
        let (a, b) = (p["a"].as_str().unwrap(), p["b"].as_str().unwrap());
        for e in ents.as_array().unwrap() {
            let mut names: Vec<String> = vec![e["name"].as_str().unwrap().to_string()];
            names.extend(e["aliases"].as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()));
            let norm: Vec<String> = names.iter().map(|n| norm_name(n)).collect();
            assert!(!(norm.contains(&norm_name(a)) && norm.contains(&norm_name(b))), "{a} and {b} merged in {e}");
        }
    }
}

#[test]
fn the_ordinary_word_typo_is_a_possible_typo() {
    let typos: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(gold().join("typos.json")).unwrap()).unwrap();
    let diags = check_json();
    for t in &typos {
        let hit = diags
            .iter()
            .any(|d| d["code"] == "possible-typo" && d["data"]["found"] == t["found"] && d["data"]["preferred"] == t["preferred"]);
        assert!(hit, "no possible-typo for {t}");
    }
    // Real words are not typos.
    for d in diags.iter().filter(|d| d["code"] == "possible-typo") {
        assert!(typos.iter().any(|t| t["found"] == d["data"]["found"]), "unexpected possible-typo: {d}");
    }
}

#[test]
fn every_finding_names_its_forms_and_points_at_them() {
    let diags = check_json();
    assert!(!diags.is_empty());
    for d in &diags {
        let data = &d["data"];
        let found = data["found"].as_str().unwrap();
        let preferred = data["preferred"].as_str().unwrap();
        assert_ne!(found, preferred, "{d}");
        assert!(d["message"].as_str().unwrap().contains(preferred), "message names the preferred form: {d}");
        let code = d["code"].as_str().unwrap();
        assert!(["inconsistent-spelling", "possible-variant", "house-style", "possible-typo"].contains(&code));
        if code == "inconsistent-spelling" && !data["quoted"].as_bool().unwrap() {
            assert!(d["message"].as_str().unwrap().contains('×') || data["rule"] == "reference", "counts in message: {d}");
        }
        // The range covers the found text in that file (UTF-16 columns).
        let path = corpus().join(d["path"].as_str().unwrap());
        let text = std::fs::read_to_string(&path).unwrap();
        let line = d["range"]["start"]["line"].as_u64().unwrap() as usize;
        let start = d["range"]["start"]["character"].as_u64().unwrap() as usize;
        let end = d["range"]["end"]["character"].as_u64().unwrap() as usize;
        let l = text.split('\n').nth(line).unwrap();
        let utf16: Vec<u16> = l.encode_utf16().collect();
        assert_eq!(String::from_utf16(&utf16[start..end]).unwrap(), found, "{d}");
    }
}

#[test]
fn quoted_speech_is_reported_as_a_hint_and_not_fixed() {
    let diags = check_json();
    let quoted: Vec<&Value> = diags.iter().filter(|d| d["data"]["quoted"] == true).collect();
    assert!(!quoted.is_empty(), "the example corpus has variants inside quotations");
    assert!(quoted.iter().all(|d| d["severity"] == "hint"));
}

#[test]
fn variant_groups_cover_every_kind_of_spelling_difference() {
    let variants: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(gold().join("variants.json")).unwrap()).unwrap();
    assert!(variants.len() >= 12);
    let diags = check_json();
    // The preferred form follows the knowledge base, then the house style.
    let pref =
        |found: &str| diags.iter().find(|d| d["data"]["found"] == found).map(|d| d["data"]["preferred"].as_str().unwrap().to_string());
    assert_eq!(pref("Lee Jaemyung").as_deref(), Some("Lee Jae-myung"), "knowledge-base canonical name");
    assert_eq!(pref("Kim Jong Un").as_deref(), Some("Kim Jong-un"), "house style: hyphenated given names");
    assert_eq!(pref("Seongrak Wi").as_deref(), Some("Wi Sung-lac"), "name order and romanization");
    assert_eq!(pref("defence").as_deref(), Some("defense"), "house style: American");
}
