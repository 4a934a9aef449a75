//! Recognition: one document's text in, its mentions, entities, role claims, date
//! and quoted-speech ranges out — [`analyze`], a pure function of the text, the
//! knowledge base and the file's dates ([`FileDates`]: the date in its path and
//! its modification time; the corpus reads them off the file).
//!
//! The steps, each in its own module:
//! 1. [`crate::tokens`]: words and punctuation with byte ranges and capitalisation facts;
//! 2. [`layout`]: headers, headlines, bylines, captions, site furniture;
//! 3. the knowledge base's gazetteer pass ([`crate::kb::Kb::find`]);
//! 4. [`names`]: capitalised runs split into roles, honorifics, known names and
//!    unknown names, classified as person / organisation / place by cues;
//! 5. [`coref`]: surname-only references and acronyms linked to the full name;
//! 6. [`roles`]: each person's role and affiliation, with the evidence sentence;
//! 7. [`dates`]: the article's date;
//! 8. [`mod@quotes`]: the direct quotations and who said them.

mod assemble;
pub mod coref;
pub mod dates;
mod employers;
pub mod layout;
pub mod names;
pub mod quotes;
mod repeats;
pub mod roles;
mod sports;
mod work;

use crate::kb::Kb;
use crate::model::DocAnalysis;
use crate::tokens::{Token, quotes, tokenize};
pub use dates::FileDates;
pub(crate) use work::{Affil, Cand, GazHit, Key, PreRole, TokRange, Work, name_key};

/// Analyses one document. `file` is what its file says about its date (a date
/// in its path, its modification time; `None` for neither), used when the text
/// states none (see [`dates`]).
pub fn analyze(text: &str, kb: &Kb, file: impl Into<FileDates>) -> DocAnalysis {
    analyze_tokens(text, tokenize(text), kb, file.into())
}

/// [`analyze`] on the document's tokens (made by [`tokenize`]; the caller may
/// count words on the same tokens first, so a document is tokenized once).
pub fn analyze_tokens(text: &str, toks: Vec<Token>, kb: &Kb, file: FileDates) -> DocAnalysis {
    let mut w = Work::new(text, toks, kb);
    mentions(&mut w);
    let claims = roles::extract(&w);
    let mut doc = w.finish(claims);
    doc.date = dates::detect(text, file);
    doc.quotes = quotes(text);
    doc.quotes.shrink_to_fit();
    doc.quotations = quotes::attribute(text, &doc);
    doc
}

/// The steps that find the mentions, in order (the roles step reads them).
fn mentions(w: &mut Work) {
    names::recognize(w);
    coref::link(w);
    sports::clubs(w);
    employers::employers(w);
    sports::lineups(w);
}

#[cfg(test)]
mod tests;
