//! Code actions: replace one mention with the preferred form, fix all in this
//! file or in the corpus (one WorkspaceEdit, versioned for open documents), accept
//! a spelling as an alias (edits the knowledge base, creating it if absent), add
//! an unknown name to the knowledge base with the role and affiliation found,
//! ignore a spelling (edits byline.toml). Edits go to the editor; the server
//! writes nothing itself.

use std::path::Path;

use tower_lsp_server::ls_types::*;

use super::state::World;
use super::{from_proto, to_proto};
use crate::config::CONFIG_FILE;
use crate::corpus::findings::Finding;
use crate::corpus::query::Replacement;
use crate::corpus::tally::Tally;
use crate::corpus::{Corpus, Document};
use crate::kb::edit::{self, NewEntity};

fn action(
    title: String,
    kind: CodeActionKind,
    edit: WorkspaceEdit,
    diagnostics: Option<Vec<Diagnostic>>,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        diagnostics,
        edit: Some(edit),
        is_preferred: preferred.then_some(true),
        ..Default::default()
    })
}

/// A workspace edit that rewrites (or creates) a configuration file, if the
/// client can take it.
fn file_edit(st: &World, path: &Path, new_text: &str) -> Option<WorkspaceEdit> {
    let old = st.file_text(path);
    if old.is_none() && !(st.caps.document_changes && st.caps.create_files) {
        return None;
    }
    if st.caps.document_changes {
        return Some(WorkspaceEdit {
            document_changes: Some(DocumentChanges::Operations(to_proto::file_rewrite(path, old.as_deref(), new_text, st.enc))),
            ..Default::default()
        });
    }
    let old = old?;
    let end = to_proto::position(&ropey::Rope::from_str(&old), old.len(), st.enc);
    let uri = to_proto::uri(path)?;
    Some(WorkspaceEdit {
        changes: Some([(uri, vec![TextEdit::new(Range::new(Position::new(0, 0), end), new_text.to_string())])].into_iter().collect()),
        ..Default::default()
    })
}

fn fixes(c: &Corpus, st: &World, edits: &[Replacement]) -> WorkspaceEdit {
    to_proto::workspace_edit(c, edits, &st.versions(), st.enc, st.caps.document_changes)
}

/// The code actions at a range. Corpus-wide fixes read every document's
/// findings from the snapshot's cache (computed once).
pub fn code_actions(st: &World, p: &CodeActionParams) -> Result<Vec<CodeActionOrCommand>, String> {
    let Some(snap) = &st.snap else { return Ok(Vec::new()) };
    let Some((c, d)) = st.doc(&p.text_document.uri) else { return Ok(Vec::new()) };
    let Ok(range) = from_proto::range(&d.rope, p.range, st.enc) else { return Ok(Vec::new()) };
    let only_fix_all =
        p.context.only.as_ref().is_some_and(|o| o.iter().all(|k| *k == CodeActionKind::SOURCE_FIX_ALL || k.as_str().starts_with("source")));
    let findings = super::handlers::sync::findings(snap, d)?;
    let mut out = Vec::new();
    let fixable = |f: &Finding| f.correctable(&c.config);
    // Every automatic fix in the corpus, when an action needs it.
    let all_fixes: std::cell::OnceCell<Vec<Replacement>> = std::cell::OnceCell::new();
    let corpus_fixes = || all_fixes.get_or_init(|| snap.fix_edits(None, None));
    let in_file = || Tally::of(findings.iter(), &c.config).fix_all_title("in this file");
    if only_fix_all {
        let all = snap.fix_edits(Some(d.id), None);
        if !all.is_empty() {
            out.push(action(in_file(), CodeActionKind::SOURCE_FIX_ALL, fixes(c, st, &all), None, false));
        }
        return Ok(out);
    }
    let here: Vec<&Finding> = findings.iter().filter(|f| f.span.start <= range.end && range.start <= f.span.end).collect();
    for f in &here {
        let diag = to_proto::diagnostic(c, d, f, st.enc, true);
        if fixable(f) {
            let one = vec![Replacement { doc: d.id, span: f.span.clone(), text: f.data.preferred.clone() }];
            out.push(action(
                format!("Replace with “{}”", f.data.preferred),
                CodeActionKind::QUICKFIX,
                fixes(c, st, &one),
                Some(vec![diag.clone()]),
                true,
            ));
        }
        let same_in_file: Vec<Replacement> = findings
            .iter()
            .filter(|g| g.data.found == f.data.found && fixable(g))
            .map(|g| Replacement { doc: d.id, span: g.span.clone(), text: g.data.preferred.clone() })
            .collect();
        if same_in_file.len() > 1 {
            out.push(action(
                format!("Fix all “{}” in this file ({})", f.data.found, same_in_file.len()),
                CodeActionKind::QUICKFIX,
                fixes(c, st, &same_in_file),
                Some(vec![diag.clone()]),
                false,
            ));
        }
        if f.code.fixed_by_default() {
            let corpus_same = snap.fix_edits(None, Some(&f.data.found));
            if corpus_same.len() > same_in_file.len() {
                out.push(action(
                    format!("Fix all “{}” in the corpus ({})", f.data.found, corpus_same.len()),
                    CodeActionKind::QUICKFIX,
                    fixes(c, st, &corpus_same),
                    Some(vec![diag.clone()]),
                    false,
                ));
            }
        }
        // A name: accept the spelling into the knowledge base.
        if let Some((_, m)) = c.mention_at(d.id, f.span.start).filter(|(_, m)| m.span == f.span)
            && let Some(kb) = st.kb_file()
            && let Some(view) = c.key_of(d.id, m).and_then(|k| st.entity(&k))
        {
            let text = st.file_text(&kb).unwrap_or_default();
            if let Ok(new) = edit::add_alias(&text, &view.name, view.kind, &f.data.found)
                && let Some(e) = file_edit(st, &kb, &new)
            {
                out.push(action(
                    format!("Accept “{}” as a spelling of {}", f.data.found, view.name),
                    CodeActionKind::QUICKFIX,
                    e,
                    Some(vec![diag.clone()]),
                    false,
                ));
            }
        }
        let cfg = c.config.root.join(CONFIG_FILE);
        let text = st.file_text(&cfg).unwrap_or_default();
        if let Ok(new) = edit::ignore_spelling(&text, &f.data.found)
            && let Some(e) = file_edit(st, &cfg, &new)
        {
            out.push(action(format!("Ignore “{}” (byline.toml)", f.data.found), CodeActionKind::QUICKFIX, e, Some(vec![diag]), false));
        }
    }
    if !findings.is_empty() {
        let all = snap.fix_edits(Some(d.id), None);
        if all.len() > 1 {
            out.push(action(in_file(), CodeActionKind::QUICKFIX, fixes(c, st, &all), None, false));
        }
        let corpus_all = corpus_fixes();
        if corpus_all.len() > all.len() {
            out.push(action(snap.tally().fix_all_title("in the corpus"), CodeActionKind::QUICKFIX, fixes(c, st, corpus_all), None, false));
        }
    }
    add_to_kb(st, c, d, &range, &mut out);
    Ok(out)
}

/// "Add Kajsa Ollongren to the knowledge base as a person" for a name not in it.
fn add_to_kb(st: &World, c: &Corpus, d: &Document, range: &std::ops::Range<usize>, out: &mut Vec<CodeActionOrCommand>) {
    let Some((_, m)) = c.mention_at(d.id, range.start) else { return };
    let Some(key) = c.key_of(d.id, m) else { return };
    let Some(view) = st.entity(&key) else { return };
    if view.kb.is_some_and(|id| c.kb.entry(id).is_user()) {
        return;
    }
    let Some(kb) = st.kb_file() else { return };
    let text = st.file_text(&kb).unwrap_or_default();
    let e = NewEntity {
        name: view.name.clone(),
        kind: Some(view.kind),
        aliases: view.forms.iter().map(|(f, _)| f.clone()).filter(|f| *f != view.name).collect(),
        role: view.role.clone(),
        affiliation: view.affiliation.clone(),
    };
    if let Ok(new) = edit::add_entity(&text, &e)
        && let Some(we) = file_edit(st, &kb, &new)
    {
        let what = [view.role.as_deref(), view.affiliation.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ");
        let what = if what.is_empty() { String::new() } else { format!(" ({what})") };
        out.push(action(
            format!("Add {} to the knowledge base as a {}{what}", view.name, view.kind.word()),
            CodeActionKind::QUICKFIX,
            we,
            None,
            false,
        ));
    }
}
