//! The corpus index and spelling decisions are incremental and order-free:
//! clustering does not depend on the order documents arrive in, and adding then
//! removing a document restores the previous findings exactly (property tests).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use byline::config::Config;
use byline::corpus::findings::all_findings;
use byline::corpus::{Corpus, load_kb};
use proptest::prelude::*;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus")
}

fn articles() -> Vec<(PathBuf, String)> {
    let mut v: Vec<(PathBuf, String)> = std::fs::read_dir(root())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let t = std::fs::read_to_string(&p).unwrap();
            (p, t)
        })
        .collect();
    v.sort();
    v
}

fn empty_corpus() -> Corpus {
    let (config, _) = Config::load(&root());
    let (kb, _) = load_kb(&config);
    Corpus::empty(config, Arc::new(kb))
}

/// Everything a user sees, keyed by path rather than document number.
fn observable(c: &Corpus) -> (Vec<String>, Vec<String>) {
    let mut findings: Vec<String> = all_findings(c)
        .iter()
        .map(|f| {
            let rel = &c.doc(f.doc).unwrap().rel;
            let mut related: Vec<String> = f.related.iter().map(|r| format!("{}@{:?}", c.doc(r.doc).unwrap().rel, r.span)).collect();
            related.sort();
            format!("{rel} {:?} {} {:?} {} -> {} | {} | {related:?}", f.span, f.code, f.severity, f.data.found, f.data.preferred, f.message)
        })
        .collect();
    findings.sort();
    let mut entities: Vec<String> = c
        .entities()
        .iter()
        .map(|e| format!("{} {:?} {:?} {:?} {:?} {} {}", e.name, e.kind, e.role, e.affiliation, e.forms, e.mentions, e.documents))
        .collect();
    entities.sort();
    (findings, entities)
}

fn build(order: &[usize], docs: &[(PathBuf, String)]) -> Corpus {
    let mut c = empty_corpus();
    for &i in order {
        c.upsert(docs[i].0.clone(), &docs[i].1, None);
    }
    c.refresh();
    c
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn clustering_does_not_depend_on_document_order(order in Just((0..14usize).collect::<Vec<_>>()).prop_shuffle()) {
        let docs = articles();
        prop_assert_eq!(docs.len(), 14);
        let reference = observable(&build(&(0..14).collect::<Vec<_>>(), &docs));
        let shuffled = observable(&build(&order, &docs));
        prop_assert_eq!(&reference.0, &shuffled.0);
        prop_assert_eq!(&reference.1, &shuffled.1);
    }

    #[test]
    fn adding_then_removing_a_document_restores_the_findings(
        order in Just((0..14usize).collect::<Vec<_>>()).prop_shuffle(),
        keep in 3usize..13,
    ) {
        let docs = articles();
        let base: Vec<usize> = order[..keep].to_vec();
        let extra = order[keep];
        let mut c = build(&base, &docs);
        let before = observable(&c);
        c.upsert(docs[extra].0.clone(), &docs[extra].1, None);
        c.refresh();
        let during = observable(&c);
        c.remove(&docs[extra].0);
        c.refresh();
        let after = observable(&c);
        prop_assert_eq!(&before.0, &after.0);
        prop_assert_eq!(&before.1, &after.1);
        // The added document did change something (it is not a no-op test).
        prop_assert!(during != before);
    }
}

#[test]
fn editing_a_document_replaces_its_contribution() {
    let docs = articles();
    let mut c = build(&(0..14).collect::<Vec<_>>(), &docs);
    let before = observable(&c);
    // Change a document, then change it back.
    let (path, text) = &docs[5];
    c.upsert(path.clone(), &text.replace("Minister", "Secretary"), None);
    c.refresh();
    assert_ne!(observable(&c), before);
    c.upsert(path.clone(), text, None);
    c.refresh();
    assert_eq!(observable(&c), before);
}
