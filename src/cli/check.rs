//! `byline check`: spelling findings as a compiler-style report (path:line:col,
//! the source line, a caret, the message) or as JSON (`[{"path", "range",
//! "severity", "code", "message", "data", "related"}]`, positions zero-based in
//! UTF-16 code units as in LSP). Exit status 1 when a finding at or above the
//! chosen severity exists.

use std::io::Write;

use serde::ser::{SerializeSeq, Serializer};

use super::TableOrJson;
use crate::config::Severity;
use crate::corpus::Corpus;
use crate::corpus::findings::{Finding, each_document_findings};
use crate::corpus::json::finding as json_finding;
use crate::corpus::tally::Tally;
use crate::model::count;
use crate::text::{Encoding, line_window, position};

/// The severity a report shows by default: information for people, everything for JSON.
pub(super) fn threshold(format: TableOrJson, severity: Option<Severity>) -> Severity {
    severity.unwrap_or(if format == TableOrJson::Json { Severity::Hint } else { Severity::Information })
}

/// "14 documents checked, 49 findings: …": the last line of a report.
pub(super) fn summary(corpus: &Corpus, tally: &Tally, threshold: Severity) -> String {
    format!("{} checked, {}", count(corpus.len(), "document"), tally.summary(threshold))
}

pub(super) fn run(corpus: &Corpus, format: TableOrJson, severity: Option<Severity>) -> Result<i32, String> {
    let threshold = threshold(format, severity);
    let timer = crate::corpus::timing::Timer::new();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let io = super::io_error;
    // Findings are written a batch of documents at a time, never all held at once.
    let mut tally = Tally::default();
    match format {
        TableOrJson::Json => {
            let json = |e: serde_json::Error| super::io_error(e.into());
            let mut ser = serde_json::Serializer::pretty(&mut out);
            let mut seq = ser.serialize_seq(None).map_err(json)?;
            let mut written = Ok(());
            each_document_findings(corpus, |fs| {
                for f in &fs {
                    tally.add(f, &corpus.config);
                    if f.severity <= threshold
                        && written.is_ok()
                        && let Some(j) = json_finding(corpus, f)
                    {
                        written = seq.serialize_element(&j);
                    }
                }
            });
            written.map_err(json)?;
            SerializeSeq::end(seq).map_err(json)?;
            writeln!(out).map_err(io)?;
        }
        TableOrJson::Table => {
            let mut written = Ok(());
            each_document_findings(corpus, |fs| {
                for f in &fs {
                    tally.add(f, &corpus.config);
                    if f.severity <= threshold && written.is_ok() {
                        written = report(&mut out, corpus, f);
                    }
                }
            });
            written.map_err(io)?;
            writeln!(out, "{}", summary(corpus, &tally, threshold)).map_err(io)?;
        }
    }
    out.flush().map_err(io)?;
    timer.lap("findings and output");
    Ok(exit_status(&tally, threshold))
}

/// 1 if the report shows a finding, else 0.
pub(super) fn exit_status(tally: &Tally, threshold: Severity) -> i32 {
    i32::from(tally.shown(threshold) > 0)
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
    writeln!(out, "{pad}--> {}", super::location(corpus, f.doc, f.span.start).unwrap_or_default())?;
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
        if let Some(at) = super::location(corpus, r.doc, r.span.start) {
            writeln!(out, "{pad} = note: {} at {at}", r.message)?;
        }
    }
    writeln!(out)
}
