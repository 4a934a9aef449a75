//! User knowledge-base files (`entities.toml`): parsing and validation. Every
//! problem is a [`FileError`] with line and column; a file with a syntax error
//! yields no entries, a file with a bad entry yields the good ones.
//!
//! ```toml
//! [[entity]]
//! name = "Lee Jae-myung"            # canonical (preferred) spelling
//! kind = "person"                   # person | organization | place
//! aliases = ["Lee Jae Myung"]       # accepted spellings
//! variants = ["Lee Jaemyung"]       # discouraged spellings, flagged
//! role = "President"
//! affiliation = "South Korea"
//! notes = "Took office June 4, 2025."
//! [[entity.history]]
//! role = "Leader of the Democratic Party"
//! affiliation = "Democratic Party of Korea"
//! from = "2022-08-28"
//! to = "2025-04-09"
//! ```

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::{Class, KbEntry, RoleRecord, Source};
use crate::errors::FileError;
use crate::model::{Date, Kind};
use crate::toml_file::{self, TomlFile};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKb {
    #[serde(default)]
    entity: Vec<Spanned<RawEntity>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    name: Spanned<String>,
    kind: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    variants: Vec<Spanned<String>>,
    role: Option<String>,
    affiliation: Option<String>,
    notes: Option<String>,
    #[serde(default)]
    history: Vec<RawHistory>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHistory {
    role: Option<String>,
    affiliation: Option<String>,
    from: Option<Spanned<String>>,
    to: Option<Spanned<String>>,
}

/// Parses one knowledge-base file's text. Returns the valid entries and the errors.
pub fn parse_user_kb(path: &Path, text: &str) -> (Vec<KbEntry>, Vec<FileError>) {
    let file = TomlFile::new(path, text);
    let raw: RawKb = match file.parse() {
        Ok(r) => r,
        Err(e) => return (Vec::new(), vec![e]),
    };
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    let mut err = |span: std::ops::Range<usize>, msg: String| errors.push(file.error(span, msg));
    let mut seen: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut names: std::collections::HashSet<String> = std::collections::HashSet::new();
    for ent in raw.entity {
        let ent_span = ent.span();
        let ent = ent.into_inner();
        let name = ent.name.get_ref().trim().to_string();
        if name.is_empty() {
            err(ent.name.span(), "entity name is empty".into());
            continue;
        }
        let Some(kind) = Kind::parse(ent.kind.get_ref()) else {
            err(ent.kind.span(), format!("unknown kind {:?}: expected \"person\", \"organization\" or \"place\"", ent.kind.get_ref()));
            continue;
        };
        if !names.insert(name.clone()) {
            err(ent.name.span(), format!("{name:?} has an entry already: this second one is ignored"));
            continue;
        }
        let mut ok = true;
        for s in ent.aliases.iter().chain(&ent.variants).chain(std::iter::once(&ent.name)) {
            if s.get_ref().trim().is_empty() {
                err(s.span(), "empty spelling".into());
                ok = false;
                continue;
            }
            let f = crate::fold::fold(s.get_ref());
            match seen.get(&f) {
                Some(other) if *other != name => {
                    err(s.span(), format!("{:?} is already a spelling of {other:?}", s.get_ref()));
                    ok = false;
                }
                _ => {
                    seen.insert(f, name.clone());
                }
            }
        }
        let mut history = Vec::new();
        for h in ent.history {
            let mut date = |d: Option<Spanned<String>>| -> Option<Date> {
                let d = d?;
                let parsed = Date::parse(d.get_ref().trim());
                if parsed.is_none() {
                    err(d.span(), format!("{:?} is not a date (YYYY-MM-DD)", d.get_ref()));
                }
                parsed
            };
            let from = date(h.from);
            let to = date(h.to);
            history.push(RoleRecord { role: h.role, affiliation: h.affiliation, from, to });
        }
        if !ok {
            continue;
        }
        let class = match kind {
            Kind::Person => Class::Person,
            Kind::Org => Class::National,
            Kind::Loc => Class::Place,
        };
        let mut e = KbEntry::new(name, kind, class);
        e.aliases = ent.aliases.into_iter().map(|s| s.into_inner().trim().to_string()).collect();
        e.variants = ent.variants.into_iter().map(|s| s.into_inner().trim().to_string()).collect();
        e.role = ent.role.filter(|s| !s.trim().is_empty());
        e.affiliation = ent.affiliation.filter(|s| !s.trim().is_empty());
        e.notes = ent.notes;
        e.history = history;
        e.source = Source::User { path: path.to_path_buf(), line: file.line(ent_span) };
        entries.push(e);
    }
    (entries, errors)
}

/// Reads and parses knowledge-base files. A missing or unreadable file is an error
/// for that file only.
pub fn load_user_kb(paths: &[impl AsRef<Path>]) -> (Vec<KbEntry>, Vec<FileError>) {
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        let p = p.as_ref();
        match toml_file::read(p, false) {
            Ok(text) => {
                let (e, errs) = parse_user_kb(p, &text.unwrap_or_default());
                entries.extend(e);
                errors.extend(errs);
            }
            Err(e) => errors.push(e),
        }
    }
    (entries, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[entity]]
name = "Lee Jae-myung"
kind = "person"
aliases = ["Lee Jae Myung"]
variants = ["Lee Jaemyung"]
role = "President"
affiliation = "South Korea"
[[entity.history]]
role = "Governor of Gyeonggi Province"
from = "2018-07-01"
to = "2021-10-25"

[[entity]]
name = "Joint Chiefs of Staff"
kind = "organisation"
aliases = ["JCS"]
"#;

    #[test]
    fn parses_entries_with_history() {
        let (es, errs) = parse_user_kb(Path::new("entities.toml"), GOOD);
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(es.len(), 2);
        assert_eq!(es[0].kind, Kind::Person);
        assert_eq!(es[0].variants, ["Lee Jaemyung"]);
        assert_eq!(es[0].history[0].from, Date::new(2018, 7, 1));
        assert_eq!(es[1].kind, Kind::Org);
        assert!(matches!(es[1].source, Source::User { line: 14, .. }), "{:?}", es[1].source);
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let (es, errs) = parse_user_kb(Path::new("kb.toml"), "[[entity]]\nname = \"X\nkind = \"person\"\n");
        assert!(es.is_empty());
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].line, 2, "{}", errs[0]);
    }

    #[test]
    fn bad_entries_are_reported_and_skipped_good_ones_kept() {
        let text = "[[entity]]\nname = \"A B\"\nkind = \"persn\"\n\n[[entity]]\nname = \"C D\"\nkind = \"person\"\n[[entity.history]]\nfrom = \"June 2020\"\n";
        let (es, errs) = parse_user_kb(Path::new("kb.toml"), text);
        assert_eq!(es.len(), 1);
        assert_eq!(errs.len(), 2);
        assert_eq!((errs[0].line, errs[0].column), (3, 8));
        assert!(errs[0].message.contains("unknown kind"));
        assert_eq!(errs[1].line, 9);
    }

    #[test]
    fn unknown_keys_and_duplicate_spellings_are_errors() {
        let (_, errs) = parse_user_kb(Path::new("kb.toml"), "[[entity]]\nname = \"A\"\nkind = \"person\"\nalias = [\"B\"]\n");
        assert_eq!(errs.len(), 1);
        assert!(errs[0].message.contains("alias"), "{}", errs[0].message);
        let text =
            "[[entity]]\nname = \"Kim A\"\nkind = \"person\"\n[[entity]]\nname = \"Kim B\"\nkind = \"person\"\naliases = [\"KIM A\"]\n";
        let (es, errs) = parse_user_kb(Path::new("kb.toml"), text);
        assert_eq!((es.len(), errs.len()), (1, 1));
    }

    #[test]
    fn errors_in_a_file_with_a_byte_order_mark_point_at_the_value() {
        let text = "\u{feff}[[entity]]\nname = \"A B\"\nkind = \"persn\"\n";
        let (_, errs) = parse_user_kb(Path::new("kb.toml"), text);
        assert_eq!((errs[0].line, errs[0].column), (3, 8));
        assert_eq!(&text[errs[0].span.clone().unwrap()], "\"persn\"");
        let (_, errs) = parse_user_kb(Path::new("kb.toml"), "\u{feff}[[entity]]\nname = \"X\nkind = \"person\"\n");
        assert_eq!(errs[0].line, 2, "{}", errs[0]);
    }

    #[test]
    fn bom_and_crlf_are_fine() {
        let text = "\u{feff}[[entity]]\r\nname = \"Lee\"\r\nkind = \"person\"\r\n";
        let (es, errs) = parse_user_kb(Path::new("kb.toml"), text);
        assert_eq!((es.len(), errs.len()), (1, 0));
    }
}
