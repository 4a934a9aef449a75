//! `byline entities`: the corpus's entities as a table or as JSON
//! (`[{"name","kind","role","affiliation","aliases","mentions","documents"}]`).
//! The table fits the terminal's width ([`table_width`]): names, roles and
//! affiliations are cut with "…" as needed, the kind and the counts never;
//! `--wide` prints every cell whole.

use std::io::Write;

use super::TableOrJson;
use crate::corpus::Corpus;
use crate::model::count;

/// The width of a table when standard output is not a terminal and `COLUMNS`
/// is not set (a pipe, a file, CI logs).
const DEFAULT_WIDTH: usize = 100;

/// A column cut to fit is never narrower than this (or its header).
const MIN_COLUMN: usize = 10;

/// The columns: header, right-aligned, may be cut.
const COLUMNS: [(&str, bool, bool); 6] = [
    ("NAME", false, true),
    ("KIND", false, false),
    ("ROLE", false, true),
    ("AFFILIATION", false, true),
    ("MENTIONS", true, false),
    ("DOCS", true, false),
];

const GAP: &str = "  ";

pub(super) fn run(corpus: &Corpus, format: TableOrJson, wide: bool) -> Result<i32, String> {
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
            let width = if wide { None } else { Some(table_width()) };
            write!(out, "{}", table(&rows, width)).map_err(super::io_error)?;
            writeln!(out, "\n{} in {}", count(list.len(), "entity"), count(corpus.len(), "document")).map_err(super::io_error)?;
        }
    }
    Ok(0)
}

/// The width to fit: `COLUMNS` if it is a number, else the terminal's width if
/// standard output is a terminal, else [`DEFAULT_WIDTH`].
pub(super) fn table_width() -> usize {
    if let Some(n) = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<usize>().ok()).filter(|&n| n > 0) {
        return n;
    }
    terminal_size::terminal_size_of(std::io::stdout()).map_or(DEFAULT_WIDTH, |(w, _)| w.0 as usize)
}

/// The widths of the columns: each as wide as its widest cell, then, while the
/// table is wider than `width`, the widest column that may be cut one
/// character narrower (down to [`MIN_COLUMN`] or its header).
fn widths(rows: &[[String; 6]], width: Option<usize>) -> [usize; 6] {
    let mut w = COLUMNS.map(|(h, _, _)| h.chars().count());
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            w[i] = w[i].max(c.chars().count());
        }
    }
    let Some(width) = width else { return w };
    let floor = COLUMNS.map(|(h, _, _)| h.chars().count().max(MIN_COLUMN));
    let total = |w: &[usize; 6]| w.iter().sum::<usize>() + GAP.len() * (w.len() - 1);
    while total(&w) > width {
        let widest = (0..w.len()).filter(|&i| COLUMNS[i].2 && w[i] > floor[i]).max_by_key(|&i| (w[i], i));
        match widest {
            Some(i) => w[i] -= 1,
            None => break,
        }
    }
    w
}

/// The table, header first; cells cut to their column with "…".
fn table(rows: &[[String; 6]], width: Option<usize>) -> String {
    let w = widths(rows, width);
    let head = COLUMNS.map(|(h, _, _)| h.to_string());
    let mut out = String::new();
    for r in std::iter::once(&head).chain(rows) {
        let cells: Vec<String> = r
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let c = cut(c, w[i]);
                let pad = " ".repeat(w[i].saturating_sub(c.chars().count()));
                if COLUMNS[i].1 { format!("{pad}{c}") } else { format!("{c}{pad}") }
            })
            .collect();
        out += cells.join(GAP).trim_end();
        out.push('\n');
    }
    out
}

/// `s` in at most `n` characters, its end replaced by "…" if it is longer.
fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    s.chars().take(n.saturating_sub(1)).chain(std::iter::once('…')).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(name: &str, role: &str, affiliation: &str) -> [String; 6] {
        [name.into(), "PERSON".into(), role.into(), affiliation.into(), "12".into(), "3".into()]
    }

    #[test]
    fn a_table_fits_its_width_and_cuts_with_an_ellipsis() {
        let rows = vec![
            row("Lee Jae-myung", "President", "South Korea"),
            row(
                "Abdel Fattah al-Burhan",
                "Chairman of the Transitional Sovereignty Council",
                "Sudanese Armed Forces of the Republic of the Sudan",
            ),
        ];
        let t = table(&rows, Some(80));
        for line in t.lines() {
            assert!(line.chars().count() <= 80, "{} columns: {line}", line.chars().count());
        }
        assert!(t.contains("Chairman of the …") && t.contains("Sudanese Armed F…"), "{t}");
        assert!(t.contains("Lee Jae-myung") && t.contains("MENTIONS"), "{t}");
        // Counts are whole and right-aligned.
        assert!(t.lines().nth(1).unwrap().ends_with("      12     3"), "{t}");
        // Wide: every cell whole.
        let wide = table(&rows, None);
        assert!(wide.contains("Sudanese Armed Forces of the Republic of the Sudan"), "{wide}");
        assert!(!wide.contains('…'));
        // Narrow tables leave each column its header or ten characters.
        let narrow = table(&rows, Some(20));
        assert!(narrow.lines().next().unwrap().starts_with("NAME        KIND    ROLE        AFFILIATION"), "{narrow}");
    }

    #[test]
    fn cells_are_cut_by_characters() {
        assert_eq!(cut("Nausėda", 7), "Nausėda");
        assert_eq!(cut("Nausėda", 5), "Naus…");
        assert_eq!(cut("Nausėda", 1), "…");
    }
}
