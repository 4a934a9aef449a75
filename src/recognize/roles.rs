//! Roles and affiliations of people, read from the patterns news uses, each kept
//! with the text it came from and its sentence:
//!
//! | pattern | example |
//! | --- | --- |
//! | country / demonym / organisation + title + name | South Korea's Defense Minister Lee Jong-sup; NATO Secretary General Mark Rutte |
//! | lowercase title + name | Defense Ministry spokesman Jeon Ha-kyu |
//! | name, appositive | Josep Borrell, the EU's high representative for foreign affairs and security policy, |
//! | counterpart | his Dutch counterpart, Kajsa Ollongren (the subject's role, the demonym's country) |
//! | byline | By Chae Yun-hwan ... (Yonhap): a reporter of the agency |
//!
//! "of (the) X" inside a title, where X is a country or an international body,
//! becomes the affiliation ("... Advisor to the Prime Minister of the Netherlands").
//! A title with no affiliation written next to it takes the article's home country
//! (the dateline's, else the most-mentioned), marked as inferred.

use std::collections::HashMap;

use super::tokens::{LOWER, POSS, SENT_START, TokKind};
use super::{Affil, Key, Work};
use crate::kb::{Class, Form};
use crate::lexicon::class::*;
use crate::model::{Claim, Kind};

/// Claims as (candidate index, claim).
pub(crate) fn extract(w: &mut Work) -> Vec<(usize, Claim)> {
    let mut out: Vec<(usize, Claim)> = Vec::new();
    let home = home_country(w);
    // Titles written before names.
    for r in w.pre_roles.clone() {
        let Some(p) = r.person else { continue };
        let (role, inner_affil) = role_text(w, r.first, r.end);
        let affil = r.affiliation.clone().map(|a| affil_name(w, &a)).or(inner_affil);
        let span = w.span(r.first, w.cands[p].end);
        out.push((p, claim(w, role, affil, span, p, home.as_deref())));
    }
    let persons: Vec<usize> = (0..w.cands.len()).filter(|&c| w.cands[c].kind == Kind::Person).collect();
    for &p in &persons {
        if w.cands[p].byline {
            if let Some(agency) = byline_agency(w) {
                let span = w.span(w.cands[p].first, w.cands[p].end);
                out.push((p, Claim { role: Some("Reporter".into()), affiliation: Some(agency), span: span.clone(), sentence: span, inferred: false }));
            }
            continue;
        }
        let has_pre = out.iter().any(|(c, _)| *c == p);
        if !has_pre && let Some((role, affil, span)) = lowercase_title(w, p) {
            out.push((p, claim(w, Some(role), affil, span, p, home.as_deref())));
        }
        if let Some((role, affil, span)) = appositive(w, p) {
            out.push((p, claim(w, Some(role), affil, span, p, home.as_deref())));
        }
        if let Some((affil, span)) = counterpart(w, p) {
            let subject_role = subject_role(w, &out, p);
            out.push((p, Claim { role: subject_role, affiliation: affil, span, sentence: sentence_of(w, w.cands[p].first), inferred: false }));
        }
    }
    out.retain(|(_, c)| c.role.is_some() || c.affiliation.is_some());
    out
}

fn claim(w: &Work, role: Option<String>, affil: Option<String>, span: std::ops::Range<usize>, p: usize, home: Option<&str>) -> Claim {
    let inferred = affil.is_none() && role.is_some() && home.is_some();
    let affiliation = affil.or_else(|| if role.is_some() { home.map(str::to_string) } else { None });
    Claim { role, affiliation, span, sentence: sentence_of(w, w.cands[p].first), inferred }
}

/// The display name of an affiliation.
fn affil_name(w: &Work, a: &Affil) -> String {
    match a {
        Affil::Kb(e) => w.kb.entry(*e).name.clone(),
        Affil::Text(s) => s.clone(),
    }
}

/// The role text of tokens `first..end`, with "of (the) <country or international
/// body>" taken out as the affiliation.
fn role_text(w: &mut Work, first: usize, end: usize) -> (Option<String>, Option<String>) {
    let mut affil = None;
    let mut skip: Option<(usize, usize)> = None;
    let mut k = first;
    while k < end {
        if matches!(w.t(k), "of" | "for") {
            let mut s = k + 1;
            if s < end && w.t(s) == "the" {
                s += 1;
            }
            if let Some((gf, ge, m)) = w.gaz_starting(s)
                && ge <= end
                && m.form != Form::Demonym
                && matches!(w.kb.entry(m.entry).class, Class::Country | Class::International)
            {
                affil = Some(w.kb.entry(m.entry).name.clone());
                skip = Some((k, ge));
                let _ = gf;
                break;
            }
        }
        k += 1;
    }
    let mut words: Vec<&str> = Vec::new();
    let mut k = first;
    let mut prev_end = None;
    let mut out = String::new();
    while k < end {
        if let Some((s, e)) = skip
            && k == s
        {
            k = e;
            prev_end = None;
            continue;
        }
        let t = w.toks[k];
        let s = w.t(k);
        if t.kind == TokKind::Word || t.kind == TokKind::Punct {
            let glued = prev_end == Some(t.start) || t.kind == TokKind::Punct && s != "&";
            if !out.is_empty() && !glued {
                out.push(' ');
            }
            out.push_str(s);
            words.push(s);
        }
        prev_end = Some(t.end);
        k += 1;
    }
    let role = tidy_role(&out);
    (role, affil)
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
    while words.last().is_some_and(|w| matches!(w.to_lowercase().as_str(), "of" | "for" | "and" | "the" | "to")) {
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
    let li = w.line_of[tok] as usize;
    let line = &w.lines[li];
    let mut s = tok;
    while s > line.tokens.start && !w.toks[s].has(SENT_START) {
        s -= 1;
    }
    let s = s.max(line.content_from.min(tok));
    let mut e = tok + 1;
    while e < line.tokens.end && !w.toks[e].has(SENT_START) {
        e += 1;
    }
    let start = w.toks[s].start as usize;
    let end = if e < line.tokens.end { w.toks[e - 1].end as usize } else { line.end };
    start..end.max(start)
}

/// "Defense Ministry spokesman Jeon Ha-kyu", "former president Moon Jae-in".
fn lowercase_title(w: &mut Work, p: usize) -> Option<(String, Option<String>, std::ops::Range<usize>)> {
    let first = w.cands[p].first;
    let mut k = first;
    let mut has_head = false;
    while k > 0 {
        let j = k - 1;
        let t = w.toks[j];
        if t.kind != TokKind::Word || !t.has(LOWER) || !w.is(j, ROLE_HEAD | ROLE_MOD) || w.is(j, FUNC) {
            break;
        }
        if w.is(j, ROLE_HEAD) && !w.is(j, ROLE_WEAK) {
            has_head = true;
        }
        k = j;
    }
    if !has_head || k == first || !w.is(first - 1, ROLE_HEAD) {
        return None;
    }
    // Plural heads ("officials") describe groups, not this person.
    if w.t(first - 1).ends_with('s') && !w.t(first - 1).ends_with("ss") {
        return None;
    }
    let role = tidy_role(&w.text[w.span(k, first)].to_string())?;
    let affil = k.checked_sub(1).and_then(|b| w.cand_at(b)).filter(|&c| w.cands[c].kind != Kind::Person).map(|c| cand_affil(w, c));
    Some((role, affil, w.span(k, w.cands[p].end)))
}

/// The affiliation a non-person candidate stands for.
fn cand_affil(w: &Work, c: usize) -> String {
    match &w.cands[c].key {
        Key::Kb(e) => w.kb.entry(*e).name.clone(),
        Key::Name(_) => w.span_text(w.cands[c].first, w.cands[c].end).to_string(),
    }
}

/// "Josep Borrell, the EU's high representative for ..., said": the appositive.
fn appositive(w: &mut Work, p: usize) -> Option<(String, Option<String>, std::ops::Range<usize>)> {
    let mut k = w.cands[p].end;
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
    let line_end = w.lines[w.line_of[w.cands[p].first] as usize].tokens.end;
    let start = k;
    if k < line_end && matches!(w.t(k), "the" | "a" | "an" | "his" | "her") {
        k += 1;
    }
    // Affiliation first: "the EU's", "U.S.", "Japanese".
    let mut affil: Option<String> = None;
    if let Some(c) = w.cand_at(k)
        && w.cands[c].kind != Kind::Person
    {
        affil = Some(cand_affil(w, c));
        k = w.cands[c].end;
    } else if let Some((_, ge, m)) = w.gaz_starting(k)
        && m.form == Form::Demonym
    {
        affil = Some(w.kb.entry(m.entry).name.clone());
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
        if matches!(w.t(e), "who" | "which" | "that" | "said" | "says") {
            break;
        }
        if let Some(c) = w.cand_at(e)
            && w.cands[c].kind == Kind::Person
        {
            return None;
        }
        if w.is(e, ROLE_HEAD) && head_at.is_none() {
            head_at = Some(e);
        }
        e += 1;
    }
    let head = head_at?;
    // The title must start within a few words (not "a meeting with the president").
    if head - role_start > 6 || e == role_start {
        return None;
    }
    // Everything before the head must be a role word or a known name.
    for j in role_start..head {
        let ok = w.is(j, ROLE_MOD | ROLE_HEAD | ROLE_COMP) || w.cand_at(j).is_some() || w.toks[j].kind == TokKind::Punct || matches!(w.t(j), "and" | "of" | "the" | "for");
        if !ok {
            return None;
        }
    }
    let (role, inner) = role_text(w, role_start, e);
    let role = role?;
    let affil = affil.or(inner).or_else(|| {
        // A national body named in the title lends its country.
        (role_start..e).filter_map(|j| w.cand_at(j)).find_map(|c| match &w.cands[c].key {
            Key::Kb(id) => w.kb.entry(*id).country.clone(),
            _ => None,
        })
    });
    Some((role, affil, w.span(start, e)))
}

/// "his Dutch counterpart, Kajsa Ollongren": the counterpart's country.
fn counterpart(w: &mut Work, p: usize) -> Option<(Option<String>, std::ops::Range<usize>)> {
    let first = w.cands[p].first;
    let mut k = first.checked_sub(1)?;
    if w.is_punct(k, ',') {
        k = k.checked_sub(1)?;
    }
    if !matches!(w.t(k), "counterpart" | "counterparts") {
        return None;
    }
    let c_tok = k;
    let mut affil = None;
    if let Some(b) = k.checked_sub(1) {
        // A demonym or a country before "counterpart".
        let g = (b.saturating_sub(3)..=b).find_map(|s| w.gaz_starting(s).filter(|g| g.1 == b + 1));
        if let Some((_, _, m)) = g
            && w.kb.entry(m.entry).class == Class::Country
        {
            affil = Some(w.kb.entry(m.entry).name.clone());
        }
    }
    // "counterpart from Canada".
    Some((affil, w.span(c_tok.saturating_sub(2), w.cands[p].end)))
}

/// The role of the person a counterpart is the counterpart *of*: the nearest
/// earlier person in the article with a role.
fn subject_role(w: &Work, claims: &[(usize, Claim)], p: usize) -> Option<String> {
    let pf = w.cands[p].first;
    let root = |c: usize| w.cands[c].refers_to.unwrap_or(c);
    let me = root(p);
    claims
        .iter()
        .filter(|(c, cl)| root(*c) != me && w.cands[*c].first < pf && cl.role.is_some() && !cl.inferred_role())
        .max_by_key(|(c, _)| w.cands[*c].first)
        .and_then(|(_, cl)| cl.role.clone())
}

trait InferredRole {
    fn inferred_role(&self) -> bool;
}

impl InferredRole for Claim {
    fn inferred_role(&self) -> bool {
        self.role.as_deref() == Some("Reporter")
    }
}

/// The agency of a byline: the first news organisation credited near the top.
fn byline_agency(w: &Work) -> Option<String> {
    w.cands
        .iter()
        .filter(|c| c.kind == Kind::Org && (w.line_of[c.first] as usize) < 8)
        .find_map(|c| match &c.key {
            Key::Kb(e) => Some(w.kb.entry(*e).name.clone()),
            Key::Name(_) => Some(w.span_text(c.first, c.end).to_string()),
        })
}

/// The article's home country: the dateline's country, else the most-mentioned.
fn home_country(w: &Work) -> Option<String> {
    let country_of = |c: &super::Cand| -> Option<usize> {
        let Key::Kb(e) = c.key else { return None };
        let entry = w.kb.entry(e);
        match entry.class {
            Class::Country => Some(e),
            Class::Place => entry.country.as_deref().and_then(|n| w.kb.country(n)),
            _ => None,
        }
    };
    // Dateline: the first place in the first lines of prose.
    for c in w.cands.iter().filter(|c| c.kind == Kind::Loc && (w.line_of[c.first] as usize) < 6) {
        let li = w.line_of[c.first] as usize;
        let line = &w.lines[li];
        let near_start = (line.content_from..c.first).filter(|&k| w.toks[k].is_word()).count() <= 6;
        if near_start && let Some(e) = country_of(c) {
            return Some(w.kb.entry(e).name.clone());
        }
    }
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for c in &w.cands {
        if let Some(e) = country_of(c) {
            *counts.entry(e).or_default() += 1;
        }
    }
    for (_, _, m) in &w.gaz {
        if m.form == Form::Demonym {
            *counts.entry(m.entry).or_default() += 1;
        }
    }
    let mut v: Vec<(usize, usize)> = counts.into_iter().collect();
    v.sort_by_key(|&(e, n)| (std::cmp::Reverse(n), e));
    v.first().map(|&(e, _)| w.kb.entry(e).name.clone())
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
