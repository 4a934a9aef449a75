//! Engine -> LSP: byte ranges to LSP ranges (through [`crate::text`]), findings to
//! diagnostics, entity views to hover markdown, replacements to workspace edits.
//! Semantic tokens are in [`super::semantic_tokens`].

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use ropey::Rope;
use tower_lsp_server::ls_types::*;

use crate::config::Severity;
use crate::corpus::findings::Finding;
use crate::corpus::query::Replacement;
use crate::corpus::view::EntityView;
use crate::corpus::{Corpus, DocId, Document};
use crate::errors::FileError;
use crate::model::{Kind, Span, count};
use crate::text::{self, Encoding};

pub fn position(rope: &Rope, byte: usize, enc: Encoding) -> Position {
    let p = text::position(rope, byte, enc);
    Position::new(p.line, p.character)
}

pub fn range(rope: &Rope, span: &Span, enc: Encoding) -> Range {
    Range::new(position(rope, span.start, enc), position(rope, span.end, enc))
}

/// The URI of a path. Paths are never canonicalised on the way in, and the
/// client's own spelling of a URI is kept ([`super::from_proto::client_uri`]),
/// so this is the URI the client used (a workspace opened through a symlink
/// stays there; its percent-escapes are the client's).
pub fn uri(path: &Path) -> Option<Uri> {
    super::from_proto::client_uri(path)
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Information => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// A finding as a diagnostic; `data` carries what quick fixes need.
pub fn diagnostic(corpus: &Corpus, doc: &Document, f: &Finding, enc: Encoding, related: bool) -> Diagnostic {
    let related_information = related.then(|| {
        f.related
            .iter()
            .filter_map(|r| {
                let d = corpus.doc(r.doc)?;
                Some(DiagnosticRelatedInformation {
                    location: Location::new(uri(&d.path)?, range(&d.rope, &r.span, enc)),
                    message: r.message.clone(),
                })
            })
            .collect::<Vec<_>>()
    });
    Diagnostic {
        range: range(&doc.rope, &f.span, enc),
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.code.as_str().to_string())),
        code_description: None,
        source: Some("byline".into()),
        message: f.message.clone(),
        related_information: related_information.filter(|r| !r.is_empty()),
        tags: None,
        data: serde_json::to_value(&f.data).ok(),
    }
}

/// A configuration or knowledge-base error as a diagnostic in that file.
pub fn file_error(e: &FileError, text: &str, enc: Encoding) -> Diagnostic {
    let rope = Rope::from_str(text);
    let r = match &e.span {
        Some(s) => range(&rope, &(s.start.min(text.len())..s.end.min(text.len())), enc),
        None => Range::new(Position::new(0, 0), Position::new(0, 0)),
    };
    Diagnostic {
        range: r,
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some("byline".into()),
        message: e.message.clone(),
        ..Default::default()
    }
}

pub fn symbol_kind(k: Kind) -> SymbolKind {
    match k {
        Kind::Person => SymbolKind::VARIABLE,
        Kind::Org => SymbolKind::CLASS,
        Kind::Loc => SymbolKind::NAMESPACE,
    }
}

pub fn completion_kind(k: Kind) -> CompletionItemKind {
    match k {
        Kind::Person => CompletionItemKind::VARIABLE,
        Kind::Org => CompletionItemKind::CLASS,
        Kind::Loc => CompletionItemKind::MODULE,
    }
}

/// A one-line description: "person · President · South Korea".
pub fn summary(v: &EntityView) -> String {
    let mut parts = vec![v.kind.word().to_string()];
    parts.extend(v.role.clone());
    parts.extend(v.affiliation.clone());
    parts.join(" · ")
}

/// The mark of a role whose affiliation was inferred from the article's context
/// rather than written next to the person (explained once, under the list).
const INFERRED_MARK: &str = "†";

/// How many of a person's quotations the hover lists, and how many characters of each.
const HOVER_QUOTES: usize = 5;
const HOVER_QUOTE_CHARS: usize = 160;

/// A person's quotations for the hover, latest article first: "**Quotes**",
/// then "- 2025-06-04: “...” — *file*", and how many more.
fn quotes_markdown(corpus: &Corpus, v: &EntityView) -> String {
    let quotes = corpus.quotes_of(&v.keys);
    if quotes.is_empty() {
        return String::new();
    }
    let mut md = String::from("\n**Quotes**\n");
    for q in quotes.iter().take(HOVER_QUOTES) {
        let date = match q.date {
            Some(d) if q.file_date => format!("{d} (file date)"),
            Some(d) => d.to_string(),
            None => "undated".into(),
        };
        let mut words: String = q.text.chars().take(HOVER_QUOTE_CHARS).collect();
        if words.len() < q.text.len() {
            words.push('…');
        }
        let doc = corpus.indexed_doc(q.doc).map(|d| d.rel.clone()).unwrap_or_default();
        md.push_str(&format!("- {date}: \u{201c}{}\u{201d} — *{doc}*\n", words.replace('\n', " ")));
    }
    if quotes.len() > HOVER_QUOTES {
        md.push_str(&format!("- and {} more\n", quotes.len() - HOVER_QUOTES));
    }
    md
}

/// Hover markdown for an entity.
pub fn hover_markdown(corpus: &Corpus, v: &EntityView) -> String {
    let mut md = format!("**{}** — {}\n", v.name, summary(v));
    if let Some(e) = v.kb.map(|id| corpus.kb.entry(id)) {
        if e.is_user() {
            md.push_str("\n*In the knowledge base.*");
            if let Some(n) = &e.notes {
                md.push_str(&format!(" {n}"));
            }
            md.push('\n');
        } else if let Some(c) = &e.country {
            md.push_str(&format!("\n{} in {c}.\n", e.subkind.map_or("Known", |s| s.as_str())));
        }
        if !e.history.is_empty() {
            md.push_str("\n**Earlier roles (knowledge base)**\n");
            for h in &e.history {
                let when = match (h.from, h.to) {
                    (Some(f), Some(t)) => format!("{f} – {t}"),
                    (Some(f), None) => format!("since {f}"),
                    (None, Some(t)) => format!("until {t}"),
                    (None, None) => String::new(),
                };
                let what = [h.role.as_deref(), h.affiliation.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ");
                md.push_str(&format!("- {what} {when}\n"));
            }
        }
    }
    let history = v.history();
    if !history.is_empty() {
        md.push_str("\n**Roles in the corpus**\n");
        let mut seen = std::collections::HashSet::new();
        let mut inferred_any = false;
        for c in history.iter().take(8) {
            let what = [c.claim.role.as_deref(), c.claim.affiliation.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(", ");
            let doc = corpus.indexed_doc(c.doc).map(|d| d.rel.clone()).unwrap_or_default();
            if !seen.insert((what.clone(), doc.clone())) {
                continue;
            }
            let date = match c.date {
                Some(d) if c.file_date => format!("{d} (file date)"),
                Some(d) => d.to_string(),
                None => "undated".into(),
            };
            // Inferred affiliations are marked, and the mark explained once.
            let inferred = if c.claim.inferred && c.claim.affiliation.is_some() { INFERRED_MARK } else { "" };
            inferred_any |= !inferred.is_empty();
            md.push_str(&format!("- {date}: {what}{inferred} — *{doc}*\n"));
        }
        if inferred_any {
            md.push_str(&format!("\n{INFERRED_MARK} affiliation inferred from the article's context\n"));
        }
    }
    if v.kind == Kind::Person {
        md.push_str(&quotes_markdown(corpus, v));
    }
    let spellings: Vec<String> = v.forms.iter().filter(|(_, n)| *n > 0).map(|(f, n)| format!("{f} ×{n}")).collect();
    if !spellings.is_empty() {
        md.push_str(&format!("\n**Spellings** {}\n", spellings.join(" · ")));
    }
    md.push_str(&format!("\nMentioned {} in {}.\n", count(v.mentions as usize, "time"), count(v.documents as usize, "article")));
    // The claim's sentence is an offset into the version of its document the
    // index holds, which lags an edited document until the next refresh.
    if let Some(c) = history.first()
        && let Some(d) = corpus.indexed_doc(c.doc)
        && let Some(sentence) = d.rope.get_byte_slice(c.claim.sentence.clone())
    {
        let sentence = sentence.to_string();
        let sentence: String = sentence.chars().take(400).collect();
        let date = c.date.map(|d| format!(", {d}{}", if c.file_date { " (file date)" } else { "" })).unwrap_or_default();
        md.push_str(&format!("\n> {}\n\n— *{}{date}*\n", sentence.trim(), d.rel));
    }
    md
}

/// Replacements as a workspace edit: versioned document edits for open documents
/// (`versions`), unversioned for the rest; plain `changes` when the client does
/// not take document changes.
pub fn workspace_edit(
    corpus: &Corpus,
    edits: &[Replacement],
    versions: &HashMap<DocId, i32>,
    enc: Encoding,
    document_changes: bool,
) -> WorkspaceEdit {
    let mut by_doc: BTreeMap<DocId, Vec<TextEdit>> = BTreeMap::new();
    for e in edits {
        let Some(d) = corpus.doc(e.doc) else { continue };
        by_doc.entry(e.doc).or_default().push(TextEdit::new(range(&d.rope, &e.span, enc), e.text.clone()));
    }
    if document_changes {
        let changes: Vec<TextDocumentEdit> = by_doc
            .into_iter()
            .filter_map(|(id, list)| {
                let d = corpus.doc(id)?;
                Some(TextDocumentEdit {
                    text_document: OptionalVersionedTextDocumentIdentifier { uri: uri(&d.path)?, version: versions.get(&id).copied() },
                    edits: list.into_iter().map(OneOf::Left).collect(),
                })
            })
            .collect();
        WorkspaceEdit { document_changes: Some(DocumentChanges::Edits(changes)), ..Default::default() }
    } else {
        let changes = by_doc.into_iter().filter_map(|(id, list)| Some((uri(&corpus.doc(id)?.path)?, list))).collect();
        WorkspaceEdit { changes: Some(changes), ..Default::default() }
    }
}

/// A whole-file replacement (or creation) of a configuration or knowledge-base
/// file as workspace-edit operations; the end of the old text is a position in
/// the negotiated encoding.
pub fn file_rewrite(path: &Path, old: Option<&str>, new: &str, enc: Encoding) -> Vec<DocumentChangeOperation> {
    let Some(u) = uri(path) else { return Vec::new() };
    let mut ops = Vec::new();
    let end = match old {
        Some(text) => {
            let rope = Rope::from_str(text);
            position(&rope, text.len(), enc)
        }
        None => {
            ops.push(DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                uri: u.clone(),
                options: Some(CreateFileOptions { overwrite: Some(false), ignore_if_exists: Some(true) }),
                annotation_id: None,
            })));
            Position::new(0, 0)
        }
    };
    ops.push(DocumentChangeOperation::Edit(TextDocumentEdit {
        text_document: OptionalVersionedTextDocumentIdentifier { uri: u, version: None },
        edits: vec![OneOf::Left(TextEdit::new(Range::new(Position::new(0, 0), end), new.to_string()))],
    }));
    ops
}
