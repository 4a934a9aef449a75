//! Settings from one source — `byline.toml` or an editor's settings — checked as
//! they are read, and layered (the file over the editor). Only valid values get
//! here: a problem is reported where it was written (a place in the file, or a
//! setting's key, see `schema`) and the value is left out, so the layer under it
//! applies.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::{Acronyms, KoreanNames, Level, Quotations, SpellingStyle};
use crate::errors::FileError;
use crate::model::Code;
use crate::toml_file::TomlFile;

/// Settings from one source; `None` (or absent) where the source says nothing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RawConfig {
    pub include: Option<Vec<String>>,
    pub exclude: Option<Vec<String>>,
    /// Relative to the corpus root.
    pub knowledge_base: Option<Vec<String>>,
    pub spelling: Option<SpellingStyle>,
    pub korean_given_names: Option<KoreanNames>,
    pub acronyms: Option<Acronyms>,
    pub quotations: Option<Quotations>,
    pub checks: BTreeMap<Code, Level>,
    /// Spellings never reported (the sources add up).
    pub ignore: Vec<String>,
}

impl RawConfig {
    /// These settings over `under`: every key set here wins, the rest comes from
    /// `under` (the project's byline.toml over the editor's settings). Ignored
    /// spellings add up.
    pub fn over(self, under: RawConfig) -> RawConfig {
        let mut checks = under.checks;
        checks.extend(self.checks);
        let mut ignore = under.ignore;
        ignore.extend(self.ignore);
        RawConfig {
            include: self.include.or(under.include),
            exclude: self.exclude.or(under.exclude),
            knowledge_base: self.knowledge_base.or(under.knowledge_base),
            spelling: self.spelling.or(under.spelling),
            korean_given_names: self.korean_given_names.or(under.korean_given_names),
            acronyms: self.acronyms.or(under.acronyms),
            quotations: self.quotations.or(under.quotations),
            checks,
            ignore,
        }
    }

    /// The settings of a `byline.toml`, and its problems at their place in the
    /// file. `None` when the file is not valid TOML or does not have the shape of
    /// a configuration (a fatal error).
    pub(super) fn from_file(file: &TomlFile) -> (Option<RawConfig>, Vec<FileError>) {
        let f: FileConfig = match file.parse() {
            Ok(f) => f,
            Err(e) => return (None, vec![e]),
        };
        let mut errors = Vec::new();
        // Bad globs are reported here and kept: the corpus walk skips them (and
        // says so).
        let mut globs = |list: Option<Vec<Spanned<String>>>| {
            let list = list?;
            for g in &list {
                if let Err(e) = super::glob(g.get_ref()) {
                    errors.push(file.error(g.span(), format!("bad glob {:?}: {e}", g.get_ref())));
                }
            }
            Some(list.into_iter().map(Spanned::into_inner).collect())
        };
        let include = globs(f.corpus.include);
        let exclude = globs(f.corpus.exclude);
        let mut checks = BTreeMap::new();
        for (name, level) in f.checks {
            let Some(code) = Code::parse(&name) else {
                errors.push(file.error(level.span(), format!("unknown check {name:?}; known checks: {}", Code::names())));
                continue;
            };
            match Level::parse(level.get_ref()) {
                Ok(l) => {
                    checks.insert(code, l);
                }
                Err(m) => errors.push(file.error(level.span(), m)),
            }
        }
        let raw = RawConfig {
            include,
            exclude,
            knowledge_base: f.corpus.knowledge_base,
            spelling: f.style.spelling,
            korean_given_names: f.style.korean_given_names,
            acronyms: f.style.acronyms,
            quotations: f.style.quotations,
            checks,
            ignore: f.ignore.spellings,
        };
        (Some(raw), errors)
    }
}

/// The shape of `byline.toml` (kebab-case keys; unknown keys are errors). The keys
/// are those of `schema::SETTINGS`, which a test checks.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileConfig {
    #[serde(default)]
    corpus: FileCorpus,
    #[serde(default)]
    style: FileStyle,
    #[serde(default)]
    checks: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    ignore: FileIgnore,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileCorpus {
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
    knowledge_base: Option<Vec<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileStyle {
    spelling: Option<SpellingStyle>,
    korean_given_names: Option<KoreanNames>,
    acronyms: Option<Acronyms>,
    quotations: Option<Quotations>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileIgnore {
    #[serde(default)]
    spellings: Vec<String>,
}
