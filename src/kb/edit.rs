//! Edits to knowledge-base and configuration files that keep the user's
//! formatting and comments (via `toml_edit`): accept a spelling as an alias, add
//! an entity, rename an entity, ignore a spelling. Each returns the new file text;
//! the caller decides how to apply it (the language server sends it to the editor
//! as a WorkspaceEdit, never writing the file itself).

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, value};

use crate::model::Kind;

/// A new knowledge-base entry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewEntity {
    pub name: String,
    pub kind: Option<Kind>,
    pub aliases: Vec<String>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
}

fn parse(text: &str) -> Result<DocumentMut, String> {
    text.parse::<DocumentMut>().map_err(|e| format!("the file is not valid TOML: {}", e.message()))
}

fn entities(doc: &mut DocumentMut) -> Result<&mut ArrayOfTables, String> {
    if !doc.contains_key("entity") {
        doc.insert("entity", Item::ArrayOfTables(ArrayOfTables::new()));
    }
    doc["entity"].as_array_of_tables_mut().ok_or_else(|| "`entity` is not an array of tables".to_string())
}

fn find<'a>(list: &'a mut ArrayOfTables, name: &str) -> Option<&'a mut Table> {
    let f = crate::fold::fold(name);
    list.iter_mut().find(|t| t.get("name").and_then(Item::as_str).is_some_and(|n| crate::fold::fold(n) == f))
}

fn push_unique(t: &mut Table, key: &str, s: &str) {
    if !t.contains_key(key) {
        t.insert(key, value(Array::new()));
    }
    if let Some(arr) = t.get_mut(key).and_then(Item::as_array_mut)
        && !arr.iter().any(|v| v.as_str() == Some(s))
    {
        arr.push(s);
    }
}

fn remove_from(t: &mut Table, key: &str, s: &str) {
    if let Some(arr) = t.get_mut(key).and_then(Item::as_array_mut) {
        arr.retain(|v| v.as_str() != Some(s));
    }
}

/// Accepts `alias` as a spelling of the entity called `name`: adds it to the
/// entity's `aliases` (and takes it out of `variants`), creating the entity if
/// the file does not have it.
pub fn add_alias(text: &str, name: &str, kind: Kind, alias: &str) -> Result<String, String> {
    let mut doc = parse(text)?;
    let list = entities(&mut doc)?;
    match find(list, name) {
        Some(t) => {
            push_unique(t, "aliases", alias);
            remove_from(t, "variants", alias);
        }
        None => {
            let mut t = Table::new();
            t.insert("name", value(name));
            t.insert("kind", value(kind.word()));
            let mut a = Array::new();
            a.push(alias);
            t.insert("aliases", value(a));
            list.push(t);
        }
    }
    Ok(doc.to_string())
}

/// Adds an entity (or, if one with that name exists, fills in what it lacks).
pub fn add_entity(text: &str, e: &NewEntity) -> Result<String, String> {
    let mut doc = parse(text)?;
    let list = entities(&mut doc)?;
    let t = match find(list, &e.name) {
        Some(t) => t,
        None => {
            let mut t = Table::new();
            t.insert("name", value(e.name.as_str()));
            list.push(t);
            list.iter_mut().last().expect("just pushed")
        }
    };
    if let Some(k) = e.kind
        && !t.contains_key("kind")
    {
        t.insert("kind", value(k.word()));
    }
    for a in &e.aliases {
        if *a != e.name {
            push_unique(t, "aliases", a);
        }
    }
    if let Some(r) = &e.role
        && !t.contains_key("role")
    {
        t.insert("role", value(r.as_str()));
    }
    if let Some(a) = &e.affiliation
        && !t.contains_key("affiliation")
    {
        t.insert("affiliation", value(a.as_str()));
    }
    Ok(doc.to_string())
}

/// Renames the entity `old` to `new` (its canonical name), if the file has it.
/// Returns `None` when there is nothing to change.
pub fn rename(text: &str, old: &str, new: &str) -> Result<Option<String>, String> {
    let mut doc = parse(text)?;
    let list = entities(&mut doc)?;
    let Some(t) = find(list, old) else { return Ok(None) };
    t.insert("name", value(new));
    remove_from(t, "aliases", new);
    remove_from(t, "variants", new);
    Ok(Some(doc.to_string()))
}

/// Adds a spelling to `[ignore] spellings` of `byline.toml`: its findings are no
/// longer reported.
pub fn ignore_spelling(text: &str, spelling: &str) -> Result<String, String> {
    let mut doc = parse(text)?;
    if !doc.contains_key("ignore") {
        doc.insert("ignore", Item::Table(Table::new()));
    }
    let t = doc["ignore"].as_table_mut().ok_or("`ignore` is not a table")?;
    push_unique(t, "spellings", spelling);
    Ok(doc.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const KB: &str =
        "# People we cover\n[[entity]]\nname = \"Lee Jae-myung\" # the president\nkind = \"person\"\nvariants = [\"Lee Jaemyung\"]\n";

    #[test]
    fn aliases_are_added_keeping_comments() {
        let out = add_alias(KB, "Lee Jae-myung", Kind::Person, "Lee Jaemyung").unwrap();
        assert!(out.contains("# People we cover") && out.contains("# the president"));
        assert!(out.contains("aliases = [\"Lee Jaemyung\"]"), "{out}");
        assert!(out.contains("variants = []"), "{out}");
        let (es, errs) = crate::kb::user::parse_user_kb(std::path::Path::new("kb.toml"), &out);
        assert!(errs.is_empty());
        assert_eq!(es[0].aliases, ["Lee Jaemyung"]);
    }

    #[test]
    fn a_missing_entity_is_created() {
        let out = add_alias("", "Wi Sung-lac", Kind::Person, "Seongrak Wi").unwrap();
        let (es, errs) = crate::kb::user::parse_user_kb(std::path::Path::new("kb.toml"), &out);
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(
            (es[0].name.as_str(), es[0].kind, es[0].aliases.clone()),
            ("Wi Sung-lac", Kind::Person, vec!["Seongrak Wi".to_string()])
        );
    }

    #[test]
    fn entities_are_added_with_role_and_affiliation() {
        let e = NewEntity {
            name: "Kajsa Ollongren".into(),
            kind: Some(Kind::Person),
            aliases: vec![],
            role: Some("Defense Minister".into()),
            affiliation: Some("Netherlands".into()),
        };
        let out = add_entity(KB, &e).unwrap();
        let (es, errs) = crate::kb::user::parse_user_kb(std::path::Path::new("kb.toml"), &out);
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(es.len(), 2);
        assert_eq!(es[1].role.as_deref(), Some("Defense Minister"));
    }

    #[test]
    fn rename_and_ignore() {
        let out = rename(KB, "Lee Jae-myung", "Lee Jae Myung").unwrap().unwrap();
        assert!(out.contains("name = \"Lee Jae Myung\""));
        assert_eq!(rename(KB, "Nobody", "X").unwrap(), None);
        let cfg = ignore_spelling("[style]\nspelling = \"american\"\n", "Kiev").unwrap();
        assert!(cfg.contains("[ignore]") && cfg.contains("spellings = [\"Kiev\"]"), "{cfg}");
        assert!(add_alias("[[entity]\nname=", "A", Kind::Person, "B").is_err());
    }
}
