//! Mergeable corpus summaries (`index::summary`, `corpus::distributed`): the
//! summary of a corpus is the same whichever way its documents are grouped and
//! merged, it survives its JSON form, and the decisions, entities, findings and
//! export lines read off it equal the CLI's on the same folder.

use std::path::Path;
use std::sync::OnceLock;

use byline::corpus::json::{export_doc, finding};
use byline::corpus::{Corpus, distributed};
use byline::index::summary::Summary;
use proptest::prelude::*;

/// A corpus opened as the CLI opens it, and each document's summary.
fn corpus(dir: &str) -> (Corpus, Vec<Summary>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let c = Corpus::open(&root);
    let paths = distributed::discover(&c.config);
    let parts: Vec<Summary> =
        paths.iter().enumerate().map(|(i, rel)| distributed::summarize(&c.config, &c.kb, i as u32, rel).expect("readable")).collect();
    (c, parts)
}

fn examples() -> &'static (Corpus, Vec<Summary>) {
    static C: OnceLock<(Corpus, Vec<Summary>)> = OnceLock::new();
    C.get_or_init(|| corpus("examples/corpus"))
}

fn merged(parts: &[Summary]) -> Summary {
    let mut all = Summary::default();
    for s in parts {
        all.merge(s.clone());
    }
    all
}

#[test]
fn the_merged_summary_gives_the_clis_decisions_entities_findings_and_exports() {
    for dir in ["examples/corpus", "eval/dev/docs"] {
        let (c, parts) = corpus(dir);
        assert!(parts.len() >= 5, "{dir}: {} documents", parts.len());
        let d = distributed::Decided::new(c.config.clone(), c.kb.clone(), &merged(&parts));
        assert_eq!(d.corpus.decisions.names, c.decisions.names, "{dir}");
        assert_eq!(d.corpus.decisions.words, c.decisions.words, "{dir}");
        let summaries = |c: &Corpus| c.entities().iter().map(byline::corpus::view::EntitySummary::from).collect::<Vec<_>>();
        assert_eq!(summaries(&d.corpus), summaries(&c), "{dir}");
        let mut findings = 0;
        for (i, rel) in distributed::discover(&c.config).iter().enumerate() {
            let r = distributed::read(&c.config, &c.kb, i as u32, rel).expect("readable");
            let out = d.outputs(&r);
            let doc = c.docs().find(|x| x.rel == *rel).expect("in the corpus");
            let cli: Vec<String> = byline::corpus::findings::doc_findings(&c, doc)
                .iter()
                .filter_map(|f| serde_json::to_string(&finding(&c, f)?).ok())
                .collect();
            assert_eq!(out.findings, cli, "{dir}: {rel}");
            findings += cli.len();
            assert_eq!(out.export, serde_json::to_string(&export_doc(&c, doc, &doc.text())).unwrap(), "{dir}: {rel}");
        }
        assert!(findings > 0, "{dir}: the corpus has findings to compare");
    }
}

#[test]
fn a_summary_survives_its_json_form() {
    let all = merged(&examples().1);
    let json = serde_json::to_string(&all).unwrap();
    assert_eq!(serde_json::from_str::<Summary>(&json).unwrap(), all);
    // Spellings and role phrases, never the articles' sentences.
    for d in examples().0.docs() {
        let text = d.text();
        let longest = text.lines().max_by_key(|l| l.len()).unwrap_or_default();
        assert!(longest.len() > 80 && !json.contains(longest), "{}", d.rel);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn grouping_and_merge_order_do_not_change_the_summary(
        order in Just((0..examples().1.len()).collect::<Vec<_>>()).prop_shuffle(),
        cuts in proptest::collection::vec(any::<bool>(), examples().1.len()),
        reverse: bool,
    ) {
        let parts = &examples().1;
        let reference = merged(parts);
        // Consecutive documents of the shuffled order form groups; each group is
        // merged on its own, then the groups are merged (in either order).
        let mut groups: Vec<Summary> = vec![Summary::default()];
        for (&i, &cut) in order.iter().zip(&cuts) {
            if cut {
                groups.push(Summary::default());
            }
            groups.last_mut().unwrap().merge(parts[i].clone());
        }
        if reverse {
            groups.reverse();
        }
        let mut all = Summary::default();
        for g in groups {
            all.merge(g);
        }
        prop_assert_eq!(all, reference);
    }
}
