//! `byline quotes`: every direct quotation of the corpus with its speaker, as
//! a table (location, speaker, words) or as JSON
//! (`[{"doc","date","start","end","text","speaker","cue","rule"}]`, code-point
//! offsets; `speaker` is `null` when no rule found one).

use std::io::Write;

use serde::Serialize;

use super::TableOrJson;
use crate::corpus::Corpus;
use crate::corpus::quotes::QuoteOut;
use crate::model::count;

/// The most characters of a quotation the table shows.
const TABLE_QUOTE_CHARS: usize = 90;

#[derive(Serialize)]
struct Row<'a> {
    doc: &'a str,
    date: Option<String>,
    #[serde(flatten)]
    quote: QuoteOut,
}

pub(super) fn run(corpus: &Corpus, format: TableOrJson) -> Result<i32, String> {
    let quotes = corpus.all_quotes();
    let mut out = std::io::stdout().lock();
    match format {
        TableOrJson::Json => {
            let rows: Vec<Row> = quotes
                .iter()
                .filter_map(|q| {
                    let d = corpus.doc(q.doc)?;
                    Some(Row { doc: &d.rel, date: q.date.map(|d| d.to_string()), quote: corpus.quote_out(q)? })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &rows).map_err(|e| super::io_error(e.into()))?;
            writeln!(out).map_err(super::io_error)?;
        }
        TableOrJson::Table => {
            let mut known = 0;
            for q in &quotes {
                let at = super::location(corpus, q.doc, q.span.start).unwrap_or_default();
                let who = q.speaker.as_ref().map_or("(unknown)", |s| s.name.as_str());
                known += usize::from(q.speaker.is_some());
                let mut words: String = q.text.chars().take(TABLE_QUOTE_CHARS).collect();
                if words.len() < q.text.len() {
                    words.push('…');
                }
                writeln!(out, "{at}  {who}  \u{201c}{words}\u{201d}").map_err(super::io_error)?;
            }
            writeln!(out, "\n{}, {known} with a speaker, in {}", count(quotes.len(), "quotation"), count(corpus.len(), "document"))
                .map_err(super::io_error)?;
        }
    }
    Ok(0)
}
