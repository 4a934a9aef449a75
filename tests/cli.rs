//! The command line on real-looking input: output contracts of `entities`,
//! `export` (jsonl, brat, conll), `check` and `fix`, exit statuses, and bad input.

mod support;

use std::path::Path;

use serde_json::Value;
use support::*;

fn write(dir: &Path, name: &str, text: &[u8]) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

#[test]
fn entities_json_follows_the_contract() {
    let c = corpus();
    let v = run_json(&["entities", "--format", "json", c.to_str().unwrap()]);
    let list = v.as_array().unwrap();
    assert!(list.len() > 50);
    for e in list {
        let o = e.as_object().unwrap();
        for k in ["name", "kind", "role", "affiliation", "aliases", "mentions", "documents"] {
            assert!(o.contains_key(k), "{k} missing in {e}");
        }
        assert!(["PERSON", "ORG", "LOC"].contains(&e["kind"].as_str().unwrap()));
        assert!(e["mentions"].as_u64().unwrap() >= e["documents"].as_u64().unwrap());
    }
    let find = |n: &str| list.iter().find(|e| e["name"] == n).unwrap_or_else(|| panic!("{n} not listed"));
    let lee = find("Lee Jae-myung");
    assert_eq!(lee["kind"], "PERSON");
    assert_eq!(lee["role"], "President");
    assert_eq!(lee["affiliation"], "South Korea");
    assert!(lee["documents"].as_u64().unwrap() >= 3);
    let aliases: Vec<&str> = lee["aliases"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect();
    assert!(aliases.contains(&"Lee Jaemyung"), "{aliases:?}");
    assert_eq!(find("NATO")["kind"], "ORG");
}

#[test]
fn entities_table_is_readable() {
    let c = corpus();
    let out = run(&["entities", c.to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let head = text.lines().next().unwrap();
    assert!(head.starts_with("NAME") && head.contains("AFFILIATION") && head.contains("MENTIONS"), "{head}");
    assert!(text.contains("Lee Jae-myung") && text.contains("President"));
    assert!(text.trim_end().ends_with("documents"), "{}", text.lines().last().unwrap());
}

#[test]
fn jsonl_export_offsets_are_code_points_of_the_file_text() {
    let c = corpus();
    let out = run(&["export", "--format", "jsonl", c.to_str().unwrap()]);
    assert!(out.status.success());
    let mut docs = 0;
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let path = c.join(v["path"].as_str().unwrap());
        let file = std::fs::read_to_string(&path).unwrap();
        assert_eq!(v["text"].as_str().unwrap(), file, "text is the whole file, BOM and CRLF kept");
        let chars: Vec<char> = file.chars().collect();
        for s in v["spans"].as_array().unwrap() {
            let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
            let t: String = chars[a..b].iter().collect();
            assert_eq!(t, s["text"].as_str().unwrap(), "{path:?}");
            assert!(!s["entity"].as_str().unwrap().is_empty());
        }
        docs += 1;
    }
    assert_eq!(docs, 14);
}

#[test]
fn brat_export_writes_text_and_standoff() {
    let c = corpus();
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["export", "--format", "brat", "--out", dir.path().to_str().unwrap(), c.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(dir.path().join("annotation.conf").exists());
    let name = "2025-06-04-lee-jae-myung-inauguration";
    let txt = std::fs::read_to_string(dir.path().join(format!("{name}.txt"))).unwrap();
    let ann = std::fs::read_to_string(dir.path().join(format!("{name}.ann"))).unwrap();
    let chars: Vec<char> = txt.chars().collect();
    let mut t_lines = 0;
    for l in ann.lines().filter(|l| l.starts_with('T')) {
        let cols: Vec<&str> = l.split('\t').collect();
        let parts: Vec<&str> = cols[1].split(' ').collect();
        let (a, b): (usize, usize) = (parts[1].parse().unwrap(), parts[2].parse().unwrap());
        assert_eq!(chars[a..b].iter().collect::<String>(), cols[2]);
        t_lines += 1;
    }
    assert!(t_lines > 20);
    assert!(ann.lines().any(|l| l.starts_with('N') && l.contains("Reference")));
    // Without --out, brat is an error (status 2) with a clear message.
    let out = run(&["export", "--format", "brat", c.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out"));
}

#[test]
fn conll_export_has_iob2_tags() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "SEOUL, March 4 (Yonhap) -- Defense Minister Shin Won-sik met NATO officials.\n".as_bytes());
    let out = run(&["export", "--format", "conll", dir.path().to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("-DOCSTART- -X- -X- O"));
    assert!(text.contains("SEOUL _ _ B-LOC"));
    assert!(text.contains("Shin _ _ B-PER"));
    assert!(text.contains("Won _ _ I-PER"));
    assert!(text.contains("NATO _ _ B-ORG"));
    assert!(text.contains("Minister _ _ O"));
}

#[test]
fn check_report_exit_status_and_severity() {
    let c = corpus();
    let out = run(&["check", c.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "findings exist");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("warning[inconsistent-spelling]"), "{text}");
    assert!(text.contains("--> "), "compiler-style location");
    assert!(text.contains("^"), "a caret under the span");
    assert!(text.contains("documents checked"));
    // Nothing at error severity: exit 0.
    let out = run(&["check", "--severity", "error", c.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    // Errors (a missing folder, a bad option) exit 2.
    assert_eq!(run(&["check", "/nonexistent/folder"]).status.code(), Some(2));
    assert_eq!(run(&["check", "--severity", "loud", c.to_str().unwrap()]).status.code(), Some(2));
    // A clean corpus exits 0.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"Defense Minister Shin Won-sik met NATO officials in Brussels.\n");
    assert_eq!(run(&["check", dir.path().to_str().unwrap()]).status.code(), Some(0));
}

#[test]
fn checks_can_be_turned_off() {
    let c = corpus();
    let all = run_json(&["check", "--format", "json", c.to_str().unwrap()]);
    assert!(all.as_array().unwrap().iter().any(|d| d["code"] == "possible-typo"));
    let v = run_json(&["check", "--format", "json", "--set", "possible-typo=off", c.to_str().unwrap()]);
    assert!(v.as_array().unwrap().iter().all(|d| d["code"] != "possible-typo"));
}

#[test]
fn fix_write_applies_preferred_forms_atomically_and_spares_quotes() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&corpus(), dir.path());
    let d = dir.path().to_str().unwrap();
    let before = run_json(&["check", "--format", "json", d]);
    let n_fixable = before
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| ["inconsistent-spelling", "house-style"].contains(&x["code"].as_str().unwrap()) && x["data"]["quoted"] == false)
        .count();
    assert!(n_fixable > 10);
    // Dry run changes nothing.
    let snapshot = std::fs::read(dir.path().join("2025-06-25-hague-nato-summit-wi-rutte.txt")).unwrap();
    let out = run(&["fix", d]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains(" -> "));
    assert_eq!(std::fs::read(dir.path().join("2025-06-25-hague-nato-summit-wi-rutte.txt")).unwrap(), snapshot);
    // --write applies them.
    let out = run(&["fix", "--write", d]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let after = run_json(&["check", "--format", "json", d]);
    let left: Vec<&Value> = after
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| ["inconsistent-spelling", "house-style"].contains(&x["code"].as_str().unwrap()) && x["data"]["quoted"] == false)
        .collect();
    assert!(left.len() < n_fixable / 4, "after fix: {left:#?}");
    // Quoted speech is untouched: the Kiev inside a quotation stays.
    let all: String = std::fs::read_dir(dir.path()).unwrap().filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok()).collect();
    assert!(all.contains("Kiev"));
    // No temporary files are left behind.
    assert!(std::fs::read_dir(dir.path()).unwrap().all(|e| !e.unwrap().file_name().to_string_lossy().contains("byline-tmp")));
    // The CRLF and BOM files keep their line endings and mark.
    let crlf = std::fs::read(dir.path().join("2025-06-25-hague-nato-summit-wi-rutte.txt")).unwrap();
    assert!(crlf.windows(2).any(|w| w == b"\r\n"));
    let bom = std::fs::read(dir.path().join("2024-12-04-yoon-lifts-martial-law.txt")).unwrap();
    assert!(bom.starts_with(&[0xef, 0xbb, 0xbf]));
}

#[test]
fn bad_input_never_panics() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    write(p, "empty.txt", b"");
    write(p, "crlf.txt", b"SEOUL, June 3 (Yonhap) -- President Lee Jae-myung met NATO chief Mark Rutte.\r\n\r\nLee said so.\r\n");
    write(p, "bom.txt", "\u{feff} date 2024-01-02\nPresident Yoon Suk Yeol spoke.".as_bytes());
    write(p, "emoji.txt", "Lee Jae-myung (이재명) posted 🙏🇰🇷 \"Thank you\" to Seoul 😀's people.".as_bytes());
    write(p, "binary.txt", b"\x00\x01\x02PK\x03\x04");
    write(p, "latin1.txt", b"Caf\xe9 in Z\xfcrich");
    write(p, "odd.txt", "'s - -a a- U. U.S \u{301} ((( ))) \"\"\" “ ” ‘ ’ — … Mr. Dr. Gen.".as_bytes());
    // A 20 MB one-line file.
    let line = "President Lee Jae-myung met Defense Minister Ahn Gyu-back in Seoul and NATO officials said defence co-operation grew. "
        .repeat(20 * 1024 * 1024 / 120);
    write(p, "big.txt", line.as_bytes());
    write(p, "entities.toml", b"[[entity]]\nname = \"Lee\nkind = \"person\"\n");
    write(p, "byline.toml", b"[style]\nspelling = \"martian\"\n");
    for args in
        [vec!["entities", "--format", "json"], vec!["export", "--format", "jsonl"], vec!["check", "--format", "json"], vec!["check"]]
    {
        let mut a = args.clone();
        a.push(p.to_str().unwrap());
        let out = run(&a);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.code().is_some_and(|c| c <= 1), "{a:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert!(err.contains("binary.txt: skipped: binary file"), "{err}");
        assert!(err.contains("latin1.txt: skipped: not UTF-8"), "{err}");
        assert!(err.contains("entities.toml:2:"), "KB error with line and column: {err}");
        assert!(err.contains("byline.toml:2:"), "config error with line: {err}");
    }
}

#[test]
fn show_marks_an_article() {
    let f = corpus().join("2024-06-01-shangri-la-shin-kihara-radar.txt");
    let out = run(&["show", f.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("[[Shin Won-sik|PERSON]]"), "{text}");
    assert!(text.contains("Minoru Kihara [PERSON]: role Some(\"Defense Minister\"), affiliation Some(\"Japan\")"), "{text}");
}

/// The date `export` gives each file of a copy of the example corpus whose
/// files all have the modification time `when` (a checkout gives them all one).
fn export_dates(when: std::time::SystemTime) -> std::collections::BTreeMap<String, Option<String>> {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&corpus(), dir.path());
    for e in std::fs::read_dir(dir.path()).unwrap() {
        let f = std::fs::File::options().write(true).open(e.unwrap().path()).unwrap();
        f.set_modified(when).unwrap();
    }
    let out = run(&["export", "--format", "jsonl", dir.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (v["path"].as_str().unwrap().to_string(), v["date"].as_str().map(str::to_string))
        })
        .collect()
}

#[test]
fn export_dates_articles_by_text_then_file_name_not_file_time() {
    let day = std::time::Duration::from_secs(86_400);
    let today = std::time::SystemTime::now();
    let later = std::time::UNIX_EPOCH + day * (365 * 70);
    let (a, b) = (export_dates(today), export_dates(later));
    // A dateline without a year ("CAMP DAVID, Maryland, Aug 18 (Reuters) -")
    // does not take the checkout's year; no date in the text at all.
    assert_eq!(a["2023-08-19-camp-david-trilateral-summit.txt"].as_deref(), Some("2023-08-19"));
    assert_eq!(a["2024-10-31-north-korea-icbm-troops-russia.txt"].as_deref(), Some("2024-10-31"));
    // Every article named after its day is dated that day (their headers agree).
    for (path, date) in &a {
        if path.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            assert_eq!(date.as_deref(), Some(&path[..10]), "{path}");
        }
    }
    // Only the article with no date in its text or name follows the file time.
    let differ: Vec<&String> = a.keys().filter(|p| a[*p] != b[*p]).collect();
    assert_eq!(differ, ["analysis-seoul-new-diplomatic-team.txt"]);
}
