//! `byline entities`: the corpus's entities as a table or as JSON
//! (`[{"name","kind","role","affiliation","aliases","mentions","documents"}]`).

use std::io::Write;

use super::TableOrJson;
use crate::corpus::Corpus;

pub(super) fn run(corpus: &Corpus, format: TableOrJson) -> Result<i32, String> {
    let list: Vec<crate::corpus::view::EntitySummary> = corpus.entities().iter().map(Into::into).collect();
    let mut out = std::io::stdout().lock();
    match format {
        TableOrJson::Json => {
            serde_json::to_writer_pretty(&mut out, &list).map_err(|e| super::io_error(e.into()))?;
            writeln!(out).map_err(super::io_error)?;
        }
        TableOrJson::Table => {
            let rows: Vec<[String; 6]> = list
                .iter()
                .map(|e| {
                    [
                        e.name.clone(),
                        e.kind.label().to_string(),
                        e.role.clone().unwrap_or_default(),
                        e.affiliation.clone().unwrap_or_default(),
                        e.mentions.to_string(),
                        e.documents.to_string(),
                    ]
                })
                .collect();
            let head = ["NAME", "KIND", "ROLE", "AFFILIATION", "MENTIONS", "DOCS"].map(String::from);
            let mut width = head.clone().map(|h| h.chars().count());
            for r in &rows {
                for (i, c) in r.iter().enumerate() {
                    width[i] = width[i].max(c.chars().count().min(48));
                }
            }
            for r in std::iter::once(&head).chain(&rows) {
                let cells: Vec<String> = r
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let c: String =
                            if c.chars().count() > 48 { c.chars().take(47).chain(std::iter::once('…')).collect() } else { c.clone() };
                        let pad = width[i].saturating_sub(c.chars().count());
                        if i >= 4 { format!("{}{c}", " ".repeat(pad)) } else { format!("{c}{}", " ".repeat(pad)) }
                    })
                    .collect();
                writeln!(out, "{}", cells.join("  ").trim_end()).map_err(super::io_error)?;
            }
            writeln!(out, "\n{} entities in {} documents", list.len(), corpus.len()).map_err(super::io_error)?;
        }
    }
    Ok(0)
}
