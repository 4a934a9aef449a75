//! A seeded generator of synthetic wire-style news articles, for Byline's
//! benchmarks (see `bench/run.sh` and BENCHMARKS.md).
//!
//! ```text
//! cargo run --release --example gen -- --articles 10000 --out /tmp/corpus-10k [--seed 1]
//! cargo run --release --example gen -- --single-line 1000000 --out /tmp/line-1mb.txt
//! ```
//!
//! Articles (about 1.5–3.5 KB each) have headlines, bylines, datelines in the
//! styles of several agencies ("SEOUL, March 3 (Yonhap) --", "LONDON, March 3
//! (Reuters) -", "WASHINGTON, D.C. —"), photo captions, quotes, sign-offs,
//! officials introduced by role before or after their name, countries,
//! organisations and places from Byline's gazetteer, British or American
//! spelling by agency, and made-up people of many origins whose names are
//! spelled another way (order, hyphens, transliteration, typos) in a share of
//! the articles (`--variant-rate`). The same seed gives the same bytes.
//!
//! Files go into subfolders of 1,000 (`000/000123.txt`); `manifest.json` in the
//! output folder lists the recurring people, how often each appears and which
//! other spellings were used where.

#[path = "gen/article.rs"]
mod article;
#[path = "gen/gazetteer.rs"]
mod gazetteer;
#[path = "gen/names.rs"]
mod names;
#[path = "gen/rng.rs"]
mod rng;

use std::path::{Path, PathBuf};
use std::time::Instant;

use clap::Parser;
use rayon::prelude::*;

use article::World;
use rng::Rng;

#[derive(Parser, Debug)]
#[command(about = "Writes a synthetic, seeded news corpus for Byline's benchmarks.")]
struct Args {
    /// Number of articles.
    #[arg(long, default_value_t = 1000)]
    articles: usize,
    /// Output folder (or file with --single-line).
    #[arg(long)]
    out: PathBuf,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Share of a recurring person's appearances spelled another way.
    #[arg(long, default_value_t = 0.05)]
    variant_rate: f64,
    /// Recurring people in the world (default: articles / 4, at least 100, at most 25,000).
    #[arg(long)]
    people: Option<usize>,
    /// Write one article of about this many bytes on a single line to --out.
    #[arg(long, value_name = "BYTES")]
    single_line: Option<usize>,
    /// No summary on standard error.
    #[arg(long)]
    quiet: bool,
}

pub const PER_DIR: usize = 1000;

/// Path of article `i` under `out`.
fn article_path(out: &Path, i: usize, n: usize) -> PathBuf {
    let dirs = n.div_ceil(PER_DIR).max(1);
    let w = dirs.saturating_sub(1).to_string().len().max(3);
    out.join(format!("{:0w$}", i / PER_DIR, w = w)).join(format!("{:06}.txt", i))
}

fn people_for(articles: usize) -> usize {
    (articles / 4).clamp(100, 25_000)
}

/// Writes the corpus; returns (bytes written, manifest).
pub fn generate(
    out: &Path,
    articles: usize,
    seed: u64,
    variant_rate: f64,
    people: Option<usize>,
) -> std::io::Result<(u64, serde_json::Value)> {
    let world = World::new(seed, people.unwrap_or_else(|| people_for(articles)), variant_rate);
    std::fs::create_dir_all(out)?;
    let chunks: Vec<usize> = (0..articles.div_ceil(PER_DIR)).collect();
    let results: Vec<std::io::Result<Vec<(usize, article::Uses)>>> = chunks
        .par_iter()
        .map(|&c| {
            let lo = c * PER_DIR;
            let hi = (lo + PER_DIR).min(articles);
            let mut buf = String::with_capacity(8192);
            let mut v = Vec::with_capacity(hi - lo);
            let dir = article_path(out, lo, articles).parent().map(Path::to_path_buf).unwrap_or_default();
            std::fs::create_dir_all(&dir)?;
            for i in lo..hi {
                let uses = article::article(&world, Rng::derive(seed, 1, i as u64), &mut buf);
                std::fs::write(article_path(out, i, articles), buf.as_bytes())?;
                v.push((buf.len(), uses));
            }
            Ok(v)
        })
        .collect();
    let mut total = 0u64;
    // Per person: articles, and per variant: articles.
    let mut seen: Vec<(u32, Vec<u32>)> = world.people.iter().map(|c| (0, vec![0; c.person.variants.len()])).collect();
    for r in results {
        for (len, uses) in r? {
            total += len as u64;
            for (pid, v) in uses {
                seen[pid].0 += 1;
                if let Some(j) = v {
                    seen[pid].1[j] += 1;
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..world.people.len()).filter(|&i| seen[i].0 > 0).collect();
    order.sort_by(|&a, &b| seen[b].0.cmp(&seen[a].0).then(a.cmp(&b)));
    let people: Vec<serde_json::Value> = order
        .iter()
        .take(2000)
        .map(|&i| {
            let c = &world.people[i];
            let role = match &c.role {
                article::Role::Gov { country, title } => format!("{} · {}", title.replace("{W:defense}", "Defense").replace("{W:labor}", "Labor"), world.gaz.countries[*country].name),
                article::Role::Org { org, before, .. } => format!("{before} · {}", world.gaz.orgs[*org].name),
                article::Role::Resident { occupation, .. } => occupation.to_string(),
            };
            serde_json::json!({
                "name": c.person.name.full(),
                "surname": c.person.name.surname,
                "origin": c.person.origin.name(),
                "role": role,
                "articles": seen[i].0,
                "variants": c.person.variants.iter().zip(&seen[i].1).map(|(v, n)| serde_json::json!({"name": v.full(), "surname": v.surname, "articles": n})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let manifest = serde_json::json!({
        "generator": "cargo run --release --example gen",
        "seed": seed,
        "articles": articles,
        "bytes": total,
        "variant_rate": variant_rate,
        "people_in_world": world.people.len(),
        "people": people,
    });
    Ok((total, manifest))
}

fn main() {
    let args = Args::parse();
    let t = Instant::now();
    if let Some(bytes) = args.single_line {
        let world = World::new(args.seed, args.people.unwrap_or(2000), args.variant_rate);
        let text = article::single_line(&world, args.seed, bytes);
        if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).expect("create output folder");
        }
        std::fs::write(&args.out, text.as_bytes()).expect("write output file");
        if !args.quiet {
            eprintln!("gen: wrote {} bytes on one line to {} in {:.2?}", text.len(), args.out.display(), t.elapsed());
        }
        return;
    }
    match generate(&args.out, args.articles, args.seed, args.variant_rate, args.people) {
        Ok((bytes, manifest)) => {
            let m = serde_json::to_string_pretty(&manifest).expect("manifest serialises");
            std::fs::write(args.out.join("manifest.json"), m).expect("write manifest");
            if !args.quiet {
                eprintln!(
                    "gen: wrote {} articles ({} bytes, {:.0} bytes/article) to {} in {:.2?}",
                    args.articles,
                    bytes,
                    bytes as f64 / args.articles.max(1) as f64,
                    args.out.display(),
                    t.elapsed()
                );
            }
        }
        Err(e) => {
            eprintln!("gen: {e}");
            std::process::exit(2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(dir: &Path) -> Vec<(PathBuf, String)> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "txt") {
                    let t = std::fs::read_to_string(&p).unwrap();
                    out.push((p.strip_prefix(dir).unwrap().to_path_buf(), t));
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let c = tempfile::tempdir().unwrap();
        generate(a.path(), 60, 7, 0.2, None).unwrap();
        generate(b.path(), 60, 7, 0.2, None).unwrap();
        generate(c.path(), 60, 8, 0.2, None).unwrap();
        let (ra, rb, rc) = (read_all(a.path()), read_all(b.path()), read_all(c.path()));
        assert_eq!(ra.len(), 60);
        assert_eq!(ra, rb);
        assert_ne!(ra, rc);
        let w = World::new(3, 100, 0.05);
        assert_eq!(article::single_line(&w, 3, 20_000), article::single_line(&w, 3, 20_000));
    }

    #[test]
    fn articles_have_the_expected_shape() {
        let d = tempfile::tempdir().unwrap();
        let (bytes, manifest) = generate(d.path(), 1205, 1, 0.3, None).unwrap();
        let all = read_all(d.path());
        assert_eq!(all.len(), 1205);
        // Subfolders of 1,000.
        assert!(all.iter().filter(|(p, _)| p.starts_with("000")).count() == 1000);
        assert!(all.iter().filter(|(p, _)| p.starts_with("001")).count() == 205);
        assert_eq!(bytes, all.iter().map(|(_, t)| t.len() as u64).sum::<u64>());
        let sizes: Vec<usize> = all.iter().map(|(_, t)| t.len()).collect();
        let mean = sizes.iter().sum::<usize>() / sizes.len();
        assert!((1500..=3500).contains(&mean), "mean size {mean}");
        assert!(sizes.iter().all(|&s| (1200..=4500).contains(&s)), "sizes {:?}", (sizes.iter().min(), sizes.iter().max()));
        let text: String = all.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>().join("\n");
        for needle in
            ["(Yonhap) --", "(Reuters) - ", "(AP) — ", "(IANS)", "(END)", "--IANS", "view larger image", "By ", " said", "\"", "Minister"]
        {
            assert!(text.contains(needle), "no {needle:?} in the corpus");
        }
        assert!(text.contains("defence") && text.contains("defense"), "both spellings");
        assert!(!text.contains('{') && !text.contains('}'), "a placeholder was left unfilled");
        // Spelling variants were used and recorded.
        let people = manifest["people"].as_array().unwrap();
        let used: u64 = people.iter().flat_map(|p| p["variants"].as_array().unwrap()).map(|v| v["articles"].as_u64().unwrap()).sum();
        assert!(used > 20, "variants used: {used}");
        let with_variant =
            people.iter().find(|p| p["variants"].as_array().unwrap().iter().any(|v| v["articles"].as_u64().unwrap() > 0)).unwrap();
        let v = with_variant["variants"].as_array().unwrap().iter().find(|v| v["articles"].as_u64().unwrap() > 0).unwrap();
        let vs = v["surname"].as_str().unwrap();
        assert!(text.contains(vs), "variant surname {vs} in the text");
        // Many origins.
        let origins: std::collections::BTreeSet<&str> = people.iter().map(|p| p["origin"].as_str().unwrap()).collect();
        assert!(origins.len() >= 7, "{origins:?}");
    }

    #[test]
    fn single_line_has_no_newline_and_about_the_size() {
        let w = World::new(1, 200, 0.05);
        let s = article::single_line(&w, 1, 100_000);
        assert!(!s.contains('\n'));
        assert!(s.len() <= 100_000 && s.len() > 99_000, "{}", s.len());
        assert!(s.starts_with(char::is_uppercase));
    }

    #[test]
    fn name_parts_mostly_come_from_bylines_lists() {
        let g = gazetteer::Gazetteer::load();
        let parts = names::Parts::new(&g);
        for (kept, all) in parts.coverage() {
            assert!(kept * 2 >= all || kept == all, "{kept} of {all}");
        }
    }
}
