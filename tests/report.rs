//! `byline report`: the numbers the page shows are the numbers of `byline check
//! --format json` and `byline entities --format json` on the same folder; hostile
//! article text, file names and knowledge-base values come out escaped; the page
//! loads nothing from anywhere. (Caps are tested beside the code, `src/report/tests.rs`.)

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;
use support::*;

/// Every `data-count="NAME">N<` of the page (the last one of a repeated name).
fn counts(html: &str) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    for part in html.split("data-count=\"").skip(1) {
        let (name, rest) = part.split_once('"').unwrap();
        let n: String = rest.trim_start_matches('>').chars().take_while(char::is_ascii_digit).collect();
        out.insert(name.to_string(), n.parse().unwrap_or_else(|_| panic!("{name}: not a number: {}", &rest[..rest.len().min(40)])));
    }
    out
}

/// `(path, findings)` of every row of the articles table.
fn article_rows(html: &str) -> Vec<(String, u64)> {
    html.split("<tr data-article=\"")
        .skip(1)
        .map(|row| {
            let path = row
                .split('"')
                .next()
                .unwrap()
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'");
            let n = row.split("data-count=\"article.findings\">").nth(1).unwrap();
            (path, n.chars().take_while(char::is_ascii_digit).collect::<String>().parse().unwrap())
        })
        .collect()
}

fn report(dir: &Path, out: &Path) -> String {
    let o = run(&["report", dir.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.is_empty(), "with --out nothing goes to standard output");
    std::fs::read_to_string(out).unwrap()
}

#[test]
fn the_report_shows_the_numbers_of_check_and_entities() {
    let c = corpus();
    let tmp = tempfile::tempdir().unwrap();
    let html = report(&c, &tmp.path().join("report.html"));
    let n = counts(&html);
    let findings = run_json(&["check", "--format", "json", c.to_str().unwrap()]);
    let findings = findings.as_array().unwrap();
    let entities = run_json(&["entities", "--format", "json", c.to_str().unwrap()]);
    let entities = entities.as_array().unwrap();
    assert!(findings.len() > 10 && entities.len() > 50, "the example corpus has findings and entities");

    assert_eq!(n["findings"], findings.len() as u64);
    let of = |key: &str, value: &str| findings.iter().filter(|f| f[key] == value).count() as u64;
    for sev in ["error", "warning", "information", "hint"] {
        assert_eq!(n[&format!("findings.{sev}")], of("severity", sev), "{sev}");
    }
    for code in ["inconsistent-spelling", "possible-variant", "house-style", "possible-typo"] {
        assert_eq!(n[&format!("findings.{code}")], of("code", code), "{code}");
    }
    // The fixable ones: the number `byline check` says `byline fix` corrects.
    let text = String::from_utf8(run(&["check", c.to_str().unwrap()]).stdout).unwrap();
    let fixes: u64 = text.split("`byline fix` corrects ").nth(1).and_then(|t| t.split('.').next()).unwrap().parse().unwrap();
    assert_eq!(n["findings.fixable"], fixes, "{text}");
    assert_eq!(n["entities"], entities.len() as u64);
    for kind in ["PERSON", "ORG", "LOC"] {
        let list: Vec<&Value> = entities.iter().filter(|e| e["kind"] == kind).collect();
        assert!(!list.is_empty(), "{kind}");
        assert_eq!(n[&format!("entities.{kind}")], list.len() as u64, "{kind}");
        assert_eq!(n[&format!("mentions.{kind}")], list.iter().map(|e| e["mentions"].as_u64().unwrap()).sum::<u64>(), "{kind}");
    }
    assert_eq!(n["documents"], 14);

    // The articles table: every article with findings, most first, with check's count.
    let mut per_path: BTreeMap<&str, u64> = BTreeMap::new();
    for f in findings {
        *per_path.entry(f["path"].as_str().unwrap()).or_default() += 1;
    }
    let rows = article_rows(&html);
    assert_eq!(rows.len(), per_path.len(), "{rows:?}");
    for (path, count) in &rows {
        assert_eq!(per_path.get(path.as_str()), Some(count), "{path}");
    }
    assert!(rows.windows(2).all(|w| w[0].1 >= w[1].1), "most findings first: {rows:?}");

    // The sections, and the places as path:line links relative to the page's folder.
    for id in ["summary", "spellings", "people", "together", "articles"] {
        assert!(html.contains(&format!("<section id=\"{id}\">")), "{id}");
    }
    let rel = support::root().join("examples/corpus").canonicalize().unwrap();
    let from = tmp.path().canonicalize().unwrap();
    let base = byline::report::relative_path(&from, &rel).unwrap();
    assert!(
        html.contains(&format!(
            r#"href="{base}/2025-06-25-hague-nato-summit-wi-rutte.txt#L11">2025-06-25-hague-nato-summit-wi-rutte.txt:11</a>"#
        )),
        "Seongrak Wi's place is linked as path:line"
    );
    assert!(html.contains("Wi Sung-lac") && html.contains("Seongrak Wi") && html.contains("Wi Seong-rak"), "the Wi group and its forms");
}

#[test]
fn the_page_loads_nothing_and_runs_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let html = report(&corpus(), &tmp.path().join("r.html"));
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.contains(
            r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">"#
        )
    );
    let lower = html.to_lowercase();
    for bad in ["<script", "<link", "<img", "<iframe", "@import", "url(", "https://", "file://"] {
        assert!(!lower.contains(bad), "{bad} in the page");
    }
    // The SVG namespace is the only URL, and it is not fetched.
    assert_eq!(lower.matches("http://").count(), lower.matches("http://www.w3.org/2000/svg").count());
}

#[test]
fn hostile_text_file_names_and_knowledge_base_values_are_escaped() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("c");
    copy_dir(&corpus(), &dir);
    // A knowledge-base role (shown as the current role) ...
    let kb = std::fs::read_to_string(dir.join("entities.toml")).unwrap();
    let kb = kb.replacen("role = \"President\"", "role = \"<script>alert('kb')</script>\"", 1);
    std::fs::write(dir.join("entities.toml"), kb).unwrap();
    // ... an article's sentence (the evidence of a claim) and its file name.
    let name = "2025-07-01-x<img src=x onerror=alert(1)>&\"q\".txt";
    std::fs::write(
        dir.join(name),
        "SEOUL, July 1, 2025 (Yonhap) -- Defense Minister Ahn Gyu-back said <script>alert('text')</script> on Tuesday that talks would go on.\n",
    )
    .unwrap();
    let html = report(&dir, &tmp.path().join("r.html"));
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script") && !lower.contains("<img"), "no markup from the input survives");
    assert!(html.contains("&lt;script&gt;alert(&#39;kb&#39;)&lt;/script&gt;"), "the knowledge base's role, escaped");
    assert!(html.contains("&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;"), "the article's sentence, escaped");
    assert!(html.contains("x&lt;img src=x onerror=alert(1)&gt;&amp;&quot;q&quot;.txt:1"), "the file name, escaped as text");
    assert!(html.contains("x%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E%26%22q%22.txt#L1\""), "the file name, percent-encoded in links");
}

#[test]
fn without_out_the_page_goes_to_standard_output_and_a_bad_out_is_an_error() {
    let o = run(&["report", corpus().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let html = String::from_utf8(o.stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    let o = run(&["report", corpus().to_str().unwrap(), "--out", "/nonexistent-folder/r.html"]);
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stderr).contains("nonexistent-folder"));
}
