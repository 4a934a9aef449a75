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

use super::ExportFormat;
use crate::corpus::Corpus;
use crate::corpus::export::{brat, conll_all, jsonl};

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
            let written = if format == ExportFormat::Jsonl { jsonl(corpus, &mut sink) } else { conll_all(corpus, &mut sink) };
            written.map_err(super::io_error)?;
            sink.flush().map_err(super::io_error)?;
            Ok(0)
        }
    }
}
