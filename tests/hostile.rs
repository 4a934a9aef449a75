//! Hostile corpora and hostile configuration, through the command line as a
//! user meets them: every case ends with a clear notice or a located error and
//! never a panic, a hang or lost text. RELIABILITY.md lists each case and what
//! Byline does with it.

mod support;

use std::path::Path;
use std::process::Output;

use serde_json::Value;
use support::run;

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs `byline ARGS DIR`; asserts no internal error and a normal exit (0 or 1).
fn run_ok(args: &[&str], dir: &Path) -> Output {
    let mut all: Vec<&str> = args.to_vec();
    all.push(dir.to_str().unwrap());
    let o = run(&all);
    let err = stderr(&o);
    assert!(!err.contains("internal error") && !err.contains("panicked"), "byline {args:?}: {err}");
    assert!(matches!(o.status.code(), Some(0 | 1)), "byline {args:?} exited {:?}: {err}", o.status.code());
    o
}

fn export(dir: &Path) -> Vec<Value> {
    let o = run_ok(&["export", "--format", "jsonl"], dir);
    String::from_utf8(o.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

const ARTICLE: &str = "SEOUL, June 3 (Yonhap) -- President Lee Jae-myung met Defense Minister Ahn Gyu-back on Tuesday.\n";

#[test]
fn unreadable_kinds_of_file_are_skipped_with_a_reason_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good.txt", ARTICLE.as_bytes());
    write(d, "latin1.txt", b"Caf\xe9 owner Jos\xe9 Garc\xeda said.\n");
    write(d, "image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10");
    write(d, "empty.txt", b"");
    std::fs::create_dir_all(d.join("folder.txt")).unwrap();
    let o = run_ok(&["check"], d);
    let err = stderr(&o);
    assert!(err.contains("latin1.txt: skipped: not UTF-8"), "{err}");
    assert!(err.contains("image.txt: skipped: binary file"), "{err}");
    let docs = export(d);
    let paths: Vec<&str> = docs.iter().map(|v| v["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["empty.txt", "good.txt"]);
    assert!(docs[1]["spans"].as_array().unwrap().iter().any(|s| s["text"] == "Lee Jae-myung"));
}

#[test]
fn bom_crlf_and_lone_cr_keep_their_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let crlf = ARTICLE.replace('\n', "\r\n") + "Lee told reporters.\r\n";
    let cr = ARTICLE.replace('\n', "\r") + "Lee told reporters.\r";
    write(d, "bom.txt", format!("\u{feff}{ARTICLE}").as_bytes());
    write(d, "crlf.txt", crlf.as_bytes());
    write(d, "cr.txt", cr.as_bytes());
    for doc in export(d) {
        let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
        let spans = doc["spans"].as_array().unwrap();
        assert!(spans.len() >= 3, "{doc}");
        for s in spans {
            let (a, b) = (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
            assert_eq!(text[a..b].iter().collect::<String>(), s["text"].as_str().unwrap(), "{}", doc["path"]);
        }
        if doc["path"] == "bom.txt" {
            assert_eq!(text[0], '\u{feff}', "the BOM is code point 0");
        }
    }
    // Line and column in the compiler-style report count lines the same way in all three.
    let o = run_ok(&["check", "--format", "json"], d);
    let findings: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(findings.as_array().is_some());
}

#[cfg(unix)]
#[test]
fn links_loops_and_special_files_are_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "secret.txt", b"Outside Person Zelda Quorn met the minister.\n");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a/good.txt", ARTICLE.as_bytes());
    std::os::unix::fs::symlink(d, d.join("a/loop")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("secret.txt"), d.join("linked.txt")).unwrap();
    std::os::unix::fs::symlink(outside.path(), d.join("outside")).unwrap();
    std::os::unix::fs::symlink(d.join("missing.txt"), d.join("dangling.txt")).unwrap();
    // A named pipe would block a reader forever.
    let fifo = d.join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().map(|s| s.success()).unwrap_or(false);
    let docs = export(d);
    let paths: Vec<&str> = docs.iter().map(|v| v["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["a/good.txt"], "fifo made: {made}");
    let all = serde_json::to_string(&docs).unwrap();
    assert!(!all.contains("Zelda"), "a link out of the corpus was followed");
}

#[test]
fn a_hundred_thousand_tiny_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for i in 0..100_000 {
        let sub = d.join(format!("{:03}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&sub).unwrap();
        }
        std::fs::write(sub.join(format!("{i}.txt")), if i % 2 == 0 { "Kim said.\n" } else { "" }).unwrap();
    }
    let o = run_ok(&["entities", "--format", "json"], d);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v.as_array().is_some());
}

#[test]
fn a_name_repeated_a_million_times() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "repeat.txt", "Lee Jae-myung met Kim Min-seok. ".repeat(1_000_000).as_bytes());
    let o = run_ok(&["entities", "--format", "json"], d);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let lee = v.as_array().unwrap().iter().find(|e| e["name"] == "Lee Jae-myung").expect("Lee is found");
    assert_eq!(lee["mentions"], 1_000_000);
}

#[test]
fn a_fifty_megabyte_single_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let sentence = "Foreign Minister Park Jin met his Japanese counterpart, Yoko Kamikawa, in Tokyo on Monday, the ministry said. ";
    let mut text = String::with_capacity(50_000_000);
    while text.len() < 50_000_000 {
        text.push_str(sentence);
    }
    write(d, "line.txt", text.as_bytes());
    let o = run_ok(&["check", "--format", "json"], d);
    assert!(serde_json::from_slice::<Value>(&o.stdout).is_ok());
}

/// Made-up capitalised words, deterministic: "Kanor Vesit Bral ...".
fn capitalised_words(n: usize) -> String {
    let (cons, vow) = (b"BCDFGKLMNPRSTVWZ", b"aeiou");
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut out = String::with_capacity(n * 6);
    for _ in 0..n {
        for _ in 0..2 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            out.push(cons[(x % 16) as usize] as char);
            out.push(vow[((x >> 8) % 5) as usize] as char);
        }
        out.push_str("n ");
    }
    out
}

/// Junk that real scraped archives hold, each once a quadratic trap: a 10 MB
/// "word" (every one-edit variant of a typo candidate was built: 20 KB took
/// 22 GB), a million capitalised words in one sentence (sentence edges and
/// role inference rescanned the sentence for every name), and a sign-off
/// crediting 200,000 people (the credit words were looked for from the
/// sentence start for each).
#[test]
fn junk_that_used_to_be_quadratic() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "word.txt", "x".repeat(10_000_000).as_bytes());
    write(d, "names.txt", format!("Foreign Minister {} said.", capitalised_words(1_000_000)).as_bytes());
    let credits: Vec<String> = capitalised_words(400_000).split_whitespace().collect::<Vec<_>>().chunks(2).map(|p| p.join(" ")).collect();
    write(d, "credits.txt", format!("SEOUL -- Talks ended.\n(Reporting by {}; Editing by Jane Doe)\n", credits.join(", ")).as_bytes());
    let o = run_ok(&["check", "--format", "json"], d);
    assert!(serde_json::from_slice::<Value>(&o.stdout).is_ok());
    let docs = export(d);
    assert_eq!(docs.len(), 3);
    // The sign-off's people are people.
    let credited = docs.iter().find(|v| v["path"] == "credits.txt").unwrap();
    let people = credited["spans"].as_array().unwrap().iter().filter(|e| e["label"] == "PERSON").count();
    assert!(people > 1000, "{people} people in the sign-off");
}

// ------------------------------------------------------------ configuration

fn config_errors(toml: &[u8], kb: Option<&[u8]>) -> (String, Output) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", ARTICLE.as_bytes());
    write(d, "byline.toml", toml);
    if let Some(kb) = kb {
        write(d, "entities.toml", kb);
    }
    let o = run_ok(&["check"], d);
    (stderr(&o), o)
}

#[test]
fn configuration_errors_are_located_and_the_defaults_stay_in_force() {
    let (err, _) = config_errors(b"[style]\nspelling = \"klingon\"\n", None);
    assert!(err.contains("byline.toml:2:"), "{err}");
    let (err, _) = config_errors(b"[corpus\ninclude = 3\n", None);
    assert!(err.contains("byline.toml:1:"), "{err}");
    let (err, _) = config_errors(b"\xef\xbb\xbf[checks]\nhouse-style = \"loud\"\n", None);
    assert!(err.contains("byline.toml:2:15"), "a BOM does not shift columns: {err}");
    let (err, o) = config_errors(b"[corpus]\ninclude = [\"[\"]\n", None);
    assert!(err.contains("byline.toml:2:"), "{err}");
    assert!(o.status.code().is_some());
}

#[test]
fn hostile_knowledge_bases_give_located_errors() {
    let (err, _) = config_errors(b"", Some(b"[[entity]]\nname = \"Lee Jae-myung\"\nkind = \"robot\"\n"));
    assert!(err.contains("entities.toml:3:"), "{err}");
    let (err, _) = config_errors(b"", Some(b"[[entity]]\nname = 42\n"));
    assert!(err.contains("entities.toml:2:"), "{err}");
    // Duplicate and conflicting entries: both names stay usable, the conflict is reported or resolved, never a crash.
    let dup = b"[[entity]]\nname = \"Lee Jae-myung\"\nkind = \"person\"\n[[entity]]\nname = \"Lee Jae-myung\"\nkind = \"organization\"\n";
    let (err, _) = config_errors(b"", Some(dup));
    assert!(err.contains("entities.toml:5:8") && err.contains("has an entry already"), "{err}");
    // A megabyte string and a hundred thousand entries.
    let big = format!("[[entity]]\nname = \"{}\"\nkind = \"person\"\n", "x".repeat(1_000_000));
    let (err, _) = config_errors(b"", Some(big.as_bytes()));
    assert!(!err.contains("error"), "{err}");
    let mut many = String::new();
    for i in 0..100_000 {
        many.push_str(&format!("[[entity]]\nname = \"Person Number{i}\"\nkind = \"person\"\n"));
    }
    let (err, _) = config_errors(b"", Some(many.as_bytes()));
    assert!(!err.contains("error"), "{err}");
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported_and_the_rest_is_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "good.txt", ARTICLE.as_bytes());
    write(d, "locked.txt", ARTICLE.as_bytes());
    std::fs::set_permissions(d.join("locked.txt"), std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads any file: then the file is simply read.
    let readable = std::fs::read(d.join("locked.txt")).is_ok();
    let o = run_ok(&["check"], d);
    let paths: Vec<String> = export(d).iter().map(|v| v["path"].as_str().unwrap().to_string()).collect();
    if readable {
        assert_eq!(paths, ["good.txt", "locked.txt"]);
    } else {
        assert!(stderr(&o).contains("locked.txt: skipped:"), "{}", stderr(&o));
        assert_eq!(paths, ["good.txt"]);
    }
}
