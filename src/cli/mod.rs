//! The command line: `byline check` (`check.rs`, `--group` in `group.rs`),
//! `fix`, `entities`, `export`, `quotes`, `report`, `names`, `show` and `lsp`.
//! Exit status: 0 success (no findings at the chosen severity), 1 findings,
//! 2 errors (bad arguments, unreadable corpus).

mod check;
mod entities;
mod export;
mod fix;
mod group;
mod names;
mod quotes;
mod report;
mod show;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::config::{Level, Severity};
use crate::corpus::Corpus;

#[derive(Parser)]
#[command(
    name = "byline",
    version,
    about = "People, organisations and places in a news corpus, with roles, affiliations and consistent spellings."
)]
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
        /// Print every cell whole. Without it the table fits the terminal's
        /// width (COLUMNS, else the terminal's, else 100 columns when not a
        /// terminal), long cells cut with "…".
        #[arg(long)]
        wide: bool,
        /// Corpus folder.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Export annotations (JSONL with code-point offsets, brat standoff, CoNLL).
    Export {
        /// Annotation format (optional: JSONL unless given).
        #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
        format: ExportFormat,
        /// Output file (jsonl, conll) or folder (brat). Default: standard output;
        /// brat needs a folder.
        #[arg(long, short)]
        out: Option<PathBuf>,
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// List every direct quotation with its speaker (who said what).
    Quotes {
        #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
        format: TableOrJson,
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Report names and words spelled more than one way; exit 1 on findings.
    Check {
        #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
        format: TableOrJson,
        /// Report findings at or above this severity (error, warning, information,
        /// hint) and exit 1 if there are any. Default: information for the report,
        /// hint (everything) for JSON.
        #[arg(long, value_parser = parse_severity)]
        severity: Option<Severity>,
        /// Turn a check off or change its severity: CODE=LEVEL (repeatable), LEVEL
        /// one of error, warning, information, hint, off.
        #[arg(long = "set", value_name = "CODE=LEVEL")]
        set: Vec<String>,
        /// One block per spelling group (the preferred spelling, every spelling
        /// with its count, every location) instead of one per finding.
        #[arg(long)]
        group: bool,
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Show (and with --write apply) the preferred spellings.
    Fix {
        /// Write the changes to the files.
        #[arg(long)]
        write: bool,
        /// Also apply possible typos and possible variants.
        #[arg(long)]
        all: bool,
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Write the corpus at a glance as one self-contained HTML page: entities by
    /// kind, spelling groups, role timelines, who appears with whom, articles with
    /// the most findings.
    Report {
        /// The HTML file to write. Default: standard output.
        #[arg(long, short)]
        out: Option<PathBuf>,
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Write the names Byline accepts (never the spellings it flags) as another
    /// prose linter's vocabulary, so it stops flagging real names: vale
    /// (accept.txt), harper (user dictionary), cspell (cspell.json), typos
    /// (_typos.toml), ltex (ltex.dictionary), plain (one name per line).
    Names {
        #[arg(long, value_enum)]
        format: names::NamesFormat,
        /// The file to write (its folders are created). Default: standard output.
        #[arg(long, short)]
        out: Option<PathBuf>,
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Show one article with its entities marked inline, and the roles found.
    Show {
        /// The article.
        file: PathBuf,
    },
    /// Run the language server on standard input and output.
    Lsp,
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    Severity::parse(s).ok_or_else(|| format!("unknown severity {s:?}: expected error, warning, information or hint"))
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
    // Internal errors are reported in one line; the document they hit is skipped.
    std::panic::set_hook(Box::new(|info| {
        let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        eprintln!(
            "byline: internal error{at}: {}",
            info.payload()
                .downcast_ref::<&str>()
                .copied()
                .or(info.payload().downcast_ref::<String>().map(String::as_str))
                .unwrap_or("panic")
        );
    }));
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Entities { format, wide, dir } => with_corpus(&dir, |c| entities::run(c, format, wide)),
        Command::Export { format, out, dir } => with_corpus(&dir, |c| export::run(c, format, out.as_deref())),
        Command::Check { format, severity, set, group, dir } => {
            let mut levels = Vec::new();
            for s in &set {
                let Some((code, level)) = s.split_once('=') else {
                    eprintln!("error: --set takes CODE=LEVEL, not {s:?}");
                    return 2;
                };
                let l = match Level::parse(level) {
                    Ok(l) => l,
                    Err(e) => {
                        eprintln!("error: --set {s}: {e}");
                        return 2;
                    }
                };
                let Some(code) = crate::model::Code::parse(code) else {
                    eprintln!("error: unknown check {code:?}; known checks: {}", crate::model::Code::names());
                    return 2;
                };
                levels.push((code, l));
            }
            with_corpus_mut(&dir, |c| {
                for (code, l) in &levels {
                    c.config.set_level(*code, *l);
                }
                if group { group::run(c, format, severity) } else { check::run(c, format, severity) }
            })
        }
        Command::Quotes { format, dir } => with_corpus(&dir, |c| quotes::run(c, format)),
        Command::Fix { write, all, dir } => with_corpus(&dir, |c| fix::run(c, write, all)),
        Command::Report { out, dir } => with_corpus(&dir, |c| report::run(c, out.as_deref())),
        Command::Names { format, out, dir } => with_corpus(&dir, |c| names::run(c, format, out.as_deref())),
        Command::Show { file } => show::run(&file),
        Command::Lsp => crate::lsp::run_stdio(),
    }
}

/// Opens the corpus, reports skipped files and configuration problems on stderr,
/// and runs `f`.
fn with_corpus(dir: &std::path::Path, f: impl FnOnce(&Corpus) -> Result<i32, String>) -> i32 {
    with_corpus_mut(dir, |c| f(c))
}

fn with_corpus_mut(dir: &std::path::Path, f: impl FnOnce(&mut Corpus) -> Result<i32, String>) -> i32 {
    if !dir.is_dir() {
        eprintln!("error: {} is not a folder", dir.display());
        return 2;
    }
    let mut corpus = Corpus::open(dir);
    for e in &corpus.config_errors {
        eprintln!("error: {e}");
    }
    for s in &corpus.skipped {
        eprintln!("warning: {s}");
    }
    let status = match f(&mut corpus) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    };
    // The process ends now: freeing every document one by one would only cost time.
    std::mem::forget(corpus);
    status
}

/// "path:line:column" of a byte offset in a document (one-based, columns in
/// characters), as compilers print it.
pub(crate) fn location(corpus: &Corpus, doc: crate::model::DocId, offset: usize) -> Option<String> {
    let d = corpus.doc(doc)?;
    let p = crate::text::position(&d.rope, offset, crate::text::Encoding::Utf32);
    Some(format!("{}:{}:{}", d.rel, p.line + 1, p.character + 1))
}

/// Writes to standard output; a closed pipe (`| head`) ends quietly.
pub(crate) fn print_out(s: &str) -> i32 {
    use std::io::Write;
    match std::io::stdout().lock().write_all(s.as_bytes()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}

/// Maps an output error to the message for exit status 2, except a closed pipe,
/// which ends the program quietly with status 0.
pub(crate) fn io_error(e: std::io::Error) -> String {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    e.to_string()
}
