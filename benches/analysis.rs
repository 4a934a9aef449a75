//! Per-document analysis throughput (criterion): `recognize::analyze` and the
//! vocabulary count over the example corpus and the held-out development set.
//! Target (the design budget, see BENCHMARKS.md): at least 50 MB/s per core.

use std::path::Path;

use byline::kb::Kb;
use byline::recognize::analyze;
use byline::vocab::vocabulary;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["examples/corpus", "eval/dev/docs"] {
        let Ok(rd) = std::fs::read_dir(root.join(dir)) else { continue };
        for e in rd.flatten() {
            if e.path().extension().is_some_and(|x| x == "txt") {
                out.push(std::fs::read_to_string(e.path()).unwrap());
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let kb = Kb::builtin();
    let texts = texts();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut g = c.benchmark_group("analysis");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("analyze", |b| {
        b.iter(|| {
            for t in &texts {
                std::hint::black_box(analyze(t, &kb, None));
            }
        })
    });
    g.bench_function("vocabulary", |b| {
        b.iter(|| {
            for t in &texts {
                std::hint::black_box(vocabulary(t));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
