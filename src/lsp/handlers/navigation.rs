//! Reading the corpus from a position or a query: hover, definition,
//! references, highlights, document and workspace symbols, completion of names.
//! All of them read a snapshot ([`World`]) only.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;

use super::super::state::World;
use super::super::{from_proto, to_proto};
use super::entity_at;

/// `textDocument/hover`: the entity's summary, roles, spellings and a sentence.
pub fn hover(st: &World, p: HoverParams) -> Result<Option<Hover>> {
    let pos = p.text_document_position_params;
    let Some((keys, span)) = entity_at(st, &pos.text_document.uri, pos.position) else { return Ok(None) };
    let Some((c, d)) = st.doc(&pos.text_document.uri) else { return Ok(None) };
    // An entity the index does not hold yet (the document was just edited):
    // from the document alone.
    let view = st.entity(&keys[0]).or_else(|| {
        let (_, m) = c.mention_at(d.id, span.start)?;
        c.doc_entity_view(d, m.entity).map(std::sync::Arc::new)
    });
    let Some(view) = view else { return Ok(None) };
    Ok(Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: to_proto::hover_markdown(c, &view) }),
        range: Some(to_proto::range(&d.rope, &span, st.enc)),
    }))
}

/// `textDocument/definition`: the knowledge-base entry, else the first mention in
/// the corpus.
pub fn goto_definition(st: &World, p: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
    let pos = p.text_document_position_params;
    let Some((keys, _)) = entity_at(st, &pos.text_document.uri, pos.position) else { return Ok(None) };
    let Some(c) = st.corpus() else { return Ok(None) };
    if let Some(id) = keys.iter().find_map(|k| c.index.get(k).and_then(|g| g.kb))
        && let crate::kb::Source::User { path, line } = &c.kb.entry(id).source
        && let Some(u) = to_proto::uri(path)
    {
        let l = line.saturating_sub(1);
        return Ok(Some(GotoDefinitionResponse::Scalar(Location::new(u, Range::new(Position::new(l, 0), Position::new(l, 0))))));
    }
    let Some(m) = c.first_mention(&keys) else { return Ok(None) };
    let Some(d) = c.doc(m.doc) else { return Ok(None) };
    Ok(to_proto::uri(&d.path).map(|u| GotoDefinitionResponse::Scalar(Location::new(u, to_proto::range(&d.rope, &m.span, st.enc)))))
}

/// `textDocument/references`: every mention of the entity in the corpus.
pub fn references(st: &World, p: ReferenceParams) -> Result<Option<Vec<Location>>> {
    let pos = p.text_document_position;
    let Some((keys, _)) = entity_at(st, &pos.text_document.uri, pos.position) else { return Ok(None) };
    let Some(c) = st.corpus() else { return Ok(None) };
    let locs = c
        .mentions_of(&keys)
        .into_iter()
        .filter_map(|m| {
            let d = c.doc(m.doc)?;
            Some(Location::new(to_proto::uri(&d.path)?, to_proto::range(&d.rope, &m.span, st.enc)))
        })
        .collect();
    Ok(Some(locs))
}

/// `textDocument/documentHighlight`: the entity's mentions in this document.
pub fn document_highlight(st: &World, p: DocumentHighlightParams) -> Result<Option<Vec<DocumentHighlight>>> {
    let pos = p.text_document_position_params;
    let Some((keys, _)) = entity_at(st, &pos.text_document.uri, pos.position) else { return Ok(None) };
    let Some((c, d)) = st.doc(&pos.text_document.uri) else { return Ok(None) };
    let out = d
        .analysis
        .mentions
        .iter()
        .filter(|m| c.key_of(d.id, m).is_some_and(|k| keys.contains(&k)))
        .map(|m| DocumentHighlight { range: to_proto::range(&d.rope, &m.span, st.enc), kind: Some(DocumentHighlightKind::TEXT) })
        .collect();
    Ok(Some(out))
}

/// `textDocument/documentSymbol`: the document's entities.
pub fn document_symbol(st: &World, p: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
    let Some((c, d)) = st.doc(&p.text_document.uri) else { return Ok(None) };
    #[allow(deprecated)]
    let symbols = c
        .doc_entities(d.id)
        .into_iter()
        .map(|(key, name, kind, span)| {
            let r = to_proto::range(&d.rope, &span, st.enc);
            DocumentSymbol {
                name,
                detail: st.entity(&key).map(|v| to_proto::summary(&v)),
                kind: to_proto::symbol_kind(kind),
                tags: None,
                deprecated: None,
                range: r,
                selection_range: r,
                children: None,
            }
        })
        .collect();
    Ok(Some(DocumentSymbolResponse::Nested(symbols)))
}

/// `workspace/symbol`: entities of the corpus matching the query.
pub fn symbol(st: &World, p: WorkspaceSymbolParams) -> Result<Option<WorkspaceSymbolResponse>> {
    let Some(snap) = &st.snap else { return Ok(None) };
    let c = &snap.corpus;
    let out = crate::corpus::query::search_entities_in(&snap.entities(), &p.query, 200)
        .into_iter()
        .filter_map(|v| {
            let m = c.first_mention(&v.keys)?;
            let d = c.doc(m.doc)?;
            Some(WorkspaceSymbol {
                name: v.name.clone(),
                kind: to_proto::symbol_kind(v.kind),
                tags: None,
                container_name: Some(to_proto::summary(&v)),
                location: OneOf::Left(Location::new(to_proto::uri(&d.path)?, to_proto::range(&d.rope, &m.span, st.enc))),
                data: None,
            })
        })
        .collect();
    Ok(Some(WorkspaceSymbolResponse::Nested(out)))
}

/// `textDocument/completion`: names of the corpus for the word being typed.
pub fn completion(st: &World, p: CompletionParams) -> Result<Option<CompletionResponse>> {
    let pos = p.text_document_position;
    let Some((_, d)) = st.doc(&pos.text_document.uri) else { return Ok(None) };
    let Ok(off) = from_proto::offset(&d.rope, pos.position, st.enc) else { return Ok(None) };
    // The name being typed: letters, hyphens and apostrophes before the cursor
    // (and one space-separated word before, for "Lee Jae").
    let line_start = d.rope.line_to_byte(d.rope.byte_to_line(off));
    let before = d.rope.byte_slice(line_start..off).to_string();
    let word_start = before
        .rfind(|ch: char| !(ch.is_alphanumeric() || ch == '-' || ch == '\'' || ch == '.'))
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let prefix = &before[word_start..];
    if prefix.is_empty() {
        return Ok(None);
    }
    let range = to_proto::range(&d.rope, &(line_start + word_start..off), st.enc);
    let Some(snap) = &st.snap else { return Ok(None) };
    let items = crate::corpus::query::complete_names_in(&snap.entities(), prefix, 50)
        .into_iter()
        .map(|v| CompletionItem {
            label: v.name.clone(),
            kind: Some(to_proto::completion_kind(v.kind)),
            detail: Some(to_proto::summary(&v)),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(range, v.name.clone()))),
            filter_text: Some(
                v.forms.iter().map(|(f, _)| f.as_str()).chain(std::iter::once(v.name.as_str())).collect::<Vec<_>>().join(" "),
            ),
            ..Default::default()
        })
        .collect();
    Ok(Some(CompletionResponse::List(CompletionList { is_incomplete: true, items })))
}
