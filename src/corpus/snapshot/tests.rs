use super::dirty::rope_contains;
use super::*;

#[test]
fn tables_share_chunks_until_written() {
    let mut t: Table<u32> = Table::default();
    for i in 0..200 {
        t.push(i);
    }
    let snap = t.clone();
    t[130] = 7;
    assert_eq!(snap[130], 130);
    assert_eq!(t[130], 7);
    assert_eq!(t.len(), 200);
    assert_eq!(t.iter().copied().filter(|&x| x == 7).count(), 2);
    assert!(Arc::ptr_eq(&t.chunks[0], &snap.chunks[0]));
    assert!(!Arc::ptr_eq(&t.chunks[2], &snap.chunks[2]));
    assert_eq!(t.get(200), None);
}

use crate::config::Config;

fn corpus_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus")
}

/// The findings of every document (from the snapshot's cache), keyed by
/// path rather than document number.
fn observable(s: &Snapshot) -> Vec<String> {
    let c = &s.corpus;
    let mut out = Vec::new();
    for d in c.docs() {
        for f in s.findings(d.id).iter() {
            let mut related: Vec<String> = f.related.iter().map(|r| format!("{}@{:?}", c.doc(r.doc).unwrap().rel, r.span)).collect();
            related.sort();
            out.push(format!("{} {:?} {} {:?} -> {} | {} | {related:?}", d.rel, f.span, f.code, f.data.found, f.data.preferred, f.message));
        }
    }
    out.sort();
    out
}

/// The same documents read from scratch (no cache, no incremental index).
fn from_scratch(s: &Snapshot) -> Vec<String> {
    let (config, _) = Config::load(&corpus_root());
    let mut c = Corpus::empty(config, s.corpus.kb.clone());
    let mut docs: Vec<&Arc<Document>> = s.corpus.docs().collect();
    docs.sort_by(|a, b| a.rel.cmp(&b.rel));
    for d in docs {
        c.upsert_rope(d.path.clone(), d.rope.clone(), d.modified);
    }
    c.refresh();
    observable(&Snapshot::new(c))
}

fn assert_same(a: Vec<String>, b: Vec<String>, what: &str) {
    let only_a: Vec<&String> = a.iter().filter(|x| !b.contains(x)).collect();
    let only_b: Vec<&String> = b.iter().filter(|x| !a.contains(x)).collect();
    assert!(only_a.is_empty() && only_b.is_empty(), "{what}:\nincremental only: {only_a:#?}\nfrom scratch only: {only_b:#?}");
}

fn edit(s: &mut Snapshot, name: &str, f: impl Fn(&str) -> String) {
    let path = corpus_root().join(name);
    let d = s.corpus.doc_by_path(&path).unwrap().clone();
    s.set_document(path, Rope::from_str(&f(&d.text())), d.modified);
}

#[test]
fn incremental_refreshes_give_the_findings_of_a_fresh_corpus() {
    let mut s = Snapshot::new(Corpus::open(&corpus_root()));
    assert!(s.compute_all().is_empty());
    let hague = "2025-06-25-hague-nato-summit-wi-rutte.txt";
    let lee = "2025-06-04-lee-jae-myung-inauguration.txt";
    type Step = Box<dyn Fn(&mut Snapshot)>;
    let steps: Vec<(&str, Step)> = vec![
        ("a variant typed", Box::new(move |s| edit(s, hague, |t| format!("Seongrak Wi spoke. {t}")))),
        ("the majority flips", Box::new(move |s| edit(s, lee, |t| t.replace("Wi Sung-lac", "Seongrak Wi")))),
        ("British spellings", Box::new(move |s| edit(s, hague, |t| t.replace("defense", "defence").replace("Defense", "Defence")))),
        (
            "a new article",
            Box::new(|s| {
                let p = corpus_root().join("zz-new.txt");
                s.set_document(p, Rope::from_str("SEOUL, Sept. 1 (Yonhap) -- Seongrak Wi met Mark Rutte on defence.\n"), None);
            }),
        ),
        (
            "an article removed",
            Box::new(|s| {
                s.unset_document(&corpus_root().join("analysis-seoul-new-diplomatic-team.txt"));
            }),
        ),
        (
            "two edits, one refresh",
            Box::new(move |s| {
                edit(s, lee, |t| t.replace("Seongrak Wi", "Wi Sung-lac"));
                edit(s, hague, |t| t.replacen("Seongrak Wi spoke. ", "", 1));
            }),
        ),
    ];
    for (what, step) in steps {
        step(&mut s);
        // The edited documents' own findings at once, against the old decisions.
        assert!(s.needs_refresh());
        let r = s.refresh();
        s.finish_refresh(r).unwrap_or_else(|_| panic!("{what}: same epoch"));
        assert!(!s.needs_refresh());
        assert_same(observable(&s), from_scratch(&s), what);
    }
}

#[test]
fn a_refresh_keeps_edits_made_while_it_ran() {
    let mut live = Snapshot::new(Corpus::open(&corpus_root()));
    live.compute_all();
    let hague = "2025-06-25-hague-nato-summit-wi-rutte.txt";
    edit(&mut live, hague, |t| format!("Seongrak Wi spoke. {t}"));
    let r = live.refresh();
    // Meanwhile: another keystroke in the same document.
    edit(&mut live, hague, |t| format!("Lee Jaemyung too. {t}"));
    let out = live.finish_refresh(r).unwrap_or_else(|_| panic!("same epoch"));
    assert!(!out.changed.is_empty() || !out.applied.is_empty());
    // The newer text is still pending, and its findings are for it.
    assert!(live.needs_refresh());
    let d = live.corpus.doc_by_path(&corpus_root().join(hague)).unwrap().clone();
    assert!(d.text().starts_with("Lee Jaemyung too."));
    assert!(live.findings(d.id).iter().any(|f| f.data.found == "Lee Jaemyung" && f.span.start == 0));
    let r = live.refresh();
    live.finish_refresh(r).unwrap_or_else(|_| panic!("same epoch"));
    assert_same(observable(&live), from_scratch(&live), "after two refreshes");
    // A refresh begun before the corpus was replaced is discarded.
    let r = live.refresh();
    let c = live.corpus.clone();
    live.replace_corpus(c);
    assert!(live.finish_refresh(r).is_err());
}

#[test]
fn ropes_are_searched_across_chunk_boundaries() {
    let text = format!("{}colour{}", "x ".repeat(3000), " y".repeat(3000));
    let rope = Rope::from_str(&text);
    assert!(rope.chunks().count() > 2);
    let ac = aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(["COLOUR"]).unwrap();
    assert!(rope_contains(&ac, &rope));
    let ac = aho_corasick::AhoCorasick::builder().build(["colours"]).unwrap();
    assert!(!rope_contains(&ac, &rope));
    // At every offset, including across chunk boundaries.
    for at in (0..6000).step_by(97) {
        let mut t = "a".repeat(6000);
        t.replace_range(at..at + 6, "colour");
        let ac = aho_corasick::AhoCorasick::builder().build(["colour"]).unwrap();
        assert!(rope_contains(&ac, &Rope::from_str(&t)), "{at}");
    }
}

#[test]
fn shared_values_copy_on_write() {
    let mut a: Shared<Vec<u32>> = vec![1, 2].into();
    let b = a.clone();
    assert!(Shared::ptr_eq(&a, &b));
    a.push(3);
    assert_eq!(*b, vec![1, 2]);
    assert_eq!(*a, vec![1, 2, 3]);
}

/// Claims in the index point into the version of their document the index
/// holds: after an edit that shortens a document, and before the refresh, every
/// claim's sentence still reads as the sentence it was taken from.
#[test]
fn claims_of_an_edited_document_read_from_the_indexed_version() {
    let mut s = Snapshot::new(Corpus::open(&corpus_root()));
    // The sentences of a document's claims, as the index holds them.
    let sentences = |c: &Corpus, id: DocId, d: &Document| -> Vec<Option<String>> {
        let mut out: Vec<Option<String>> = c
            .index
            .iter()
            .flat_map(|(_, g)| g.claims.iter().filter(|cl| cl.doc == id))
            .map(|cl| d.rope.get_byte_slice(cl.claim.sentence.clone()).map(|r| r.to_string()))
            .collect();
        out.sort();
        out
    };
    let c = &s.corpus;
    let d = c.docs().find(|d| !sentences(c, d.id, d).is_empty()).expect("a document with claims").clone();
    let before = sentences(c, d.id, &d);
    // Cut the document to its first line: the claims' spans now lie past its end.
    edit(&mut s, &d.rel, |t| t.lines().next().unwrap_or("").to_string());
    let c = &s.corpus;
    let now = c.doc(d.id).unwrap();
    assert!(sentences(c, d.id, now).contains(&None), "the edit moved the claims' sentences out of the document");
    assert_eq!(sentences(c, d.id, c.indexed_doc(d.id).unwrap()), before);
    // After the refresh the index holds the edited version.
    s.corpus.refresh();
    assert!(Arc::ptr_eq(s.corpus.indexed_doc(d.id).unwrap(), s.corpus.doc(d.id).unwrap()));
}

/// Many edits that repeat the same sentences (so counts in messages keep
/// changing while the preferred forms do not), refreshes at random, some of
/// them overtaken by an edit: in the end the findings are a fresh corpus's.
#[test]
fn a_long_run_of_edits_and_refreshes_ends_as_a_fresh_corpus() {
    const SENTENCES: [&str; 4] = [
        "Later, Jens Stoltenburg told reporters the talks went well.",
        "The defence programme was approved by President Lee Jae Myung on Friday.",
        "Seongrak Wi said the organisation would meet again in Seoul.",
        "Gitanas Nauseda called it a historic day for the alliance.",
    ];
    let mut s = Snapshot::new(Corpus::open(&corpus_root()));
    s.compute_all();
    let mut names: Vec<String> = s.corpus.docs().map(|d| d.rel.clone()).collect();
    names.sort();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut below = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut running: Option<Refresh> = None;
    for round in 0..120 {
        let name = names[below(4)].clone();
        let sentence = SENTENCES[below(SENTENCES.len())];
        edit(&mut s, &name, |t| format!("{t}\n{sentence}\n"));
        // What an editor would read meanwhile.
        for d in s.corpus.docs().map(|d| d.id).collect::<Vec<_>>().into_iter().take(6) {
            let _ = s.clone().findings(d);
        }
        match below(3) {
            0 => {
                if let Some(r) = running.take() {
                    s.finish_refresh(r).unwrap_or_else(|_| panic!("round {round}: same epoch"));
                }
            }
            1 if running.is_none() => running = Some(s.refresh()),
            _ => {}
        }
    }
    if let Some(r) = running.take() {
        s.finish_refresh(r).unwrap_or_else(|_| panic!("same epoch"));
    }
    while s.needs_refresh() {
        let r = s.refresh();
        s.finish_refresh(r).unwrap_or_else(|_| panic!("same epoch"));
    }
    assert_same(observable(&s), from_scratch(&s), "after 120 edits");
}

/// Cached entity views equal freshly built ones (their claims already in
/// history order), are shared until the next refresh, and follow it.
#[test]
fn entity_views_are_cached_until_the_next_refresh() {
    let mut s = Snapshot::new(Corpus::open(&corpus_root()));
    let keys: Vec<crate::index::EntityKey> = s.corpus.index.iter().map(|(k, _)| k.clone()).collect();
    assert!(keys.len() > 50);
    let same = |cached: &EntityView, fresh: &EntityView| {
        assert_eq!(
            (&cached.name, &cached.role, &cached.affiliation, &cached.forms),
            (&fresh.name, &fresh.role, &fresh.affiliation, &fresh.forms)
        );
        assert_eq!(cached.history(), fresh.history());
        assert_eq!((cached.mentions, cached.documents, &cached.keys), (fresh.mentions, fresh.documents, &fresh.keys));
    };
    for k in &keys {
        let cached = s.entity(k).unwrap();
        same(&cached, &s.corpus.entity(k).unwrap());
        assert!(Arc::ptr_eq(&cached, &s.clone().entity(k).unwrap()));
    }
    // Wi's spellings change with an edit: after the refresh the view does too.
    let wi = keys.iter().find(|k| s.entity(k).is_some_and(|v| v.forms.iter().any(|(f, _)| f == "Seongrak Wi"))).unwrap().clone();
    let before = s.entity(&wi).unwrap();
    edit(&mut s, "2025-06-04-lee-jae-myung-inauguration.txt", |t| format!("Seongrak Wi spoke. Seongrak Wi left. {t}"));
    assert!(Arc::ptr_eq(&before, &s.entity(&wi).unwrap()), "an edit alone leaves the index, and so the view, as it was");
    let r = s.refresh();
    s.finish_refresh(r).unwrap_or_else(|_| panic!("same epoch"));
    let after = s.entity(&wi).unwrap();
    same(&after, &s.corpus.entity(&wi).unwrap());
    assert_ne!(after.forms, before.forms);
}

#[test]
fn editor_buffers_are_dated_like_files_on_disk() {
    use crate::model::DateSource;
    let (config, _) = Config::load(&corpus_root());
    let mut s = Snapshot::new(Corpus::empty(config, crate::kb::Kb::builtin()));
    let date = |s: &Snapshot, id: DocId| s.corpus.doc(id).unwrap().analysis.date;
    let day = |t: &str| Date::parse(t).unwrap();
    // A buffer whose text states no date: its file name dates it.
    let id = s.set_document(corpus_root().join("2024-10-31-new.txt"), Rope::from_str("SEOUL (AP) — Text."), None);
    assert_eq!(date(&s, id), Some((day("2024-10-31"), DateSource::FileName)));
    let id = s.set_document(corpus_root().join("2024/10/31/new.txt"), Rope::from_str("Text."), None);
    assert_eq!(date(&s, id), Some((day("2024-10-31"), DateSource::FileName)));
    // An editor's buffer has no file time of its own: the one from disk stays.
    let path = corpus_root().join("draft.txt");
    s.set_document(path.clone(), Rope::from_str("Text."), Some(day("2025-01-02")));
    let id = s.set_document(path, Rope::from_str("SEOUL, Jan. 1 (Yonhap) -- Text."), None);
    assert_eq!(date(&s, id), Some((day("2025-01-01"), DateSource::DatelineFileYear)));
}
