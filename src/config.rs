//! `byline.toml`: which files form the corpus, the house style, which checks run
//! at what severity, how quoted speech is treated, and the knowledge-base files.
//! Every key is optional; a missing file means the defaults. The language server
//! accepts the same settings as JSON (`initializationOptions`, workspace settings).
//!
//! ```toml
//! [corpus]
//! include = ["**/*.txt"]
//! exclude = ["drafts/**"]
//! knowledge-base = ["entities.toml"]
//!
//! [style]
//! spelling = "american"             # american | british | auto
//! korean-given-names = "hyphenated" # hyphenated | spaced | joined | auto
//! quotations = "preserve"           # preserve | check
//!
//! [checks]                          # error | warning | information | hint | off
//! inconsistent-spelling = "warning"
//!
//! [ignore]
//! spellings = ["Kiev"]              # never report these spellings
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::errors::FileError;
use crate::model::Code;

/// The name of the configuration file at the corpus root.
pub const CONFIG_FILE: &str = "byline.toml";

/// Severity of a finding, most severe first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s.to_ascii_lowercase().as_str() {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "information" | "info" => Some(Severity::Information),
            "hint" => Some(Severity::Hint),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }
}

/// British or American spelling of house-style words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpellingStyle {
    American,
    British,
    /// The corpus majority.
    #[default]
    Auto,
}

/// How Korean given names are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KoreanNames {
    /// Lee Jae-myung
    Hyphenated,
    /// Lee Jae Myung
    Spaced,
    /// Lee Jaemyung
    Joined,
    /// The corpus majority.
    #[default]
    Auto,
}

/// Whether text inside quotation marks gets house-style and spelling findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Quotations {
    /// Quoted speech is left as spoken.
    #[default]
    Preserve,
    Check,
}

/// A check's setting: a severity or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    On(Severity),
    Off,
}

/// Default severity of a code.
pub fn default_level(code: Code) -> Level {
    match code {
        Code::InconsistentSpelling | Code::HouseStyle => Level::On(Severity::Warning),
        Code::PossibleVariant | Code::PossibleTypo => Level::On(Severity::Information),
    }
}

/// The effective configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// The corpus root (the folder of `byline.toml`).
    pub root: PathBuf,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    /// Knowledge-base files, absolute.
    pub knowledge_base: Vec<PathBuf>,
    pub spelling: SpellingStyle,
    pub korean_names: KoreanNames,
    pub quotations: Quotations,
    checks: BTreeMap<Code, Level>,
    /// Spellings whose findings are not reported (`[ignore] spellings`).
    pub ignore: Vec<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawConfig {
    #[serde(default)]
    pub corpus: RawCorpus,
    #[serde(default)]
    pub style: RawStyle,
    #[serde(default)]
    pub checks: BTreeMap<String, toml::Spanned<String>>,
    #[serde(default)]
    pub ignore: RawIgnore,
}

#[derive(Deserialize, Default, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawIgnore {
    #[serde(default)]
    pub spellings: Vec<String>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawCorpus {
    pub include: Option<Vec<String>>,
    pub exclude: Option<Vec<String>>,
    pub knowledge_base: Option<Vec<String>>,
}

#[derive(Deserialize, Default, Clone)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RawStyle {
    pub spelling: Option<SpellingStyle>,
    pub korean_given_names: Option<KoreanNames>,
    pub quotations: Option<Quotations>,
}

impl RawConfig {
    /// These settings over `under`: every key set here wins, the rest comes from
    /// `under` (the project's byline.toml over the editor's settings).
    pub fn over(self, under: RawConfig) -> RawConfig {
        let mut checks = under.checks;
        checks.extend(self.checks);
        let mut ignore = under.ignore.spellings;
        ignore.extend(self.ignore.spellings);
        RawConfig {
            corpus: RawCorpus {
                include: self.corpus.include.or(under.corpus.include),
                exclude: self.corpus.exclude.or(under.corpus.exclude),
                knowledge_base: self.corpus.knowledge_base.or(under.corpus.knowledge_base),
            },
            style: RawStyle {
                spelling: self.style.spelling.or(under.style.spelling),
                korean_given_names: self.style.korean_given_names.or(under.style.korean_given_names),
                quotations: self.style.quotations.or(under.style.quotations),
            },
            checks,
            ignore: RawIgnore { spellings: ignore },
        }
    }

    /// Settings from JSON (an editor's `byline` settings): the keys of
    /// `byline.toml` in camelCase or kebab-case. Unknown keys and bad values are
    /// returned as messages and otherwise ignored.
    pub fn from_json(v: &serde_json::Value) -> (RawConfig, Vec<String>) {
        let mut raw = RawConfig::default();
        let mut errors = Vec::new();
        let get = |o: &serde_json::Value, k: &str| -> Option<serde_json::Value> {
            let kebab: String = k.chars().flat_map(|c| if c.is_ascii_uppercase() { vec!['-', c.to_ascii_lowercase()] } else { vec![c] }).collect();
            o.get(k).or_else(|| o.get(kebab.as_str())).cloned().filter(|x| !x.is_null())
        };
        let strings = |x: serde_json::Value, errors: &mut Vec<String>, what: &str| -> Option<Vec<String>> {
            match serde_json::from_value::<Vec<String>>(x) {
                Ok(v) => Some(v),
                Err(_) => {
                    errors.push(format!("{what} must be a list of strings"));
                    None
                }
            }
        };
        if let Some(c) = get(v, "corpus") {
            raw.corpus.include = get(&c, "include").and_then(|x| strings(x, &mut errors, "corpus.include"));
            raw.corpus.exclude = get(&c, "exclude").and_then(|x| strings(x, &mut errors, "corpus.exclude"));
            raw.corpus.knowledge_base = get(&c, "knowledgeBase").and_then(|x| strings(x, &mut errors, "corpus.knowledgeBase"));
        }
        if let Some(st) = get(v, "style") {
            let enum_of = |k: &str| -> Option<serde_json::Value> { get(&st, k) };
            if let Some(x) = enum_of("spelling") {
                match serde_json::from_value(x.clone()) {
                    Ok(s) => raw.style.spelling = Some(s),
                    Err(_) => errors.push(format!("style.spelling: unknown value {x}")),
                }
            }
            if let Some(x) = enum_of("koreanGivenNames") {
                match serde_json::from_value(x.clone()) {
                    Ok(s) => raw.style.korean_given_names = Some(s),
                    Err(_) => errors.push(format!("style.koreanGivenNames: unknown value {x}")),
                }
            }
            if let Some(x) = enum_of("quotations") {
                match serde_json::from_value(x.clone()) {
                    Ok(s) => raw.style.quotations = Some(s),
                    Err(_) => errors.push(format!("style.quotations: unknown value {x}")),
                }
            }
        }
        if let Some(serde_json::Value::Object(checks)) = get(v, "checks") {
            for (k, level) in checks {
                let code: String = k.chars().flat_map(|c| if c.is_ascii_uppercase() { vec!['-', c.to_ascii_lowercase()] } else { vec![c] }).collect();
                match level.as_str() {
                    Some(l) => {
                        raw.checks.insert(code, toml::Spanned::new(0..0, l.to_string()));
                    }
                    None => errors.push(format!("checks.{k} must be a string")),
                }
            }
        }
        if let Some(ig) = get(v, "ignore")
            && let Some(sp) = get(&ig, "spellings")
        {
            raw.ignore.spellings = strings(sp, &mut errors, "ignore.spellings").unwrap_or_default();
        }
        (raw, errors)
    }
}

impl Config {
    /// Whether findings inside quoted speech are corrected (`quotations = "check"`).
    pub fn corrects_quotes(&self) -> bool {
        self.quotations == Quotations::Check
    }

    /// Defaults for a corpus at `root`.
    pub fn default_for(root: &Path) -> Config {
        Config {
            root: root.to_path_buf(),
            include: vec!["**/*.txt".into()],
            exclude: Vec::new(),
            knowledge_base: vec![root.join("entities.toml")],
            spelling: SpellingStyle::Auto,
            korean_names: KoreanNames::Auto,
            quotations: Quotations::Preserve,
            checks: BTreeMap::new(),
            ignore: Vec::new(),
        }
    }

    /// Reads `root/byline.toml` if present. On errors the defaults stand for what
    /// could not be read.
    pub fn load(root: &Path) -> (Config, Vec<FileError>) {
        Config::load_with(root, None)
    }

    /// Reads `root/byline.toml` over an editor's settings (the file wins where it
    /// sets a key). A file with errors leaves the editor's settings in force for
    /// what it could not say.
    pub fn load_with(root: &Path, editor: Option<RawConfig>) -> (Config, Vec<FileError>) {
        let path = root.join(CONFIG_FILE);
        let under = editor.unwrap_or_default();
        let (file, mut errors) = match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Config::parse_raw(&path, &text),
                Err(_) => (None, vec![FileError::whole(&path, "not UTF-8 text")]),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (None, Vec::new()),
            Err(e) => (None, vec![FileError::whole(&path, format!("cannot read: {e}"))]),
        };
        let raw = match file {
            Some(f) => f.over(under),
            None => under,
        };
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let cfg = Config::from_raw(root, raw, |span, msg| errors.push(FileError::at(&path, &text, span, msg)));
        errors.sort_by_key(|e| (e.line, e.column));
        (cfg, errors)
    }

    /// Parses configuration text into raw settings (None on a syntax error).
    fn parse_raw(path: &Path, text: &str) -> (Option<RawConfig>, Vec<FileError>) {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let shift = text.len() - body.len();
        match toml::from_str::<RawConfig>(body) {
            Ok(raw) => (Some(raw), Vec::new()),
            Err(e) => {
                let span = e.span().map(|s| s.start + shift..s.end + shift);
                (None, vec![FileError::at(path, text, span, e.message().trim().to_string()).fatal()])
            }
        }
    }

    /// Parses configuration text (the contents of `path`).
    pub fn parse(root: &Path, path: &Path, text: &str) -> (Config, Vec<FileError>) {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let shift = text.len() - body.len();
        match toml::from_str::<RawConfig>(body) {
            Ok(raw) => {
                let mut errors = Vec::new();
                let cfg = Config::from_raw(root, raw, |span, msg| {
                    errors.push(FileError::at(path, text, span.map(|s| s.start + shift..s.end + shift), msg))
                });
                errors.sort_by_key(|e| (e.line, e.column));
                (cfg, errors)
            }
            Err(e) => {
                let span = e.span().map(|s| s.start + shift..s.end + shift);
                (Config::default_for(root), vec![FileError::at(path, text, span, e.message().trim().to_string()).fatal()])
            }
        }
    }

    /// Builds a configuration from parsed settings, reporting bad values.
    pub fn from_raw(root: &Path, raw: RawConfig, mut report: impl FnMut(Option<std::ops::Range<usize>>, String)) -> Config {
        let mut c = Config::default_for(root);
        if let Some(i) = raw.corpus.include {
            c.include = i;
        }
        if let Some(e) = raw.corpus.exclude {
            c.exclude = e;
        }
        if let Some(k) = raw.corpus.knowledge_base {
            c.knowledge_base = k.iter().map(|p| root.join(p)).collect();
        }
        for g in c.include.iter().chain(&c.exclude) {
            if let Err(e) = globset_check(g) {
                report(None, format!("bad glob {g:?}: {e}"));
            }
        }
        c.ignore = raw.ignore.spellings;
        c.spelling = raw.style.spelling.unwrap_or_default();
        c.korean_names = raw.style.korean_given_names.unwrap_or_default();
        c.quotations = raw.style.quotations.unwrap_or_default();
        for (name, level) in raw.checks {
            let Some(code) = Code::parse(&name) else {
                report(Some(level.span()), format!("unknown check {name:?}; known checks: {}", Code::names()));
                continue;
            };
            let v = level.get_ref();
            let l = if v.eq_ignore_ascii_case("off") {
                Level::Off
            } else if let Some(s) = Severity::parse(v) {
                Level::On(s)
            } else {
                report(Some(level.span()), format!("unknown severity {v:?}: expected error, warning, information, hint or off"));
                continue;
            };
            c.checks.insert(code, l);
        }
        c
    }

    /// The setting of a check.
    pub fn level(&self, code: Code) -> Level {
        self.checks.get(&code).copied().unwrap_or_else(|| default_level(code))
    }

    /// Sets a check's level (command-line and editor overrides).
    pub fn set_level(&mut self, code: Code, level: Level) {
        self.checks.insert(code, level);
    }
}

fn globset_check(g: &str) -> Result<(), String> {
    globset::Glob::new(g).map(|_| ()).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_without_a_file() {
        let c = Config::default_for(Path::new("/c"));
        assert_eq!(c.include, ["**/*.txt"]);
        assert_eq!(c.level(Code::InconsistentSpelling), Level::On(Severity::Warning));
        assert_eq!(c.level(Code::PossibleTypo), Level::On(Severity::Information));
        assert_eq!(c.knowledge_base, [PathBuf::from("/c/entities.toml")]);
    }

    #[test]
    fn parses_every_section() {
        let text = r#"
[corpus]
include = ["articles/**/*.txt"]
knowledge-base = ["kb/people.toml"]
[style]
spelling = "british"
korean-given-names = "spaced"
quotations = "check"
[checks]
possible-typo = "off"
house-style = "error"
"#;
        let (c, errs) = Config::parse(Path::new("/c"), Path::new("/c/byline.toml"), text);
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(c.spelling, SpellingStyle::British);
        assert_eq!(c.korean_names, KoreanNames::Spaced);
        assert_eq!(c.quotations, Quotations::Check);
        assert_eq!(c.level(Code::PossibleTypo), Level::Off);
        assert_eq!(c.level(Code::HouseStyle), Level::On(Severity::Error));
        assert_eq!(c.knowledge_base, [PathBuf::from("/c/kb/people.toml")]);
    }

    #[test]
    fn the_project_file_wins_over_editor_settings() {
        let (editor, errs) = RawConfig::from_json(&serde_json::json!({
            "style": {"spelling": "british", "quotations": "check"},
            "checks": {"possibleTypo": "off", "houseStyle": "hint"},
            "corpus": {"include": ["news/**/*.txt"]}
        }));
        assert!(errs.is_empty(), "{errs:?}");
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("byline.toml"), "[style]\nspelling = \"american\"\n[checks]\nhouse-style = \"error\"\n").unwrap();
        let (c, errs) = Config::load_with(dir.path(), Some(editor));
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(c.spelling, SpellingStyle::American);
        assert_eq!(c.quotations, Quotations::Check);
        assert_eq!(c.level(Code::PossibleTypo), Level::Off);
        assert_eq!(c.level(Code::HouseStyle), Level::On(Severity::Error));
        assert_eq!(c.include, ["news/**/*.txt"]);
    }

    #[test]
    fn bad_editor_settings_are_reported() {
        let (_, errs) = RawConfig::from_json(&serde_json::json!({"style": {"spelling": "klingon"}, "corpus": {"include": "x"}}));
        assert_eq!(errs.len(), 2, "{errs:?}");
    }

    #[test]
    fn errors_point_at_the_bad_value() {
        let text = "[style]\nspelling = \"martian\"\n";
        let (c, errs) = Config::parse(Path::new("/c"), Path::new("byline.toml"), text);
        assert_eq!(c.spelling, SpellingStyle::Auto);
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].line, 2);
        let (_, errs) = Config::parse(Path::new("/c"), Path::new("byline.toml"), "[checks]\ntypo = \"warning\"\nhouse-style = \"loud\"\n");
        assert_eq!(errs.len(), 2);
        assert_eq!((errs[0].line, errs[1].line), (2, 3));
    }
}
