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
//!
//! Every setting is described once, in [`schema::SETTINGS`]; the editors' settings
//! and the settings tables of the READMEs are generated from it. Settings come from
//! two sources, each checked as it is read into a [`RawConfig`]: the file (`raw.rs`,
//! errors at a line and column) and the editor (`editor.rs`, errors naming the
//! setting's key); the file's is layered over the editor's.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::errors::FileError;
use crate::model::Code;
use crate::toml_file;

mod editor;
mod raw;
pub mod schema;

pub use raw::RawConfig;

/// The name of the configuration file at the corpus root.
pub const CONFIG_FILE: &str = "byline.toml";

/// The knowledge-base file at the corpus root when `[corpus] knowledge-base` is not
/// set (it may not exist: then there is no user knowledge base).
pub const KB_FILE: &str = "entities.toml";

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

/// How acronyms are written when the corpus has them in capitals and in title
/// case ("NATO" / "Nato").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Acronyms {
    /// NATO, UNESCO
    Upper,
    /// Nato, Unesco
    Title,
    /// The corpus majority.
    #[default]
    Majority,
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

impl Level {
    /// A check's level as written (`off` or a severity, any case).
    pub fn parse(s: &str) -> Result<Level, String> {
        if s.eq_ignore_ascii_case("off") {
            Ok(Level::Off)
        } else {
            Severity::parse(s)
                .map(Level::On)
                .ok_or_else(|| format!("unknown severity {s:?}: expected error, warning, information, hint or off"))
        }
    }
}

/// Default severity of a code.
pub fn default_level(code: Code) -> Level {
    match code {
        Code::InconsistentSpelling | Code::HouseStyle => Level::On(Severity::Warning),
        Code::PossibleVariant | Code::PossibleTypo | Code::StaleTitle => Level::On(Severity::Information),
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
    pub acronyms: Acronyms,
    pub quotations: Quotations,
    checks: BTreeMap<Code, Level>,
    /// Spellings whose findings are not reported (`[ignore] spellings`).
    pub ignore: Vec<String>,
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
            knowledge_base: vec![root.join(KB_FILE)],
            spelling: SpellingStyle::Auto,
            korean_names: KoreanNames::Auto,
            acronyms: Acronyms::Majority,
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
        match toml_file::read(&path, true) {
            Ok(Some(text)) => Config::parse(root, &path, &text, editor),
            Ok(None) => (Config::from_raw(root, editor.unwrap_or_default()), Vec::new()),
            Err(e) => (Config::from_raw(root, editor.unwrap_or_default()), vec![e]),
        }
    }

    /// Configuration text (the contents of `path`) over an editor's settings, with
    /// the problems of the text, in order.
    pub fn parse(root: &Path, path: &Path, text: &str, editor: Option<RawConfig>) -> (Config, Vec<FileError>) {
        let (file, mut errors) = RawConfig::from_file(&toml_file::TomlFile::new(path, text));
        let under = editor.unwrap_or_default();
        let raw = match file {
            Some(f) => f.over(under),
            None => under,
        };
        errors.sort_by_key(|e| (e.line, e.column));
        (Config::from_raw(root, raw), errors)
    }

    /// Builds a configuration from settings (checked when they were read).
    pub fn from_raw(root: &Path, raw: RawConfig) -> Config {
        let mut c = Config::default_for(root);
        if let Some(i) = raw.include {
            c.include = i;
        }
        if let Some(e) = raw.exclude {
            c.exclude = e;
        }
        if let Some(k) = raw.knowledge_base {
            c.knowledge_base = k.iter().map(|p| root.join(p)).collect();
        }
        c.ignore = raw.ignore;
        c.spelling = raw.spelling.unwrap_or_default();
        c.korean_names = raw.korean_given_names.unwrap_or_default();
        c.acronyms = raw.acronyms.unwrap_or_default();
        c.quotations = raw.quotations.unwrap_or_default();
        c.checks = raw.checks;
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

/// Compiles a corpus glob (`include`, `exclude`): relative to the corpus root, and
/// `*` does not cross `/` (`**` does). Settings are checked and the corpus is walked
/// with this one function.
pub fn glob(g: &str) -> Result<globset::Glob, globset::Error> {
    globset::GlobBuilder::new(g).literal_separator(true).build()
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
        let (c, errs) = Config::parse(Path::new("/c"), Path::new("/c/byline.toml"), text, None);
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
        let (c, errs) = Config::parse(Path::new("/c"), Path::new("byline.toml"), text, None);
        assert_eq!(c.spelling, SpellingStyle::Auto);
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].line, 2);
        let (_, errs) =
            Config::parse(Path::new("/c"), Path::new("byline.toml"), "[checks]\ntypo = \"warning\"\nhouse-style = \"loud\"\n", None);
        assert_eq!(errs.len(), 2);
        assert_eq!((errs[0].line, errs[1].line), (2, 3));
    }

    #[test]
    fn errors_in_a_file_with_a_byte_order_mark_are_located_in_the_file() {
        // The production path (read from disk, over editor settings): a value error
        // and a syntax error after a BOM point at the value, not 3 bytes early.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(CONFIG_FILE);
        let text = "\u{feff}[checks]\nhouse-style = \"loud\"\n[corpus]\ninclude = [\"a/[b\"]\n";
        std::fs::write(&path, text).unwrap();
        let (editor, _) = RawConfig::from_json(&serde_json::json!({"checks": {"houseStyle": "hint"}}));
        let (c, errs) = Config::load_with(dir.path(), Some(editor));
        let at: Vec<(u32, u32, &str)> = errs.iter().map(|e| (e.line, e.column, &text[e.span.clone().unwrap()])).collect();
        assert_eq!(at, [(2, 15, "\"loud\""), (4, 12, "\"a/[b\"")], "{errs:?}");
        assert!(errs.iter().all(|e| e.path == path && !e.fatal));
        // What the file could not say, the editor's settings say.
        assert_eq!(c.level(Code::HouseStyle), Level::On(Severity::Hint));
        std::fs::write(&path, "\u{feff}[style]\nspelling = \"martian\"\n").unwrap();
        let (_, errs) = Config::load_with(dir.path(), None);
        assert_eq!((errs[0].line, errs[0].column, errs[0].fatal), (2, 12, true), "{errs:?}");
    }

    #[test]
    fn corpus_globs_do_not_cross_folders_with_a_single_star() {
        let g = glob("*.txt").unwrap().compile_matcher();
        assert!(g.is_match("a.txt") && !g.is_match("news/a.txt"));
        assert!(glob("**/*.txt").unwrap().compile_matcher().is_match("news/a.txt"));
    }
}
