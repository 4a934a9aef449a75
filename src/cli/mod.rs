//! The command line: `byline entities`, `export`, `check`, `fix` and `lsp`.
//! Exit status: 0 success (no findings at the chosen severity), 1 findings,
//! 2 errors (bad arguments, unreadable corpus).

mod entities;
mod export;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::corpus::Corpus;

#[derive(Parser)]
#[command(name = "byline", version, about = "People, organisations and places in a news corpus, with roles, affiliations and consistent spellings.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the corpus's entities with role, affiliation and counts.
    Entities {
        #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
        format: TableOrJson,
        /// Corpus folder.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Export annotations (JSONL with code-point offsets, brat standoff, CoNLL).
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// Output file (jsonl, conll) or folder (brat). Default: standard output;
        /// brat needs a folder.
        #[arg(long, short)]
        out: Option<PathBuf>,
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum TableOrJson {
    Table,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExportFormat {
    Jsonl,
    Brat,
    Conll,
}

/// Runs the command line; returns the exit status.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Entities { format, dir } => with_corpus(&dir, |c| entities::run(c, format)),
        Command::Export { format, out, dir } => with_corpus(&dir, |c| export::run(c, format, out.as_deref())),
    }
}

/// Opens the corpus, reports skipped files and configuration problems on stderr,
/// and runs `f`.
fn with_corpus(dir: &std::path::Path, f: impl FnOnce(&Corpus) -> Result<i32, String>) -> i32 {
    if !dir.is_dir() {
        eprintln!("error: {} is not a folder", dir.display());
        return 2;
    }
    let corpus = Corpus::open(dir);
    for e in &corpus.config_errors {
        eprintln!("error: {e}");
    }
    for s in &corpus.skipped {
        eprintln!("warning: {s}");
    }
    match f(&corpus) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}
