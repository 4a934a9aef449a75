//! The attribution rules: the words around one quoted span that name who said
//! it. [`Ctx::speaker`] tries them in the order [`super`] lists; each rule reads
//! a bounded window (a sentence, at most [`WINDOW`] bytes, never past another
//! quotation). Word lists are in `data/attribution.toml`.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::lexicon::{class, lexicon};
use crate::model::{Attribution, DocAnalysis, Kind, Span};

/// The most bytes read on either side of a quotation for its attribution.
pub(super) const WINDOW: usize = 300;
/// How many words after a quotation its speech verb may come ("...," the
/// country's top diplomat, X, *said*).
const VERB_REACH: usize = 10;
/// How many words after "said" the name may come (said Defense Minister X).
const NAME_REACH: usize = 5;
/// How far back (bytes, and person mentions) a pronoun or role noun looks for
/// the person it stands for.
const RESOLVE_BYTES: usize = 3000;
const RESOLVE_MENTIONS: usize = 60;
/// A role noun with no person of that role before it stands for the person
/// named last if that is at most this many bytes before it ("the manager said").
const ROLE_NEAR: usize = 600;
/// How many of a person's role claims a role noun is compared with.
const MAX_CLAIMS: usize = 32;
/// A quotation of at most this many words is a term or a scare quote unless its
/// sentence says who said it: it takes no name from a long sentence after it.
const SHORT_QUOTE: usize = 2;
/// A quotation ending a sentence of its own takes a name after it only if the
/// verb comes within this many words ("We won." Smith said.).
const AFTER_SENTENCE_REACH: usize = 4;

/// The word before a name is looked for within this many bytes.
const PREVIOUS_WORD_BYTES: usize = 24;

#[derive(Deserialize)]
struct Words {
    quote_verbs: Vec<String>,
    listener_verbs: Vec<String>,
    person_pronouns: Vec<String>,
    object_prepositions: Vec<String>,
    indefinite_articles: Vec<String>,
    definite_articles: Vec<String>,
    clause_openers: Vec<String>,
    coordinators: Vec<String>,
}

fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| toml::from_str(include_str!("../../../data/attribution.toml")).expect("data/attribution.toml is valid"))
}

fn among(list: &[String], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// The byte ranges of the words (letters and digits, with inner apostrophes
/// and hyphens) in `text[r]`.
pub(super) fn word_spans(text: &str, r: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let s = &text[r.clone()];
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let inner = matches!(c, '\'' | '\u{2019}' | '-') && start.is_some() && it.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(r.start + i);
        } else if let Some(st) = start.take() {
            out.push(st..r.start + i);
        }
    }
    if let Some(st) = start {
        out.push(st..r.end);
    }
    out
}

/// How many words `text[r]` has.
pub(super) fn words_in(text: &str, r: Span) -> usize {
    word_spans(text, r).len()
}

/// Whether a quoted span ends with a closing mark (an unclosed one runs to the
/// end of its line).
pub(super) fn closed(text: &str, q: &Span) -> bool {
    q.end - q.start >= 2 && text[..q.end].ends_with(['"', '\u{201d}', '\u{2019}'])
}

/// The start of `pos`'s char boundary at or below it.
fn floor(text: &str, mut pos: usize) -> usize {
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    pos
}

fn ceil(text: &str, mut pos: usize) -> usize {
    while pos < text.len() && !text.is_char_boundary(pos) {
        pos += 1;
    }
    pos.min(text.len())
}

/// Whether the full stop at `dot` ends a sentence: not after a short
/// capitalised word or a single letter ("Gen.", "Mr.", "U.S.").
fn ends_sentence(text: &str, dot: usize) -> bool {
    let c = text[dot..].chars().next();
    if matches!(c, Some('!' | '?')) {
        return true;
    }
    let before = &text[..dot];
    let word: &str = before.rsplit(|c: char| !c.is_alphanumeric() && c != '.').next().unwrap_or("");
    let short_cap = word.chars().next().is_some_and(char::is_uppercase) && word.chars().count() <= 3;
    !(word.contains('.') || short_cap || word.chars().count() == 1)
}

/// The document and what the rules look up in it.
pub(super) struct Ctx<'a> {
    text: &'a str,
    a: &'a DocAnalysis,
    /// The quoted spans, in order.
    spans: &'a [Span],
    /// Paragraph starts (after a hard line break), in order.
    lines: Vec<usize>,
    /// The speaker of the last attributed quotation and where its cue was: a
    /// pronoun stands for them first.
    pub(super) recent: std::cell::Cell<Option<(usize, usize)>>,
    /// Lowercase last word of a full name -> the one person named so (`None`:
    /// more than one), made on first use.
    surnames: std::cell::OnceCell<std::collections::HashMap<String, Option<usize>>>,
}

/// A speaker found: entity, the words naming it, the rule.
pub(super) type Found = (usize, Span, Attribution);

/// What an attribution says.
pub(super) enum Cue {
    Named(Found),
    /// Someone the article does not name said it ("an official said").
    Nobody,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(text: &'a str, a: &'a DocAnalysis, spans: &'a [Span], soft: &[usize]) -> Ctx<'a> {
        let mut lines = vec![0];
        let mut soft = soft.iter().copied().peekable();
        lines.extend(text.match_indices('\n').map(|(i, _)| i).filter(|&i| soft.next_if(|&b| b <= i).is_none_or(|b| b != i)).map(|i| i + 1));
        Ctx { text, a, spans, lines, recent: std::cell::Cell::new(None), surnames: std::cell::OnceCell::new() }
    }

    /// Whether byte `pos` is inside a quoted span.
    fn in_span(&self, pos: usize) -> bool {
        let i = self.spans.partition_point(|q| q.end <= pos);
        self.spans.get(i).is_some_and(|q| q.start <= pos)
    }

    /// The line (paragraph) holding `pos`, without its line break.
    pub(super) fn paragraph(&self, pos: usize) -> Span {
        let i = self.lines.partition_point(|&s| s <= pos).saturating_sub(1);
        let start = self.lines[i];
        let end = self.lines.get(i + 1).map_or(self.text.len(), |&n| n - 1);
        start..end
    }

    /// The last non-blank line before the one starting at `start`.
    pub(super) fn previous_paragraph(&self, start: usize) -> Option<Span> {
        let i = self.lines.partition_point(|&s| s < start);
        (0..i).rev().take(3).map(|j| self.paragraph(self.lines[j])).find(|p| !self.text[p.clone()].trim().is_empty())
    }

    /// The speaker of quoted span `i` (`q`), by the first rule that names one,
    /// and whether the span opens its sentence or follows another quotation in
    /// it (a later part of a split quotation).
    pub(super) fn speaker(&self, i: usize, q: &Span) -> (Option<Cue>, bool) {
        let para = self.paragraph(q.start);
        let prev_end = if i > 0 { self.spans[i - 1].end.max(para.start) } else { para.start };
        let next_start = self.spans.get(i + 1).map_or(para.end, |n| n.start.min(para.end).max(q.end));
        let before = self.sentence_before(prev_end.max(q.start.saturating_sub(WINDOW)), q.start);
        let after = self.sentence_after(q.end, next_start.min(q.end + WINDOW));
        let inner = self.text[q.start..q.end].trim_end_matches(['"', '\u{201d}', '\u{2019}']);
        let clause = inner.ends_with(',') || self.text[q.end..].starts_with(',');
        let sentence_end = inner.ends_with(['.', '!', '?']) && !clause;
        let short = words_in(self.text, q.clone()) <= SHORT_QUOTE;
        let after_rule = || self.after(after.clone(), if sentence_end { AFTER_SENTENCE_REACH } else { VERB_REACH }, short);
        let before_rule = || self.before(before.clone());
        let opens = word_spans(self.text, before.clone()).is_empty();
        let cue = if opens || (clause && !self.has_verb(&before)) {
            after_rule().or_else(before_rule)
        } else {
            before_rule().or_else(after_rule)
        };
        // A window cut short by the quotation before it: the same sentence.
        (cue, opens || before.start == prev_end)
    }

    /// From the start of the sentence holding `end` (not before `lo`) to `end`.
    fn sentence_before(&self, lo: usize, end: usize) -> Span {
        let lo = ceil(self.text, lo);
        let s = &self.text[lo..end];
        let mut start = lo;
        for (i, c) in s.char_indices() {
            if c == '|' || (matches!(c, '.' | '!' | '?') && s[i + 1..].starts_with(char::is_whitespace) && ends_sentence(self.text, lo + i))
            {
                start = lo + i + 1;
            }
        }
        start..end
    }

    /// From `start` to the end of its sentence (not past `hi`).
    fn sentence_after(&self, start: usize, hi: usize) -> Span {
        let hi = floor(self.text, hi.max(start));
        let s = &self.text[start..hi];
        for (i, c) in s.char_indices() {
            if matches!(c, '.' | '!' | '?') && ends_sentence(self.text, start + i) {
                return start..start + i;
            }
        }
        start..hi
    }

    /// Rule 1: `"...," X said`, `"...," said X`, `"...," according to X`,
    /// `"...," he said`, `"...," the minister said`; `"...," an official said`
    /// names nobody.
    fn after(&self, w: Span, reach: usize, short: bool) -> Option<Cue> {
        let ws = word_spans(self.text, w.clone());
        if short && ws.len() > reach.min(VERB_REACH) {
            // A scare quote inside a longer sentence: the verb is about the sentence.
            return None;
        }
        let k = ws.iter().take(reach).position(|s| self.is_verb(s))?;
        if self.word(&ws[k]).eq_ignore_ascii_case("according") {
            return self.name_in(ws.get(k + 1)?.end..w.end).map(|(e, s)| Cue::Named((e, s, Attribution::After)));
        }
        if k > 0 {
            return Some(self.subject(&ws[..k], w.start..ws[k].start, Attribution::After).unwrap_or(Cue::Nobody));
        }
        if among(&words().listener_verbs, self.word(&ws[0])) {
            return None;
        }
        self.name_in(ws[0].end..w.end).map(|(e, s)| Cue::Named((e, s, Attribution::After)))
    }

    /// Rule 2: `X said: "..."`, `X called the plan "..."`, `X, who called it
    /// "..."`, `according to X, "..."`; `an official said "..."` names nobody.
    fn before(&self, w: Span) -> Option<Cue> {
        let ws = word_spans(self.text, w.clone());
        let k = ws.iter().rposition(|s| self.is_verb(s))?;
        if self.word(&ws[k]).eq_ignore_ascii_case("according") {
            return self.name_in(ws.get(k + 1)?.end..w.end).map(|(e, s)| Cue::Named((e, s, Attribution::Before)));
        }
        // "X, who called it "...": the name before "who".
        if k > 0 && self.word(&ws[k - 1]).eq_ignore_ascii_case("who") {
            let m = self.mentions_in(w.start..ws[k - 1].start).filter(|m| m.kind == Kind::Person).last()?;
            return Some(Cue::Named((m.entity, m.span.clone(), Attribution::Before)));
        }
        if let Some(c) = self.subject(&ws[..k], w.start..ws[k].start, Attribution::Before) {
            return Some(c);
        }
        if among(&words().listener_verbs, self.word(&ws[k])) {
            return None;
        }
        self.name_in(ws[k].end..w.end).map(|(e, s)| Cue::Named((e, s, Attribution::Before)))
    }

    /// The subject of a speech verb in the words `ws` before it (`r` their
    /// range): a person named there (not as a possessive, not after "a"/"an"),
    /// a pronoun or role noun, a surname of a person named earlier, else an
    /// organisation. An indefinite subject ("an official close to X") names nobody.
    fn subject(&self, ws: &[Span], r: Span, rule: Attribution) -> Option<Cue> {
        // The verb's own clause: after "when", "while", "that" ..., unless a
        // comma sets off what comes before the verb ("X, who ... after ..., said").
        let set_off = ws.last().is_some_and(|l| self.text[l.end..r.end].contains(','));
        let opener = |(i, s): (usize, &Span)| {
            among(&words().clause_openers, self.word(s))
                || (i > 0 && among(&words().coordinators, self.word(s)) && self.text[ws[i - 1].end..s.start].contains(','))
        };
        let (ws, r) = match ws.iter().enumerate().rev().find(|&x| opener(x)).map(|(i, _)| i).filter(|_| !set_off) {
            Some(c) => (&ws[c + 1..], ws[c].end..r.end),
            None => (ws, r),
        };
        let first = |k: Kind| self.mentions_in(r.clone()).find(|m| m.kind == k && !self.possessive(m));
        // "An official close to X said", "In Nairobi, an official said": an
        // indefinite article opening the subject (the clause's first word, or
        // after a comma), not "in a statement".
        let indefinite = |at: usize| {
            ws.iter().enumerate().take_while(|(_, s)| s.start < at).any(|(i, s)| {
                let opens = i == 0 || self.text[ws[i - 1].end..s.start].contains(',');
                opens && among(&words().indefinite_articles, self.word(s))
            })
        };
        // A name right before the verb is its subject ("..., Tinubu said").
        if let Some(last) = ws.last().filter(|l| !self.text[l.end..r.end].contains(','))
            && let Some(m) = self.mentions_in(r.start..last.end).filter(|m| m.kind == Kind::Person && m.span.end == last.end).last()
        {
            return Some(if indefinite(m.span.start) { Cue::Nobody } else { Cue::Named((m.entity, m.span.clone(), rule)) });
        }
        if let Some(m) = first(Kind::Person) {
            return Some(if indefinite(m.span.start) { Cue::Nobody } else { Cue::Named((m.entity, m.span.clone(), rule)) });
        }
        if indefinite(r.end) {
            return Some(Cue::Nobody);
        }
        if let Some(f) = self.stand_in(ws) {
            return Some(Cue::Named(f));
        }
        for w in ws.iter().rev().filter(|s| self.word(s).starts_with(char::is_uppercase) || self.word(s).contains('-')) {
            if let Some(e) = self.by_surname(w) {
                return Some(Cue::Named((e, w.clone(), rule)));
            }
        }
        first(Kind::Org).map(|m| Cue::Named((m.entity, m.span.clone(), rule)))
    }
    fn word(&self, s: &Span) -> &'a str {
        &self.text[s.clone()]
    }

    /// Whether `r` has a speech verb.
    fn has_verb(&self, r: &Span) -> bool {
        word_spans(self.text, r.clone()).iter().any(|s| self.is_verb(s))
    }

    fn is_verb(&self, s: &Span) -> bool {
        among(&words().quote_verbs, self.word(s))
    }

    /// Person mentions first, then organisations, of the mentions starting in `r`.
    fn mentions_in(&self, r: Span) -> impl Iterator<Item = &'a crate::model::Mention> + 'a {
        let ms = &self.a.mentions;
        let from = ms.partition_point(|m| m.span.start < r.start);
        let to = ms.partition_point(|m| m.span.start < r.end);
        ms[from..to.max(from)].iter()
    }

    /// Whether a mention is a possessive modifier ("Lee's aide").
    fn possessive(&self, m: &crate::model::Mention) -> bool {
        let rest = &self.text[m.span.end..];
        rest.starts_with("'s") || rest.starts_with("\u{2019}s") || rest.starts_with("' ") || rest.starts_with("\u{2019} ")
    }

    /// The first person or organisation named (not as a possessive) in the first
    /// [`NAME_REACH`] words of `r`: `said Defense Minister *X*`; a person
    /// after an organisation in reach wins (`said PSG president *X*`).
    fn name_in(&self, r: Span) -> Option<(usize, Span)> {
        let ws = word_spans(self.text, r.clone());
        let end = ws.get(NAME_REACH).map_or(r.end, |s| s.start);
        let mut named = self.mentions_in(r.start..end).filter(|m| matches!(m.kind, Kind::Person | Kind::Org) && !self.possessive(m));
        let first = named.next()?;
        // "said PSG president Nasser al-Khelaifi": a body before a person's
        // title is the title's, the person the speaker.
        let person = (first.kind == Kind::Org).then(|| named.find(|m| m.kind == Kind::Person)).flatten();
        let m = person.unwrap_or(first);
        Some((m.entity, m.span.clone()))
    }

    /// Rule 3: a pronoun or a definite role noun right before the verb, resolved.
    fn stand_in(&self, ws: &[Span]) -> Option<Found> {
        let last = ws.last()?;
        let w = self.word(last);
        if among(&words().person_pronouns, w) {
            // The last speaker, unless someone was named since as a subject
            // (not "the rule of Bashar al-Assad").
            let near = self.nearest_mention(last.start);
            let recent = self.recent.get().filter(|&(_, at)| near.is_none_or(|(_, m)| at >= m)).map(|(e, _)| e);
            return recent.or(near.map(|(e, _)| e)).map(|e| (e, last.clone(), Attribution::Pronoun));
        }
        let role = w.to_lowercase();
        if !lexicon().is(&role, class::ROLE_HEAD) {
            return None;
        }
        // The noun's determiner: "the minister", "the foreign minister"; never "an official".
        let det = ws
            .iter()
            .rev()
            .take(4)
            .map(|s| self.word(s))
            .find(|d| among(&words().definite_articles, d) || among(&words().indefinite_articles, d))?;
        if among(&words().indefinite_articles, det) {
            return None;
        }
        let cue = ws.iter().rev().take(4).find(|s| self.word(s) == det).map_or(last.clone(), |s| s.start..last.end);
        let near = cue.start.saturating_sub(ROLE_NEAR);
        self.nearest(cue.start, |e| self.has_role(e, &role))
            .or_else(|| self.nearest(cue.start, |_| true).filter(|&e| self.last_mention_after(e, near)))
            .map(|e| (e, cue, Attribution::RoleNoun))
    }

    /// Whether entity `e` is named (outside quotations) after byte `pos`.
    fn last_mention_after(&self, e: usize, pos: usize) -> bool {
        let ms = &self.a.mentions;
        let from = ms.partition_point(|m| m.span.start < pos);
        ms[from..].iter().take(RESOLVE_MENTIONS).any(|m| m.entity == e && !self.in_span(m.span.start))
    }

    /// The person whose name ends with the word `w` ("Putin" for Vladimir
    /// Putin): the last named before it, else the only one in the document.
    fn by_surname(&self, w: &Span) -> Option<usize> {
        let key = self.word(w).to_lowercase();
        let same = |e: usize| self.a.entities[e].name.split_whitespace().last().is_some_and(|l| l.to_lowercase() == key);
        self.nearest(w.start, same).or_else(|| {
            let map = self.surnames.get_or_init(|| {
                let mut m: std::collections::HashMap<String, Option<usize>> = std::collections::HashMap::new();
                for (i, e) in self.a.entities.iter().enumerate().filter(|(_, e)| e.kind == Kind::Person) {
                    if let Some(l) = e.name.split_whitespace().last().filter(|_| e.name.contains(' ')) {
                        m.entry(l.to_lowercase()).and_modify(|x| *x = None).or_insert(Some(i));
                    }
                }
                m
            });
            map.get(&key).copied().flatten()
        })
    }

    /// Whether the word right before byte `at` is a preposition: "the rule
    /// *of* X" names X as no subject.
    fn after_preposition(&self, at: usize) -> bool {
        let mut from = at.saturating_sub(PREVIOUS_WORD_BYTES);
        while !self.text.is_char_boundary(from) {
            from -= 1;
        }
        let ws = word_spans(self.text, from..at);
        ws.last().is_some_and(|w| self.text[w.end..at].trim().is_empty() && among(&words().object_prepositions, self.word(w)))
    }

    /// The person named last before `pos` outside quotations as a possible
    /// subject (not possessive, not after a preposition), and where.
    fn nearest_mention(&self, pos: usize) -> Option<(usize, usize)> {
        let ms = &self.a.mentions;
        let to = ms.partition_point(|m| m.span.start < pos);
        ms[..to]
            .iter()
            .rev()
            .take(RESOLVE_MENTIONS)
            .find(|m| m.kind == Kind::Person && !self.in_span(m.span.start) && !self.possessive(m) && !self.after_preposition(m.span.start))
            .map(|m| (m.entity, m.span.start))
    }

    /// The person named last before `pos` outside quotations for whom `ok` holds.
    fn nearest(&self, pos: usize, ok: impl Fn(usize) -> bool) -> Option<usize> {
        let ms = &self.a.mentions;
        let to = ms.partition_point(|m| m.span.start < pos);
        let lo = pos.saturating_sub(RESOLVE_BYTES);
        ms[..to]
            .iter()
            .rev()
            .take_while(|m| m.span.start >= lo)
            .filter(|m| m.kind == Kind::Person && !self.in_span(m.span.start) && !self.possessive(m))
            .take(RESOLVE_MENTIONS)
            .find(|m| ok(m.entity))
            .map(|m| m.entity)
    }

    /// Whether entity `e` is given a role with the word `role` in this document.
    fn has_role(&self, e: usize, role: &str) -> bool {
        let has = |s: &str| s.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| w.eq_ignore_ascii_case(role));
        self.a.entities[e].claims.iter().take(MAX_CLAIMS).any(|c| c.role.as_deref().is_some_and(has))
    }
}
