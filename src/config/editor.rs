//! An editor's settings (JSON: `initializationOptions`,
//! `workspace/didChangeConfiguration`), read by the table of every setting,
//! [`SETTINGS`]. Keys are camelCase (or kebab-case, as in `byline.toml`), nested by
//! section. A problem names the setting's key (there is no file to point into) and
//! leaves the setting out, so `byline.toml` or the default applies.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::schema::{Field, SETTINGS, Setting, kebab};
use super::{Level, RawConfig};
use crate::errors::SettingError;

/// Reads the setting's value from an editor into `raw`, or says what is wrong.
fn read(s: &Setting, x: &Value, raw: &mut RawConfig) -> Result<(), String> {
    let strings = || serde_json::from_value::<Vec<String>>(x.clone()).map_err(|_| "expected a list of strings".to_string());
    let globs = || -> Result<Vec<String>, String> {
        let list = strings()?;
        match list.iter().find_map(|g| super::glob(g).err().map(|e| format!("bad glob {g:?}: {e}"))) {
            Some(e) => Err(e),
            None => Ok(list),
        }
    };
    match s.field {
        Field::Client => {}
        Field::Include => raw.include = Some(globs()?),
        Field::Exclude => raw.exclude = Some(globs()?),
        Field::KnowledgeBase => raw.knowledge_base = Some(strings()?),
        Field::Spelling => raw.spelling = Some(choice(s, x)?),
        Field::KoreanGivenNames => raw.korean_given_names = Some(choice(s, x)?),
        Field::Acronyms => raw.acronyms = Some(choice(s, x)?),
        Field::Quotations => raw.quotations = Some(choice(s, x)?),
        Field::Check(code) => {
            let level = x.as_str().ok_or_else(|| format!("expected error, warning, information, hint or off, not {x}"))?;
            raw.checks.insert(code, Level::parse(level)?);
        }
        Field::IgnoreSpellings => raw.ignore = strings()?,
    }
    Ok(())
}

/// An enum setting's value as its Rust type (serde names are the choices).
fn choice<T: DeserializeOwned>(s: &Setting, x: &Value) -> Result<T, String> {
    serde_json::from_value(x.clone()).map_err(|_| {
        let names: Vec<&str> = s.choices().iter().map(|c| c.value).collect();
        format!("unknown value {x}: expected {}", names.join(", "))
    })
}

/// Whether a key as written is `camel` or its kebab-case spelling.
fn spells(key: &str, camel: &str) -> bool {
    key == camel || key == kebab(camel)
}

/// The value of `camel` (or its kebab-case spelling, if not both) in `o`, with the
/// key as written; null is absent.
fn lookup<'v>(o: &'v Map<String, Value>, camel: &str) -> Option<(&'v str, &'v Value)> {
    let kebab = kebab(camel);
    [camel, kebab.as_str()].into_iter().find_map(|k| o.get_key_value(k)).filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.as_str(), v))
}

impl RawConfig {
    /// Settings from JSON (an editor's `byline` settings): the keys of
    /// [`SETTINGS`] (camelCase, or kebab-case as in `byline.toml`), nested by
    /// section. Unknown keys and bad values are returned as errors naming the key,
    /// and otherwise ignored.
    pub fn from_json(v: &Value) -> (RawConfig, Vec<SettingError>) {
        let mut raw = RawConfig::default();
        let mut errors = Vec::new();
        let err = |key: String, message: String| SettingError { key: format!("byline.{key}"), message };
        let Some(top) = v.as_object() else {
            if !v.is_null() {
                errors.push(SettingError { key: "byline".into(), message: "expected an object".into() });
            }
            return (raw, errors);
        };
        let server = || SETTINGS.iter().filter(|s| s.is_server());
        let section_of = |s: &Setting| s.key.split_once('.').map_or((s.key, ""), |(a, b)| (a, b));
        // Known sections first, in the table's order.
        let mut sections: Vec<&str> = server().map(|s| section_of(s).0).collect();
        sections.dedup();
        for section in sections {
            let Some((sec_key, sec)) = lookup(top, section) else { continue };
            let Some(sec) = sec.as_object() else {
                errors.push(err(sec_key.into(), "expected an object".into()));
                continue;
            };
            for s in server().filter(|s| section_of(s).0 == section) {
                if let Some((key, x)) = lookup(sec, section_of(s).1)
                    && let Err(m) = read(s, x, &mut raw)
                {
                    errors.push(err(format!("{sec_key}.{key}"), m));
                }
            }
            for key in sec.keys() {
                if !server().any(|s| section_of(s).0 == section && spells(key, section_of(s).1)) {
                    let known = server().filter(|s| section_of(s).0 == section).map(|s| section_of(s).1).collect::<Vec<_>>().join(", ");
                    let what = if section == "checks" {
                        format!("unknown check {key:?}; known checks: {known}")
                    } else {
                        format!("unknown setting; known settings of {sec_key}: {known}")
                    };
                    errors.push(err(format!("{sec_key}.{key}"), what));
                }
            }
        }
        // The extension's own settings may come along; anything else is unknown.
        for key in top.keys() {
            if !SETTINGS.iter().any(|s| spells(key, section_of(s).0)) {
                errors.push(err(key.clone(), "unknown setting".into()));
            }
        }
        (raw, errors)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::config::{Config, Severity};
    use crate::model::Code;

    #[test]
    fn reads_every_kind_of_setting_in_either_case() {
        let (raw, errs) = RawConfig::from_json(&json!({
            "corpus": {"include": ["a/**/*.txt"], "knowledge-base": ["kb.toml"]},
            "style": {"koreanGivenNames": "spaced", "quotations": "check"},
            "checks": {"houseStyle": "hint", "possible-typo": "OFF", "possibleVariant": "warn"},
            "ignore": {"spellings": ["Kiev"]},
            "path": "/usr/bin/byline", "trace": {"server": "off"}
        }));
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(raw.include.as_deref(), Some(&["a/**/*.txt".to_string()][..]));
        assert_eq!(raw.knowledge_base.as_deref(), Some(&["kb.toml".to_string()][..]));
        assert_eq!(raw.korean_given_names, Some(crate::config::KoreanNames::Spaced));
        assert_eq!(raw.checks[&Code::HouseStyle], Level::On(Severity::Hint));
        assert_eq!(raw.checks[&Code::PossibleTypo], Level::Off);
        assert_eq!(raw.checks[&Code::PossibleVariant], Level::On(Severity::Warning));
        assert_eq!(raw.ignore, ["Kiev"]);
    }

    #[test]
    fn errors_name_the_setting_not_a_file() {
        let (raw, errs) = RawConfig::from_json(&json!({
            "checks": {"houseStyle": "loud", "typo": "error", "possibleTypo": "hint"},
            "corpus": {"include": "x", "exclude": ["a/[b"]},
            "style": {"spelling": "klingon", "colour": "red"},
            "ignore": 3,
            "bogus": true
        }));
        let shown: Vec<String> = errs.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "byline.corpus.include: expected a list of strings",
                "byline.corpus.exclude: bad glob \"a/[b\": error parsing glob 'a/[b': unclosed character class; missing ']'",
                "byline.style.spelling: unknown value \"klingon\": expected auto, american, british",
                "byline.style.colour: unknown setting; known settings of style: spelling, koreanGivenNames, acronyms, quotations",
                "byline.checks.houseStyle: unknown severity \"loud\": expected error, warning, information, hint or off",
                "byline.checks.typo: unknown check \"typo\"; known checks: inconsistentSpelling, possibleVariant, houseStyle, possibleTypo, staleTitle",
                "byline.ignore: expected an object",
                "byline.bogus: unknown setting",
            ]
        );
        // The good values stand; the bad ones leave the defaults (or byline.toml).
        assert_eq!(raw.checks.len(), 1);
        assert_eq!(raw.include, None);
        let dir = tempfile::tempdir().unwrap();
        let (c, file_errors) = Config::load_with(dir.path(), Some(raw));
        assert!(file_errors.is_empty(), "editor settings errors are not errors in byline.toml: {file_errors:?}");
        assert_eq!(c.level(Code::PossibleTypo), Level::On(Severity::Hint));
        assert_eq!(c.level(Code::HouseStyle), Level::On(Severity::Warning));
    }
}
