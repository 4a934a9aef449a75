//! `byline report [DIR] [--out FILE]`: the corpus at a glance as one
//! self-contained HTML page ([`crate::report`]), written to `FILE` (links to the
//! articles relative to its folder) or to standard output (links relative to
//! the current folder).

use std::io::Write;
use std::path::Path;

use crate::corpus::Corpus;
use crate::report::{Caps, Links, relative_path, render};

pub(super) fn run(corpus: &Corpus, out: Option<&Path>) -> Result<i32, String> {
    let timer = crate::corpus::timing::Timer::new();
    let from = match out {
        Some(o) => {
            let parent = o.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            parent.canonicalize().map_err(|e| format!("{}: {e}", parent.display()))?
        }
        None => std::env::current_dir().map_err(|e| e.to_string())?,
    };
    let root = corpus.config.root.canonicalize().unwrap_or_else(|_| corpus.config.root.clone());
    let base = relative_path(&from, &root).unwrap_or_else(|| format!("file://{}", root.display()));
    let html = render(corpus, &Caps::default(), &Links { base });
    timer.lap("report");
    match out {
        Some(o) => {
            std::fs::write(o, html).map_err(|e| format!("{}: {e}", o.display()))?;
            Ok(0)
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(html.as_bytes()).map_err(super::io_error)?;
            Ok(0)
        }
    }
}
