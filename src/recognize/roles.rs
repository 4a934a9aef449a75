//! Roles and affiliations of people, read from the patterns news uses, each kept
//! with the text it came from and its sentence:
//!
//! | pattern | example |
//! | --- | --- |
//! | country / demonym / organisation + title + name | South Korea's Defense Minister Lee Jong-sup; NATO Secretary General Mark Rutte |
//! | lowercase title + name | Kremlin spokesman Dmitry Peskov; former Dutch prime minister Mark Rutte |
//! | name, appositive | Josep Borrell, the EU's high representative for foreign affairs and security policy, |
//! | title, name | South Korea's national security adviser, Cho Tae-yong; his Dutch counterpart, Kajsa Ollongren |
//! | name is a title at an organisation | Daniel Hwang is a senior fellow at the Han River Policy Institute |
//! | byline | By Chae Yun-hwan ... (Yonhap): the agency |
//!
//! Affiliations are countries or international bodies where the text allows:
//! "of (the) Netherlands" inside a title becomes the affiliation, and a state body
//! (a ministry, the Joint Chiefs of Staff, the Kremlin) stands for its country. A
//! counterpart takes the role of the person it is the counterpart of. A title with
//! no affiliation written next to it is given one by context, marked inferred: a
//! country named earlier in the same sentence; for a spokesperson, the body the
//! previous sentence is about; for a Korean name, South or North Korea by the
//! paragraph; else the dateline's country.

use std::collections::HashSet;

use crate::tokens::{ALLCAPS, LOWER, POSS, SENT_START, TokKind};
use super::{Affil, GazHit, Key, TokRange, Work};
use crate::kb::{Class, Form};
use crate::lexicon::class::*;
use crate::model::{Claim, Kind};

/// An affiliation as read: a name, and whether it is a country or international
/// body (the level claims are compared at).
struct Found {
    name: String,
    /// The tokens it was read from, so other people's inference skips them.
    toks: Option<(usize, usize)>,
}

/// Claims as (candidate index, claim).
pub(crate) fn extract(w: &mut Work) -> Vec<(usize, Claim)> {
    let dateline = dateline_country(w);
    let mut raw: Vec<(usize, Option<String>, Option<Found>, std::ops::Range<usize>)> = Vec::new();
    // Titles written before names.
    for r in w.pre_roles.clone() {
        let Some(p) = r.person else { continue };
        let (role, inner) = match super::names::honorific_role(w, r.tokens.first, r.tokens.end) {
            Some(h) if w.is(r.tokens.first, HONORIFIC) => (Some(h), None),
            _ => role_text(w, r.tokens.first, r.tokens.end),
        };
        let prefix = lowercase_qualifiers(w, r.tokens.first);
        let role = role.map(|x| if prefix.is_empty() { x } else { super::roles::tidy_role(&format!("{prefix} {x}")).unwrap_or(x) });
        let affil = r.affiliation.clone().and_then(|a| resolve(w, &a, None)).or(inner);
        let span = w.span(r.tokens.first, w.cands[p].tokens.end);
        raw.push((p, role, affil, span));
    }
    let persons: Vec<usize> = (0..w.cands.len()).filter(|&c| w.cands[c].kind == Kind::Person).collect();
    let with_pre: HashSet<usize> = raw.iter().map(|(c, ..)| *c).collect();
    let mut bylines = Vec::new();
    for &p in &persons {
        if w.cands[p].byline || signed_off(w, p) {
            bylines.push(p);
            continue;
        }
        if !with_pre.contains(&p) && let Some((role, affil, span)) = lowercase_title(w, p) {
            // "writers Joey Castellano and Nadia Brennan": the second name too.
            let e = w.cands[p].tokens.end;
            if w.t(w.cands[p].tokens.first - 1).ends_with('s') && e + 1 < w.toks.len() && w.t(e) == "and" && let Some(q) = w.cand_at(e + 1) {
                let role = tidy_role(role.trim_end_matches('s')).unwrap_or(role.clone());
                raw.push((q, Some(role.clone()), affil.as_ref().map(|f| Found { name: f.name.clone(), toks: f.toks }), span.clone()));
                raw.push((p, Some(role), affil, span));
            } else {
                raw.push((p, Some(role), affil, span));
            }
        }
        if let Some((role, affil, span)) = appositive(w, p) {
            raw.push((p, Some(role), affil, span));
        }
        if let Some((role, affil, span)) = title_before_comma(w, p) {
            let role = match role {
                Some(r) => Some(r),
                None => subject_role(w, &raw, p),
            };
            raw.push((p, role, affil, span));
        }
        if let Some(span) = predecessor(w, p)
            && let Some(role) = subject_role(w, &raw, p)
        {
            let role = if role.to_ascii_lowercase().starts_with("former ") { role } else { format!("Former {role}") };
            raw.push((p, Some(role), None, span));
        }
        if let Some((role, affil, span)) = copula(w, p) {
            raw.push((p, Some(role), affil, span));
        }
        if let Some((role, affil, span)) = named_as(w, p).or_else(|| predicate(w, p)) {
            raw.push((p, Some(role), affil, span));
        }
        if let Some((affil, span)) = name_of_body(w, p) {
            raw.push((p, None, Some(affil), span));
        }
        if let Some((affil, span)) = party_code(w, p) {
            raw.push((p, None, Some(affil), span));
        }
    }
    // Context for titles with no affiliation written next to them.
    let used: HashSet<usize> = raw.iter().filter_map(|(_, _, a, _)| a.as_ref().and_then(|f| f.toks)).flat_map(|(a, b)| a..b).collect();
    let mut out = Vec::new();
    for (p, role, affil, span) in raw {
        let sentence = sentence_of(w, w.cands[p].tokens.first);
        let (affiliation, inferred) = match affil {
            Some(f) => (Some(local_place(w, role.as_deref(), &f).unwrap_or(f.name)), false),
            None if role.is_some() => (infer(w, p, role.as_deref(), &used, dateline.as_deref()), true),
            None => (None, false),
        };
        if role.is_some() || affiliation.is_some() {
            out.push((p, Claim { role, affiliation: affiliation.clone(), span, sentence, inferred: inferred && affiliation.is_some() }));
        }
    }
    if let Some(agency) = byline_agency(w) {
        for p in bylines {
            let span = w.span(w.cands[p].tokens.first, w.cands[p].tokens.end);
            out.push((p, Claim { role: None, affiliation: Some(agency.clone()), span, sentence: sentence_of(w, w.cands[p].tokens.first), inferred: false }));
        }
    }
    out
}

/// The affiliation an organisation, place or country stands for: a country as
/// itself; an international body as itself; a state body as its country (if
/// known); anything else (a company, a newspaper, a party) as itself.
fn resolve(w: &Work, a: &Affil, toks: Option<(usize, usize)>) -> Option<Found> {
    match a {
        Affil::Kb(e) => {
            let entry = w.kb.entry(*e);
            let name = match entry.class {
                Class::Country => entry.name.clone(),
                Class::Place => entry.country.clone().unwrap_or_else(|| entry.name.clone()),
                _ if entry.is_state_body() => entry.country.clone().unwrap_or_else(|| display_name(w, *e)),
                _ => display_name(w, *e),
            };
            Some(Found { name, toks })
        }
        Affil::Cand(c) => {
            let root = w.cands[*c].refers_to.unwrap_or(*c);
            let cand = &w.cands[root];
            let toks = toks.or(Some((w.cands[*c].tokens.first, w.cands[*c].tokens.end)));
            let state = match cand.key {
                Key::Kb(e) => w.kb.entry(e).is_state_body(),
                Key::Name(_) => w.is_state_head(cand.tokens.end - 1),
            };
            // The country the text gives the body ("South Korea's Joint Chiefs").
            if state && let Some(&country) = w.org_country.get(&root) {
                return Some(Found { name: w.kb.entry(country).name.clone(), toks });
            }
            if let Key::Kb(e) = cand.key {
                let entry = w.kb.entry(e);
                if entry.is_state_body() && entry.country.is_none() {
                    return None;
                }
                return resolve(w, &Affil::Kb(e), toks);
            }
            let name = w.span_text(cand.tokens.first, cand.tokens.end).to_string();
            match w.org_country.get(&root) {
                Some(&country) if state => Some(Found { name: w.kb.entry(country).name.clone(), toks }),
                // A state body of unknown country: the context will say.
                None if state => None,
                _ => Some(Found { name, toks }),
            }
        }
    }
}

/// "Kyiv Mayor X", "Governor of Osaka Prefecture X": a local office belongs to
/// its city or region, not the country the place is in.
fn local_place(w: &Work, role: Option<&str>, f: &Found) -> Option<String> {
    let local = is_local(role);
    let (a, _) = f.toks?;
    let c = w.cand_at(a)?;
    let root = w.cands[c].refers_to.unwrap_or(c);
    let Key::Kb(e) = w.cands[root].key else { return None };
    let entry = w.kb.entry(e);
    (local && entry.class == Class::Place).then(|| entry.name.clone())
}

/// Whether a role is a local office (a mayor, a governor, a chief minister).
fn is_local(role: Option<&str>) -> bool {
    let Some(role) = role else { return false };
    let role = role.to_ascii_lowercase();
    ["mayor", "governor", "chief minister", "city", "provincial", "prefectur", "regional", "municipal", "county"].iter().any(|k| role.contains(k))
}

/// A known organisation or body as itself (not the country it belongs to); a
/// place as its country.
fn body_found(w: &Work, c: usize) -> Option<Found> {
    let root = w.cands[c].refers_to.unwrap_or(c);
    let Key::Kb(e) = w.cands[root].key else { return None };
    (w.kb.entry(e).kind == Kind::Org).then(|| Found { name: display_name(w, e), toks: Some((w.cands[c].tokens.first, w.cands[c].tokens.end)) })
}

/// The affiliation a non-person candidate at token range stands for.
fn cand_found(w: &Work, c: usize) -> Option<Found> {
    resolve(w, &Affil::Cand(c), Some((w.cands[c].tokens.first, w.cands[c].tokens.end)))
}

/// The role text of tokens `first..end`, with "of (the) <country or international
/// body>" taken out as the affiliation; other bodies named in the title (a
/// ministry, the JCS) stay in the role and lend their country.
fn role_text(w: &mut Work, first: usize, end: usize) -> (Option<String>, Option<Found>) {
    let mut affil = None;
    let mut skip: Option<(usize, usize)> = None;
    let mut k = first;
    while k < end {
        if matches!(w.t(k), "of" | "for" | "at" | "in") {
            let mut s = k + 1;
            if s < end && w.t(s) == "the" {
                s += 1;
            }
            if let Some(GazHit { tokens: TokRange { end: ge, .. }, hit: m }) = w.gaz_starting(s)
                && ge <= end
                && m.form != Form::Demonym
                && matches!(w.kb.entry(m.entry).class, Class::Country | Class::International)
            {
                affil = Some(Found { name: w.kb.entry(m.entry).name.clone(), toks: Some((s, ge)) });
                skip = Some((k, ge));
                break;
            }
            if affil.is_none()
                && let Some(c) = (s..(s + 3).min(end)).find_map(|j| w.cand_at(j))
                && w.cands[c].kind != Kind::Person
            {
                affil = cand_found(w, c);
            }
        }
        k += 1;
    }
    let mut out = String::new();
    let mut k = first;
    let mut prev_end = None;
    while k < end {
        if let Some((s, e)) = skip
            && k == s
        {
            k = e;
            prev_end = None;
            continue;
        }
        let t = w.toks[k];
        // An acronym in a title reads better spelled out: "Chairman of the Joint
        // Chiefs of Staff", not "of the JCS".
        if let Some(c) = w.cand_at(k)
            && w.cands[c].tokens.end == k + 1
            && w.cands[c].kind == Kind::Org
            && t.has(ALLCAPS)
        {
            let full = match (w.cands[c].refers_to, &w.cands[c].key) {
                (Some(def), _) => Some(w.span_text(w.cands[def].tokens.first, w.cands[def].tokens.end).to_string()),
                (None, Key::Kb(e)) if w.kb.entry(*e).name.contains(' ') => Some(w.kb.entry(*e).name.clone()),
                _ => None,
            };
            if let Some(full) = full {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&full);
                prev_end = Some(t.end);
                k += 1;
                continue;
            }
        }
        let s = w.t(k);
        if t.kind == TokKind::Word || t.kind == TokKind::Punct {
            let glued = prev_end == Some(t.start) || t.kind == TokKind::Punct && s != "&";
            if !out.is_empty() && !glued {
                out.push(' ');
            }
            out.push_str(s);
        }
        prev_end = Some(t.end);
        k += 1;
    }
    (tidy_role(&out), affil)
}

/// Lowercase qualifiers before a capitalised title: "acting President",
/// "former Defense Minister".
fn lowercase_qualifiers(w: &mut Work, first: usize) -> String {
    let mut k = first;
    while k > 0 {
        let j = k - 1;
        if w.toks[j].kind == TokKind::Word && w.toks[j].has(LOWER) && matches!(w.t(j), "acting" | "former" | "outgoing" | "incoming" | "interim" | "then" | "deputy" | "late" | "ex") {
            k = j;
        } else {
            break;
        }
    }
    (k..first).map(|j| w.t(j).to_string()).collect::<Vec<_>>().join(" ")
}

/// Normalises a role: trims articles and punctuation, capitalises a lowercase role
/// like a title ("high representative for foreign affairs" -> "High Representative
/// for Foreign Affairs").
pub fn tidy_role(s: &str) -> Option<String> {
    let s = s.trim().trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '-' | '(' | ')')).trim();
    let mut words: Vec<&str> = s.split_whitespace().collect();
    while words.first().is_some_and(|w| matches!(w.to_lowercase().as_str(), "the" | "a" | "an" | "his" | "her" | "its" | "their")) {
        words.remove(0);
    }
    while words.last().is_some_and(|w| matches!(w.to_lowercase().as_str(), "of" | "for" | "and" | "the" | "to" | "at" | "in")) {
        words.pop();
    }
    if words.is_empty() {
        return None;
    }
    const SMALL: &[&str] = &["of", "for", "and", "the", "to", "on", "in", "at", "a", "an", "with"];
    let titled: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if w.chars().next().is_some_and(char::is_lowercase) && (i == 0 || !SMALL.contains(w)) {
                let mut c = w.chars();
                c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
            } else {
                w.to_string()
            }
        })
        .collect();
    Some(titled.join(" "))
}

/// The byte range of the sentence around token `tok`.
pub(crate) fn sentence_of(w: &Work, tok: usize) -> std::ops::Range<usize> {
    let (s, e) = sentence_toks(w, tok);
    let line = &w.lines[w.line_of[tok] as usize];
    let start = w.toks[s].start as usize;
    let end = if e < line.tokens.end { w.toks[e - 1].end as usize } else { line.end };
    start..end.max(start)
}

/// Token range of the sentence around `tok`.
fn sentence_toks(w: &Work, tok: usize) -> (usize, usize) {
    let line = &w.lines[w.line_of[tok] as usize];
    let mut s = tok;
    while s > line.tokens.start && !w.toks[s].has(SENT_START) {
        s -= 1;
    }
    let s = s.max(line.content_from.min(tok));
    let mut e = tok + 1;
    while e < line.tokens.end && !w.toks[e].has(SENT_START) {
        e += 1;
    }
    (s, e)
}

/// "Kremlin spokesman Dmitry Peskov", "former Dutch prime minister Mark Rutte".
fn lowercase_title(w: &mut Work, p: usize) -> Option<(String, Option<Found>, std::ops::Range<usize>)> {
    let first = w.cands[p].tokens.first;
    let is_title_word = |w: &mut Work, j: usize| {
        let t = w.toks[j];
        t.kind == TokKind::Word && t.has(LOWER) && w.is(j, ROLE_HEAD | ROLE_MOD) && !w.is(j, FUNC)
    };
    let mut k = first;
    let mut has_head = false;
    while k > 0 && is_title_word(w, k - 1) {
        let j = k - 1;
        if w.is(j, ROLE_HEAD) && !w.is(j, ROLE_WEAK) {
            has_head = true;
        }
        k = j;
    }
    let demonym_before = (k.saturating_sub(4)..k).any(|s| w.gaz_starting(s).is_some_and(|g| g.tokens.end == k && g.hit.form == Form::Demonym));
    // "Conservative leader Kemi Badenoch", "Senate Democratic leader X".
    let party = (k > 0 && w.cand_at(k - 1).is_none()).then(|| crate::lexicon::lexicon().party_of(w.t(k - 1))).flatten();
    let affiliation_before = k > 0 && (w.cand_at(k - 1).is_some_and(|c| w.cands[c].kind != Kind::Person) || demonym_before || party.is_some());
    if !(has_head || affiliation_before && k < first) || k == first || !w.is(first - 1, ROLE_HEAD) {
        return None;
    }
    if let Some(party) = party {
        let role = tidy_role(&w.text[w.span(k, first)].to_string())?;
        return Some((role, Some(Found { name: party.to_string(), toks: Some((k - 1, k)) }), w.span(k - 1, w.cands[p].tokens.end)));
    }
    // Plural heads ("officials") describe groups, not this person, unless names
    // follow: "Associated Press writers Joey Castellano and Nadia Brennan".
    let plural = w.t(first - 1).ends_with('s') && !w.t(first - 1).ends_with("ss");
    let coordinated = w.cands[p].tokens.end + 1 < w.toks.len() && w.t(w.cands[p].tokens.end) == "and" && w.cand_at(w.cands[p].tokens.end + 1).is_some_and(|c| w.cands[c].kind == Kind::Person);
    if plural && !coordinated {
        return None;
    }
    let mut role_start = k;
    let mut affil = None;
    // A demonym or a known body before the title: "Dutch", "Kremlin".
    if let Some(b) = k.checked_sub(1) {
        if let Some(g) = (b.saturating_sub(3)..=b).find_map(|s| w.gaz_starting(s).filter(|g| g.tokens.end == b + 1))
            && g.hit.form == Form::Demonym
        {
            affil = resolve(w, &Affil::Kb(g.hit.entry), Some((g.tokens.first, g.tokens.end)));
            // "former Dutch prime minister": the qualifier belongs to the title.
            let mut q = g.tokens.first;
            while q > 0 && w.toks[q - 1].has(LOWER) && matches!(w.t(q - 1), "former" | "acting" | "outgoing" | "incoming" | "then") {
                q -= 1;
            }
            let quals: Vec<String> = (q..g.tokens.first).map(|j| w.t(j).to_string()).collect();
            let rest = w.text[w.span(k, first)].to_string();
            let role = tidy_role(&format!("{} {rest}", quals.join(" ")))?;
            return Some((role, affil, w.span(q, w.cands[p].tokens.end)));
        } else if let Some(c) = w.cand_at(b)
            && w.cands[c].kind != Kind::Person
        {
            // "Kremlin spokesman", "White House press secretary": a body right
            // before a lowercase title is the affiliation as written.
            affil = body_found(w, c).or_else(|| cand_found(w, c));
            role_start = k;
        }
    }
    let role = tidy_role(&w.text[w.span(role_start, first)].to_string())?;
    Some((role, affil, w.span(k, w.cands[p].tokens.end)))
}

/// "Josep Borrell, the EU's high representative for ..., said": the appositive.
fn appositive(w: &mut Work, p: usize) -> Option<(String, Option<Found>, std::ops::Range<usize>)> {
    let mut k = w.cands[p].tokens.end;
    if w.toks[k - 1].has(POSS) {
        return None;
    }
    // Skip a parenthesis: "(left)", "(이재명)".
    if w.is_punct(k, '(') {
        let close = (k + 1..(k + 8).min(w.toks.len())).find(|&j| w.is_punct(j, ')'))?;
        k = close + 1;
    }
    if !w.is_punct(k, ',') {
        return None;
    }
    k += 1;
    role_phrase(w, k, true).map(|(role, affil, start, end)| (role, affil, w.span(start, end)))
}

/// A role phrase starting at `k`: optional article, optional affiliation ("the
/// EU's", "U.S.", "Japanese"), then words up to a comma, full stop or clause that
/// contain a title word within the first few. Returns role, affiliation and the
/// token range read.
fn role_phrase(w: &mut Work, mut k: usize, allow_article: bool) -> Option<(String, Option<Found>, usize, usize)> {
    let line_end = w.lines[w.line_of[k.min(w.toks.len() - 1)] as usize].tokens.end;
    let start = k;
    if allow_article && k < line_end && matches!(w.t(k), "the" | "a" | "an" | "his" | "her") {
        k += 1;
    }
    let mut affil: Option<Found> = None;
    if k < line_end
        && let Some(c) = w.cand_at(k)
        && w.cands[c].kind != Kind::Person
    {
        let end = w.cands[c].tokens.end;
        // The body must lead into the title ("the EU's high representative", "U.S.
        // Secretary of State"), not be the whole phrase.
        if end < line_end && (w.toks[end - 1].has(POSS) || w.toks[end].kind == TokKind::Word) {
            affil = cand_found(w, c);
            k = end;
        }
    } else if k < line_end
        && let Some(GazHit { tokens: TokRange { first: gf, end: ge }, hit: m }) = w.gaz_starting(k)
        && m.form == Form::Demonym
    {
        affil = resolve(w, &Affil::Kb(m.entry), Some((gf, ge)));
        k = ge;
    }
    let role_start = k;
    let mut e = k;
    let mut head_at = None;
    while e < line_end && e - role_start < 18 {
        let t = w.toks[e];
        if t.kind == TokKind::Punct && w.t(e) != "-" && w.t(e) != "&" && w.t(e) != "'" {
            break;
        }
        if t.kind != TokKind::Word && t.kind != TokKind::Punct {
            break;
        }
        let word = w.t(e);
        if matches!(word, "who" | "which" | "that" | "said" | "says" | "told") {
            break;
        }
        // "CEO with immediate effect", "minister on Sunday": not part of the title.
        if head_at.is_some() && (matches!(word, "with" | "since" | "after" | "until" | "effective" | "following" | "when" | "while" | "before" | "amid" | "despite") || matches!(word, "in" | "on" | "last" | "this") && e + 1 < line_end && is_time_word(w.t(e + 1))) {
            break;
        }
        if word == "and" && head_at.is_some() && !w.is(e + 1, ROLE_HEAD | ROLE_MOD) {
            break;
        }
        if let Some(c) = w.cand_at(e)
            && w.cands[c].kind == Kind::Person
        {
            return None;
        }
        if w.is(e, ROLE_HEAD) && head_at.is_none() && !w.is(e, FUNC) {
            head_at = Some(e);
        }
        e += 1;
    }
    let head = head_at?;
    // The title must start within a few words (not "a meeting with the president").
    if head - role_start > 6 || e == role_start {
        return None;
    }
    // Everything before the head must be a role word or a known name; after an
    // article, two ordinary words may qualify it ("a portfolio manager").
    let article = allow_article && start < role_start && matches!(w.t(start), "a" | "an" | "the");
    let mut free = if article { 2 } else { 0 };
    for j in role_start..head {
        let ok = w.is(j, ROLE_MOD | ROLE_HEAD | ROLE_COMP) || w.cand_at(j).is_some() || w.toks[j].kind == TokKind::Punct || matches!(w.t(j), "and" | "of" | "the" | "for");
        if !ok {
            if free > 0 && w.toks[j].has(LOWER) && !w.is(j, FUNC) {
                free -= 1;
                continue;
            }
            return None;
        }
    }
    let (role, inner) = role_text(w, role_start, e);
    Some((role?, affil.or(inner), start, e))
}

/// A word that starts a time phrase: a month, a weekday, a year or a date number.
fn is_time_word(t: &str) -> bool {
    t.bytes().all(|b| b.is_ascii_digit())
        || matches!(
            t,
            "January" | "February" | "March" | "April" | "May" | "June" | "July" | "August" | "September" | "October" | "November" | "December"
                | "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov" | "Dec"
                | "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
                | "week" | "month" | "year"
        )
}

/// "South Korea's national security adviser, Cho Tae-yong", "his Dutch
/// counterpart, Kajsa Ollongren": a title right before ", NAME". A counterpart's
/// role is `None` here (the caller takes the subject's role).
fn title_before_comma(w: &mut Work, p: usize) -> Option<(Option<String>, Option<Found>, std::ops::Range<usize>)> {
    let first = w.cands[p].tokens.first;
    let comma = first.checked_sub(1)?;
    if !w.is_punct(comma, ',') {
        return None;
    }
    let end = comma;
    let mut k = end;
    let mut has_head = false;
    while k > 0 {
        let j = k - 1;
        let t = w.toks[j];
        // "ambassador to Australia": a place the title is about.
        if let Some(c) = w.cand_at(j)
            && w.cands[c].kind == Kind::Loc
            && w.cands[c].tokens.end == k
            && w.cands[c].tokens.first >= 2
            && matches!(w.t(w.cands[c].tokens.first - 1), "to" | "in")
            && w.is(w.cands[c].tokens.first - 2, ROLE_HEAD)
        {
            k = w.cands[c].tokens.first - 1;
            continue;
        }
        if t.kind != TokKind::Word || w.cand_at(j).is_some() || w.gaz_starting(j).is_some() {
            break;
        }
        if w.is(j, ROLE_HEAD) || matches!(w.t(j), "counterpart" | "counterparts") {
            has_head = true;
        } else if !w.is(j, ROLE_MOD) {
            break;
        }
        k = j;
    }
    let ends_in_title = w.is(end - 1, ROLE_HEAD) || matches!(w.t(end - 1), "counterpart" | "counterparts") || w.cand_at(end - 1).is_some_and(|c| w.cands[c].kind == Kind::Loc);
    if !has_head || k == end || !ends_in_title {
        return None;
    }
    let counterpart = matches!(w.t(end - 1), "counterpart" | "counterparts");
    // What comes before the title: a demonym, a possessive country or body, "his".
    let mut affil = None;
    let mut start = k;
    if let Some(b) = k.checked_sub(1) {
        if let Some(g) = (b.saturating_sub(3)..=b).find_map(|s| w.gaz_starting(s).filter(|g| g.tokens.end == b + 1)) {
            let entry = w.kb.entry(g.hit.entry);
            if g.hit.form == Form::Demonym || w.toks[b].has(POSS) || counterpart || matches!(entry.class, Class::Country | Class::International) {
                affil = resolve(w, &Affil::Kb(g.hit.entry), Some((g.tokens.first, g.tokens.end)));
                start = g.tokens.first;
            }
        } else if let Some(c) = w.cand_at(b)
            && w.cands[c].kind != Kind::Person
            && w.toks[b].has(POSS)
        {
            affil = cand_found(w, c);
            start = w.cands[c].tokens.first;
        } else if !matches!(w.t(b), "his" | "her" | "its" | "their" | "the" | "a" | "an") && !w.toks[b].is_cap() {
            return None;
        }
    }
    let span = w.span(start, w.cands[p].tokens.end);
    if counterpart {
        return Some((None, affil, span));
    }
    // Not a sentence-initial capitalised stretch like "Minister, Lee said".
    if w.toks[k].has(ALLCAPS) {
        return None;
    }
    let role = tidy_role(&w.text[w.span(k, end)].to_string())?;
    Some((Some(role), affil, span))
}

/// "Daniel Hwang is a senior fellow at the Han River Policy Institute".
fn copula(w: &mut Work, p: usize) -> Option<(String, Option<Found>, std::ops::Range<usize>)> {
    let k = w.cands[p].tokens.end;
    if k + 2 >= w.toks.len() || !matches!(w.t(k), "is" | "was" | "remains") {
        return None;
    }
    let (role, affil, _, e) = role_phrase(w, k + 1, true)?;
    // "... at the Institute": the body after the title.
    let mut j = e;
    let affil = affil.or_else(|| {
        if j < w.toks.len() && matches!(w.t(j), "at" | "of" | "with") {
            j += 1;
            if j < w.toks.len() && w.t(j) == "the" {
                j += 1;
            }
            w.cand_at(j).filter(|&c| w.cands[c].kind != Kind::Person).and_then(|c| cand_found(w, c))
        } else {
            None
        }
    });
    Some((role, affil, w.span(w.cands[p].tokens.first, e)))
}

/// "Kang Hoon-sik as his chief of staff", "named Wi Sung-lac as director of ...".
fn named_as(w: &mut Work, p: usize) -> Option<(String, Option<Found>, std::ops::Range<usize>)> {
    let k = w.cands[p].tokens.end;
    if k + 1 >= w.toks.len() || w.t(k) != "as" {
        return None;
    }
    let (role, affil, _, e) = role_phrase(w, k + 1, true)?;
    Some((role, affil, w.span(w.cands[p].tokens.first, e)))
}

/// A title given by the clause the name is the subject of: "X became the
/// country's first female finance minister", "X was appointed defense
/// minister", "X, who announced his resignation as prime minister", "X takes
/// over as CEO". Only when no other person comes between the name and the verb.
fn predicate(w: &mut Work, p: usize) -> Option<(String, Option<Found>, std::ops::Range<usize>)> {
    let (_, sentence_end) = sentence_toks(w, w.cands[p].tokens.first);
    let mut k = w.cands[p].tokens.end;
    let limit = sentence_end.min(k + 16);
    while k < limit {
        if w.cand_at(k).is_some_and(|c| w.cands[c].kind == Kind::Person) {
            return None;
        }
        let t = w.t(k);
        let lower = w.toks[k].has(LOWER);
        let opens = lower
            && match t {
                "became" | "becomes" | "become" => true,
                "appointed" | "named" | "elected" | "promoted" | "nominated" => k > 0 && (matches!(w.t(k - 1), "was" | "is" | "been" | "be" | "being" | "were" | "newly") || k == w.cands[p].tokens.end + 1 && w.is_punct(k - 1, ',')),
                "as" => {
                    k > 0
                        && matches!(
                            w.t(k - 1),
                            "over" | "post" | "job" | "role" | "resignation" | "down" | "serves" | "served" | "serving" | "remains" | "remained" | "stays" | "stayed"
                                | "continue" | "continues" | "reappointed" | "re-elected" | "sworn" | "in" | "quit" | "resigned" | "retired" | "tenure" | "term"
                        )
                }
                _ => false,
            };
        if opens {
            let mut from = k + 1;
            // "the country's first female finance minister": the country is the
            // article's, left to inference.
            if from + 2 < w.toks.len() && w.t(from) == "the" && matches!(w.t(from + 1), "country" | "nation" | "state") && w.toks[from + 1].has(POSS) {
                from += 2;
            }
            while from < limit && matches!(w.t(from), "first" | "new" | "next" | "female" | "male" | "woman" | "youngest" | "oldest" | "only") {
                from += 1;
            }
            let (role, affil, _, e) = role_phrase(w, from, true)?;
            return Some((role, affil, w.span(w.cands[p].tokens.first, e)));
        }
        k += 1;
    }
    None
}

/// "Sen. Lisa Murkowski, R-Alaska," / "(D-Hawaii)": a US legislator's party.
fn party_code(w: &Work, p: usize) -> Option<(Found, std::ops::Range<usize>)> {
    let k = w.cands[p].tokens.end;
    if k + 3 >= w.toks.len() || !(w.is_punct(k, ',') || w.is_punct(k, '(')) {
        return None;
    }
    let code = w.t(k + 1);
    if !w.is_punct(k + 2, '-') || !w.toks[k + 3].is_cap() {
        return None;
    }
    let party = match code {
        "R" => "Republican Party",
        "D" => "Democratic Party",
        "I" => "Independent",
        _ => return None,
    };
    Some((Found { name: party.to_string(), toks: None }, w.span(w.cands[p].tokens.first, k + 4)))
}

/// "Victor Cha of the Center for Strategic and International Studies".
fn name_of_body(w: &mut Work, p: usize) -> Option<(Found, std::ops::Range<usize>)> {
    let mut k = w.cands[p].tokens.end;
    if k + 1 >= w.toks.len() || !matches!(w.t(k), "of" | "from") {
        return None;
    }
    k += 1;
    if w.t(k) == "the" {
        k += 1;
    }
    let c = w.cand_at(k).filter(|&c| w.cands[c].kind == Kind::Org && w.cands[c].tokens.first == k)?;
    let f = cand_found(w, c)?;
    Some((f, w.span(w.cands[p].tokens.first, w.cands[c].tokens.end)))
}

/// "his predecessor François Bayrou", "her successor, X": a person who held the
/// subject's post. Returns the span read.
fn predecessor(w: &Work, p: usize) -> Option<std::ops::Range<usize>> {
    let first = w.cands[p].tokens.first;
    let mut k = first.checked_sub(1)?;
    if w.is_punct(k, ',') {
        k = k.checked_sub(1)?;
    }
    if k == 0 || !matches!(w.t(k), "predecessor" | "successor") || !matches!(w.t(k - 1), "his" | "her" | "their" | "its") {
        return None;
    }
    Some(w.span(k - 1, w.cands[p].tokens.end))
}

/// The role of the person a counterpart is the counterpart *of*: the subject of
/// the sentence (a person followed by a verb: "Lee also met with his Dutch
/// counterpart"), else the last person before it in the sentence, else the nearest
/// earlier person in the article with a role.
fn subject_role(w: &mut Work, claims: &[(usize, Option<String>, Option<Found>, std::ops::Range<usize>)], p: usize) -> Option<String> {
    let pf = w.cands[p].tokens.first;
    let root = |c: usize| w.cands[c].refers_to.unwrap_or(c);
    let me = root(p);
    let role_of = |person: usize| claims.iter().filter(|(c, role, ..)| root(*c) == root(person) && role.is_some()).find_map(|(_, role, ..)| role.clone());
    // "Park Jin and his Japanese counterpart": the person just before "and his".
    let mut k = pf;
    while k > 0 && !matches!(w.t(k - 1), "his" | "her" | "their" | "its") && pf - k < 6 {
        k -= 1;
    }
    if k >= 2
        && matches!(w.t(k - 1), "his" | "her" | "their" | "its")
        && matches!(w.t(k - 2), "and" | ",")
        && let Some(c) = w.cand_at(k - 3)
        && w.cands[c].kind == Kind::Person
        && let Some(r) = role_of(c)
    {
        return Some(r);
    }
    let (s, _) = sentence_toks(w, pf);
    let mut in_sentence: Vec<usize> = (s..pf).filter_map(|k| w.cand_at(k)).filter(|&c| w.cands[c].kind == Kind::Person && w.cands[c].tokens.first >= s && root(c) != me).collect();
    in_sentence.dedup();
    let followed_by_verb = |w: &Work, c: usize| {
        let mut k = w.cands[c].tokens.end;
        while k < pf && matches!(w.t(k), "also" | "then" | "later" | "had" | "has" | "have" | "earlier" | "separately") {
            k += 1;
        }
        k < pf && w.toks[k].has(LOWER) && (w.t(k).ends_with("ed") || w.t(k) == "met" || w.t(k) == "held" || w.is(k, SPEECH))
    };
    // A named subject without a known role gives the counterpart none: a
    // wrong role is worse than a missing one.
    if let Some(subject) = in_sentence.iter().copied().find(|&c| followed_by_verb(w, c)) {
        return role_of(subject);
    }
    if let Some(r) = in_sentence.iter().rev().find_map(|&c| role_of(c)) {
        return Some(r);
    }
    claims
        .iter()
        .filter(|(c, role, ..)| root(*c) != me && w.cands[*c].tokens.first < pf && role.is_some())
        .max_by_key(|(c, ..)| w.cands[*c].tokens.first)
        .and_then(|(_, role, ..)| role.clone())
}

/// People named in sign-offs: "(Reporting by X; Editing by Y)", "Photo by X",
/// and photo credits "REUTERS/Jana Klemm", "(AP Photo/Oleh Marchuk)".
fn signed_off(w: &Work, p: usize) -> bool {
    let f = w.cands[p].tokens.first;
    if f > 0 && w.is_punct(f - 1, '/') {
        return true;
    }
    let (s, _) = sentence_toks(w, f);
    let before: Vec<&str> = (s..f).map(|k| w.t(k)).collect();
    before.last().is_some_and(|x| *x == "by" || *x == "and" || *x == ",")
        && before.iter().any(|x| matches!(x.to_ascii_lowercase().as_str(), "reporting" | "editing" | "writing" | "photo" | "compiled"))
}

/// The agency of a byline: the news organisation credited near the top, in
/// parentheses after the dateline ("SEOUL, June 3 (Yonhap) --"), else one
/// credited anywhere in parentheses or in a copyright line.
fn byline_agency(w: &Work) -> Option<String> {
    // The news organisation a credit names ("(AAP)" is the agency, not the party).
    let media_entry = |c: &super::Cand| -> Option<usize> {
        w.kb.lookup(w.span_text(c.tokens.first, c.tokens.end)).iter().map(|(e, _)| *e).find(|&e| w.kb.entry(e).subkind.as_deref() == Some("media") || w.kb.entry(e).is_user())
    };
    let media = |c: &super::Cand| match c.key {
        Key::Kb(_) => media_entry(c).is_some(),
        _ => true,
    };
    let in_parens = |c: &super::Cand| c.tokens.first > 0 && w.is_punct(c.tokens.first - 1, '(') && w.is_punct(c.tokens.end, ')');
    let name = |c: &super::Cand| match media_entry(c) {
        Some(e) => display_name(w, e),
        None => w.span_text(c.tokens.first, c.tokens.end).to_string(),
    };
    let orgs = || w.cands.iter().filter(|c| c.kind == Kind::Org && media(c));
    orgs()
        .find(|c| in_parens(c) && (w.line_of[c.tokens.first] as usize) < 8)
        .or_else(|| orgs().find(|c| in_parens(c)))
        .or_else(|| orgs().find(|c| {
            let line = &w.lines[w.line_of[c.tokens.first] as usize];
            let t = w.text[line.start..line.end].trim_start();
            t.starts_with('©') || t.to_lowercase().starts_with("copyright")
        }))
        .map(name)
}

/// How an affiliation to a known body is shown: its name, with its acronym when it
/// has one ("Agence France-Presse (AFP)").
pub(crate) fn display_name(w: &Work, e: usize) -> String {
    let entry = w.kb.entry(e);
    if entry.kind != Kind::Org || entry.is_user() {
        return entry.name.clone();
    }
    let acronym = entry.aliases.iter().find(|a| (2..=6).contains(&a.len()) && a.chars().all(|c| c.is_ascii_uppercase()) && !entry.name.contains(a.as_str()));
    match acronym {
        Some(a) => format!("{} ({a})", entry.name),
        None => entry.name.clone(),
    }
}

/// The dateline's country: the first known place in the first lines of prose.
fn dateline_country(w: &Work) -> Option<String> {
    for c in w.cands.iter().filter(|c| c.kind == Kind::Loc && (w.line_of[c.tokens.first] as usize) < 8) {
        let li = w.line_of[c.tokens.first] as usize;
        let line = &w.lines[li];
        if line.kind != super::layout::LineKind::Body {
            continue;
        }
        let near_start = c.tokens.first < line.content_from + 12 && (line.content_from..c.tokens.first).filter(|&k| w.toks[k].is_word()).count() <= 3;
        if near_start && let Some(n) = country_of(w, c) {
            return Some(n);
        }
    }
    None
}

/// The country a place candidate is in (or is).
fn country_of(w: &Work, c: &super::Cand) -> Option<String> {
    let Key::Kb(e) = c.key else { return None };
    let entry = w.kb.entry(e);
    match entry.class {
        Class::Country => Some(entry.name.clone()),
        Class::Place => entry.country.clone(),
        _ => None,
    }
}

/// An affiliation from context, for a title with none written next to it.
fn infer(w: &mut Work, p: usize, role: Option<&str>, used: &HashSet<usize>, dateline: Option<&str>) -> Option<String> {
    let first = w.cands[p].tokens.first;
    let (s, _) = sentence_toks(w, first);
    // A Korean name: South or North Korea, by the nearest mention in the paragraph.
    let root = w.cands[p].refers_to.unwrap_or(p);
    let name = w.span_text(w.cands[root].tokens.first, w.cands[root].tokens.end).to_string();
    if crate::keys::is_korean_name(&name) {
        let line = w.lines[w.line_of[first] as usize].tokens.clone();
        let mut north = None;
        for k in (line.start.max(first.saturating_sub(300))..first).rev() {
            let t = w.t(k);
            if matches!(t, "Pyongyang" | "KCNA") || (t == "North" && k + 1 < w.toks.len() && w.t(k + 1).starts_with("Korea")) {
                north = Some(true);
                break;
            }
            if matches!(t, "Seoul" | "Yonhap") || (t == "South" && k + 1 < w.toks.len() && w.t(k + 1).starts_with("Korea")) {
                north = Some(false);
                break;
            }
        }
        // No signal in the paragraph: North Korea only if the article is
        // overwhelmingly about it.
        let north = north.unwrap_or_else(|| {
            let (mut n, mut s) = (0usize, 0usize);
            for k in 0..w.toks.len() {
                match w.t(k) {
                    "Pyongyang" | "KCNA" => n += 1,
                    "Seoul" | "Yonhap" => s += 1,
                    "North" if k + 1 < w.toks.len() && w.t(k + 1).starts_with("Korea") => n += 1,
                    "South" if k + 1 < w.toks.len() && w.t(k + 1).starts_with("Korea") => s += 1,
                    _ => {}
                }
            }
            n > 2 * s
        });
        let name = if north { "North Korea" } else { "South Korea" };
        if let Some(e) = w.kb.country(name) {
            return Some(w.kb.entry(e).name.clone());
        }
    }
    // A local office: the nearest city or region named in this or the
    // previous sentence.
    if is_local(role) {
        let from = if s > 0 { sentence_toks(w, s - 1).0 } else { s };
        for k in (from..first).rev() {
            if let Some(c) = w.cand_at(k)
                && let Key::Kb(e) = w.cands[w.cands[c].refers_to.unwrap_or(c)].key
                && w.kb.entry(e).class == Class::Place
            {
                return Some(w.kb.entry(e).name.clone());
            }
        }
    }
    // A country named earlier in the sentence and not another person's.
    let mut k = first;
    while k > s {
        k -= 1;
        if used.contains(&k) {
            continue;
        }
        if let Some(c) = w.cand_at(k) {
            let cand = &w.cands[c];
            if cand.kind == Kind::Loc && let Some(n) = country_of(w, cand) {
                return Some(n);
            }
            continue;
        }
        if let Some(GazHit { hit: m, .. }) = w.gaz_starting(k)
            && m.form == Form::Demonym
        {
            return Some(w.kb.entry(m.entry).name.clone());
        }
    }
    // A company title: the company the article is about.
    if let Some(r) = role
        && is_corporate(r)
        && let Some(c) = main_company(w)
    {
        return Some(c);
    }
    // A spokesperson speaks for what the previous sentence is about.
    if role.is_some_and(|r| r.to_lowercase().starts_with("spokes")) && s > 0 {
        let (ps, _) = sentence_toks(w, s - 1);
        for k in ps..s {
            if let Some(c) = w.cand_at(k)
                && w.cands[c].kind != Kind::Person
                && let Some(f) = body_found(w, c).or_else(|| cand_found(w, c))
            {
                return Some(f.name);
            }
        }
    }
    dateline.map(str::to_string).or_else(|| main_country(w))
}

/// Whether a title belongs to a company rather than a state.
fn is_corporate(role: &str) -> bool {
    let r = role.to_lowercase();
    ["ceo", "chief executive", "chief financial", "chief operating", "executive", "chairman", "chairwoman", "founder", "board", "analyst", "manager", "economist", "strategist", "shareholder", "investor", "cfo", "coo"]
        .iter()
        .any(|k| r.split(|c: char| !c.is_alphanumeric()).collect::<Vec<_>>().join(" ").contains(k))
}

/// The company an article is mostly about: the most mentioned organisation that is
/// not a state body or news outlet, if it is mentioned at least twice.
fn main_company(w: &Work) -> Option<String> {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for c in w.cands.iter().filter(|c| c.kind == Kind::Org) {
        let root = c.refers_to.map(|r| &w.cands[r]).unwrap_or(c);
        let (name, ok) = match root.key {
            Key::Kb(e) => {
                let entry = w.kb.entry(e);
                (display_name(w, e), matches!(entry.subkind.as_deref(), Some("company")) || (entry.is_user() && entry.kind == Kind::Org))
            }
            Key::Name(_) => (w.span_text(root.tokens.first, root.tokens.end).to_string(), !w.is_state_head(root.tokens.end - 1)),
        };
        if ok {
            *counts.entry(name).or_default() += 1;
        }
    }
    let mut v: Vec<(String, usize)> = counts.into_iter().filter(|(_, n)| *n >= 2).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v.into_iter().next().map(|(n, _)| n)
}

/// The country an article is mostly about: at least three mentions (with
/// demonyms) and at least half of all country mentions.
fn main_country(w: &Work) -> Option<String> {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // Places and the state bodies of a country (Downing Street, the Bundestag)
    // both say where an article is.
    for c in &w.cands {
        let n = match c.kind {
            Kind::Loc => country_of(w, c),
            Kind::Org => match c.key {
                Key::Kb(e) => w.kb.entry(e).country.clone(),
                Key::Name(_) => None,
            },
            Kind::Person => None,
        };
        if let Some(n) = n {
            *counts.entry(n).or_default() += 1;
        }
    }
    for GazHit { hit: m, .. } in &w.gaz {
        if m.form == Form::Demonym {
            *counts.entry(w.kb.entry(m.entry).name.clone()).or_default() += 1;
        }
    }
    let total: usize = counts.values().sum();
    let (name, n) = counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))?;
    (n >= 3 && n * 2 >= total).then_some(name)
}

impl Work<'_> {
    /// Whether token `i` is the head of a state body's name (Office, Ministry,
    /// Staff, Command ...).
    pub(crate) fn is_state_head(&self, i: usize) -> bool {
        matches!(
            self.t(i).to_ascii_lowercase().as_str(),
            "office" | "ministry" | "agency" | "service" | "council" | "commission" | "committee" | "assembly" | "court"
                | "staff" | "chiefs" | "command" | "force" | "forces" | "army" | "navy" | "police" | "department" | "bureau"
                | "administration" | "government" | "cabinet" | "secretariat" | "guard" | "corps" | "parliament" | "congress"
                | "senate" | "presidency" | "directorate" | "inspectorate" | "prosecution" | "prosecutors"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_tidied_into_titles() {
        assert_eq!(tidy_role("high representative for foreign affairs and security policy").as_deref(), Some("High Representative for Foreign Affairs and Security Policy"));
        assert_eq!(tidy_role("the Defense Minister,").as_deref(), Some("Defense Minister"));
        assert_eq!(tidy_role(" , ").as_deref(), None);
    }
}
