//! Per-document analysis speed, step by step, on one thread: reads every `.txt`
//! under a folder and prints MB/s for tokenizing, counting words, the
//! gazetteer pass, date detection, quoted speech and the whole analysis.
//!
//!     cargo run --release --example analysis_speed -- /tmp/byline-bench/corpus-1k [ROUNDS]

/// CPU time of this thread in seconds (Linux: `/proc/thread-self/schedstat`,
/// nanoseconds on the CPU), so that other load on the machine does not count.
fn cpu_now() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or_else(|| std::time::UNIX_EPOCH.elapsed().unwrap_or_default().as_secs_f64(), |ns| ns / 1e9)
}

use byline::kb::Kb;
use byline::recognize::{analyze_tokens, dates};
use byline::tokens::{quotes, tokenize};
use byline::vocab::vocabulary_of;

fn texts(dir: &std::path::Path, out: &mut Vec<String>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = rd.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            texts(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt")
            && let Ok(t) = std::fs::read_to_string(&p)
        {
            out.push(t);
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "examples/corpus".into());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let mut docs = Vec::new();
    texts(std::path::Path::new(&dir), &mut docs);
    let bytes: usize = docs.iter().map(String::len).sum();
    let t0 = std::time::Instant::now();
    let kb = Kb::builtin();
    println!("knowledge base built in {:.3} s", t0.elapsed().as_secs_f64());
    // Files have a modification date (it completes datelines without a year).
    let file_date = byline::recognize::FileDates::from(byline::model::Date::new(2025, 6, 1));
    let mb = bytes as f64 / 1e6;
    println!("{} documents, {:.1} MB, best of {rounds}, CPU time of the thread", docs.len(), mb);
    let time = |name: &str, f: &dyn Fn(&str)| {
        let mut best = f64::MAX;
        for _ in 0..rounds {
            let t = cpu_now();
            for d in &docs {
                f(d);
            }
            best = best.min(cpu_now() - t);
        }
        println!("{name:>12}: {:7.3} s  {:7.1} MB/s", best, mb / best);
    };
    time("tokenize", &|d| {
        std::hint::black_box(tokenize(d));
    });
    time("vocabulary", &|d| {
        let t = tokenize(d);
        std::hint::black_box(vocabulary_of(d, &t));
    });
    time("gazetteer", &|d| {
        std::hint::black_box(kb.find(d));
    });
    time("dates", &|d| {
        std::hint::black_box(dates::detect(d, file_date));
    });
    time("quotes", &|d| {
        std::hint::black_box(quotes(d));
    });
    time("analyze", &|d| {
        std::hint::black_box(analyze_tokens(d, tokenize(d), &kb, file_date));
    });
    time("both", &|d| {
        let t = tokenize(d);
        let v = vocabulary_of(d, &t);
        std::hint::black_box((analyze_tokens(d, t, &kb, file_date), v));
    });
    memory(&docs, &kb, file_date, bytes);
}

/// Heap bytes the analyses and ropes hold, against the text (word counts are
/// summed per worker while loading, so they are not counted here).
fn memory(docs: &[String], kb: &Kb, file_date: byline::recognize::FileDates, bytes: usize) {
    use std::mem::size_of;
    let (mut an, mut ropes) = (0usize, 0usize);
    let (mut mentions, mut entities, mut claims) = (0usize, 0usize, 0usize);
    for d in docs {
        let a = analyze_tokens(d, tokenize(d), kb, file_date);
        an += a.mentions.capacity() * size_of::<byline::model::Mention>()
            + a.roles.capacity() * size_of::<byline::model::RoleSpan>()
            + a.quotes.capacity() * size_of::<byline::model::Span>()
            + a.entities.capacity() * size_of::<byline::model::DocEntity>();
        for e in &a.entities {
            an += e.name.capacity() + 16 + e.claims.capacity() * size_of::<byline::model::Claim>();
            for c in &e.claims {
                an += c.role.as_ref().map_or(0, |r| r.capacity() + 16) + c.affiliation.as_ref().map_or(0, |r| r.capacity() + 16);
            }
            claims += e.claims.len();
        }
        mentions += a.mentions.len();
        entities += a.entities.len();
        let r = ropey::Rope::from_str(d);
        ropes += r.capacity() + r.chunks().count() * 64;
    }
    let x = |n: usize| n as f64 / bytes as f64;
    println!(
        "memory: analyses {:.2}x the text ({mentions} mentions, {entities} entities, {claims} claims), ropes ~{:.2}x",
        x(an),
        x(ropes)
    );
}
