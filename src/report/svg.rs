//! The report's two pictures, as inline SVG written by hand: a bar chart of
//! entities by kind and the co-occurrence matrix. Every label goes through
//! [`super::html::esc`].

use std::fmt::Write as _;

use super::cooccur::Cooccurrence;
use super::gather::KindCount;
use super::html::{esc, kind_class};

/// Horizontal bars, one per kind, with the count at the end of each.
pub fn kind_bars(kinds: &[KindCount]) -> String {
    let (row, label_w, bar_w) = (30, 90, 360);
    let max = kinds.iter().map(|k| k.entities).max().unwrap_or(0).max(1);
    let height = row * kinds.len() + 6;
    let mut s = format!(
        r#"<svg class="bars" role="img" aria-label="Entities by kind" width="{w}" height="{height}" viewBox="0 0 {w} {height}" xmlns="http://www.w3.org/2000/svg">"#,
        w = label_w + bar_w + 70
    );
    for (i, k) in kinds.iter().enumerate() {
        let y = i * row + 4;
        let w = (k.entities * bar_w).div_ceil(max);
        let _ = write!(
            s,
            r#"<g class="{cls}"><text x="0" y="{ty}" class="label">{label}</text><rect x="{label_w}" y="{y}" width="{w}" height="{bh}" rx="3"><title>{label}: {n} entities, {m} mentions</title></rect><text x="{tx}" y="{ty}" class="value">{n}</text></g>"#,
            cls = kind_class(k.kind),
            ty = y + 16,
            label = k.kind.label(),
            bh = row - 8,
            n = k.entities,
            m = k.mentions,
            tx = label_w + w + 6,
        );
    }
    s.push_str("</svg>");
    s
}

/// The matrix of articles in common between the most mentioned people: names
/// down the left and slanted along the top, a cell's shade its share of the
/// strongest pair, its count in its tooltip and, when not zero, in the cell.
pub fn matrix(c: &Cooccurrence) -> String {
    let n = c.people.len();
    if n == 0 {
        return String::new();
    }
    let (cell, left, top) = (24usize, 190usize, 150usize);
    let max = c.matrix.iter().flatten().copied().max().unwrap_or(0).max(1);
    // Room on the right for the last slanted names.
    let (w, h) = (left + n * cell + 110, top + n * cell + 10);
    let mut s = format!(
        r#"<svg class="matrix" role="img" aria-label="Articles in common between the most mentioned people" width="{w}" height="{h}" viewBox="0 0 {w} {h}" xmlns="http://www.w3.org/2000/svg">"#
    );
    let short = |name: &str| super::people::cut(name.to_string(), 26);
    for (i, name) in c.people.iter().enumerate() {
        let name = esc(&short(name));
        let y = top + i * cell + cell / 2 + 4;
        let _ = write!(s, r#"<text x="{}" y="{y}" text-anchor="end" class="label">{name}</text>"#, left - 6);
        let x = left + i * cell + cell / 2 + 4;
        let _ = write!(s, r#"<text x="{x}" y="{}" transform="rotate(-50 {x} {})" class="label">{name}</text>"#, top - 6, top - 6);
    }
    for (i, row) in c.matrix.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            let (x, y) = (left + j * cell, top + i * cell);
            let title = if i == j {
                esc(&c.people[i])
            } else {
                format!("{} &amp; {}: {v} article{}", esc(&c.people[i]), esc(&c.people[j]), if v == 1 { "" } else { "s" })
            };
            let opacity = if i == j || v == 0 { 0.0 } else { 0.15 + 0.85 * f64::from(v) / f64::from(max) };
            let _ = write!(
                s,
                r#"<rect x="{x}" y="{y}" width="{cell}" height="{cell}" class="{}" fill-opacity="{opacity:.2}"><title>{title}</title></rect>"#,
                if i == j { "diag" } else { "cell" }
            );
            if v > 0 && i != j {
                let dark = f64::from(v) / f64::from(max) > 0.5;
                let _ = write!(
                    s,
                    r#"<text x="{}" y="{}" text-anchor="middle" class="n{}">{v}</text>"#,
                    x + cell / 2,
                    y + cell / 2 + 4,
                    if dark { " on" } else { "" }
                );
            }
        }
    }
    s.push_str("</svg>");
    s
}
