//! `byline show FILE`: one article as Byline reads it — the text with
//! `[[text|LABEL]]` marks, then its date and where it was read, then each
//! person's roles and affiliations with the words they were read from. Plain
//! text for people: dates as `2024-10-31`, missing values left out.

use std::fmt::Write as _;
use std::path::Path;

use crate::model::{Claim, DocAnalysis};

pub(super) fn run(file: &Path) -> i32 {
    let f = match crate::corpus::files::read(file) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return 2;
        }
    };
    let dir = file.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let (config, _) = crate::config::Config::load(dir);
    let (kb, errors) = crate::corpus::load_kb(&config);
    for e in errors {
        eprintln!("error: {e}");
    }
    let file_dates = crate::corpus::files::file_dates(&config.root, file, f.modified);
    let a = crate::recognize::analyze(&f.text, &kb, file_dates);
    super::print_out(&render(&f.text, &a))
}

/// The marked text, the date and the claims.
fn render(text: &str, a: &DocAnalysis) -> String {
    let mut out = String::new();
    let mut last = 0;
    for m in &a.mentions {
        out.push_str(&text[last..m.span.start]);
        let _ = write!(out, "[[{}|{}]]", &text[m.span.clone()], m.kind.label());
        last = m.span.end;
    }
    out.push_str(&text[last..]);
    match a.date {
        Some((d, source)) => {
            let _ = writeln!(out, "\n---- date: {d} (from {})", source.describe());
        }
        None => out.push_str("\n---- date: none found\n"),
    }
    for e in &a.entities {
        for c in &e.claims {
            let words: Vec<&str> = text[c.span.clone()].split_whitespace().collect();
            let _ = writeln!(out, "{} [{}]: {} <- “{}”", e.name, e.kind.label(), claim(c), words.join(" "));
        }
    }
    out
}

/// "role: Head, affiliation: South Korea (inferred)", leaving out what is unknown.
fn claim(c: &Claim) -> String {
    let mut parts = Vec::new();
    if let Some(r) = &c.role {
        parts.push(format!("role: {r}"));
    }
    if let Some(a) = &c.affiliation {
        parts.push(format!("affiliation: {a}{}", if c.inferred { " (inferred)" } else { "" }));
    }
    if parts.is_empty() { "no role or affiliation".to_string() } else { parts.join(", ") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, DateSource};

    #[test]
    fn claims_and_dates_read_as_text() {
        let text = "By Jane Roe, Head of Research at Acme";
        let c =
            Claim { role: Some("Head".into()), affiliation: Some("Acme".into()), span: 13..37, sentence: 0..text.len(), inferred: true };
        assert_eq!(claim(&c), "role: Head, affiliation: Acme (inferred)");
        assert_eq!(claim(&Claim { role: None, affiliation: None, ..c.clone() }), "no role or affiliation");
        let a = DocAnalysis { date: Some((Date::parse("2024-10-31").unwrap(), DateSource::FileName)), ..Default::default() };
        let shown = render(text, &a);
        assert!(shown.contains("---- date: 2024-10-31 (from the file name)"), "{shown}");
        for debug in ["Some(", "None", "{ year:", "FileName"] {
            assert!(!shown.contains(debug), "{debug} in {shown}");
        }
    }
}
