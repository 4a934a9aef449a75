//! The editors' settings and the settings docs are generated from the one
//! description of every setting, `byline::config::schema::SETTINGS` (as
//! rust-analyzer generates its `package.json` from its `config.rs`). Each test
//! regenerates one file and fails when it differs. To update the files:
//!
//! ```text
//! BYLINE_UPDATE_SCHEMA=1 cargo test --release --test settings_schema
//! ```
//!
//! Generated: `editors/vscode/package.json` (`contributes.configuration.properties`),
//! `editors/vscode/src/settingsSchema.ts`, the settings comment of
//! `editors/neovim/lsp/byline.lua`, the settings tables of `README.md` and
//! `editors/vscode/README.md`. Checked (written by hand): the `byline.toml` example
//! of `README.md` and the Lua example of `editors/neovim/README.md` name every
//! setting.

use std::path::PathBuf;

use byline::config::schema::{DefaultValue, SETTINGS, Setting, Type};

const UPDATE: &str = "BYLINE_UPDATE_SCHEMA=1 cargo test --release --test settings_schema";

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Regenerates `path` with `generate` (current text → new text); with
/// `BYLINE_UPDATE_SCHEMA` set writes it, else fails on a difference.
fn check(path: &str, generate: impl Fn(&str) -> String) {
    let file = repo(path);
    let old = std::fs::read_to_string(&file).unwrap_or_default();
    let new = generate(&old);
    if new == old {
        return;
    }
    if std::env::var_os("BYLINE_UPDATE_SCHEMA").is_some() {
        std::fs::write(&file, &new).unwrap();
        eprintln!("updated {path}");
        return;
    }
    let line = old.lines().zip(new.lines()).position(|(a, b)| a != b).unwrap_or(old.lines().count().min(new.lines().count()));
    panic!(
        "{path} is out of date with src/config/schema.rs (first difference at line {}):\n  now:      {:?}\n  expected: {:?}\nTo update it: {UPDATE}",
        line + 1,
        old.lines().nth(line).unwrap_or(""),
        new.lines().nth(line).unwrap_or("")
    );
}

/// Replaces what lies between the line holding `begin` and the line holding `end`.
fn between(text: &str, begin: &str, end: &str, content: &str) -> String {
    let b = text.find(begin).unwrap_or_else(|| panic!("marker {begin:?} not found"));
    let b = b + text[b..].find('\n').expect("a line after the begin marker") + 1;
    let e = b + text[b..].find(end).unwrap_or_else(|| panic!("marker {end:?} not found"));
    let e = text[..e].rfind('\n').map_or(e, |i| i + 1);
    format!("{}{content}{}", &text[..b], &text[e..])
}

fn json(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

fn section_name(s: &Setting) -> (&'static str, &'static str) {
    s.key.split_once('.').unwrap_or((s.key, ""))
}

fn server_settings() -> impl Iterator<Item = &'static Setting> {
    SETTINGS.iter().filter(|s| s.is_server())
}

/// The server's sections in order, each with its settings.
fn sections() -> Vec<(&'static str, Vec<&'static Setting>)> {
    let mut out: Vec<(&str, Vec<&Setting>)> = Vec::new();
    for s in server_settings() {
        let sec = section_name(s).0;
        match out.last_mut() {
            Some((name, list)) if *name == sec => list.push(s),
            _ => out.push((sec, vec![s])),
        }
    }
    out
}

fn default_json(d: DefaultValue) -> String {
    match d {
        DefaultValue::String(s) => json(s),
        DefaultValue::Strings(l) => format!("[{}]", l.iter().map(|s| json(s)).collect::<Vec<_>>().join(", ")),
    }
}

/// The text shown with a setting in the editors: its description and, for the
/// server's settings, how it meets `byline.toml`.
fn long_description(s: &Setting) -> String {
    match s.toml_key() {
        Some((section, key)) if section == "ignore" => {
            format!("{}\n\nAdded to `[{section}] {key}` of `byline.toml`.", s.description)
        }
        Some((section, key)) => {
            format!("{}\n\nApplies where `byline.toml` does not set `[{section}] {key}` (the file wins).", s.description)
        }
        None => s.description.to_string(),
    }
}

// ---- VS Code: package.json ------------------------------------------------------

/// A JSON value rendered like `JSON.stringify(v, null, 2)`, keys in order.
enum J {
    Raw(String),
    List(Vec<String>),
    Object(Vec<(String, J)>),
}

fn render(v: &J, indent: usize, out: &mut String) {
    let pad = |n: usize| " ".repeat(n);
    match v {
        J::Raw(s) => out.push_str(s),
        J::List(items) if items.is_empty() => out.push_str("[]"),
        J::List(items) => {
            out.push_str("[\n");
            let lines: Vec<String> = items.iter().map(|i| format!("{}{i}", pad(indent + 2))).collect();
            out.push_str(&lines.join(",\n"));
            out.push_str(&format!("\n{}]", pad(indent)));
        }
        J::Object(fields) => {
            out.push_str("{\n");
            for (i, (k, v)) in fields.iter().enumerate() {
                out.push_str(&format!("{}{}: ", pad(indent + 2), json(k)));
                render(v, indent + 2, out);
                out.push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
            }
            out.push_str(&format!("{}}}", pad(indent)));
        }
    }
}

fn vscode_property(s: &Setting) -> J {
    let mut f: Vec<(String, J)> = Vec::new();
    let mut put = |k: &str, v: J| f.push((k.to_string(), v));
    match s.ty {
        Type::String | Type::Enum(_) => put("type", J::Raw(json("string"))),
        Type::Strings => {
            put("type", J::Raw(json("array")));
            put("items", J::Object(vec![("type".into(), J::Raw(json("string")))]));
        }
    }
    if let Type::Enum(choices) = s.ty {
        put("enum", J::List(choices.iter().map(|c| json(c.value)).collect()));
        put("enumDescriptions", J::List(choices.iter().map(|c| json(c.description)).collect()));
    }
    put(
        "default",
        match s.default {
            DefaultValue::String(d) => J::Raw(json(d)),
            DefaultValue::Strings(l) => J::List(l.iter().map(|d| json(d)).collect()),
        },
    );
    put("scope", J::Raw(json(s.scope.as_str())));
    put("markdownDescription", J::Raw(json(&long_description(s))));
    J::Object(f)
}

/// Replaces the object after `"properties": ` (in `contributes.configuration`).
fn update_package_json(text: &str) -> String {
    let key = "\"properties\": {";
    let at = text.find("\"configuration\": {").expect("contributes.configuration in package.json");
    let start = at + text[at..].find(key).expect("configuration.properties in package.json") + key.len() - 1;
    // The matching brace (strings may hold braces).
    let (mut depth, mut in_string, mut escaped, mut end) = (0, false, false, None);
    for (i, c) in text[start..].char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '{' if !in_string => depth += 1,
            '}' if !in_string => {
                depth -= 1;
                if depth == 0 {
                    end = Some(start + i + 1);
                    break;
                }
            }
            _ => {}
        }
    }
    let end = end.expect("the end of configuration.properties");
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let indent = text[line_start..].len() - text[line_start..].trim_start().len();
    let props = J::Object(SETTINGS.iter().map(|s| (format!("byline.{}", s.key), vscode_property(s))).collect());
    let mut out = String::new();
    render(&props, indent, &mut out);
    format!("{}{out}{}", &text[..start], &text[end..])
}

#[test]
fn vscode_package_json() {
    check("editors/vscode/package.json", update_package_json);
}

// ---- VS Code: settingsSchema.ts -------------------------------------------------

fn settings_ts() -> String {
    let mut out = String::from("// Generated from src/config/schema.rs (the settings of byline.toml and the editors); do not\n");
    out.push_str(&format!("// edit. To update: {UPDATE}\n\n"));
    out.push_str("/** The settings object the server takes: the shape of byline.toml with camelCase keys. */\n");
    out.push_str("export interface ServerSettings {\n");
    for (section, list) in sections() {
        let fields: Vec<String> = list
            .iter()
            .map(|s| {
                let ty = match s.ty {
                    Type::String => "string".to_string(),
                    Type::Strings => "string[]".to_string(),
                    Type::Enum(c) => c.iter().map(|c| format!("'{}'", c.value)).collect::<Vec<_>>().join(" | "),
                };
                format!("    {}?: {ty};\n", section_name(s).1)
            })
            .collect();
        out.push_str(&format!("  {section}?: {{\n{}  }};\n", fields.concat()));
    }
    out.push_str("}\n\n");
    out.push_str("/** The settings the server reads (`byline.<section>.<key>`), by section. */\n");
    out.push_str("export const SECTIONS: { [S in keyof ServerSettings]-?: readonly (keyof NonNullable<ServerSettings[S]>)[] } = {\n");
    for (section, list) in sections() {
        let keys: Vec<String> = list.iter().map(|s| format!("'{}'", section_name(s).1)).collect();
        out.push_str(&format!("  {section}: [{}],\n", keys.join(", ")));
    }
    out.push_str("};\n");
    out
}

#[test]
fn vscode_settings_schema_ts() {
    check("editors/vscode/src/settingsSchema.ts", |_| settings_ts());
}

// ---- Neovim: lsp/byline.lua ---------------------------------------------------------

fn lua_value(d: DefaultValue) -> String {
    match d {
        DefaultValue::String(s) => format!("'{s}'"),
        DefaultValue::Strings([]) => "{}".to_string(),
        DefaultValue::Strings(l) => format!("{{ {} }}", l.iter().map(|s| format!("'{s}'")).collect::<Vec<_>>().join(", ")),
    }
}

fn lua_comment() -> String {
    let mut lines: Vec<(String, String)> = Vec::new();
    for (section, list) in sections() {
        lines.push((format!("{section} = {{"), String::new()));
        for s in list {
            let choices: Vec<&str> = s.choices().iter().map(|c| c.value).collect();
            lines.push((format!("  {} = {},", section_name(s).1, lua_value(s.default)), choices.join(" | ")));
        }
        lines.push(("},".to_string(), String::new()));
    }
    let width = lines.iter().filter(|(_, c)| !c.is_empty()).map(|(l, _)| l.len()).max().unwrap_or(0);
    lines.iter().map(|(l, c)| if c.is_empty() { format!("--   {l}\n") } else { format!("--   {l:width$}  -- {c}\n") }).collect()
}

#[test]
fn neovim_settings_comment() {
    check("editors/neovim/lsp/byline.lua", |text| {
        between(text, "-- BEGIN GENERATED settings", "-- END GENERATED settings", &lua_comment())
    });
}

// ---- READMEs -----------------------------------------------------------------------

fn markdown_default(s: &Setting) -> String {
    match s.default {
        DefaultValue::String(d) => format!("`{d}`"),
        DefaultValue::Strings(_) => format!("`{}`", default_json(s.default)),
    }
}

fn markdown_description(s: &Setting) -> String {
    let mut d = s.description.to_string();
    if !s.choices().is_empty() {
        let choices: Vec<String> = s.choices().iter().map(|c| format!("`{}`", c.value)).collect();
        d.push_str(&format!(" One of {}.", choices.join(", ")));
    }
    d.replace('|', "\\|")
}

fn readme_table() -> String {
    let mut out = String::from("| setting | in `byline.toml` | default | |\n| --- | --- | --- | --- |\n");
    for s in server_settings() {
        let (section, key) = s.toml_key().unwrap();
        out.push_str(&format!("| `{}` | `[{section}] {key}` | {} | {} |\n", s.key, markdown_default(s), markdown_description(s)));
    }
    out
}

fn vscode_readme_table() -> String {
    let mut out = String::from("| setting | default | |\n| --- | --- | --- |\n");
    for s in SETTINGS {
        out.push_str(&format!("| `byline.{}` | {} | {} |\n", s.key, markdown_default(s), markdown_description(s)));
    }
    out
}

#[test]
fn readme_settings_table() {
    check("README.md", |text| between(text, "<!-- BEGIN GENERATED settings", "<!-- END GENERATED settings", &readme_table()));
}

#[test]
fn vscode_readme_settings_table() {
    check("editors/vscode/README.md", |text| {
        between(text, "<!-- BEGIN GENERATED settings", "<!-- END GENERATED settings", &vscode_readme_table())
    });
}

#[test]
fn readme_toml_example_names_every_setting() {
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let start = readme.find("## Configuration: `byline.toml`").expect("the configuration section");
    let block = &readme[start..];
    let block = &block[block.find("```toml").unwrap()..];
    let block = &block[..block[3..].find("```").unwrap()];
    for s in server_settings() {
        let (section, key) = s.toml_key().unwrap();
        let sec = block.find(&format!("[{section}]")).unwrap_or_else(|| panic!("README's byline.toml example has no [{section}]"));
        let body = &block[sec..];
        let body = &body[..body[1..].find("\n[").map_or(body.len(), |i| i + 1)];
        assert!(
            body.lines().any(|l| l.trim_start().starts_with(&format!("{key} ="))),
            "README's byline.toml example has no `{key}` in [{section}]"
        );
    }
}

#[test]
fn neovim_readme_example_names_every_setting() {
    let readme = std::fs::read_to_string(repo("editors/neovim/README.md")).unwrap();
    let start = readme.find("## Settings").expect("the settings section");
    let block = &readme[start..];
    let block = &block[block.find("```lua").unwrap()..];
    let block = &block[..block[3..].find("```").unwrap()];
    for s in server_settings() {
        let (section, key) = section_name(s);
        assert!(
            block.contains(&format!("{section} =")) && block.contains(&format!("{key} =")),
            "editors/neovim/README.md's example has no {section}.{key}"
        );
    }
}
