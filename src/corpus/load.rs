//! Opening a corpus folder: every article read and analysed on worker threads
//! while this thread adds the finished ones to the corpus, in path order (so
//! document ids, and everything computed from them, do not depend on timing).
//!
//! Workers take articles from a shared counter, so they finish roughly in
//! order and only a few analyses wait to be added; each worker sums its word
//! counts itself and the sums are added at the end (counts merge in any order).
//! The serial adding overlaps the analysis instead of following it, and the
//! corpus never holds every article's text, analysis and word counts at once.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use super::{Corpus, Skipped, analyze_guarded, files, timing};
use crate::model::{Date, DocAnalysis};
use crate::vocab::Vocab;

/// An article read and analysed, before it joins the corpus: path, text, file
/// date and analysis.
type ReadDoc = (PathBuf, String, Option<Date>, DocAnalysis);

/// How many finished articles may wait for the adding thread per worker.
const QUEUE_PER_WORKER: usize = 64;

impl Corpus {
    /// Discovers, reads and analyses every article under the root.
    pub fn load_all(&mut self) {
        self.load_all_with(|_, _| {});
    }

    /// [`Corpus::load_all`] reporting `(done, total)` as articles are analysed.
    pub fn load_all_with(&mut self, progress: impl Fn(usize, usize) + Sync) {
        let timer = timing::Timer::new();
        let (paths, mut skipped) = files::discover(&self.config);
        timer.lap("discover");
        let total = paths.len();
        progress(0, total);
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, total.max(1));
        let next = AtomicUsize::new(0);
        let done = AtomicUsize::new(0);
        let kb = self.kb.clone();
        let root = self.config.root.clone();
        let (tx, rx) = mpsc::sync_channel::<(usize, Result<ReadDoc, Skipped>)>(QUEUE_PER_WORKER * workers);
        let (vocabs, adding): (Vec<Vocab>, std::time::Duration) = std::thread::scope(|s| {
            let handles: Vec<_> = (0..workers)
                .map(|_| {
                    let tx = tx.clone();
                    let (paths, next, done, kb, root, progress) = (&paths, &next, &done, &kb, &root, &progress);
                    s.spawn(move || {
                        let mut sum = Vocab::default();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(p) = paths.get(i) else { break };
                            let r = read_one(p, root, kb, &mut sum);
                            progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
                            if tx.send((i, r)).is_err() {
                                break;
                            }
                        }
                        sum
                    })
                })
                .collect();
            drop(tx);
            // Add articles in path order as they arrive.
            let mut waiting: BTreeMap<usize, Result<ReadDoc, Skipped>> = BTreeMap::new();
            let mut want = 0;
            let mut adding = std::time::Duration::ZERO;
            for (i, r) in rx {
                let t = timer.on().then(std::time::Instant::now);
                waiting.insert(i, r);
                while let Some(r) = waiting.remove(&want) {
                    match r {
                        Ok((path, text, modified, a)) => {
                            self.insert(path, &text, modified, a, Vocab::default());
                        }
                        Err(e) => skipped.push(e),
                    }
                    want += 1;
                }
                adding += t.map(|t| t.elapsed()).unwrap_or_default();
            }
            (handles.into_iter().map(|h| h.join().unwrap_or_default()).collect(), adding)
        });
        for v in &vocabs {
            self.vocab.add(v);
        }
        self.skipped = skipped;
        timer.lap("read, analyse and index");
        timer.part("adding to the corpus and index (the main thread)", adding.as_secs_f64());
        self.refresh();
        timer.lap("decisions");
    }
}

/// Reads and analyses one article, adding its word counts to `sum`.
fn read_one(p: &std::path::Path, root: &std::path::Path, kb: &crate::kb::Kb, sum: &mut Vocab) -> Result<ReadDoc, Skipped> {
    let f = files::read(p)?;
    let (a, v) =
        analyze_guarded(&f.text, kb, files::file_dates(root, p, f.modified)).map_err(|reason| Skipped { path: p.to_path_buf(), reason })?;
    // Only through `Vocab::add`: the sum keeps whatever bookkeeping it has.
    sum.add(&v);
    Ok((p.to_path_buf(), f.text, f.modified, a))
}
