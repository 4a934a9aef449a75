//! `byline export`: annotations for other tools.
//! * `jsonl` — one line per document: `{"path", "date", "text", "spans": [{"start",
//!   "end", "label", "text", "entity"}], "quotes": [{"start", "end", "text",
//!   "speaker", "cue", "rule"}]}`, offsets in Unicode code points (spaCy,
//!   Prodigy, doccano);
//! * `brat` — `DOC.txt` + `DOC.ann` standoff per document and `annotation.conf`
//!   in an output folder (text-bound `T`, normalisation `N` to the canonical name,
//!   `AnnotatorNotes` with the role; each quotation a `Quotation` text-bound
//!   annotation with a `Speaker` relation to the mention naming its speaker, or
//!   a note with the speaker's name when no mention does);
//! * `conll` — CoNLL-2003 layout, `TOKEN _ _ TAG` with IOB2 tags, a blank line
//!   between sentences, `-DOCSTART-` between documents.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::ExportFormat;
use crate::corpus::{Corpus, Document};
use crate::index::EntityKey;
use crate::model::Kind;
use crate::text::CodePoints;
use crate::tokens::{SENT_START, TokKind, tokenize};

#[derive(Serialize)]
struct JsonDoc<'a> {
    path: &'a str,
    date: Option<String>,
    text: &'a str,
    spans: Vec<JsonSpan>,
    quotes: Vec<crate::corpus::quotes::QuoteOut>,
}

#[derive(Serialize)]
struct JsonSpan {
    start: usize,
    end: usize,
    label: &'static str,
    text: String,
    entity: String,
}

/// A document's spans with code-point offsets and canonical entity names.
fn spans(corpus: &Corpus, doc: &Document, text: &str) -> Vec<JsonSpan> {
    let a = &doc.analysis;
    // The corpus-wide name: clustered spellings share their preferred form.
    let names: Vec<String> =
        a.entities.iter().map(|e| corpus.entity(&EntityKey::of(&corpus.kb, e)).map(|v| v.name).unwrap_or_else(|| e.name.clone())).collect();
    let mut cp = CodePoints::new(text);
    a.mentions
        .iter()
        .map(|m| JsonSpan {
            start: cp.at(m.span.start),
            end: cp.at(m.span.end),
            label: m.kind.label(),
            text: text[m.span.clone()].to_string(),
            entity: names[m.entity].clone(),
        })
        .collect()
}

pub(super) fn run(corpus: &Corpus, format: ExportFormat, out: Option<&Path>) -> Result<i32, String> {
    match format {
        ExportFormat::Brat => {
            let dir = out.ok_or("brat export writes a folder of .txt/.ann files: give it with --out DIR")?;
            brat(corpus, dir)?;
            Ok(0)
        }
        ExportFormat::Jsonl | ExportFormat::Conll => {
            let mut sink: Box<dyn Write> = match out {
                Some(p) => Box::new(std::io::BufWriter::new(std::fs::File::create(p).map_err(|e| format!("{}: {e}", p.display()))?)),
                None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            };
            for doc in corpus.docs() {
                let text = doc.text();
                if format == ExportFormat::Jsonl {
                    let quotes = corpus.doc_quotes(doc).iter().filter_map(|q| corpus.quote_out(q)).collect();
                    let line =
                        JsonDoc { path: &doc.rel, date: doc.analysis.date_string(), text: &text, spans: spans(corpus, doc, &text), quotes };
                    serde_json::to_writer(&mut sink, &line).map_err(|e| e.to_string())?;
                    writeln!(sink).map_err(super::io_error)?;
                } else {
                    conll(&mut sink, doc, &text).map_err(super::io_error)?;
                }
            }
            sink.flush().map_err(super::io_error)?;
            Ok(0)
        }
    }
}

fn conll(out: &mut dyn Write, doc: &Document, text: &str) -> std::io::Result<()> {
    writeln!(out, "-DOCSTART- -X- -X- O\n")?;
    let mentions = &doc.analysis.mentions;
    let mut mi = 0;
    let mut in_sentence = false;
    for t in tokenize(text) {
        if t.kind == TokKind::Newline || t.kind == TokKind::Gap {
            if t.kind == TokKind::Newline && in_sentence {
                writeln!(out)?;
                in_sentence = false;
            }
            continue;
        }
        let s = t.text(text);
        if s.trim().is_empty() || s == "\u{feff}" {
            continue;
        }
        if t.has(SENT_START) && in_sentence {
            writeln!(out)?;
        }
        while mi < mentions.len() && mentions[mi].span.end <= t.start as usize {
            mi += 1;
        }
        let tag = match mentions.get(mi) {
            Some(m) if m.span.start <= t.start as usize && (t.end as usize) <= m.span.end => {
                format!("{}-{}", if m.span.start == t.start as usize { "B" } else { "I" }, m.kind.conll_label())
            }
            _ => "O".to_string(),
        };
        writeln!(out, "{s} _ _ {tag}")?;
        in_sentence = true;
    }
    if in_sentence {
        writeln!(out)?;
    }
    Ok(())
}

/// A document's quotations in brat: `T` Quotation annotations numbered after
/// the mentions, a `Speaker` relation to the mention that names the speaker
/// (the cue, else the speaker's first mention), else a note with the name.
fn brat_quotes(corpus: &Corpus, doc: &Document, ann: &mut String, note: &mut usize) {
    let a = &doc.analysis;
    let mut t = a.mentions.len();
    for (r, q) in corpus.doc_quotes(doc).iter().enumerate() {
        let Some(out) = corpus.quote_out(q) else { continue };
        t += 1;
        let words = doc.rope.byte_slice(q.span.clone()).to_string().replace(['\n', '\r'], " ");
        ann.push_str(&format!("T{t}\tQuotation {} {}\t{words}\n", out.start, out.end));
        let Some(sp) = &q.speaker else { continue };
        let entity = a.quotations.iter().find(|x| x.span == q.span).and_then(|x| x.speaker);
        let at = sp.cue.as_ref().and_then(|c| a.mentions.iter().position(|m| m.span == *c));
        let mention = at.or_else(|| a.mentions.iter().position(|m| Some(m.entity) == entity && !m.short));
        match mention {
            Some(i) => ann.push_str(&format!("R{}\tSpeaker Arg1:T{t} Arg2:T{}\n", r + 1, i + 1)),
            None => {
                *note += 1;
                ann.push_str(&format!("#{note}\tAnnotatorNotes T{t}\tSpeaker: {}\n", sp.name));
            }
        }
    }
}

fn brat(corpus: &Corpus, dir: &Path) -> Result<(), String> {
    let err = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    std::fs::create_dir_all(dir).map_err(|e| err(dir, e))?;
    let conf =
        "[entities]\nPERSON\nORG\nLOC\nQuotation\n\n[relations]\nSpeaker Arg1:Quotation, Arg2:PERSON|ORG\n\n[events]\n\n[attributes]\n";
    std::fs::write(dir.join("annotation.conf"), conf).map_err(|e| err(dir, e))?;
    let visual = "[labels]\nPERSON | Person | PER\nORG | Organization | ORG\nLOC | Location | LOC\n\n[drawing]\nPERSON\tbgColor:#ffccaa\nORG\tbgColor:#8fb2ff\nLOC\tbgColor:#95dfff\n";
    std::fs::write(dir.join("visual.conf"), visual).map_err(|e| err(dir, e))?;
    for doc in corpus.docs() {
        let text = doc.text();
        let txt = dir.join(&doc.rel);
        if let Some(parent) = txt.parent() {
            std::fs::create_dir_all(parent).map_err(|e| err(parent, e))?;
        }
        std::fs::write(&txt, &text).map_err(|e| err(&txt, e))?;
        let mut ann = String::new();
        let a = &doc.analysis;
        for (i, s) in spans(corpus, doc, &text).iter().enumerate() {
            let n = i + 1;
            ann.push_str(&format!("T{n}\t{} {} {}\t{}\n", s.label, s.start, s.end, s.text.replace(['\n', '\r'], " ")));
            ann.push_str(&format!("N{n}\tReference T{n} Byline:{}\t{}\n", s.entity.replace(' ', "_"), s.entity));
        }
        let mut note = 0;
        for (i, m) in a.mentions.iter().enumerate() {
            let e = &a.entities[m.entity];
            if m.short || e.kind != Kind::Person {
                continue;
            }
            if let Some(c) = e.claims.first() {
                note += 1;
                let desc = [c.role.as_deref(), c.affiliation.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ");
                ann.push_str(&format!("#{note}\tAnnotatorNotes T{}\t{desc}\n", i + 1));
            }
        }
        brat_quotes(corpus, doc, &mut ann, &mut note);
        let ann_path = txt.with_extension("ann");
        std::fs::write(&ann_path, ann).map_err(|e| err(&ann_path, e))?;
    }
    Ok(())
}
