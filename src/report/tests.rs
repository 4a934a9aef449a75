//! The report on the example corpus with small caps (every list cut, and said
//! so), a report made of hostile strings (all escaped), links and relative paths.

use std::path::Path;
use std::sync::OnceLock;

use super::gather::{ArticleFindings, FindingCounts, FormUse, KindCount};
use super::*;
use crate::model::{Date, Kind};

fn example() -> &'static Corpus {
    static C: OnceLock<Corpus> = OnceLock::new();
    C.get_or_init(|| Corpus::open(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus")))
}

fn small() -> Caps {
    Caps {
        groups: 3,
        places_per_form: 1,
        people: 4,
        claims_per_person: 2,
        matrix_people: 5,
        pairs: 3,
        people_per_article: 3,
        articles: 2,
        ..Caps::default()
    }
}

#[test]
fn every_list_is_capped_and_counts_what_it_leaves_out() {
    let caps = small();
    let r = gather(example(), &caps);
    let full = gather(example(), &Caps::default());
    assert_eq!((r.groups.items.len(), r.groups.total), (3, full.groups.total));
    assert!(full.groups.total > 10, "{}", full.groups.total);
    assert_eq!(r.groups.items, full.groups.items[..3].iter().map(|g| cut_places(g, 1)).collect::<Vec<_>>(), "the same groups, first");
    assert!(r.groups.items.iter().flat_map(|g| &g.forms).all(|f| f.places.len() <= 1));
    assert_eq!((r.people.items.len(), r.people.total), (4, full.people.total));
    assert!(r.people.items.iter().all(|p| p.timeline.items.len() <= 2));
    let yoon = &r.people.items[0];
    assert_eq!(yoon.name, "Yoon Suk Yeol");
    assert!(yoon.timeline.total > 2 && yoon.timeline.more() == yoon.timeline.total - 2);
    assert_eq!(r.cooccurrence.people.len(), 5);
    assert_eq!(r.cooccurrence.matrix.len(), 5);
    assert_eq!(r.cooccurrence.pairs.len(), 3);
    assert!(r.cooccurrence.total_pairs > 3 && r.cooccurrence.articles_capped > 0);
    assert_eq!(r.articles.items.len(), 2);
    assert_eq!(r.articles.total, full.articles.total);
    // Counts are never capped.
    assert_eq!((r.findings.clone(), r.entities, r.kinds.clone()), (full.findings.clone(), full.entities, full.kinds.clone()));

    let html = html::page(&r, &Links::default());
    assert!(html.contains(&format!("… and {} more groups not shown (the report lists 3).", full.groups.total - 3)), "groups note");
    assert!(html.contains(&format!("… and {} more people not shown (the report lists 4).", full.people.total - 4)), "people note");
    assert!(html.contains(&format!("… and {} more claims not shown (the report lists 2).", yoon.timeline.total - 2)), "claims note");
    assert!(html.contains(&format!("… and {} more articles with findings not shown (the report lists 2).", full.articles.total - 2)));
    assert!(html.contains(&format!("… and {} more pairs.", r.cooccurrence.total_pairs - 3)));
    assert_eq!(html.matches("<details class=\"person\"").count(), 4);
    assert!(html.len() < full_len() / 5, "small caps, small page: {} of {}", html.len(), full_len());
}

fn full_len() -> usize {
    render(example(), &Caps::default(), &Links::default()).len()
}

fn cut_places(g: &SpellingGroup, n: usize) -> SpellingGroup {
    let mut g = g.clone();
    for f in &mut g.forms {
        f.places.truncate(n);
    }
    g
}

#[test]
fn the_wi_group_lists_its_spellings_and_where_each_is_used() {
    let r = gather(example(), &Caps::default());
    let wi = r.groups.items.iter().find(|g| g.preferred == "Wi Sung-lac").expect("the Wi Sung-lac group");
    assert_eq!(wi.kind, GroupKind::Name(Kind::Person));
    let form = |f: &str| wi.forms.iter().find(|x| x.form == f).unwrap_or_else(|| panic!("{f} in {:?}", wi.forms));
    assert!(!form("Wi Sung-lac").flagged && form("Seongrak Wi").flagged);
    assert_eq!(form("Seongrak Wi").count, 2);
    assert_eq!(
        form("Seongrak Wi").places,
        [
            Place { path: "2025-06-25-hague-nato-summit-wi-rutte.txt".into(), line: 11 },
            Place { path: "2025-06-25-hague-nato-summit-wi-rutte.txt".into(), line: 23 }
        ]
    );
    // The words the corpus mixes are groups too, placed where their findings are.
    let defense = r.groups.items.iter().find(|g| g.kind == GroupKind::Word && g.preferred == "defense").expect("defense/defence");
    assert!(defense.forms.iter().any(|f| f.form == "defence" && f.flagged && !f.places.is_empty()));
}

#[test]
fn role_timelines_are_oldest_first_and_mark_changes() {
    let r = gather(example(), &Caps::default());
    let lee = r.people.items.iter().find(|p| p.name == "Lee Jae-myung").expect("Lee Jae-myung");
    assert_eq!((lee.role.as_deref(), lee.affiliation.as_deref()), (Some("President"), Some("South Korea")), "as `entities` says");
    let dates: Vec<Option<Date>> = lee.timeline.items.iter().map(|e| e.date).collect();
    let mut sorted = dates.clone();
    sorted.sort_by_key(|d| (d.is_none(), *d));
    assert_eq!(dates, sorted, "oldest first, undated last");
    assert!(!lee.timeline.items[0].changed, "the first claim is no change");
    assert!(lee.timeline.items.iter().all(|e| !e.evidence.is_empty() && e.place.line > 0));
    // Some person's role changes in the corpus, and the change is marked on the claim where it happens.
    let changed: Vec<(&str, &TimelineEntry)> =
        r.people.items.iter().flat_map(|p| p.timeline.items.iter().filter(|e| e.changed).map(move |e| (p.name.as_str(), e))).collect();
    assert!(!changed.is_empty());
}

#[test]
fn the_most_mentioned_people_appear_together_in_the_matrix() {
    let r = gather(example(), &Caps::default());
    let c = &r.cooccurrence;
    assert_eq!(c.people[0], "Yoon Suk Yeol", "most mentioned first");
    for (i, row) in c.matrix.iter().enumerate() {
        assert_eq!(row[i], 0);
        for (j, v) in row.iter().enumerate() {
            assert_eq!(*v, c.matrix[j][i], "symmetric");
        }
    }
    let (a, b, n) = &c.pairs[0];
    assert!(*n >= 2 && a != b);
    assert!(c.pairs.windows(2).all(|w| w[0].2 >= w[1].2), "strongest first");
    // A pair counts articles: never more than the articles either person is in.
    let docs = |name: &str| example().entities().into_iter().find(|e| e.name == name).unwrap().documents;
    assert!(*n <= docs(a).min(docs(b)));
}

const HOSTILE: &str = "<script>alert(\"x\")</script>&'";

fn hostile_report() -> Report {
    let place = Place { path: format!("a{HOSTILE}.txt"), line: 3 };
    let entry = TimelineEntry {
        date: None,
        file_date: true,
        place: place.clone(),
        role: Some(HOSTILE.into()),
        affiliation: Some(HOSTILE.into()),
        inferred: true,
        evidence: HOSTILE.into(),
        changed: true,
    };
    Report {
        title: HOSTILE.into(),
        documents: 1,
        entities: 1,
        kinds: vec![KindCount { kind: Kind::Person, entities: 1, mentions: 2 }],
        findings: FindingCounts::default(),
        groups: Capped {
            items: vec![SpellingGroup {
                kind: GroupKind::Name(Kind::Person),
                preferred: HOSTILE.into(),
                rule: "the corpus majority".to_string(),
                forms: vec![FormUse { form: HOSTILE.into(), count: 2, flagged: true, places: vec![place.clone()] }],
            }],
            total: 1,
        },
        people: Capped {
            items: vec![Person {
                name: HOSTILE.into(),
                role: Some(HOSTILE.into()),
                affiliation: None,
                mentions: 2,
                documents: 1,
                timeline: Capped { items: vec![entry], total: 1 },
            }],
            total: 1,
        },
        cooccurrence: Cooccurrence {
            people: vec![HOSTILE.into(), "B".into()],
            matrix: vec![vec![0, 1], vec![1, 0]],
            pairs: vec![(HOSTILE.into(), "B".into(), 1)],
            total_pairs: 1,
            articles_capped: 0,
        },
        articles: Capped {
            items: vec![ArticleFindings { path: place.path.clone(), date: None, findings: FindingCounts::default() }],
            total: 1,
        },
        caps: Caps::default(),
    }
}

#[test]
fn hostile_names_paths_and_sentences_are_escaped_everywhere() {
    let html = html::page(&hostile_report(), &Links { base: "../c\"x".into() });
    assert!(!html.contains("<script") && !html.contains("alert(\"x\")"), "nothing unescaped");
    let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;";
    // Title, group, form, person, role, affiliation, evidence, matrix labels and titles, pairs, articles.
    assert!(html.matches(escaped).count() >= 12, "{}", html.matches(escaped).count());
    assert!(html.contains(r#"href="../c&quot;x/a%3Cscript%3Ealert%28%22x%22%29%3C/script%3E%26%27.txt#L3""#), "links encoded");
    // Escaping does not double up on plain text.
    assert_eq!(html::esc("Lee Jae-myung · 이재명"), "Lee Jae-myung · 이재명");
}

#[test]
fn links_are_relative_to_the_page() {
    let rel = |a: &str, b: &str| relative_path(Path::new(a), Path::new(b));
    assert_eq!(rel("/work/out", "/work/corpus").as_deref(), Some("../corpus"));
    assert_eq!(rel("/work", "/work/corpus").as_deref(), Some("corpus"));
    assert_eq!(rel("/work/corpus", "/work/corpus").as_deref(), Some("."));
    assert_eq!(rel("/a/b/c", "/x").as_deref(), Some("../../../x"));
    let place = Place { path: "2024/07/a b#1?.txt".into(), line: 9 };
    assert_eq!(html::href(&Links { base: ".".into() }, &place), "2024/07/a%20b%231%3F.txt#L9");
    assert_eq!(html::href(&Links { base: "../corpus".into() }, &place), "../corpus/2024/07/a%20b%231%3F.txt#L9");
}
