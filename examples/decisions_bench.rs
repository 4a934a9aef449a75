//! Measures the corpus-wide index and spelling decisions on a corpus folder:
//! full computation time, memory (live heap bytes), snapshot clone cost and the
//! incremental refresh after one-document edits.
//!
//! ```text
//! cargo run --release --example decisions_bench -- /tmp/byline-bench/corpus-10k [--edits 20] [--runs 3]
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicIsize, Ordering};
use std::time::{Duration, Instant};

use byline::corpus::Corpus;
use byline::index::Index;
use byline::variants::Decisions;

struct Counting;
static LIVE: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        LIVE.fetch_add(n as isize - l.size() as isize, Ordering::Relaxed);
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static A: Counting = Counting;

fn live() -> isize {
    LIVE.load(Ordering::Relaxed)
}

fn mb(b: isize) -> String {
    format!("{:.1} MB", b as f64 / 1e6)
}

fn cpu() -> Duration {
    let mut t = libc_times();
    t.0 += t.1;
    t.0
}

/// (user, system) CPU time of the process.
fn libc_times() -> (Duration, Duration) {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let f: Vec<&str> = s.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    let tick = 100.0;
    let u = f.get(11).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0) / tick;
    let sy = f.get(12).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0) / tick;
    (Duration::from_secs_f64(u), Duration::from_secs_f64(sy))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("corpus folder"));
    let mut edits = 20usize;
    let mut runs = 3usize;
    let mut check = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--edits" => edits = args.next().unwrap().parse().unwrap(),
            "--runs" => runs = args.next().unwrap().parse().unwrap(),
            "--check" => check = true,
            _ => panic!("unknown argument {a}"),
        }
    }
    let (t, c0) = (Instant::now(), cpu());
    let mut corpus = Corpus::open(&dir);
    let text: usize = corpus.docs().map(|d| d.rope.len_bytes()).sum();
    println!(
        "open: {} docs, {} of text, {:.2?} wall, {:.2?} cpu; live heap {}",
        corpus.len(),
        mb(text as isize),
        t.elapsed(),
        cpu() - c0,
        mb(live())
    );

    // The index, rebuilt serially from the analyses.
    let docs: Vec<_> = corpus.docs().cloned().collect();
    let texts: Vec<String> = docs.iter().map(|d| d.text()).collect();
    let before = live();
    let (t, c0) = (Instant::now(), cpu());
    let mut index = Index::default();
    for (d, text) in docs.iter().zip(&texts) {
        index.add(&corpus.kb, d.id, &d.analysis, text);
    }
    println!("index: {} entities, built in {:.2?} wall {:.2?} cpu, {}", index.len(), t.elapsed(), cpu() - c0, mb(live() - before));
    drop(texts);

    for _ in 0..runs {
        let before = live();
        let (t, c0) = (Instant::now(), cpu());
        let d = Decisions::compute(&index, &corpus.vocab, &corpus.kb, &corpus.config);
        println!(
            "full compute: {:.2?} wall {:.2?} cpu; {} groups, {} possible, {} words; {}",
            t.elapsed(),
            cpu() - c0,
            d.names.groups().count(),
            d.names.possibles().len(),
            d.words.len(),
            mb(live() - before)
        );
    }
    drop(index);

    let t = Instant::now();
    let n = 100;
    for _ in 0..n {
        std::hint::black_box(corpus.index.clone());
    }
    println!("index clone: {:.2?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(corpus.decisions.clone());
    }
    println!("decisions clone: {:.2?}", t.elapsed() / n);

    // One-document edits: change a name's spelling, refresh.
    let mut times = Vec::new();
    let mut cpus = Vec::new();
    let ids: Vec<_> = corpus.docs().map(|d| d.path.clone()).collect();
    let mut snapshot = None;
    for e in 0..edits {
        let path = &ids[(e * 7919) % ids.len()];
        let old = corpus.doc_by_path(path).unwrap().text();
        let new = format!("{old}\nAlso present was Jens Stoltenburg, NATO secretary-general, and the organisation's defence chief.\n");
        for text in [&new, &old] {
            corpus.upsert(path.clone(), text, None);
            let (t, c0) = (Instant::now(), cpu());
            let ch = corpus.decisions.update(&mut corpus.index, &mut corpus.vocab, &corpus.kb, &corpus.config);
            times.push(t.elapsed());
            cpus.push(cpu() - c0);
            // As the server would: publish a snapshot after each refresh.
            snapshot = Some((corpus.index.clone(), corpus.decisions.clone()));
            if check {
                let full = Decisions::compute(&corpus.index, &corpus.vocab, &corpus.kb, &corpus.config);
                assert!(full == corpus.decisions, "incremental decisions differ from a full computation");
            }
            if e == 0 {
                println!("  changes: full {}, {} entities, {} words", ch.full, ch.entities.len(), ch.words.len());
            }
        }
    }
    drop(snapshot);
    times.sort();
    if !times.is_empty() {
        println!(
            "refresh after one edit: median {:.2?}, max {:.2?} wall; {:.2?} cpu total ({} refreshes{})",
            times[times.len() / 2],
            times[times.len() - 1],
            cpus.iter().sum::<Duration>(),
            times.len(),
            if check { ", each checked against a full computation" } else { "" }
        );
    }
    let before = live();
    let d = corpus.decisions.clone();
    let shared = live() - before;
    drop(d);
    let before = live();
    let d = Decisions::compute(&corpus.index, &corpus.vocab, &corpus.kb, &corpus.config);
    println!("decisions: {} fresh, clone adds {}", mb(live() - before), mb(shared));
    drop(d);
}
