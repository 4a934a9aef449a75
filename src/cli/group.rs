//! `byline check --group`: the findings one block per spelling group — the
//! preferred spelling, why, every spelling with its corpus count, then every
//! location of the group — for reviewing a corpus one decision at a time rather
//! than one place at a time. `--format json` gives the same as `[{"code",
//! "severity", "preferred", "rule", "why", "forms": [{"form", "count"}],
//! "findings": [...]}]`, each finding as in `check --format json`.

use std::io::Write;

use serde::Serialize;

use super::TableOrJson;
use super::check::{exit_status, summary, threshold};
use crate::config::Severity;
use crate::corpus::Corpus;
use crate::corpus::findings::{Finding, counts_text, each_document_findings};
use crate::corpus::json::{JsonFinding, finding as json_finding};
use crate::corpus::tally::Tally;
use crate::model::{Code, count};
use crate::text::{Encoding, line_window, position};

/// The findings of one spelling group, in path and text order.
struct Group {
    findings: Vec<Finding>,
}

impl Group {
    fn first(&self) -> &Finding {
        &self.findings[0]
    }

    /// The preferred spelling: the findings' own, or in lower case where they
    /// differ only in case ("Defense" at the start of a sentence, "defense").
    fn preferred(&self) -> String {
        let p = &self.first().data.preferred;
        if self.findings.iter().all(|f| f.data.preferred == *p) { p.clone() } else { self.first().group_key().1 }
    }

    /// The most severe of its findings.
    fn severity(&self) -> Severity {
        self.findings.iter().map(|f| f.severity).min().unwrap_or(Severity::Hint)
    }

    fn documents(&self) -> usize {
        let mut docs: Vec<u32> = self.findings.iter().map(|f| f.doc).collect();
        docs.dedup();
        docs.len()
    }
}

/// The findings at or above `threshold` by spelling group ([`Finding::group_key`]):
/// most severe groups first, then the largest, then by preferred spelling.
fn groups(corpus: &Corpus, threshold: Severity, tally: &mut Tally) -> Vec<Group> {
    let mut index: std::collections::HashMap<(Code, String), usize> = std::collections::HashMap::new();
    let mut out: Vec<Group> = Vec::new();
    each_document_findings(corpus, |fs| {
        for f in fs {
            tally.add(&f, &corpus.config);
            if f.severity > threshold {
                continue;
            }
            let i = *index.entry(f.group_key()).or_insert_with(|| {
                out.push(Group { findings: Vec::new() });
                out.len() - 1
            });
            out[i].findings.push(f);
        }
    });
    out.sort_by(|a, b| {
        a.severity()
            .cmp(&b.severity())
            .then(b.findings.len().cmp(&a.findings.len()))
            .then_with(|| a.first().group_key().cmp(&b.first().group_key()))
    });
    out
}

#[derive(Serialize)]
struct JsonForm<'a> {
    form: &'a str,
    count: u32,
}

#[derive(Serialize)]
struct JsonGroup<'a> {
    code: &'static str,
    severity: &'static str,
    preferred: String,
    rule: crate::model::PreferredBy,
    why: String,
    forms: Vec<JsonForm<'a>>,
    findings: Vec<JsonFinding<'a>>,
}

pub(super) fn run(corpus: &Corpus, format: TableOrJson, severity: Option<Severity>) -> Result<i32, String> {
    let threshold = threshold(format, severity);
    let mut tally = Tally::default();
    let groups = groups(corpus, threshold, &mut tally);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let io = super::io_error;
    match format {
        TableOrJson::Json => {
            let list: Vec<JsonGroup> = groups
                .iter()
                .map(|g| {
                    let f = g.first();
                    JsonGroup {
                        code: f.code.as_str(),
                        severity: g.severity().as_str(),
                        preferred: g.preferred(),
                        rule: f.data.rule,
                        why: f.data.rule.describe(),
                        forms: f.forms.iter().map(|(form, count)| JsonForm { form, count: *count }).collect(),
                        findings: g.findings.iter().filter_map(|f| json_finding(corpus, f)).collect(),
                    }
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &list).map_err(|e| io(e.into()))?;
            writeln!(out).map_err(io)?;
        }
        TableOrJson::Table => {
            for g in &groups {
                block(&mut out, corpus, g).map_err(io)?;
            }
            writeln!(out, "{} shown.", count(groups.len(), "spelling group")).map_err(io)?;
            writeln!(out, "{}", summary(corpus, &tally, threshold)).map_err(io)?;
        }
    }
    out.flush().map_err(io)?;
    Ok(exit_status(&tally, threshold))
}

/// One group: a header with the preferred spelling and why, the forms, then a
/// line per location with the spelling found there and its context.
fn block(out: &mut impl Write, corpus: &Corpus, g: &Group) -> std::io::Result<()> {
    let f = g.first();
    let severity = g.severity();
    writeln!(
        out,
        "{}[{}]: use “{}” ({}): {} in {}",
        severity.as_str(),
        f.code,
        g.preferred(),
        f.data.rule.describe(),
        count(g.findings.len(), "finding"),
        count(g.documents(), "file")
    )?;
    if !f.forms.is_empty() {
        writeln!(out, "  forms: {}", counts_text(&f.forms))?;
    }
    for f in &g.findings {
        let Some(doc) = corpus.doc(f.doc) else { continue };
        let start = position(&doc.rope, f.span.start, Encoding::Utf32);
        let end = position(&doc.rope, f.span.end, Encoding::Utf32);
        let (window, _, _, cut_left, cut_right) = line_window(&doc.rope, start, end, 30);
        let context = format!("{}{}{}", if cut_left { "…" } else { "" }, window.trim(), if cut_right { "…" } else { "" });
        let other = if f.severity == severity { String::new() } else { format!(" ({})", f.severity.as_str()) };
        let quoted = if f.correctable(&corpus.config) || !f.data.quoted { "" } else { " (quoted: not corrected)" };
        writeln!(
            out,
            "  --> {}  “{}”{other}{quoted}  {context}",
            super::location(corpus, f.doc, f.span.start).unwrap_or_default(),
            f.data.found
        )?;
    }
    writeln!(out)
}
