"""Every request Byline answers, from a VS Code and a Neovim client, structured
into the LSP 3.17 types by lsprotocol (a missing field, a bad enum or a wrong
type fails the test)."""
import asyncio

from lsprotocol import types
from pytest_lsp import LanguageClient

HAGUE = "2025-06-25-hague-nato-summit-wi-rutte.txt"


def position_of(text: str, needle: str) -> types.Position:
    at = text.index(needle)
    before = text[:at]
    line = before.count("\n")
    col = len(before.rsplit("\n", 1)[-1].encode("utf-16-le")) // 2
    return types.Position(line=line, character=col)


async def open_doc(client: LanguageClient, corpus, name=HAGUE):
    path = corpus / name
    text = open(path, encoding="utf-8", newline="").read()
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)
        )
    )
    # Indexing runs after `initialized` and requests are answered meanwhile from
    # what is indexed so far: wait until the server says its background work is
    # done (the `byline/status` request, `quiescent`).
    for _ in range(400):
        status = await client.protocol.send_request_async("byline/status", None)
        quiescent = status.get("quiescent") if isinstance(status, dict) else getattr(status, "quiescent", False)
        if quiescent:
            break
        await asyncio.sleep(0.05)
    else:
        raise AssertionError("the server never became quiescent")
    return uri, text


async def test_tokens_hover_and_diagnostics(client: LanguageClient, corpus):
    uri, text = await open_doc(client, corpus)
    doc = types.TextDocumentIdentifier(uri=uri)
    full = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=doc))
    assert len(full.data) % 5 == 0 and len(full.data) > 100
    rng = await client.text_document_semantic_tokens_range_async(
        types.SemanticTokensRangeParams(text_document=doc, range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=4, character=0)))
    )
    assert 0 < len(rng.data) < len(full.data)
    delta = await client.text_document_semantic_tokens_full_delta_async(
        types.SemanticTokensDeltaParams(text_document=doc, previous_result_id=full.result_id)
    )
    assert delta is not None
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc, position=position_of(text, "Seongrak Wi"))
    )
    assert "Wi Sung-lac" in hover.contents.value
    report = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(text_document=doc))
    assert any(d.data["found"] == "Seongrak Wi" for d in report.items)
    ws = await client.workspace_diagnostic_async(types.WorkspaceDiagnosticParams(previous_result_ids=[]))
    assert len(ws.items) == 14


async def test_actions_navigation_and_rename(client: LanguageClient, corpus):
    uri, text = await open_doc(client, corpus)
    doc = types.TextDocumentIdentifier(uri=uri)
    pos = position_of(text, "Seongrak Wi")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(text_document=doc, range=types.Range(start=pos, end=pos), context=types.CodeActionContext(diagnostics=[]))
    )
    titles = [a.title for a in actions]
    assert any(t.startswith("Replace with") for t in titles), titles
    fix_all = await client.text_document_code_action_async(
        types.CodeActionParams(text_document=doc, range=types.Range(start=pos, end=pos), context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll]))
    )
    assert fix_all and fix_all[0].kind == types.CodeActionKind.SourceFixAll
    tdp = types.TextDocumentPositionParams(text_document=doc, position=pos)
    definition = await client.text_document_definition_async(types.DefinitionParams(text_document=doc, position=pos))
    assert definition is not None
    refs = await client.text_document_references_async(
        types.ReferenceParams(text_document=doc, position=pos, context=types.ReferenceContext(include_declaration=True))
    )
    assert len(refs) >= 6
    hl = await client.text_document_document_highlight_async(types.DocumentHighlightParams(text_document=doc, position=pos))
    assert len(hl) >= 3
    prep = await client.text_document_prepare_rename_async(types.PrepareRenameParams(text_document=doc, position=pos))
    assert prep is not None
    edit = await client.text_document_rename_async(types.RenameParams(text_document=doc, position=pos, new_name="Wi Seong-rak"))
    assert edit.document_changes or edit.changes
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc))
    assert any(s.name == "Mark Rutte" for s in symbols)
    found = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="rutte"))
    assert found[0].name == "Mark Rutte"
    after = position_of(text, "Rutte")
    after = types.Position(line=after.line, character=after.character + 3)
    comp = await client.text_document_completion_async(types.CompletionParams(text_document=doc, position=after))
    assert any(i.label == "Mark Rutte" for i in comp.items)
    result = await client.workspace_execute_command_async(types.ExecuteCommandParams(command="byline.fixAllInCorpus", arguments=[]))
    assert result["applied"] > 0
    assert client.applied
