//! Diagnostics: the findings of a document (cached in the snapshot) as LSP
//! diagnostics with a fingerprint ([`doc_diagnostics`], shared by pushing and
//! pulling), and the pull requests `textDocument/diagnostic` and
//! `workspace/diagnostic`, which answer "unchanged" when the client's result id
//! is the fingerprint.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::super::core::internal;
use super::super::state::World;
use super::super::to_proto;
use super::sync::findings;
use crate::corpus::{Document, Snapshot};
use crate::text::Encoding;

/// The diagnostics of one document, and their fingerprint: the result id when
/// pulled, what was last sent when pushed. An error if computing the findings
/// failed.
pub fn doc_diagnostics(snap: &Snapshot, d: &Document, enc: Encoding, related: bool) -> std::result::Result<(Vec<Diagnostic>, u64), String> {
    let found = findings(snap, d)?;
    let diags: Vec<Diagnostic> = found.iter().map(|f| to_proto::diagnostic(&snap.corpus, d, f, enc, related)).collect();
    let fp = fingerprint(&diags);
    Ok((diags, fp))
}

/// A hash of everything a client shows of the diagnostics, field by field.
fn fingerprint(diags: &[Diagnostic]) -> u64 {
    fn range(h: &mut FxHasher, r: &Range) {
        (r.start.line, r.start.character, r.end.line, r.end.character).hash(h);
    }
    let mut h = FxHasher::default();
    diags.len().hash(&mut h);
    for d in diags {
        range(&mut h, &d.range);
        let severity = [DiagnosticSeverity::ERROR, DiagnosticSeverity::WARNING, DiagnosticSeverity::INFORMATION, DiagnosticSeverity::HINT]
            .iter()
            .position(|s| d.severity == Some(*s));
        severity.hash(&mut h);
        match &d.code {
            Some(NumberOrString::String(s)) => s.hash(&mut h),
            Some(NumberOrString::Number(n)) => n.hash(&mut h),
            None => 0u8.hash(&mut h),
        }
        d.source.hash(&mut h);
        d.message.hash(&mut h);
        for r in d.related_information.iter().flatten() {
            r.location.uri.as_str().hash(&mut h);
            range(&mut h, &r.location.range);
            r.message.hash(&mut h);
        }
        d.data.as_ref().map(|v| v.to_string()).hash(&mut h);
    }
    h.finish()
}

/// A fingerprint as a result id.
fn result_id(fingerprint: u64) -> String {
    format!("{fingerprint:x}")
}

/// `textDocument/diagnostic`.
pub fn document(w: &World, p: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
    let (items, id) = match (w.snap.as_ref(), w.doc(&p.text_document.uri)) {
        (Some(snap), Some((_, d))) => {
            let (items, fp) = doc_diagnostics(snap, d, w.enc, true).map_err(|e| internal("diagnostics", &e))?;
            (items, result_id(fp))
        }
        _ => Default::default(),
    };
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

/// `workspace/diagnostic`: every document of the corpus (findings computed in
/// parallel, from the cache where they are known).
pub fn workspace(w: &World, p: WorkspaceDiagnosticParams) -> Result<WorkspaceDiagnosticReportResult> {
    let previous: HashMap<String, String> = p.previous_result_ids.into_iter().map(|r| (r.uri.as_str().to_string(), r.value)).collect();
    let mut items = Vec::new();
    if let Some(snap) = &w.snap {
        snap.compute_all();
        for d in snap.corpus.docs() {
            let Some(uri) = to_proto::uri(&d.path) else { continue };
            let Ok((diags, fp)) = doc_diagnostics(snap, d, w.enc, true) else { continue };
            let id = result_id(fp);
            let version = w.open.get(&d.path).map(|o| o.version as i64);
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

    #[test]
    fn fingerprints_change_with_what_clients_show() {
        let diag = |i: u32, msg: &str| Diagnostic {
            range: Range::new(Position::new(i, 1), Position::new(i, 9)),
            severity: Some(DiagnosticSeverity::WARNING),
            code: Some(NumberOrString::String("inconsistent-spelling".into())),
            source: Some("byline".into()),
            message: msg.into(),
            data: Some(serde_json::json!({"found": "Kim Jong Un", "preferred": "Kim Jong-un", "rule": "majority", "quoted": false})),
            ..Default::default()
        };
        let a = vec![diag(0, "x"), diag(1, "y")];
        assert_eq!(fingerprint(&a), fingerprint(&a.clone()));
        let mut b = a.clone();
        b[1].range.end.character = 10;
        assert_ne!(fingerprint(&a), fingerprint(&b));
        let mut c = a.clone();
        c[0].severity = Some(DiagnosticSeverity::ERROR);
        assert_ne!(fingerprint(&a), fingerprint(&c));
        assert_ne!(fingerprint(&a), fingerprint(&a[..1]));
        assert_ne!(fingerprint(&[]), fingerprint(&a[..1]));
    }
}
