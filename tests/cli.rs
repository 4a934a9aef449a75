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
    assert!(text.contains("Minoru Kihara [PERSON]: role: Defense Minister, affiliation: Japan"), "{text}");
    assert!(text.contains("\n---- date: 2024-06-01 (from "), "the date as a date: {text}");
    // Plain text for people, never Rust's debug notation.
    for debug in ["Some(", "None", "{ year:", "Date {", "FileName", "<- \""] {
        assert!(!text.contains(debug), "{debug:?} in {text}");
    }
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

/// The last line of `byline check ARGS` (the summary), and the exit status.
fn summary(args: &[&str]) -> (String, Option<i32>) {
    let out = run(args);
    let text = String::from_utf8(out.stdout).unwrap();
    (text.lines().last().unwrap_or_default().to_string(), out.status.code())
}

#[test]
fn summaries_count_what_they_hide_and_pluralise() {
    let c = corpus();
    let c = c.to_str().unwrap();
    let all = run_json(&["check", "--format", "json", c]);
    let count = |sev: &str| all.as_array().unwrap().iter().filter(|d| d["severity"] == sev).count();
    let (warnings, information, hints) = (count("warning"), count("information"), count("hint"));
    let total = warnings + information + hints;
    assert!(warnings > 1 && information == 1 && hints > 1, "the example corpus has them all: {warnings} {information} {hints}");
    // The default report hides hints and says so; --severity error shows nothing
    // and says what it hides, by severity; --severity hint hides nothing.
    let cases = [
        (
            vec!["check", c],
            Some(1),
            format!("{total} findings: {warnings} warnings, 1 information; {hints} hints hidden (--severity hint shows them)."),
        ),
        (
            vec!["check", "--severity", "error", c],
            Some(0),
            format!("{total} findings, none at --severity error or above: {warnings} warnings, 1 information, {hints} hints hidden"),
        ),
        (vec!["check", "--severity", "hint", c], Some(1), format!("{total} findings: {warnings} warnings, 1 information, {hints} hints.")),
    ];
    let mut line = String::new();
    for (args, want_status, want) in cases {
        let status;
        (line, status) = summary(&args);
        assert_eq!(status, want_status, "{args:?}");
        assert!(line.starts_with(&format!("14 documents checked, {want}")), "{args:?}: {line}");
    }
    assert!(!line.contains("hidden"), "{line}");
    // One of each: singular nouns.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "The defence ministry said \"our defence is strong\" on Monday.\n".as_bytes());
    write(dir.path(), "b.txt", "The defense ministry, the defense industry and defense experts met in Seoul.\n".as_bytes());
    let d = dir.path().to_str().unwrap();
    let (line, status) = summary(&["check", d]);
    assert_eq!(status, Some(1));
    assert_eq!(line, "2 documents checked, 2 findings: 1 warning; 1 hint hidden (--severity hint shows it). `byline fix` corrects 1.");
    let fix = String::from_utf8(run(&["fix", d]).stdout).unwrap();
    assert!(fix.ends_with("1 replacement in 1 file (run with --write to apply)\n"), "{fix}");
    write(dir.path(), "c.txt", b"Nothing to report here.\n");
    let (line, _) = summary(&["entities", d]);
    assert!(line.ends_with(" in 3 documents") && !line.contains(" 1 entities"), "{line}");
}

#[test]
fn an_unknown_level_lists_the_valid_ones() {
    let c = corpus();
    let out = run(&["check", "--set", "possible-typo=loud", c.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("\"loud\"") && err.contains("error, warning, information, hint or off"), "{err}");
    let out = run(&["check", "--set", "loud-check=hint", c.to_str().unwrap()]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("inconsistent-spelling, possible-variant, house-style, possible-typo"), "{err}");
}

#[test]
fn a_tie_says_so_and_which_rule_broke_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "ANKARA -- Turkish President Recep Tayyip Erdogan spoke on Monday.\n".as_bytes());
    write(dir.path(), "b.txt", "ANKARA -- Turkish President Recep Tayyip Erdoğan spoke on Tuesday.\n".as_bytes());
    write(dir.path(), "c.txt", "The cooperation grew. Their co-operation grew further.\n".as_bytes());
    let v = run_json(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    let list = v.as_array().unwrap();
    let of = |found: &str| list.iter().find(|d| d["data"]["found"] == found).unwrap_or_else(|| panic!("no {found} in {v:#}"));
    let erdogan = of("Recep Tayyip Erdogan");
    let message = erdogan["message"].as_str().unwrap();
    assert!(message.contains("(a 1:1 tie, broken by the spelling with diacritics or typographic marks)"), "{message}");
    assert!(!message.contains("majority"), "{message}");
    assert_eq!(erdogan["data"]["rule"], "tie");
    // "co-operation" sorts first: the tie goes its way.
    let compound = of("cooperation");
    assert_eq!(compound["data"]["preferred"], "co-operation");
    assert!(compound["message"].as_str().unwrap().contains("(a 1:1 tie, broken by alphabetical order)"), "{compound}");
    // Not a tie: the majority, as before.
    write(dir.path(), "d.txt", "Turkish President Recep Tayyip Erdoğan said so again.\n".as_bytes());
    let v = run_json(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    let erdogan = v.as_array().unwrap().iter().find(|d| d["data"]["found"] == "Recep Tayyip Erdogan").unwrap();
    assert!(erdogan["message"].as_str().unwrap().contains("(preferred by the corpus majority)"), "{erdogan}");
    assert_eq!(erdogan["data"]["rule"], "majority");
}

#[test]
fn notes_name_each_place_once_and_only_the_groups_own_spellings() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "WASHINGTON -- The United States and the U.S. Navy said the U.S. would act.\n".as_bytes());
    write(dir.path(), "b.txt", "SEOUL -- The U.S. envoy arrived. The United States said more.\n".as_bytes());
    write(dir.path(), "c.txt", "TOKYO -- The US envoy arrived in Tokyo on Monday.\n".as_bytes());
    let d = dir.path().to_str().unwrap();
    let v = run_json(&["check", "--format", "json", d]);
    let us = v.as_array().unwrap().iter().find(|f| f["data"]["found"] == "US").unwrap_or_else(|| panic!("no US finding: {v:#}"));
    assert_eq!(us["data"]["preferred"], "U.S.");
    let related: Vec<&str> = us["related"].as_array().unwrap().iter().map(|r| r["message"].as_str().unwrap()).collect();
    assert!(!related.is_empty() && related.iter().all(|m| *m == "“U.S.”" || *m == "“US”"), "{related:?}");
    assert!(!us["message"].as_str().unwrap().contains("United States"), "{us}");
    // The report names the place once: “U.S.” at a.txt:1:35.
    let text = String::from_utf8(run(&["check", d]).stdout).unwrap();
    let notes: Vec<&str> = text.lines().filter(|l| l.trim_start().starts_with("= note:")).collect();
    assert!(!notes.is_empty(), "{text}");
    for n in &notes {
        assert!(n.contains("“U.S.” at a.txt:1:") || n.contains("“U.S.” at b.txt:1:"), "{n}");
        assert_eq!(n.matches(".txt").count(), 1, "{n}");
    }
}

#[test]
fn entities_table_fits_the_terminal_width() {
    let c = corpus();
    let c = c.to_str().unwrap();
    let widest = |text: &str| text.lines().map(|l| l.chars().count()).max().unwrap();
    // COLUMNS decides; names, roles and affiliations are cut with an ellipsis.
    let out = support::run_env(&["entities", c], &[("COLUMNS", "80")]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(widest(&text) <= 80, "{text}");
    assert!(text.contains('…') && text.contains("Lee Jae-myung"), "{text}");
    // Not a terminal and no COLUMNS: 100 columns.
    let text = String::from_utf8(run(&["entities", c]).stdout).unwrap();
    assert!(widest(&text) <= 100, "{text}");
    // --wide prints every cell whole.
    let wide = String::from_utf8(support::run_env(&["entities", "--wide", c], &[("COLUMNS", "80")]).stdout).unwrap();
    assert!(widest(&wide) > 100 && !wide.contains('…'), "{wide}");
    assert_eq!(wide.lines().count(), text.lines().count(), "the same rows");
}

#[test]
fn check_group_puts_every_location_under_its_spelling_group() {
    let c = corpus();
    let c = c.to_str().unwrap();
    let all = run_json(&["check", "--format", "json", c]);
    let defence: Vec<&Value> =
        all.as_array().unwrap().iter().filter(|d| d["data"]["preferred"].as_str().unwrap().eq_ignore_ascii_case("defense")).collect();
    assert!(defence.len() > 10, "{}", defence.len());
    // JSON: one group for all of them, with its forms, every finding inside.
    let groups = run_json(&["check", "--group", "--format", "json", c]);
    let groups = groups.as_array().unwrap();
    let g = groups.iter().find(|g| g["preferred"] == "defense").unwrap_or_else(|| panic!("{groups:#?}"));
    assert_eq!(g["code"], "inconsistent-spelling");
    assert_eq!(g["findings"].as_array().unwrap().len(), defence.len());
    let forms: Vec<&str> = g["forms"].as_array().unwrap().iter().map(|f| f["form"].as_str().unwrap()).collect();
    assert_eq!(forms, ["defense", "defence"]);
    let grouped: usize = groups.iter().map(|g| g["findings"].as_array().unwrap().len()).sum();
    assert_eq!(grouped, all.as_array().unwrap().len(), "every finding in one group");
    // The report: one block, its locations under it.
    let out = run(&["check", "--group", c]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let block: Vec<&str> = text.split("\n\n").filter(|b| b.starts_with("warning[inconsistent-spelling]: use “defense”")).collect();
    assert_eq!(block.len(), 1, "{text}");
    let shown = defence.iter().filter(|d| d["severity"] != "hint").count();
    assert!(block[0].contains(&format!("{shown} findings in ")), "{}", block[0]);
    assert!(block[0].contains("forms: defense ×"), "{}", block[0]);
    assert_eq!(block[0].lines().filter(|l| l.starts_with("  --> ")).count(), shown, "{}", block[0]);
    assert!(text.trim_end().lines().last().unwrap().starts_with("14 documents checked, "), "{text}");
}

#[test]
fn the_readme_usage_agrees_with_the_help() {
    let readme = std::fs::read_to_string(support::root().join("README.md")).unwrap();
    let usage = readme.split("## The command line").nth(1).unwrap().split("```").nth(1).unwrap();
    for line in usage.lines().filter(|l| l.starts_with("byline ")) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let sub = words[1];
        let out = run(&[sub, "--help"]);
        let help = String::from_utf8(out.stdout).unwrap();
        let help_usage = help.lines().find(|l| l.starts_with("Usage: ")).unwrap();
        // Every option of the help is in the README, optional there if it is optional here.
        let flags: Vec<&str> = help
            .lines()
            .map(|l| l.trim_start())
            .filter(|l| l.starts_with('-'))
            .filter_map(|l| l.split_whitespace().find(|w| w.starts_with("--")))
            .map(|w| w.trim_end_matches(','))
            .filter(|f| *f != "--help" && *f != "--version")
            .collect();
        for f in &flags {
            let at =
                line.find(&format!("{f} ")).or_else(|| line.find(&format!("{f}]"))).unwrap_or_else(|| panic!("README lacks {f}: {line}"));
            let optional_in_readme = line[..at].ends_with('[');
            let optional_in_help = !help_usage.contains(f);
            assert_eq!(optional_in_readme, optional_in_help, "{f}: README `{line}` vs help `{help_usage}`");
        }
        for w in words.iter().filter(|w| w.trim_start_matches('[').starts_with("--")) {
            let f = w.trim_start_matches('[').split([']', ' ']).next().unwrap();
            assert!(flags.contains(&f), "README's {f} is not an option of `byline {sub}`: {help}");
        }
    }
}

#[test]
fn names_lists_the_accepted_names_but_never_a_flagged_spelling() {
    let dir = support::root().join("tests/names/corpus");
    let out = run(&["names", "--format", "plain", dir.to_str().unwrap()]);
    assert!(out.status.success());
    let names = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = names.lines().collect();
    for n in ["Helen Tennant", "Chris Patten", "Wi Sung-lac", "Agence France-Presse", "Yonhap"] {
        assert!(lines.contains(&n), "{n} missing: {names}");
    }
    assert!(!names.contains("Seongrak"), "the flagged spelling is not accepted: {names}");
    // Word lists: the words of the names, not English words, not the variant.
    let out = run(&["names", "--format", "cspell", dir.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let words: Vec<&str> = v["words"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
    assert!(words.contains(&"Tennant") && words.contains(&"Sung-lac"), "{words:?}");
    assert!(!words.contains(&"Seongrak") && !words.contains(&"Trust"), "{words:?}");
}
