//! Who said what: every direct quotation of a document with its speaker.
//!
//! The quoted spans are [`crate::tokens::quotes_in`]'s (straight and curly marks,
//! one paragraph each: a hard-wrapped paragraph is one). A span left open at the end of its paragraph and followed by
//! a paragraph that opens with a mark is the same quotation (news style for a
//! quotation over several paragraphs). Each span's speaker is read off the text
//! around it by the rules of [`cues`], in this order:
//!
//! 1. a speech verb with a name after the quotation (`"...," X said`, `said X`,
//!    `X, a doctor, said`, `according to X`) when the quotation ends a clause
//!    (its words end with a comma, or a comma follows it), else first
//!    2. a speech verb with a name before it in its sentence (`X said: "..."`,
//!    `X called the plan "a mistake"`);
//! 3. either of those with a pronoun ("he said") or a definite role noun ("the
//!    minister said") in place of the name, resolved to the nearest person
//!    named before it (a role noun: the nearest whose role has that word);
//! 4. nothing found: the speaker of the quotation before it in the same
//!    paragraph if this one opens a sentence (a quotation split around "he
//!    said"), or, for a quotation that opens its paragraph and is a sentence
//!    (four words or more), of the previous paragraph's last quotation.
//!
//! An indefinite subject ("an official close to X said", "officials said")
//! names nobody, and nothing is carried over to such a quotation.
//!
//! Short quotations (one or two words: scare quotes, titles) take no name from
//! a long sentence after them.
//!
//! Every window read is bounded ([`cues::WINDOW`] bytes, a sentence, the next
//! quotation), and the names are found by binary search in the sorted mentions,
//! so the pass is linear in the text.

mod cues;
#[cfg(test)]
mod tests;

use crate::model::{Attribution, DocAnalysis, Quotation, Span};
use cues::Cue;

/// A quotation opening a paragraph after an attributed one continues its
/// speaker only if it is a sentence: at least this many words.
const MIN_CONTINUED_WORDS: usize = 4;

/// The quotations of a document whose mentions and entities are known.
pub fn attribute(text: &str, a: &DocAnalysis) -> Vec<Quotation> {
    let soft = crate::tokens::soft_breaks(text);
    let spans = crate::tokens::quotes_in(text, &soft);
    let ctx = cues::Ctx::new(text, a, &spans, &soft);
    let mut out: Vec<Quotation> = Vec::new();
    // The last attributed quotation: (speaker, cue, paragraph start).
    let mut last: Option<(usize, Span, usize)> = None;
    // Whether the previous span was left open at the end of its paragraph.
    let mut open_before = false;
    for (i, q) in spans.iter().enumerate() {
        // A mark with no words in it (51" seconds, 6'2" inches) quotes nothing.
        if cues::words_in(text, q.clone()) == 0 {
            continue;
        }
        let para = ctx.paragraph(q.start);
        let continues = open_before && text[para.start..q.start].trim().is_empty() && !out.is_empty();
        open_before = !cues::closed(text, q) && text[q.end..para.end].trim().is_empty();
        let (cue, opens_sentence) = ctx.speaker(i, q);
        let found = match cue {
            Some(Cue::Named(f)) => Some(f),
            Some(Cue::Nobody) => None,
            None => last.clone().and_then(|(s, cue, at)| {
                let same_para = at == para.start && opens_sentence;
                let prev_para = ctx.previous_paragraph(para.start).is_some_and(|p| p.start == at);
                let opens = text[para.start..q.start].trim().is_empty();
                (continues || same_para || (prev_para && opens && cues::words_in(text, q.clone()) >= MIN_CONTINUED_WORDS)).then_some((
                    s,
                    cue,
                    Attribution::Continued,
                ))
            }),
        };
        if let Some((s, cue, _)) = &found {
            ctx.recent.set(Some((*s, q.end)));
            last = Some((*s, cue.clone(), para.start));
        } else if !continues {
            last = None;
        }
        if continues && let Some(prev) = out.last_mut() {
            prev.span.end = q.end;
            if prev.speaker.is_none()
                && let Some((s, cue, rule)) = found
            {
                (prev.speaker, prev.cue, prev.rule) = (Some(s), Some(cue), Some(rule));
            }
            continue;
        }
        let (speaker, cue, rule) = match found {
            Some((s, c, r)) => (Some(s), Some(c), Some(r)),
            None => (None, None, None),
        };
        out.push(Quotation { span: q.clone(), speaker, cue, rule });
    }
    out.shrink_to_fit();
    out
}
