//! Semantic tokens: full (remembered per URI under a result id), as a delta
//! against the remembered ones, and for a range.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::super::core::Core;
use super::super::from_proto;
use super::super::semantic_tokens::{document_tokens, flatten, token_delta, unflatten};
use super::super::state::World;

/// `textDocument/semanticTokens/full` (before the first index, from the
/// document's own analysis).
pub fn full(core: &Core, st: &World, p: SemanticTokensParams) -> Result<Option<SemanticTokensResult>> {
    let data = {
        let Some((c, d)) = st.doc(&p.text_document.uri) else { return Ok(None) };
        document_tokens(c, d, st.enc, None)
    };
    let id = core.result_id();
    core.token_cache().insert(p.text_document.uri.as_str().to_string(), (id.clone(), flatten(&data)));
    Ok(Some(SemanticTokensResult::Tokens(SemanticTokens { result_id: Some(id), data })))
}

/// `textDocument/semanticTokens/full/delta`: an edit against the tokens sent
/// under `previous_result_id`, or all of them if those are not remembered.
pub fn full_delta(core: &Core, st: &World, p: SemanticTokensDeltaParams) -> Result<Option<SemanticTokensFullDeltaResult>> {
    let data = {
        let Some((c, d)) = st.doc(&p.text_document.uri) else { return Ok(None) };
        flatten(&document_tokens(c, d, st.enc, None))
    };
    let id = core.result_id();
    let mut cache = core.token_cache();
    let key = p.text_document.uri.as_str().to_string();
    let previous = cache.get(&key).filter(|(rid, _)| *rid == p.previous_result_id).map(|(_, d)| d.clone());
    cache.insert(key, (id.clone(), data.clone()));
    Ok(Some(match previous {
        Some(old) => {
            SemanticTokensFullDeltaResult::TokensDelta(SemanticTokensDelta { result_id: Some(id), edits: token_delta(&old, &data) })
        }
        None => SemanticTokensFullDeltaResult::Tokens(SemanticTokens { result_id: Some(id), data: unflatten(&data) }),
    }))
}

/// `textDocument/semanticTokens/range`.
pub fn range(st: &World, p: SemanticTokensRangeParams) -> Result<Option<SemanticTokensRangeResult>> {
    let Some((c, d)) = st.doc(&p.text_document.uri) else { return Ok(None) };
    let Ok(span) = from_proto::range(&d.rope, p.range, st.enc) else { return Ok(None) };
    let data = document_tokens(c, d, st.enc, Some(&span));
    Ok(Some(SemanticTokensRangeResult::Tokens(SemanticTokens { result_id: None, data })))
}
