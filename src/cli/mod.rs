//! The command line: `byline entities`, `export`, `check`, `fix`, `report`, `show` and `lsp`.
//! Exit status: 0 success (no findings at the chosen severity), 1 findings,
//! 2 errors (bad arguments, unreadable corpus).

mod check;
mod entities;
mod export;
mod fix;
mod report;

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
    /// Report names and words spelled more than one way; exit 1 on findings.
    Check {
        #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
        format: TableOrJson,
        /// Report findings at or above this severity (error, warning, information,
        /// hint) and exit 1 if there are any. Default: information for the report,
        /// hint (everything) for JSON.
        #[arg(long, value_parser = parse_severity)]
        severity: Option<Severity>,
        /// Turn a check off or change its severity: CODE=LEVEL (repeatable).
        #[arg(long = "set", value_name = "CODE=LEVEL")]
        set: Vec<String>,
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
        Command::Entities { format, dir } => with_corpus(&dir, |c| entities::run(c, format)),
        Command::Export { format, out, dir } => with_corpus(&dir, |c| export::run(c, format, out.as_deref())),
        Command::Check { format, severity, set, dir } => {
            let mut levels = Vec::new();
            for s in &set {
                let Some((code, level)) = s.split_once('=') else {
                    eprintln!("error: --set takes CODE=LEVEL, not {s:?}");
                    return 2;
                };
                let l = if level == "off" {
                    Level::Off
                } else if let Some(sev) = Severity::parse(level) {
                    Level::On(sev)
                } else {
                    eprintln!("error: unknown level {level:?}");
                    return 2;
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
                check::run(c, format, severity)
            })
        }
        Command::Fix { write, all, dir } => with_corpus(&dir, |c| fix::run(c, write, all)),
        Command::Report { out, dir } => with_corpus(&dir, |c| report::run(c, out.as_deref())),
        Command::Show { file } => show(&file),
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

/// `byline show FILE`: the article with `[[text|LABEL]]` marks, then its people.
fn show(file: &std::path::Path) -> i32 {
    let f = match crate::corpus::files::read(file) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let dir = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let (config, _) = crate::config::Config::load(dir);
    let (kb, errors) = crate::corpus::load_kb(&config);
    for e in errors {
        eprintln!("error: {e}");
    }
    let file_dates = crate::corpus::files::file_dates(&config.root, file, f.modified);
    let a = crate::recognize::analyze(&f.text, &kb, file_dates);
    use std::fmt::Write as _;
    let mut out = String::new();
    let mut last = 0;
    for m in &a.mentions {
        out.push_str(&f.text[last..m.span.start]);
        out.push_str(&format!("[[{}|{}]]", &f.text[m.span.clone()], m.kind.label()));
        last = m.span.end;
    }
    out.push_str(&f.text[last..]);
    let _ = writeln!(out, "\n---- date: {:?}", a.date);
    for e in &a.entities {
        for c in &e.claims {
            let _ = writeln!(
                out,
                "{} [{}]: role {:?}, affiliation {:?}{} <- {:?}",
                e.name,
                e.kind.label(),
                c.role,
                c.affiliation,
                if c.inferred { " (inferred)" } else { "" },
                &f.text[c.span.clone()]
            );
        }
    }
    print_out(&out)
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
