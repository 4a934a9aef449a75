//! `byline check`: spelling findings as a compiler-style report (path:line:col,
//! the source line, a caret, the message) or as JSON (`[{"path", "range",
//! "severity", "code", "message", "data", "related"}]`, positions zero-based in
//! UTF-16 code units as in LSP). Exit status 1 when a finding at or above the
//! chosen severity exists.

use std::io::Write;

use serde::Serialize;

use super::TableOrJson;
use crate::config::Severity;
use crate::corpus::Corpus;
use crate::corpus::findings::{Finding, FindingData, all_findings};
use crate::text::{Encoding, Position, line_window, position};

#[derive(Serialize)]
struct JsonRange {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct JsonRelated {
    path: String,
    range: JsonRange,
    message: String,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    path: &'a str,
    range: JsonRange,
    severity: &'static str,
    code: &'static str,
    message: &'a str,
    data: &'a FindingData,
    related: Vec<JsonRelated>,
}

fn range(corpus: &Corpus, doc: u32, span: &std::ops::Range<usize>) -> Option<JsonRange> {
    let d = corpus.doc(doc)?;
    Some(JsonRange { start: position(&d.rope, span.start, Encoding::Utf16), end: position(&d.rope, span.end, Encoding::Utf16) })
}

pub(super) fn run(corpus: &Corpus, format: TableOrJson, severity: Option<Severity>) -> Result<i32, String> {
    let threshold = severity.unwrap_or(if format == TableOrJson::Json { Severity::Hint } else { Severity::Information });
    let timer = crate::corpus::timing::Timer::new();
    let findings: Vec<Finding> = all_findings(corpus).into_iter().filter(|f| f.severity <= threshold).collect();
    timer.lap("findings");
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let io = super::io_error;
    match format {
        TableOrJson::Json => {
            let list: Vec<JsonFinding> = findings
                .iter()
                .filter_map(|f| {
                    let doc = corpus.doc(f.doc)?;
                    Some(JsonFinding {
                        path: &doc.rel,
                        range: range(corpus, f.doc, &f.span)?,
                        severity: f.severity.as_str(),
                        code: f.code.as_str(),
                        message: &f.message,
                        data: &f.data,
                        related: f
                            .related
                            .iter()
                            .filter_map(|r| {
                                Some(JsonRelated {
                                    path: corpus.doc(r.doc)?.rel.clone(),
                                    range: range(corpus, r.doc, &r.span)?,
                                    message: r.message.clone(),
                                })
                            })
                            .collect(),
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &list).map_err(|e| super::io_error(e.into()))?;
            writeln!(out).map_err(io)?;
        }
        TableOrJson::Table => {
            for f in &findings {
                report(&mut out, corpus, f).map_err(io)?;
            }
            let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
            writeln!(
                out,
                "{} documents checked: {} errors, {} warnings, {} information, {} hints",
                corpus.len(),
                count(Severity::Error),
                count(Severity::Warning),
                count(Severity::Information),
                count(Severity::Hint)
            )
            .map_err(io)?;
        }
    }
    out.flush().map_err(io)?;
    timer.lap("output");
    Ok(if findings.is_empty() { 0 } else { 1 })
}

/// One finding like a compiler diagnostic, with a window of a long line.
fn report(out: &mut impl Write, corpus: &Corpus, f: &Finding) -> std::io::Result<()> {
    let Some(doc) = corpus.doc(f.doc) else { return Ok(()) };
    let start = position(&doc.rope, f.span.start, Encoding::Utf32);
    let end = position(&doc.rope, f.span.end, Encoding::Utf32);
    // A window of the line around the span (news paragraphs are long lines).
    let (window, s, e, cut_left, cut_right) = line_window(&doc.rope, start, end, 40);
    let mut shown = window;
    let mut offset = s;
    if cut_left {
        shown.insert(0, '…');
        offset += 1;
    }
    if cut_right {
        shown.push('…');
    }
    let gutter = (start.line + 1).to_string();
    let pad = " ".repeat(gutter.len());
    writeln!(out, "{}[{}]: {}", f.severity.as_str(), f.code, f.message)?;
    writeln!(out, "{pad}--> {}:{}:{}", doc.rel, start.line + 1, start.character + 1)?;
    writeln!(out, "{pad} |")?;
    writeln!(out, "{gutter} | {shown}")?;
    writeln!(
        out,
        "{pad} | {}{} {}",
        " ".repeat(offset),
        "^".repeat(e.saturating_sub(s).max(1)),
        format_args!("use “{}”", f.data.preferred)
    )?;
    for r in f.related.iter().take(3) {
        if let Some(rd) = corpus.doc(r.doc) {
            let p = position(&rd.rope, r.span.start, Encoding::Utf32);
            writeln!(out, "{pad} = note: {} ({}:{}:{})", r.message, rd.rel, p.line + 1, p.character + 1)?;
        }
    }
    writeln!(out)
}
