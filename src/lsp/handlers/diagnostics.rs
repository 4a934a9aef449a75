//! Diagnostics: the findings of a document as LSP diagnostics with a
//! fingerprint ([`doc_diagnostics`], shared by pushing and pulling), and the
//! pull requests `textDocument/diagnostic` and `workspace/diagnostic`, which
//! answer "unchanged" when the client's result id is the fingerprint.

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::fmt::{self, Write as _};
use std::hash::Hasher;

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::super::state::State;
use super::super::to_proto;
use crate::corpus::findings::doc_findings;
use crate::corpus::{Corpus, Document};
use crate::text::Encoding;

/// The diagnostics of one document, and their fingerprint: the result id when
/// pulled, what was last sent when pushed.
pub fn doc_diagnostics(c: &Corpus, d: &Document, enc: Encoding, related: bool) -> (Vec<Diagnostic>, u64) {
    let diags: Vec<Diagnostic> = doc_findings(c, d).iter().map(|f| to_proto::diagnostic(c, d, f, enc, related)).collect();
    let fp = fingerprint(&diags);
    (diags, fp)
}

/// The hash of the diagnostics' `Debug` text, streamed into the hasher: the value
/// hashing `format!("{diags:?}")` gives, without building the string.
fn fingerprint(diags: &[Diagnostic]) -> u64 {
    struct Sink<'a>(&'a mut DefaultHasher);
    impl fmt::Write for Sink<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            self.0.write(s.as_bytes());
            Ok(())
        }
    }
    let mut h = DefaultHasher::new();
    let _ = write!(Sink(&mut h), "{diags:?}");
    // What `str`'s `Hash` appends after the bytes.
    h.write_u8(0xff);
    h.finish()
}

/// A fingerprint as a result id.
fn result_id(fingerprint: u64) -> String {
    format!("{fingerprint:x}")
}

/// `textDocument/diagnostic`.
pub fn document(st: &State, p: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
    let (items, id) = st
        .doc(&p.text_document.uri)
        .map(|(c, d)| {
            let (items, fp) = doc_diagnostics(c, d, st.enc, true);
            (items, result_id(fp))
        })
        .unwrap_or_default();
    let report = if p.previous_result_id.as_deref() == Some(id.as_str()) && !id.is_empty() {
        DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
            related_documents: None,
            unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id: id },
        })
    } else {
        DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: (!id.is_empty()).then_some(id), items },
        })
    };
    Ok(DocumentDiagnosticReportResult::Report(report))
}

/// `workspace/diagnostic`: every document of the corpus.
pub fn workspace(st: &State, p: WorkspaceDiagnosticParams) -> Result<WorkspaceDiagnosticReportResult> {
    let previous: HashMap<String, String> = p.previous_result_ids.into_iter().map(|r| (r.uri.as_str().to_string(), r.value)).collect();
    let mut items = Vec::new();
    if let Some(c) = &st.corpus {
        for d in c.docs() {
            let Some(uri) = to_proto::uri(&d.path) else { continue };
            let (diags, fp) = doc_diagnostics(c, d, st.enc, true);
            let id = result_id(fp);
            let version = st.open.get(&d.path).map(|o| o.version as i64);
            if previous.get(uri.as_str()) == Some(&id) {
                items.push(WorkspaceDocumentDiagnosticReport::Unchanged(WorkspaceUnchangedDocumentDiagnosticReport {
                    uri,
                    version,
                    unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id: id },
                }));
            } else {
                items.push(WorkspaceDocumentDiagnosticReport::Full(WorkspaceFullDocumentDiagnosticReport {
                    uri,
                    version,
                    full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: Some(id), items: diags },
                }));
            }
        }
    }
    Ok(WorkspaceDiagnosticReportResult::Report(WorkspaceDiagnosticReport { items }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::Hash;

    #[test]
    fn fingerprints_equal_the_hash_of_the_debug_text() {
        let diag = |i: u32, msg: &str| Diagnostic {
            range: Range::new(Position::new(i, 1), Position::new(i, 9)),
            severity: Some(DiagnosticSeverity::WARNING),
            code: Some(NumberOrString::String("inconsistent-spelling".into())),
            source: Some("byline".into()),
            message: msg.into(),
            data: Some(serde_json::json!({"found": "Kim Jong Un", "preferred": "Kim Jong-un", "rule": "majority", "quoted": false})),
            ..Default::default()
        };
        for n in [0, 1, 3, 40] {
            let diags: Vec<Diagnostic> =
                (0..n).map(|i| diag(i, &"“Kim Jong Un” is spelled “Kim Jong-un” elsewhere. ".repeat(i as usize % 5 + 1))).collect();
            let mut h = DefaultHasher::new();
            format!("{diags:?}").hash(&mut h);
            assert_eq!(fingerprint(&diags), h.finish(), "{n} diagnostics");
        }
    }
}
