//! The native module `byline._byline`: thin calls into the Byline engine for the
//! Python package `byline` (which wraps them in dataclasses, the spaCy component
//! and the Spark job). Results cross as JSON text, in the shapes the CLI writes,
//! so Python and the CLI cannot drift apart. Every call releases the GIL while
//! the engine works; batch calls run on all cores (rayon).

mod spark;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

use byline::corpus::{Corpus as EngineCorpus, export, json};
use byline::errors::FileError;
use byline::index::{DatedClaim, current_role};
use byline::kb::{Kb, load_user_kb};
use byline::model::{Date, DocAnalysis};
use byline::recognize::dates::PathDate;
use byline::recognize::{FileDates, analyze as engine_analyze};
use byline::text::CodePoints;
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyNotADirectoryError, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;
use serde::Serialize;

create_exception!(
    _byline,
    BylineError,
    PyException,
    "A problem in a user file (byline.toml, a knowledge base), with its path, line and column."
);

/// A [`FileError`] as a Python `BylineError` with `path`, `line` and `column`.
fn file_error(py: Python<'_>, e: &FileError) -> PyErr {
    let err = BylineError::new_err(e.to_string());
    let v = err.value(py);
    let _ = v.setattr("path", e.path.display().to_string());
    let _ = v.setattr("line", e.line);
    let _ = v.setattr("column", e.column);
    let _ = v.setattr("message", e.message.clone());
    err
}

/// Knowledge bases read from files, by path, with the modification time they
/// were read at (a changed file is read again).
fn kb_cache() -> &'static Mutex<HashMap<PathBuf, (Option<SystemTime>, Arc<Kb>)>> {
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, (Option<SystemTime>, Arc<Kb>)>>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// The built-in knowledge base, or the built-in one with a user's `entities.toml`.
/// Any problem in the file is an error.
fn kb_for(path: Option<&Path>) -> Result<Arc<Kb>, FileError> {
    let Some(path) = path else { return Ok(Kb::builtin()) };
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
    let mut cache = kb_cache().lock().unwrap_or_else(|e| e.into_inner());
    if let Some((m, kb)) = cache.get(path)
        && *m == modified
    {
        return Ok(kb.clone());
    }
    if !path.is_file() {
        return Err(FileError::whole(path, "no such knowledge-base file"));
    }
    let (entries, errors) = load_user_kb(&[path]);
    if let Some(e) = errors.into_iter().next() {
        return Err(e);
    }
    let kb = Arc::new(Kb::with_user(entries));
    cache.insert(path.to_path_buf(), (modified, kb.clone()));
    Ok(kb)
}

fn parse_date(date: Option<&str>) -> PyResult<FileDates> {
    let Some(s) = date else { return Ok(FileDates::default()) };
    let d = Date::parse(s.trim()).ok_or_else(|| PyValueError::new_err(format!("date {s:?}: expected YYYY-MM-DD")))?;
    // A date given by the caller is stated, as a date in the file's name is.
    Ok(FileDates { name: Some(PathDate::Day(d)), modified: None })
}

/// One mention as `byline.analyze` returns it.
#[derive(Serialize)]
struct PyMention<'a> {
    start: usize,
    end: usize,
    label: &'static str,
    text: &'a str,
    entity: &'a str,
    role: Option<String>,
    affiliation: Option<String>,
    /// The text the role or affiliation was read from.
    evidence: Option<&'a str>,
    /// A surname-only or acronym reference to a fuller form.
    short: bool,
}

/// A document's mentions with code-point offsets, each with its entity's role,
/// affiliation and the evidence for them.
fn mentions_json(text: &str, a: &DocAnalysis) -> String {
    let date = a.date.map(|(d, _)| d);
    let per_entity: Vec<(Option<String>, Option<String>, Option<&str>)> = a
        .entities
        .iter()
        .map(|e| {
            let claims: Vec<DatedClaim> =
                e.claims.iter().map(|c| DatedClaim { doc: 0, date, file_date: false, claim: c.clone() }).collect();
            let (role, affiliation) = current_role(&claims);
            let evidence = e
                .claims
                .iter()
                .find(|c| (role.is_some() && c.role == role) || (role.is_none() && c.affiliation == affiliation))
                .and_then(|c| text.get(c.span.clone()));
            (role, affiliation, evidence)
        })
        .collect();
    let mut cp = CodePoints::new(text);
    let out: Vec<PyMention> = a
        .mentions
        .iter()
        .map(|m| {
            let (role, affiliation, evidence) = per_entity[m.entity].clone();
            PyMention {
                start: cp.at(m.span.start),
                end: cp.at(m.span.end),
                label: m.kind.label(),
                text: &text[m.span.clone()],
                entity: &a.entities[m.entity].name,
                role,
                affiliation,
                evidence,
                short: m.short,
            }
        })
        .collect();
    serde_json::to_string(&out).unwrap_or_else(|_| "[]".into())
}

/// The mentions of one text as JSON (see `byline.analyze`).
#[pyfunction]
#[pyo3(signature = (text, kb=None, date=None))]
fn analyze(py: Python<'_>, text: &str, kb: Option<PathBuf>, date: Option<&str>) -> PyResult<String> {
    let file = parse_date(date)?;
    let kb = py.detach(|| kb_for(kb.as_deref())).map_err(|e| file_error(py, &e))?;
    Ok(py.detach(|| mentions_json(text, &engine_analyze(text, &kb, file))))
}

/// [`analyze`] of many texts, in parallel on every core.
#[pyfunction]
#[pyo3(signature = (texts, kb=None, date=None))]
fn analyze_batch(py: Python<'_>, texts: Vec<String>, kb: Option<PathBuf>, date: Option<&str>) -> PyResult<Vec<String>> {
    let file = parse_date(date)?;
    let kb = py.detach(|| kb_for(kb.as_deref())).map_err(|e| file_error(py, &e))?;
    Ok(py.detach(|| texts.par_iter().map(|t| mentions_json(t, &engine_analyze(t, &kb, file))).collect()))
}

/// A corpus folder, analysed (see `byline.Corpus`).
#[pyclass(frozen, module = "byline._byline")]
struct Corpus {
    inner: EngineCorpus,
}

#[pymethods]
impl Corpus {
    #[new]
    fn new(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        if !path.is_dir() {
            return Err(PyNotADirectoryError::new_err(format!("{} is not a folder", path.display())));
        }
        let inner = py.detach(|| EngineCorpus::open(&path));
        if let Some(e) = inner.config_errors.iter().find(|e| e.fatal) {
            return Err(file_error(py, e));
        }
        Ok(Corpus { inner })
    }

    /// Problems in `byline.toml` or the knowledge base that did not stop the
    /// corpus from opening, and files skipped, as "path:line:column: message".
    #[getter]
    fn warnings(&self) -> Vec<String> {
        let c = &self.inner;
        c.config_errors.iter().map(ToString::to_string).chain(c.skipped.iter().map(ToString::to_string)).collect()
    }

    /// The documents' paths relative to the corpus folder, in id order.
    fn paths(&self) -> Vec<String> {
        self.inner.docs().map(|d| d.rel.clone()).collect()
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// `byline entities --format json`, as JSON.
    fn entities_json(&self, py: Python<'_>) -> String {
        py.detach(|| {
            let list: Vec<byline::corpus::view::EntitySummary> = self.inner.entities().iter().map(Into::into).collect();
            serde_json::to_string(&list).unwrap_or_else(|_| "[]".into())
        })
    }

    /// `byline check --format json` (every severity), as JSON.
    fn findings_json(&self, py: Python<'_>) -> String {
        py.detach(|| {
            let c = &self.inner;
            let mut out: Vec<String> = Vec::new();
            byline::corpus::findings::each_document_findings(c, |fs| {
                out.extend(fs.iter().filter_map(|f| json::finding(c, f)).filter_map(|j| serde_json::to_string(&j).ok()))
            });
            format!("[{}]", out.join(","))
        })
    }

    /// `byline export --format FORMAT`: the text of `jsonl` or `conll`; `brat`
    /// writes a folder (`out`) and returns None.
    #[pyo3(signature = (format="jsonl", out=None))]
    fn export(&self, py: Python<'_>, format: &str, out: Option<PathBuf>) -> PyResult<Option<String>> {
        let c = &self.inner;
        match format {
            "jsonl" | "conll" => {
                let mut buf: Vec<u8> = Vec::new();
                py.detach(|| if format == "jsonl" { export::jsonl(c, &mut buf) } else { export::conll_all(c, &mut buf) })?;
                let text = String::from_utf8(buf).map_err(|e| PyValueError::new_err(e.to_string()))?;
                match out {
                    Some(p) => {
                        std::fs::write(&p, text)?;
                        Ok(None)
                    }
                    None => Ok(Some(text)),
                }
            }
            "brat" => {
                let dir = out.ok_or_else(|| PyValueError::new_err("brat export writes a folder of .txt/.ann files: give it as out="))?;
                py.detach(|| export::brat(c, &dir)).map_err(pyo3::exceptions::PyOSError::new_err)?;
                Ok(None)
            }
            other => Err(PyValueError::new_err(format!("unknown export format {other:?}: expected jsonl, conll or brat"))),
        }
    }
}

#[pymodule]
fn _byline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("BylineError", m.py().get_type::<BylineError>())?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_batch, m)?)?;
    m.add_class::<Corpus>()?;
    spark::register(m)?;
    Ok(())
}
