//! Requests that answer with edits: code actions (built in
//! [`super::super::actions`]), the fix-all command (applied through the client)
//! and rename (mentions across the corpus, plus the knowledge-base entry).

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::super::capabilities::FIX_ALL_IN_CORPUS;
use super::super::core::Core;
use super::super::state::World;
use super::super::to_proto;
use super::{entity_at, invalid};
use crate::corpus::query::Replacement;
use crate::kb::edit;

/// `textDocument/codeAction`.
pub fn code_action(st: &World, p: CodeActionParams) -> Result<Option<CodeActionResponse>> {
    super::super::actions::code_actions(st, &p).map(Some).map_err(|e| super::super::core::internal("code actions", &e))
}

/// `workspace/executeCommand`: [`FIX_ALL_IN_CORPUS`] asks the client to apply
/// every automatic fix and answers how many were applied.
pub async fn execute_command(core: &Core, p: ExecuteCommandParams) -> Result<Option<serde_json::Value>> {
    match p.command.as_str() {
        FIX_ALL_IN_CORPUS => {
            let edit = core
                .read_blocking("fixAllInCorpus", true, |st| {
                    let Some(snap) = &st.snap else { return Ok(None) };
                    let fixes = snap.fix_edits(None, None);
                    Ok(Some((
                        to_proto::workspace_edit(&snap.corpus, &fixes, &st.versions(), st.enc, st.caps.document_changes),
                        fixes.len(),
                    )))
                })
                .await?;
            let Some(edit) = edit else { return Ok(None) };
            if edit.1 == 0 {
                return Ok(Some(serde_json::json!({"applied": 0})));
            }
            let applied = core.client.apply_edit(edit.0).await.map(|r| r.applied).unwrap_or(false);
            Ok(Some(serde_json::json!({"applied": if applied { edit.1 } else { 0 }})))
        }
        other => Err(invalid(format!("unknown command {other:?}"))),
    }
}

/// `textDocument/prepareRename`: the mention and the entity's preferred name.
pub fn prepare_rename(st: &World, p: TextDocumentPositionParams) -> Result<Option<PrepareRenameResponse>> {
    let Some((keys, span)) = entity_at(st, &p.text_document.uri, p.position) else {
        return Err(invalid("there is no name here to rename"));
    };
    let Some((_, d)) = st.doc(&p.text_document.uri) else { return Ok(None) };
    let name = st.entity(&keys[0]).map(|v| v.name.clone()).unwrap_or_default();
    Ok(Some(PrepareRenameResponse::RangeWithPlaceholder { range: to_proto::range(&d.rope, &span, st.enc), placeholder: name }))
}

/// `textDocument/rename`: every mention of the entity in the corpus, and its
/// knowledge-base entry.
pub fn rename(st: &World, p: RenameParams) -> Result<Option<WorkspaceEdit>> {
    let new_name = p.new_name.trim().to_string();
    if new_name.is_empty() {
        return Err(invalid("the new name is empty"));
    }
    let pos = p.text_document_position;
    let Some((keys, _)) = entity_at(st, &pos.text_document.uri, pos.position) else {
        return Err(invalid("there is no name here to rename"));
    };
    let Some(c) = st.corpus() else { return Ok(None) };
    let edits: Vec<Replacement> = c.rename_edits(&keys, &new_name);
    let mut edit = to_proto::workspace_edit(c, &edits, &st.versions(), st.enc, true);
    // The knowledge-base entry is renamed too.
    let old = st.entity(&keys[0]).map(|v| v.name.clone()).unwrap_or_default();
    if let Some(kb) = st.kb_file()
        && let Some(text) = st.file_text(&kb)
        && let Ok(Some(new_text)) = edit::rename(&text, &old, &new_name)
        && let Some(DocumentChanges::Edits(list)) = edit.document_changes.take()
    {
        let mut ops: Vec<DocumentChangeOperation> = list.into_iter().map(DocumentChangeOperation::Edit).collect();
        ops.extend(to_proto::file_rewrite(&kb, Some(&text), &new_text, st.enc));
        edit.document_changes = Some(DocumentChanges::Operations(ops));
    }
    if !st.caps.document_changes
        && let Some(DocumentChanges::Edits(list)) = edit.document_changes.take()
    {
        edit.changes = Some(
            list.into_iter()
                .map(|e| {
                    (
                        e.text_document.uri,
                        e.edits
                            .into_iter()
                            .map(|x| match x {
                                OneOf::Left(t) => t,
                                OneOf::Right(a) => a.text_edit,
                            })
                            .collect(),
                    )
                })
                .collect(),
        );
    }
    Ok(Some(edit))
}
