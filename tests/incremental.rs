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

// ------------------------------------------------------------------------
// Incremental decisions: after every step of a random sequence of document
// additions, edits and removals, `Corpus::refresh` (which brings the decisions
// up to date from the index's and the vocabulary's changes) leaves exactly what a
// computation from scratch gives on the same index and vocabulary, and the same
// findings and entities as a corpus built afresh from the same documents.

use std::collections::BTreeMap;

use byline::variants::Decisions;

/// A small deterministic generator (xorshift), so that proptest shrinks seeds.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// People with the spellings the corpus may use: the usual one first, then
/// variants by typo, transliteration, romanization, word order, diacritics.
const PEOPLE: &[&[&str]] = &[
    &["Jens Stoltenberg", "Jens Stoltenburg"],
    &["Volodymyr Zelensky", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy"],
    &["Lee Jae-myung", "Lee Jae Myung", "Yi Jae-myeong", "Lee Jaemyung"],
    &["Wi Sung-lac", "Wi Seong-rak", "Seongrak Wi"],
    &["Gitanas Nausėda", "Gitanas Nauseda"],
    &["Cho Tae-yul", "Cho Tae Yul"],
    &["Kim Min-seok", "Kim Min Seok"],
    &["Mark Rutte", "Mark Rute"],
    &["Annalena Baerbock", "Annalena Berbock"],
    &["Sergei Lavrov", "Sergey Lavrov"],
    &["Antony Blinken", "Anthony Blinken"],
    &["Josep Borrell", "Josep Borell"],
    &["Penny Wong", "Penny Wang"],
    &["Olaf Scholz", "Olaf Sholz"],
    &["Mariana Kowalczyk", "Mariana Kovalczyk", "Mariana Kowalczik"],
    &["Tomasz Wieczorek", "Tomasz Wiezcorek"],
    &["Ngozi Adeyemi-Okafor", "Ngozi Adeyemi Okafor"],
    &["Rafael Domínguez", "Rafael Dominguez"],
    // Transliterations sharing no word, and short given names: weak without evidence.
    &["Yevgeny Prigozhin", "Evgeny Prigozhyn"],
    &["Robert Kagan", "Bob Kagan"],
    &["Ayman al-Zawahiri", "Ayman Zawahri", "Ayman al-Zawahri"],
];

const ROLES: &[&str] = &["Foreign Minister", "Defense Minister", "President", "Prime Minister", "Secretary General", "spokesperson"];
const AFFILIATIONS: &[&str] = &["NATO", "the European Union", "South Korea", "Ukraine", "Lithuania", "Germany", "the United Nations"];
const CITIES: &[&str] = &["SEOUL", "BRUSSELS", "VILNIUS", "KYIV", "BERLIN", "WASHINGTON", "CANBERRA"];
const AGENCIES: &[&str] = &["Yonhap", "Reuters", "AFP"];
const MONTHS: &[&str] = &["March", "June", "July", "October"];
/// Ordinary words with British/American, compound and typo forms.
const WORDS: &[&[&str]] = &[
    &["cooperation", "co-operation"],
    &["alliance", "alliance", "alliance", "allaince"],
    &["government", "government", "goverment"],
    &["security", "security", "security", "secuirty"],
    &["minister", "minister", "minsiter"],
];

fn name(rng: &mut Rng, p: usize, variants: u64) -> &'static str {
    let forms = PEOPLE[p];
    if rng.chance(variants) { forms[1 + rng.below(forms.len() - 1)] } else { forms[0] }
}

/// British/American pairs (an article uses one system, as its agency does).
const SYSTEMS: &[(&str, &str)] =
    &[("defense", "defence"), ("organization", "organisation"), ("labor", "labour"), ("program", "programme"), ("center", "centre")];

#[derive(Clone, Copy)]
struct Style {
    /// Percent of names and words written another way.
    variants: u64,
    british: bool,
}

fn word(rng: &mut Rng, style: Style) -> &'static str {
    if rng.chance(40) {
        let (am, br) = *rng.pick(SYSTEMS);
        return if style.british != rng.chance(style.variants / 4) { br } else { am };
    }
    let w = WORDS[rng.below(WORDS.len())];
    if rng.chance(style.variants) { w[1 + rng.below(w.len() - 1)] } else { w[0] }
}

/// A wire-style article about a few of the people.
fn article(seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let variants = *rng.pick(&[0u64, 20, 50]);
    let style = Style { variants, british: rng.chance(30) };
    let cast: Vec<usize> = (0..1 + rng.below(4)).map(|_| rng.below(PEOPLE.len())).collect();
    let mut s = String::new();
    if rng.chance(25) {
        // A brief: one person, no role, no company (weak matches come from these).
        let n = name(&mut rng, cast[0], 80);
        return format!("{n} arrived on Monday for talks on {}.\n", word(&mut rng, style));
    }
    let lead = name(&mut rng, cast[0], variants);
    s.push_str(&format!("{} Meets Allies on {} Talks\n\n", lead.split_whitespace().last().unwrap_or(lead), word(&mut rng, style)));
    if rng.chance(50) {
        s.push_str("By Song Ji-hoon\n\n");
    }
    s.push_str(&format!("{}, {} {} ({}) -- ", rng.pick(CITIES), rng.pick(MONTHS), 1 + rng.below(28), rng.pick(AGENCIES)));
    for (i, &p) in cast.iter().enumerate() {
        let n = name(&mut rng, p, variants);
        // Mostly each person's own role and affiliation, sometimes another.
        let role = if rng.chance(85) { ROLES[p % ROLES.len()] } else { *rng.pick(ROLES) };
        let affil = if rng.chance(85) { AFFILIATIONS[p % AFFILIATIONS.len()] } else { *rng.pick(AFFILIATIONS) };
        let w1 = word(&mut rng, style);
        let w2 = word(&mut rng, style);
        let sentence = match rng.below(5) {
            0 => format!("{affil} {role} {n} said on Tuesday that the {w1} plan would go ahead. "),
            1 => format!("{n}, the {} of {affil}, met officials in {} to discuss {w1} and {w2}. ", role.to_lowercase(), rng.pick(CITIES)),
            2 => format!("\"We will not back down on {w1},\" {n} told reporters. "),
            3 => format!("{role} {n} called for closer {w1} with {affil} and more {w2}. "),
            _ => format!("{n} and {} discussed the {w1} of the {w2}. ", name(&mut rng, cast[(i + 1) % cast.len()], variants)),
        };
        s.push_str(&sentence);
        if rng.chance(60) {
            let short = n.split_whitespace().last().unwrap_or(n);
            s.push_str(&format!("\n\n{short} said the {} would help the {}. ", word(&mut rng, style), word(&mut rng, style)));
        }
    }
    for _ in 0..rng.below(3) {
        s.push_str(&format!(
            "\n\nThe {} of the {} was welcomed by the {} secretary general. ",
            word(&mut rng, style),
            word(&mut rng, style),
            rng.pick(AFFILIATIONS)
        ));
    }
    s.push('\n');
    s
}

#[derive(Clone, Debug)]
enum Op {
    /// Adds or replaces document `slot` with the article of `seed`.
    Put {
        slot: usize,
        seed: u64,
    },
    /// Edits document `slot` (if present) by appending or dropping a paragraph.
    Edit {
        slot: usize,
        seed: u64,
    },
    Remove {
        slot: usize,
    },
    /// Refreshes (the other operations refresh only sometimes, to batch changes).
    Refresh,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0usize..10, any::<u64>()).prop_map(|(slot, seed)| Op::Put { slot, seed }),
        3 => (0usize..10, any::<u64>()).prop_map(|(slot, seed)| Op::Edit { slot, seed }),
        2 => (0usize..10).prop_map(|slot| Op::Remove { slot }),
        3 => Just(Op::Refresh),
    ]
}

fn virtual_path(slot: usize) -> PathBuf {
    Path::new("/virtual-corpus").join(format!("{slot:02}.txt"))
}

fn corpus_with(example_settings: bool) -> Corpus {
    if example_settings {
        return empty_corpus();
    }
    let config = Config::default_for(Path::new("/virtual-corpus"));
    let (kb, _) = load_kb(&config);
    Corpus::empty(config, Arc::new(kb))
}

fn fresh(docs: &BTreeMap<usize, String>, example_settings: bool) -> Corpus {
    let order: Vec<usize> = docs.keys().copied().collect();
    fresh_in(&order, docs, example_settings)
}

/// A corpus built afresh from the documents, added in the given order of slots
/// (document numbers follow it; role history breaks ties of undated articles by
/// document number).
fn fresh_in(order: &[usize], docs: &BTreeMap<usize, String>, example_settings: bool) -> Corpus {
    let mut c = corpus_with(example_settings);
    for slot in order {
        c.upsert(virtual_path(*slot), &docs[slot], None);
    }
    c.refresh();
    c
}

/// Checks the corpus's decisions against a computation from scratch, and its
/// findings and entities against a corpus built afresh.
fn check(c: &Corpus, docs: &BTreeMap<usize, String>, example_settings: bool) -> Result<(), TestCaseError> {
    let scratch = Decisions::compute(&c.index, &c.vocab, &c.kb, &c.config);
    prop_assert!(scratch.names == c.decisions.names, "name decisions differ from a computation from scratch");
    prop_assert!(scratch.words == c.decisions.words, "word decisions differ from a computation from scratch");
    prop_assert!(scratch == c.decisions, "internal state differs from a computation from scratch");
    let order: Vec<usize> =
        c.docs().map(|d| d.path.file_stem().and_then(|x| x.to_str()).and_then(|x| x.parse().ok()).expect("a slot")).collect();
    prop_assert_eq!(order.len(), docs.len());
    let (found, entities) = observable(c);
    let (want_found, want_entities) = observable(&fresh_in(&order, docs, example_settings));
    prop_assert_eq!(found, want_found);
    prop_assert_eq!(entities, want_entities);
    Ok(())
}

fn run(ops: &[Op], example_settings: bool) -> Result<(), TestCaseError> {
    let mut c = corpus_with(example_settings);
    let mut docs: BTreeMap<usize, String> = BTreeMap::new();
    c.refresh();
    for (i, op) in ops.iter().enumerate() {
        match op {
            Op::Put { slot, seed } => {
                let text = article(*seed);
                c.upsert(virtual_path(*slot), &text, None);
                docs.insert(*slot, text);
            }
            Op::Edit { slot, seed } => {
                let Some(old) = docs.get(slot) else { continue };
                let mut rng = Rng::new(*seed);
                let text = match rng.below(3) {
                    // Drop the last paragraph.
                    0 => old.trim_end().rsplit_once("\n\n").map_or(old.clone(), |(head, _)| format!("{head}\n")),
                    // Add another article's paragraphs.
                    1 => format!("{old}\n{}", article(rng.next()).split_once("\n\n").map_or("", |x| x.1)),
                    // Respell a word or a name throughout.
                    _ => {
                        let p = PEOPLE[rng.below(PEOPLE.len())];
                        let w = if rng.chance(50) {
                            WORDS[rng.below(WORDS.len())].to_vec()
                        } else {
                            let (a, b) = *rng.pick(SYSTEMS);
                            vec![a, b]
                        };
                        let (from, to) = if rng.chance(50) { (p[0], *rng.pick(&p[1..])) } else { (w[0], *rng.pick(&w[1..])) };
                        old.replace(from, to)
                    }
                };
                c.upsert(virtual_path(*slot), &text, None);
                docs.insert(*slot, text);
            }
            Op::Remove { slot } => {
                c.remove(&virtual_path(*slot));
                docs.remove(slot);
            }
            Op::Refresh => {}
        }
        if matches!(op, Op::Refresh) || i + 1 == ops.len() || i % 3 == 0 {
            c.refresh();
            check(&c, &docs, example_settings)?;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn incremental_decisions_equal_a_computation_from_scratch(ops in proptest::collection::vec(op(), 1..30), example_settings: bool) {
        run(&ops, example_settings)?;
    }
}

#[test]
fn generated_articles_exercise_every_kind_of_decision() {
    // The generator is only useful if its corpora have groups, weak matches and
    // word decisions of every kind.
    let mut codes = std::collections::BTreeSet::new();
    let (mut groups, mut possibles) = (0, 0);
    for (n, example_settings) in [(8, false), (40, false), (8, true), (40, true)] {
        let docs: BTreeMap<usize, String> = (0..n).map(|i| (i, article(i as u64 * 7 + 1))).collect();
        let c = fresh(&docs, example_settings);
        let d = &c.decisions;
        groups += d.names.groups().count();
        possibles += d.names.possibles().len();
        codes.extend(d.words.values().map(|w| format!("{:?}", w.code)));
    }
    assert!(groups >= 5, "{groups} groups");
    assert!(possibles >= 1, "no weak matches");
    assert_eq!(codes.len(), 3, "word decisions: {codes:?}");
}

#[test]
fn a_refresh_reports_what_changed() {
    let mut docs: BTreeMap<usize, String> = BTreeMap::new();
    for i in 0..3 {
        docs.insert(
            i,
            format!("BRUSSELS, June {} (Reuters) -- NATO Secretary General Jens Stoltenberg said the alliance would hold.\n", i + 1),
        );
    }
    let mut c = fresh(&docs, false);
    // Nothing changed: nothing to republish.
    let ch = c.decisions.update(&mut c.index, &mut c.vocab, &c.kb, &c.config);
    assert!(ch.is_empty(), "{ch:?}");
    // A misspelling of the name and of a word.
    c.upsert(virtual_path(50), "Jens Stoltenburg arrived on Monday. The allaince would hold.\n", None);
    let ch = c.decisions.update(&mut c.index, &mut c.vocab, &c.kb, &c.config);
    assert!(!ch.full, "{ch:?}");
    let keys: Vec<String> = ch.entities.iter().map(|k| format!("{k:?}")).collect();
    assert!(keys.iter().any(|k| k.contains("jensstoltenburg")) && keys.iter().any(|k| k.contains("jensstoltenberg")), "{ch:?}");
    assert_eq!(ch.words, ["allaince"]);
    assert!(Decisions::compute(&c.index, &c.vocab, &c.kb, &c.config) == c.decisions);
    // And back.
    c.remove(&virtual_path(50));
    let ch = c.decisions.update(&mut c.index, &mut c.vocab, &c.kb, &c.config);
    assert!(!ch.full && !ch.entities.is_empty() && ch.words == ["allaince"], "{ch:?}");
    assert!(Decisions::compute(&c.index, &c.vocab, &c.kb, &c.config) == c.decisions);
}
