//! Annotation exports of a corpus for other tools (the jsonl lines' shape is in
//! [`super::json`]): CoNLL-2003 (`TOKEN _ _ TAG` with IOB2 tags, a blank line
//! between sentences, `-DOCSTART-` between documents) and brat standoff
//! (`DOC.txt` + `DOC.ann` per document, `annotation.conf` and `visual.conf`).
//! The CLI's `export` and the Python bindings write through these.

use std::io::Write;
use std::path::Path;

use super::json::{export_doc, export_spans};
use super::{Corpus, Document};
use crate::model::Kind;
use crate::tokens::{SENT_START, TokKind, tokenize};

/// Every document, in id order, as one JSON line ([`super::json::ExportDoc`]).
pub fn jsonl(corpus: &Corpus, out: &mut dyn Write) -> std::io::Result<()> {
    for doc in corpus.docs() {
        let text = doc.text();
        serde_json::to_writer(&mut *out, &export_doc(corpus, doc, &text))?;
        writeln!(out)?;
    }
    Ok(())
}

/// Every document, in id order, in CoNLL-2003 layout.
pub fn conll_all(corpus: &Corpus, out: &mut dyn Write) -> std::io::Result<()> {
    for doc in corpus.docs() {
        conll(out, doc, &doc.text())?;
    }
    Ok(())
}

/// One document in CoNLL-2003 layout.
pub fn conll(out: &mut dyn Write, doc: &Document, text: &str) -> std::io::Result<()> {
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

/// Every document as brat standoff files in `dir` (created if needed), with the
/// configuration files.
pub fn brat(corpus: &Corpus, dir: &Path) -> Result<(), String> {
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
        for (i, s) in export_spans(corpus, doc, &text).iter().enumerate() {
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
