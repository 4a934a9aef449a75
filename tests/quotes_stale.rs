//! `byline quotes` and the `stale-title` check on real-looking input: the
//! quotations' output contract (code points, speakers) on the example corpus,
//! and stale titles on `eval/stale` (articles written for it), including every
//! case that must not fire.

mod support;

use support::*;

#[test]
fn quotes_json_offsets_are_code_points_and_name_speakers() {
    let c = corpus();
    let v = run_json(&["quotes", "--format", "json", c.to_str().unwrap()]);
    let quotes = v.as_array().unwrap();
    assert!(quotes.len() >= 30, "{}", quotes.len());
    for q in quotes {
        let file = std::fs::read_to_string(c.join(q["doc"].as_str().unwrap())).unwrap();
        let chars: Vec<char> = file.chars().collect();
        let (a, b) = (q["start"].as_u64().unwrap() as usize, q["end"].as_u64().unwrap() as usize);
        let span: String = chars[a..b].iter().collect();
        assert!(span.contains(q["text"].as_str().unwrap()), "{span:?} / {q}");
    }
    let said = |words: &str| quotes.iter().find(|q| q["text"].as_str().unwrap().starts_with(words)).map(|q| q["speaker"].clone());
    assert_eq!(said("Ukraine's future is in NATO").unwrap(), "Jens Stoltenberg");
    assert_eq!(said("The alliance's combined defense posture").unwrap(), "Cho Tae-yul", "a pronoun");
    assert!(said("ironclad").unwrap().is_null(), "a scare quote has no speaker");
    let table = String::from_utf8(run(&["quotes", c.to_str().unwrap()]).stdout).unwrap();
    assert!(table.contains("Jens Stoltenberg  “Ukraine's future is in NATO,”"), "{table}");
    assert!(table.trim_end().ends_with("in 14 documents"), "{table}");
}

#[test]
fn stale_titles_fire_on_dated_evidence_only() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("eval/stale/corpus"), dir.path());
    let v = run_json(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    let mut stale: Vec<(String, String, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "stale-title")
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["data"]["found"].as_str().unwrap().to_string(),
                f["data"]["preferred"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    stale.sort();
    let want = [
        ("2022-06-01-berglund-drill.txt", "Defense Minister", "Interior Minister"),
        ("2024-05-02-marchetti-visit.txt", "President", "former President"),
        ("2024-06-01-tanabe-lecture.txt", "Foreign Minister", "former Foreign Minister"),
        ("2024-06-10-quintero-panel.txt", "Finance Minister", "former Finance Minister"),
    ];
    assert_eq!(stale, want.map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())));
    let f = v.as_array().unwrap().iter().find(|f| f["code"] == "stale-title" && f["path"] == "2024-06-10-quintero-panel.txt").unwrap();
    assert!(f["message"].as_str().unwrap().contains("2024-02-01-quintero-book.txt (2024-02-01)"), "{f}");
    assert_eq!(f["severity"], "information");
    let off = run_json(&["check", "--format", "json", "--set", "stale-title=off", dir.path().to_str().unwrap()]);
    assert!(off.as_array().unwrap().iter().all(|f| f["code"] != "stale-title"));
}
