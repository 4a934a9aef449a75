//! Semantic tokens: the legend ([`TokenType`], [`TokenModifier`]), mentions and
//! role titles as relative-encoded tokens, and the flat form and deltas used by
//! `semanticTokens/full/delta`.

use tower_lsp_server::ls_types::*;

use crate::corpus::{Corpus, Document};
use crate::index::EntityKey;
use crate::model::{Kind, Span};
use crate::text::{self, Encoding};

/// The semantic token types, in legend order: a token's type is sent as its
/// index in the legend ([`TokenType::index`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenType {
    Person,
    Organization,
    Location,
    /// A role title next to a person.
    Role,
}

impl TokenType {
    /// Every type, in legend order.
    pub const ALL: [TokenType; 4] = [TokenType::Person, TokenType::Organization, TokenType::Location, TokenType::Role];

    /// The name in the legend.
    pub fn name(self) -> &'static str {
        match self {
            TokenType::Person => "person",
            TokenType::Organization => "organization",
            TokenType::Location => "location",
            TokenType::Role => "role",
        }
    }

    /// The number sent on the wire: the position in the legend.
    pub fn index(self) -> u32 {
        self as u32
    }

    /// The token type of a mention of this kind.
    pub fn of(kind: Kind) -> TokenType {
        match kind {
            Kind::Person => TokenType::Person,
            Kind::Org => TokenType::Organization,
            Kind::Loc => TokenType::Location,
        }
    }
}

/// The semantic token modifiers, in legend order: modifier `i` is bit `i` of a
/// token's modifier set ([`TokenModifier::bit`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenModifier {
    /// A name the knowledge base does not know.
    Unknown,
    /// A spelling flagged as a variant of the preferred one.
    Variant,
}

impl TokenModifier {
    /// Every modifier, in legend order.
    pub const ALL: [TokenModifier; 2] = [TokenModifier::Unknown, TokenModifier::Variant];

    /// The name in the legend.
    pub fn name(self) -> &'static str {
        match self {
            TokenModifier::Unknown => "unknown",
            TokenModifier::Variant => "variant",
        }
    }

    /// The bit in a token's modifier set.
    pub fn bit(self) -> u32 {
        1 << self as u32
    }
}

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TokenType::ALL.iter().map(|t| SemanticTokenType::new(t.name())).collect(),
        token_modifiers: TokenModifier::ALL.iter().map(|m| SemanticTokenModifier::new(m.name())).collect(),
    }
}

/// The semantic tokens of a document (within `within`, if given), relative-encoded.
pub fn document_tokens(corpus: &Corpus, doc: &Document, enc: Encoding, within: Option<&Span>) -> Vec<SemanticToken> {
    let a = &doc.analysis;
    let keys: Vec<EntityKey> = a.entities.iter().map(|e| EntityKey::of(&corpus.kb, e)).collect();
    // (start, end, type, modifiers), sorted and non-overlapping.
    let mut spans: Vec<(usize, usize, u32, u32)> = Vec::with_capacity(a.mentions.len() + a.roles.len());
    for m in &a.mentions {
        let mut mods = 0;
        if a.entities[m.entity].kb.is_none() {
            mods |= TokenModifier::Unknown.bit();
        }
        let form = doc.rope.byte_slice(m.span.clone()).to_string();
        if corpus.decisions.names.is_flagged(&keys[m.entity], &form) {
            mods |= TokenModifier::Variant.bit();
        }
        spans.push((m.span.start, m.span.end, TokenType::of(m.kind).index(), mods));
    }
    for r in a.roles.iter().filter(|r| r.person.is_some()) {
        spans.push((r.span.start, r.span.end, TokenType::Role.index(), 0));
    }
    spans.sort();
    let mut out = Vec::with_capacity(spans.len());
    let (mut last_line, mut last_col) = (0u32, 0u32);
    let mut last_end = 0;
    for (s, e, ty, mods) in spans {
        if s < last_end || within.is_some_and(|w| e <= w.start || s >= w.end) {
            continue;
        }
        let start = text::position(&doc.rope, s, enc);
        let end = text::position(&doc.rope, e, enc);
        if end.line != start.line {
            continue; // tokens may not span lines
        }
        let delta_line = start.line - last_line;
        let delta_start = if delta_line == 0 { start.character - last_col } else { start.character };
        out.push(SemanticToken {
            delta_line,
            delta_start,
            length: end.character - start.character,
            token_type: ty,
            token_modifiers_bitset: mods,
        });
        last_line = start.line;
        last_col = start.character;
        last_end = e;
    }
    out
}

/// The flat `u32` form of tokens, for deltas.
pub fn flatten(tokens: &[SemanticToken]) -> Vec<u32> {
    tokens.iter().flat_map(|t| [t.delta_line, t.delta_start, t.length, t.token_type, t.token_modifiers_bitset]).collect()
}

/// The tokens back from their flat form.
pub fn unflatten(data: &[u32]) -> Vec<SemanticToken> {
    data.chunks_exact(5)
        .map(|c| SemanticToken { delta_line: c[0], delta_start: c[1], length: c[2], token_type: c[3], token_modifiers_bitset: c[4] })
        .collect()
}

/// One edit turning `old` into `new` (common prefix and suffix kept), in the flat
/// `u32` form.
pub fn token_delta(old: &[u32], new: &[u32]) -> Vec<SemanticTokensEdit> {
    if old == new {
        return Vec::new();
    }
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count() / 5 * 5;
    let max_suffix = old.len().min(new.len()) - prefix;
    let suffix = old.iter().rev().zip(new.iter().rev()).take(max_suffix).take_while(|(a, b)| a == b).count() / 5 * 5;
    let inserted = &new[prefix..new.len() - suffix];
    vec![SemanticTokensEdit {
        start: prefix as u32,
        delete_count: (old.len() - suffix - prefix) as u32,
        data: (!inserted.is_empty()).then(|| unflatten(inserted)),
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_lists_types_and_modifiers_in_wire_order() {
        let l = legend();
        for t in TokenType::ALL {
            assert_eq!(l.token_types[t.index() as usize].as_str(), t.name());
        }
        for (i, m) in TokenModifier::ALL.into_iter().enumerate() {
            assert_eq!(l.token_modifiers[i].as_str(), m.name());
            assert_eq!(m.bit(), 1 << i);
        }
        assert_eq!(l.token_types.iter().map(|t| t.as_str()).collect::<Vec<_>>(), ["person", "organization", "location", "role"]);
    }

    #[test]
    fn token_deltas_replace_the_changed_middle() {
        let old = vec![0, 0, 3, 0, 0, 1, 2, 5, 1, 0, 0, 9, 4, 2, 0];
        let new = vec![0, 0, 3, 0, 0, 1, 2, 6, 1, 0, 0, 9, 4, 2, 0];
        let d = token_delta(&old, &new);
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].start, d[0].delete_count), (5, 5));
        assert_eq!(flatten(d[0].data.as_ref().unwrap()), vec![1, 2, 6, 1, 0]);
        assert!(token_delta(&old, &old).is_empty());
        let d = token_delta(&old, &old[..10]);
        assert_eq!((d[0].start, d[0].delete_count, d[0].data.is_none()), (10, 5, true));
    }
}
