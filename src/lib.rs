//! Byline: recognise the people, organisations and places of a news corpus, with
//! their roles and affiliations, and keep their spelling consistent — as a library,
//! a command-line tool and a language server.
//!
//! Data flows one way (see ARCHITECTURE.md; `tests/layering.rs` checks it):
//! text -> [`tokens`] -> [`recognize`] (per document, pure) -> [`index`]
//! (corpus-wide) -> [`variants`] (spelling decisions) -> [`corpus`] (the documents,
//! findings, queries) -> [`report`] (the HTML report), [`lsp`] and [`cli`]. Only [`text`] converts positions;
//! only [`lsp`] knows the protocol.

// Module docs link to private items on purpose: they are read as developer
// documentation (`cargo doc --document-private-items`).
#![allow(rustdoc::private_intra_doc_links)]

pub mod cli;
pub mod config;
pub mod corpus;
pub mod errors;
pub mod fold;
pub mod index;
pub mod kb;
pub mod keys;
pub mod lexicon;
pub mod lsp;
pub mod model;
pub mod nicknames;
pub mod recognize;
pub mod report;
pub mod romanize;
pub mod script;
pub mod text;
pub mod tokens;
pub mod toml_file;
pub mod translit;
pub mod variants;
pub mod vocab;
