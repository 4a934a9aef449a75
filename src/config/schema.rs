//! Every setting, once: its key, type, choices, default, description and where
//! VS Code lets users set it. The editors' settings are generated from
//! [`SETTINGS`] — VS Code's `package.json` configuration and
//! `src/settingsSchema.ts`, the settings comment of Neovim's `lsp/byline.lua` — and
//! so are the settings lists of the READMEs. `tests/settings_schema.rs` regenerates
//! them and fails on a difference:
//!
//! ```text
//! BYLINE_UPDATE_SCHEMA=1 cargo test --release --test settings_schema
//! ```
//!
//! The server reads an editor's settings with [`super::RawConfig::from_json`]
//! (`editor.rs`), driven by the same table; `byline.toml` is read with serde
//! (`raw.rs`), whose keys a test checks against this table.

use crate::model::Code;

/// One setting. The key is the editor's, under `byline.`, in camelCase; in
/// `byline.toml` it is `[section] kebab-key` (see [`Setting::toml_key`]).
#[derive(Clone, Copy, Debug)]
pub struct Setting {
    pub key: &'static str,
    /// What the setting sets.
    pub field: Field,
    pub ty: Type,
    pub default: DefaultValue,
    /// Markdown.
    pub description: &'static str,
    pub scope: Scope,
}

/// What a setting sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// Read by the editor extension only (not sent to the server, not in byline.toml).
    Client,
    Include,
    Exclude,
    KnowledgeBase,
    Spelling,
    KoreanGivenNames,
    Acronyms,
    Quotations,
    Check(Code),
    IgnoreSpellings,
}

/// The type of a setting's value.
#[derive(Clone, Copy, Debug)]
pub enum Type {
    String,
    /// A list of strings.
    Strings,
    /// One of these strings.
    Enum(&'static [Choice]),
}

/// A value of an [`Type::Enum`] setting and what it means.
#[derive(Clone, Copy, Debug)]
pub struct Choice {
    pub value: &'static str,
    pub description: &'static str,
}

/// A setting's default value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DefaultValue {
    String(&'static str),
    Strings(&'static [&'static str]),
}

/// Where VS Code lets a setting be set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Window,
    /// Per workspace folder (per corpus).
    Resource,
    /// User settings, overridable per workspace except in untrusted ones.
    MachineOverridable,
}

impl Scope {
    /// The name in VS Code's `package.json`.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Window => "window",
            Scope::Resource => "resource",
            Scope::MachineOverridable => "machine-overridable",
        }
    }
}

/// `error | warning | information | hint | off`, as a check's setting.
const LEVELS: &[Choice] = &[
    Choice { value: "error", description: "Error" },
    Choice { value: "warning", description: "Warning" },
    Choice { value: "information", description: "Information" },
    Choice { value: "hint", description: "Hint (faded, no squiggle)" },
    Choice { value: "off", description: "Turn the check off" },
];

/// Every setting, in the order editors show them.
pub const SETTINGS: &[Setting] = &[
    Setting {
        key: "path",
        field: Field::Client,
        ty: Type::String,
        default: DefaultValue::String("byline"),
        description: "The `byline` binary that runs the language server (`byline lsp`) and the export. A bare name is looked up on `PATH`; a relative path is taken from the workspace folder.",
        scope: Scope::MachineOverridable,
    },
    Setting {
        key: "trace.server",
        field: Field::Client,
        ty: Type::Enum(&[
            Choice { value: "off", description: "No trace" },
            Choice { value: "messages", description: "The messages' names" },
            Choice { value: "verbose", description: "The messages with their contents" },
        ]),
        default: DefaultValue::String("off"),
        description: "Traces the messages between VS Code and the Byline language server in the Byline output channel.",
        scope: Scope::Window,
    },
    Setting {
        key: "corpus.include",
        field: Field::Include,
        ty: Type::Strings,
        default: DefaultValue::Strings(&["**/*.txt"]),
        description: "Globs (relative to the corpus root) of the articles that belong to the corpus.",
        scope: Scope::Resource,
    },
    Setting {
        key: "corpus.exclude",
        field: Field::Exclude,
        ty: Type::Strings,
        default: DefaultValue::Strings(&[]),
        description: "Globs of files left out of the corpus (drafts, boilerplate).",
        scope: Scope::Resource,
    },
    Setting {
        key: "corpus.knowledgeBase",
        field: Field::KnowledgeBase,
        ty: Type::Strings,
        default: DefaultValue::Strings(&[super::KB_FILE]),
        description: "Knowledge-base files (relative to the corpus root): canonical names, kinds, aliases, discouraged variants, roles and affiliations.",
        scope: Scope::Resource,
    },
    Setting {
        key: "style.spelling",
        field: Field::Spelling,
        ty: Type::Enum(&[
            Choice { value: "auto", description: "The corpus majority" },
            Choice { value: "american", description: "defense, organization, center" },
            Choice { value: "british", description: "defence, organisation, centre" },
        ]),
        default: DefaultValue::String("auto"),
        description: "House style for British/American word pairs.",
        scope: Scope::Resource,
    },
    Setting {
        key: "style.koreanGivenNames",
        field: Field::KoreanGivenNames,
        ty: Type::Enum(&[
            Choice { value: "auto", description: "The corpus majority" },
            Choice { value: "hyphenated", description: "Lee Jae-myung" },
            Choice { value: "spaced", description: "Lee Jae Myung" },
            Choice { value: "joined", description: "Lee Jaemyung" },
        ]),
        default: DefaultValue::String("auto"),
        description: "How Korean given names are written.",
        scope: Scope::Resource,
    },
    Setting {
        key: "style.acronyms",
        field: Field::Acronyms,
        ty: Type::Enum(&[
            Choice { value: "majority", description: "The corpus majority" },
            Choice { value: "upper", description: "NATO, UNESCO" },
            Choice { value: "title", description: "Nato, Unesco" },
        ]),
        default: DefaultValue::String("majority"),
        description: "How acronyms are written when the corpus has them both in capitals and in title case.",
        scope: Scope::Resource,
    },
    Setting {
        key: "style.quotations",
        field: Field::Quotations,
        ty: Type::Enum(&[
            Choice { value: "preserve", description: "Quoted speech is left as spoken: no house-style findings inside quotation marks" },
            Choice { value: "check", description: "Check quoted text like the rest" },
        ]),
        default: DefaultValue::String("preserve"),
        description: "Whether text inside quotation marks gets house-style and spelling findings.",
        scope: Scope::Resource,
    },
    Setting {
        key: "checks.inconsistentSpelling",
        field: Field::Check(Code::InconsistentSpelling),
        ty: Type::Enum(LEVELS),
        default: DefaultValue::String("warning"),
        description: "Severity of `inconsistent-spelling`: a name or word spelled differently elsewhere in the corpus (\"Seongrak Wi\" / \"Wi Sung-lac\").",
        scope: Scope::Resource,
    },
    Setting {
        key: "checks.possibleVariant",
        field: Field::Check(Code::PossibleVariant),
        ty: Type::Enum(LEVELS),
        default: DefaultValue::String("information"),
        description: "Severity of `possible-variant`: a weaker match that may be another spelling of a known name.",
        scope: Scope::Resource,
    },
    Setting {
        key: "checks.houseStyle",
        field: Field::Check(Code::HouseStyle),
        ty: Type::Enum(LEVELS),
        default: DefaultValue::String("warning"),
        description: "Severity of `house-style`: a British/American spelling against the house style (\"defence\" in an American-style corpus).",
        scope: Scope::Resource,
    },
    Setting {
        key: "checks.possibleTypo",
        field: Field::Check(Code::PossibleTypo),
        ty: Type::Enum(LEVELS),
        default: DefaultValue::String("information"),
        description: "Severity of `possible-typo`: a word used once, close to a word the corpus uses often (\"goverment\").",
        scope: Scope::Resource,
    },
    Setting {
        key: "checks.staleTitle",
        field: Field::Check(Code::StaleTitle),
        ty: Type::Enum(LEVELS),
        default: DefaultValue::String("information"),
        description: "Severity of `stale-title`: a role that had ended before the article's date or began after it (\"President X\" after X left office), by the knowledge base's dated roles or other articles.",
        scope: Scope::Resource,
    },
    Setting {
        key: "ignore.spellings",
        field: Field::IgnoreSpellings,
        ty: Type::Strings,
        default: DefaultValue::Strings(&[]),
        description: "Spellings whose findings are never reported (\"Kiev\").",
        scope: Scope::Resource,
    },
];

/// `someName` → `some-name`.
pub fn kebab(camel: &str) -> String {
    let mut out = String::with_capacity(camel.len() + 4);
    for c in camel.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

impl Setting {
    /// Whether the server reads it (from the editor and from `byline.toml`).
    pub fn is_server(&self) -> bool {
        self.field != Field::Client
    }

    /// `(section, key)` in `byline.toml`: `("style", "korean-given-names")`.
    pub fn toml_key(&self) -> Option<(&'static str, String)> {
        let (section, name) = self.key.split_once('.')?;
        self.is_server().then(|| (section, kebab(name)))
    }

    /// The values of an enum setting.
    pub fn choices(&self) -> &'static [Choice] {
        match self.ty {
            Type::Enum(c) => c,
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Map, Value, json};

    use super::*;
    use crate::config::{Config, Level, RawConfig};

    #[test]
    fn every_check_has_a_setting_with_its_default() {
        for code in Code::ALL {
            let s = SETTINGS.iter().find(|s| s.field == Field::Check(code)).unwrap_or_else(|| panic!("no setting for {code}"));
            assert_eq!(s.toml_key(), Some(("checks", code.as_str().to_string())));
            let DefaultValue::String(d) = s.default else { panic!("{}", s.key) };
            assert_eq!(Level::parse(d), Ok(crate::config::default_level(code)), "{}", s.key);
        }
    }

    fn toml_value(d: DefaultValue) -> String {
        match d {
            DefaultValue::String(s) => format!("{s:?}"),
            DefaultValue::Strings(l) => format!("{l:?}"),
        }
    }

    fn json_value(d: DefaultValue) -> Value {
        match d {
            DefaultValue::String(s) => json!(s),
            DefaultValue::Strings(l) => json!(l),
        }
    }

    /// `byline.toml` and editor settings that set every setting to its default
    /// give the default configuration: names, types and defaults agree with the
    /// code, and every choice of an enum is accepted.
    #[test]
    fn the_defaults_are_the_defaults_in_the_file_and_in_the_editor() {
        let root = std::path::Path::new("/c");
        let mut text = String::new();
        let mut editor = Map::new();
        for s in SETTINGS.iter().filter(|s| s.is_server()) {
            let (section, key) = s.toml_key().unwrap();
            if !text.contains(&format!("[{section}]")) {
                text.push_str(&format!("[{section}]\n"));
            }
            text.push_str(&format!("{key} = {}\n", toml_value(s.default)));
            let (sec, name) = s.key.split_once('.').unwrap();
            editor.entry(sec).or_insert_with(|| json!({}))[name] = json_value(s.default);
            for c in s.choices() {
                let (_, errs) = Config::parse(root, &root.join("byline.toml"), &format!("[{section}]\n{key} = {:?}\n", c.value), None);
                assert!(errs.is_empty(), "{}: {errs:?}", c.value);
                let (_, errs) = RawConfig::from_json(&json!({ sec: { name: c.value } }));
                assert!(errs.is_empty(), "{}: {errs:?}", c.value);
            }
        }
        let (from_file, errs) = Config::parse(root, &root.join("byline.toml"), &text, None);
        assert!(errs.is_empty(), "{text}\n{errs:?}");
        let mut from_defaults = Config::default_for(root);
        for code in Code::ALL {
            from_defaults.set_level(code, crate::config::default_level(code));
        }
        assert_eq!(from_file, from_defaults);
        let (raw, errs) = RawConfig::from_json(&Value::Object(editor));
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(Config::from_raw(root, raw), from_defaults);
    }

    /// `byline.toml` knows the keys of the table and no others.
    #[test]
    fn the_file_has_the_keys_of_the_table() {
        let expected = |doc: &str| -> Vec<String> {
            let (_, errs) = Config::parse(std::path::Path::new("/c"), std::path::Path::new("/c/byline.toml"), doc, None);
            let m = &errs[0].message;
            let list = &m[m.find("expected").unwrap_or_else(|| panic!("{m}"))..];
            let mut keys: Vec<String> = list.split('`').skip(1).step_by(2).map(String::from).collect();
            keys.sort();
            keys
        };
        let mut sections: Vec<&str> = SETTINGS.iter().filter_map(|s| s.toml_key()).map(|(sec, _)| sec).collect();
        sections.dedup();
        let mut sorted = sections.clone();
        sorted.sort();
        assert_eq!(expected("zzz = 1\n"), sorted);
        for section in sections.into_iter().filter(|s| *s != "checks") {
            let mut keys: Vec<String> =
                SETTINGS.iter().filter_map(|s| s.toml_key()).filter(|(sec, _)| *sec == section).map(|(_, k)| k).collect();
            keys.sort();
            assert_eq!(expected(&format!("[{section}]\nzzz = 1\n")), keys, "[{section}]");
        }
    }

    #[test]
    fn keys_are_unique_and_camel_case() {
        for (i, s) in SETTINGS.iter().enumerate() {
            assert!(SETTINGS[..i].iter().all(|t| t.key != s.key), "{} twice", s.key);
            assert!(!s.key.contains(['-', '_']), "{}", s.key);
        }
        assert_eq!(kebab("koreanGivenNames"), "korean-given-names");
    }
}
