//! The Spark job's native steps (driven by `byline/spark.py`): the corpus's
//! files in path order, a partition's documents summarised and merged (emitted
//! as one record per entity and per word, for Spark's keyed aggregation),
//! entity summaries merged, and the decisions of the merged summary applied to
//! a partition's documents. See `byline::corpus::distributed`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use byline::config::Config;
use byline::corpus::distributed::{self, Decided as EngineDecided};
use byline::index::summary::{EntitySummary, Summary};
use byline::kb::Kb;
use pyo3::exceptions::{PyNotADirectoryError, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;

/// The configuration and knowledge base of a corpus folder, read once per process.
fn setup(py: Python<'_>, root: &Path) -> PyResult<(Config, Arc<Kb>)> {
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, (Config, Arc<Kb>)>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(v) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(root) {
        return Ok(v.clone());
    }
    if !root.is_dir() {
        return Err(PyNotADirectoryError::new_err(format!("{} is not a folder", root.display())));
    }
    let c = py.detach(|| byline::corpus::Corpus::open_empty(root, None));
    if let Some(e) = c.config_errors.iter().find(|e| e.fatal) {
        return Err(crate::file_error(py, e));
    }
    let v = (c.config, c.kb);
    cache.lock().unwrap_or_else(|e| e.into_inner()).insert(root.to_path_buf(), v.clone());
    Ok(v)
}

fn json_err(e: serde_json::Error) -> PyErr {
    PyValueError::new_err(format!("not a Byline summary: {e}"))
}

/// The corpus files of a folder, relative to it, in path order (a document's
/// number is its place in this list).
#[pyfunction]
fn discover(py: Python<'_>, root: PathBuf) -> PyResult<Vec<String>> {
    let (config, _) = setup(py, &root)?;
    Ok(py.detach(|| distributed::discover(&config)))
}

/// The merged summary of a partition's documents `(number, path)`, as records
/// for a keyed aggregation: `(entity key, entity summary JSON)` and `(word,
/// count)`; unreadable files are left out.
#[pyfunction]
fn summarize_partition(py: Python<'_>, root: PathBuf, items: Vec<(u32, String)>) -> PyResult<(Vec<(String, String)>, Vec<(String, u32)>)> {
    let (config, kb) = setup(py, &root)?;
    let s = py.detach(|| {
        items.par_iter().filter_map(|(id, rel)| distributed::summarize(&config, &kb, *id, rel).ok()).reduce(Summary::default, |mut a, b| {
            a.merge(b);
            a
        })
    });
    let entities = s.entities.iter().map(|(k, e)| Ok((k.clone(), serde_json::to_string(e).map_err(json_err)?))).collect::<PyResult<_>>()?;
    Ok((entities, s.words.into_iter().collect()))
}

/// Two summaries of one entity (JSON), merged.
#[pyfunction]
fn merge_entity(a: &str, b: &str) -> PyResult<String> {
    let key = "k".to_string();
    let mut s = Summary::default();
    s.entities.insert(key.clone(), serde_json::from_str::<EntitySummary>(a).map_err(json_err)?);
    let mut o = Summary::default();
    o.entities.insert(key.clone(), serde_json::from_str::<EntitySummary>(b).map_err(json_err)?);
    s.merge(o);
    serde_json::to_string(&s.entities[&key]).map_err(json_err)
}

/// A merged summary (JSON) from the aggregated records.
#[pyfunction]
fn summary_json(entities: Vec<(String, String)>, words: Vec<(String, u32)>) -> PyResult<String> {
    let mut s = Summary::default();
    for (k, e) in entities {
        s.entities.insert(k, serde_json::from_str(&e).map_err(json_err)?);
    }
    s.words = words.into_iter().collect();
    serde_json::to_string(&s).map_err(json_err)
}

/// The decisions of a merged summary for a corpus folder.
#[pyclass(frozen, module = "byline._byline")]
struct Decided {
    root: PathBuf,
    inner: EngineDecided,
}

#[pymethods]
impl Decided {
    #[new]
    fn new(py: Python<'_>, root: PathBuf, summary: &str) -> PyResult<Self> {
        let (config, kb) = setup(py, &root)?;
        let s: Summary = serde_json::from_str(summary).map_err(json_err)?;
        let inner = py.detach(|| EngineDecided::new(config, kb, &s));
        Ok(Decided { root, inner })
    }

    /// `(path, findings, export line)` of each readable document `(number, path)`
    /// of a partition: each finding as `check --format json` writes it, the
    /// line as `export --format jsonl` does.
    fn outputs(&self, py: Python<'_>, items: Vec<(u32, String)>) -> PyResult<Vec<(String, Vec<String>, String)>> {
        let (config, kb) = setup(py, &self.root)?;
        Ok(py.detach(|| {
            items
                .par_iter()
                .filter_map(|(id, rel)| {
                    let r = distributed::read(&config, &kb, *id, rel).ok()?;
                    let o = self.inner.outputs(&r);
                    Some((rel.clone(), o.findings, o.export))
                })
                .collect()
        }))
    }

    /// The number of entities and of distinct words the decisions were made on.
    fn sizes(&self) -> (usize, usize) {
        (self.inner.corpus.index.len(), self.inner.corpus.vocab.len())
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(discover, m)?)?;
    m.add_function(wrap_pyfunction!(summarize_partition, m)?)?;
    m.add_function(wrap_pyfunction!(merge_entity, m)?)?;
    m.add_function(wrap_pyfunction!(summary_json, m)?)?;
    m.add_class::<Decided>()?;
    Ok(())
}
