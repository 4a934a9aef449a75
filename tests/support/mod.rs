//! Test support: running the `byline` binary, and a scorer for gold folders in the
//! format of the project's evaluation (docs/, gold/<doc>.json, variants.json) with
//! the same metrics: strict and partial mention F1, corpus-level role and
//! affiliation accuracy, spelling-variant recall and precision.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_byline"))
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn corpus() -> PathBuf {
    root().join("examples/corpus")
}

pub fn gold() -> PathBuf {
    root().join("examples/gold")
}

/// Runs `byline ARGS` (without `COLUMNS`, whatever the shell exports: a table
/// is as wide as it is without a terminal).
pub fn run(args: &[&str]) -> Output {
    run_env(args, &[])
}

/// Runs `byline ARGS` with extra environment variables.
pub fn run_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(bin()).args(args).env_remove("COLUMNS").envs(env.iter().copied()).output().expect("byline runs")
}

/// Runs `byline ARGS` and parses standard output as JSON.
pub fn run_json(args: &[&str]) -> Value {
    let out = run(args);
    assert!(out.status.code().is_some_and(|c| c <= 1), "byline {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("byline {args:?}: not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

/// Copies a folder tree (for tests that change files).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        let t = to.join(e.file_name());
        if p.is_dir() {
            copy_dir(&p, &t);
        } else {
            std::fs::copy(&p, &t).unwrap();
        }
    }
}

// ---------------------------------------------------------------- scoring

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f: f64,
}

fn prf(tp_p: usize, n_p: usize, tp_g: usize, n_g: usize) -> Prf {
    let p = if n_p > 0 { tp_p as f64 / n_p as f64 } else { 0.0 };
    let r = if n_g > 0 { tp_g as f64 / n_g as f64 } else { 0.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    Prf { p, r, f }
}

#[derive(Debug)]
pub struct Scores {
    pub strict: Prf,
    pub partial: Prf,
    pub role_acc: f64,
    pub affil_acc: f64,
    pub variant_recall: f64,
    pub variant_precision: f64,
    pub missed_groups: Vec<String>,
    pub bad_diagnostics: Vec<(String, String)>,
}

type Span = (usize, usize, String);

fn label(l: &str) -> Option<&'static str> {
    match l.to_uppercase().as_str() {
        "PERSON" | "PER" => Some("PERSON"),
        "ORG" | "ORGANIZATION" | "ORGANISATION" => Some("ORG"),
        "LOC" | "GPE" | "LOCATION" | "FAC" | "PLACE" => Some("LOC"),
        _ => None,
    }
}

fn strip_accents(s: &str) -> String {
    s.nfkd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect()
}

/// The scorer's name normalisation (case, accents, dashes, possessive, spaces).
pub fn norm_name(s: &str) -> String {
    let s: String = s.nfkc().collect();
    let s: String = s.chars().map(|c| if matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}') { '-' } else { c }).collect();
    let s = strip_accents(&s).to_lowercase().replace('-', " ").replace("'s", "").replace("\u{2019}s", "");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn role_words(s: &str) -> BTreeSet<String> {
    const STOP: &[&str] = &["of", "the", "for", "and", "a", "an", "to", "in", "on", "at", "by", "s", "as", "with"];
    let syn = |w: &str| -> String {
        match w {
            "advisor" => "adviser".into(),
            "defence" => "defense".into(),
            "organisation" => "organization".into(),
            "sec" => "secretary".into(),
            "gen" => "general".into(),
            "pm" => "prime minister".into(),
            "fm" => "foreign minister".into(),
            w => w.into(),
        }
    };
    let s = strip_accents(s).to_lowercase().replace('-', " ");
    let s: String = s.chars().map(|c| if c.is_alphanumeric() || c.is_whitespace() { c } else { ' ' }).collect();
    s.split_whitespace()
        .flat_map(|w| syn(w).split(' ').map(str::to_string).collect::<Vec<_>>())
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect()
}

pub fn role_match(gold: &str, pred: &str) -> bool {
    const RANK: &[&str] = &["vice", "deputy", "under", "assistant", "acting"];
    let parts = |s: &str| -> Vec<String> {
        let mut v = vec![s.to_string()];
        let ps: Vec<String> =
            s.split([',', ';', '/']).flat_map(|p| p.split(" and ")).filter(|p| !p.trim().is_empty()).map(str::to_string).collect();
        if ps.len() > 1 {
            v.extend(ps);
        }
        v
    };
    for g in parts(gold) {
        for p in parts(pred) {
            let (gw, pw) = (role_words(&g), role_words(&p));
            if gw.is_empty() || pw.is_empty() {
                continue;
            }
            let rank = |s: &BTreeSet<String>| s.iter().filter(|w| RANK.contains(&w.as_str())).cloned().collect::<BTreeSet<_>>();
            if rank(&gw) != rank(&pw) {
                continue;
            }
            if gw.is_subset(&pw) || pw.is_subset(&gw) {
                return true;
            }
        }
    }
    false
}

fn affil_norm(s: &str) -> String {
    const EQ: &[&[&str]] = &[
        &["united states", "us", "usa", "u s", "america", "american", "washington"],
        &["south korea", "korea", "republic of korea", "rok", "s korea", "south korean", "korean", "seoul"],
        &["north korea", "dprk", "north korean", "pyongyang"],
        &["united kingdom", "uk", "u k", "britain", "great britain", "british"],
        &["european union", "eu"],
        &["nato", "north atlantic treaty organization", "north atlantic treaty organisation"],
        &["netherlands", "the netherlands", "holland", "dutch"],
        &["japan", "japanese"],
        &["canada", "canadian"],
        &["lithuania", "lithuanian"],
        &["australia", "australian"],
        &["ukraine", "ukrainian"],
        &["china", "chinese"],
        &["russia", "russian"],
        &["united nations", "un"],
    ];
    let s = strip_accents(s).to_lowercase().replace('-', " ");
    let s: String = s.chars().map(|c| if c.is_alphanumeric() || c.is_whitespace() { c } else { ' ' }).collect();
    let mut s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(r) = s.strip_prefix("the ") {
        s = r.to_string();
    }
    for g in EQ {
        if g.contains(&s.as_str()) {
            return g[0].to_string();
        }
    }
    s
}

pub fn affil_match(gold: &str, pred: &str) -> bool {
    let (g, p) = (affil_norm(gold), affil_norm(pred));
    if g.is_empty() || p.is_empty() {
        return false;
    }
    let contains = |a: &str, b: &str| format!(" {a} ").contains(&format!(" {b} "));
    g == p || contains(&p, &g) || contains(&g, &p)
}

/// Scores the binary's outputs on a gold folder.
pub fn score(gold_dir: &Path, export: &str, entities: &Value, diagnostics: &Value) -> Scores {
    // Gold.
    let mut gold: BTreeMap<String, Value> = BTreeMap::new();
    for e in std::fs::read_dir(gold_dir.join("gold")).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "json") {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let name =
                v["doc"].as_str().map(str::to_string).unwrap_or_else(|| p.file_stem().unwrap().to_string_lossy().to_string() + ".txt");
            gold.insert(name, v);
        }
    }
    let variants: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(gold_dir.join("variants.json")).unwrap_or("[]".into())).unwrap();
    // Predictions.
    let mut preds: HashMap<String, BTreeSet<Span>> = HashMap::new();
    for line in export.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).unwrap();
        let base = Path::new(v["path"].as_str().unwrap()).file_name().unwrap().to_string_lossy().to_string();
        let set = preds.entry(base).or_default();
        for s in v["spans"].as_array().unwrap() {
            if let Some(l) = label(s["label"].as_str().unwrap_or("")) {
                set.insert((s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize, l.to_string()));
            }
        }
    }
    let (mut st, mut np, mut ng, mut pp, mut pg) = (0, 0, 0, 0, 0);
    for (doc, g) in &gold {
        let gs: BTreeSet<Span> = g["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize, m["label"].as_str().unwrap().to_string()))
            .collect();
        let ps = preds.get(doc).cloned().unwrap_or_default();
        st += gs.intersection(&ps).count();
        np += ps.len();
        ng += gs.len();
        let overlap = |a: &Span, b: &Span| a.2 == b.2 && a.0 < b.1 && b.0 < a.1;
        pp += ps.iter().filter(|p| gs.iter().any(|g| overlap(p, g))).count();
        pg += gs.iter().filter(|g| ps.iter().any(|p| overlap(p, g))).count();
    }
    // Entity forms (gold key -> normalised forms).
    let mut texts: HashMap<String, BTreeSet<String>> = HashMap::new();
    for g in gold.values() {
        for m in g["mentions"].as_array().unwrap() {
            texts.entry(m["entity"].as_str().unwrap().to_string()).or_default().insert(m["text"].as_str().unwrap().to_string());
        }
    }
    let mut forms: HashMap<String, BTreeSet<String>> = HashMap::new();
    for (ent, ts) in &texts {
        let mut keep: BTreeSet<String> = BTreeSet::new();
        for t in ts {
            let tt: Vec<String> = t.to_lowercase().split_whitespace().map(str::to_string).collect();
            let short = ts.iter().any(|o| {
                let ow: Vec<String> = o.to_lowercase().split_whitespace().map(str::to_string).collect();
                o != t && ow.len() > tt.len() && ow.windows(tt.len()).any(|w| w == tt.as_slice())
            });
            if !short {
                keep.insert(norm_name(t));
            }
        }
        keep.insert(norm_name(ent));
        forms.insert(ent.clone(), keep);
    }
    for g in &variants {
        if let Some(f) = forms.get_mut(g["entity"].as_str().unwrap_or("")) {
            for x in g["forms"].as_array().unwrap() {
                f.insert(norm_name(x.as_str().unwrap()));
            }
        }
    }
    // Roles, corpus level.
    let mut agg: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    for g in gold.values() {
        for e in g["entities"].as_array().unwrap() {
            if e["label"] == "PERSON" {
                let a = agg.entry(e["entity"].as_str().unwrap().to_string()).or_default();
                if let Some(r) = e["role"].as_str() {
                    a.0.insert(r.to_string());
                }
                if let Some(r) = e["affiliation"].as_str() {
                    a.1.insert(r.to_string());
                }
            }
        }
    }
    let cands: Vec<(BTreeSet<String>, Option<String>, Option<String>)> = entities
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| label(x["kind"].as_str().unwrap_or("PERSON")) == Some("PERSON"))
        .map(|x| {
            let mut names: BTreeSet<String> = BTreeSet::new();
            names.insert(norm_name(x["name"].as_str().unwrap_or("")));
            for a in x["aliases"].as_array().into_iter().flatten() {
                names.insert(norm_name(a.as_str().unwrap_or("")));
            }
            (names, x["role"].as_str().map(str::to_string), x["affiliation"].as_str().map(str::to_string))
        })
        .collect();
    let (mut rok, mut rn, mut aok, mut an) = (0, 0, 0, 0);
    for (ent, (roles, affs)) in &agg {
        let fs = forms.get(ent).cloned().unwrap_or_else(|| [norm_name(ent)].into());
        let hits: Vec<&(BTreeSet<String>, Option<String>, Option<String>)> = cands.iter().filter(|c| !c.0.is_disjoint(&fs)).collect();
        if !roles.is_empty() {
            rn += 1;
            if hits.iter().any(|c| c.1.as_ref().is_some_and(|r| roles.iter().any(|g| role_match(g, r)))) {
                rok += 1;
            }
        }
        if !affs.is_empty() {
            an += 1;
            if hits.iter().any(|c| c.2.as_ref().is_some_and(|r| affs.iter().any(|g| affil_match(g, r)))) {
                aok += 1;
            }
        }
    }
    // Variants.
    let groups: Vec<BTreeSet<String>> =
        variants.iter().map(|g| g["forms"].as_array().unwrap().iter().map(|f| f.as_str().unwrap().to_lowercase()).collect()).collect();
    let mut found: BTreeSet<usize> = BTreeSet::new();
    let (mut n, mut good) = (0, 0);
    let mut bad = Vec::new();
    for d in diagnostics.as_array().unwrap() {
        if d["code"] != "inconsistent-spelling" {
            continue;
        }
        n += 1;
        let a = d["data"]["found"].as_str().unwrap_or("").to_string();
        let b = d["data"]["preferred"].as_str().unwrap_or("").to_string();
        let mut hit = false;
        if !a.is_empty() && !b.is_empty() && a != b {
            for (i, g) in groups.iter().enumerate() {
                if g.contains(&a.to_lowercase()) && g.contains(&b.to_lowercase()) {
                    found.insert(i);
                    hit = true;
                }
            }
        }
        if hit {
            good += 1;
        } else {
            bad.push((a, b));
        }
    }
    let missed =
        (0..variants.len()).filter(|i| !found.contains(i)).map(|i| variants[i]["entity"].as_str().unwrap_or("").to_string()).collect();
    Scores {
        strict: prf(st, np, st, ng),
        partial: prf(pp, np, pg, ng),
        role_acc: if rn > 0 { rok as f64 / rn as f64 } else { 0.0 },
        affil_acc: if an > 0 { aok as f64 / an as f64 } else { 0.0 },
        variant_recall: if variants.is_empty() { 1.0 } else { found.len() as f64 / variants.len() as f64 },
        variant_precision: if n > 0 { good as f64 / n as f64 } else { 0.0 },
        missed_groups: missed,
        bad_diagnostics: bad,
    }
}

/// Runs export, entities and check on a gold folder's docs and scores them.
pub fn score_gold(gold_dir: &Path) -> Scores {
    let docs = gold_dir.join("docs");
    let d = docs.to_str().unwrap();
    let export = run(&["export", "--format", "jsonl", d]);
    assert!(export.status.success(), "{}", String::from_utf8_lossy(&export.stderr));
    let entities = run_json(&["entities", "--format", "json", d]);
    let diags = run_json(&["check", "--format", "json", d]);
    score(gold_dir, &String::from_utf8(export.stdout).unwrap(), &entities, &diags)
}
