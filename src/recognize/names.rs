//! Names in running text. A *run* is a stretch of capitalised words on one line
//! (with hyphen-joined parts, and connectors such as "of the" between capitals).
//! Each run is split into units — known names from the gazetteer, role titles
//! ("Defense Minister", "Director of the National Security Office"), honorifics
//! ("Gen."), organisation names that start with their head ("Bank of Korea") and
//! plain words — and the plain words are classified by cues:
//!
//! * after a role or honorific: a person;
//! * Korean and Chinese name shapes (family name + romanized given name, in either
//!   order) and known given names: a person;
//! * an organisation head noun at the end ("... News Agency", "... Systems") or an
//!   acronym defined in parentheses: an organisation;
//! * a place head ("... Province") or a dateline position: a place;
//! * two to four capitalised words that are not ordinary English: a person.
//!
//! Sentence-initial common words ("During", "The") are trimmed, names of events
//! ("Shangri-La Dialogue") are skipped, and in headlines, headers and "related
//! articles" blocks only strongly cued names are taken. Single unknown words are
//! left to [`super::coref`], which knows the document's people.

use super::layout::LineKind;
use crate::tokens::{ALLCAPS, CAP, DIGIT, GLUE, LINE_START, LOWER, MIXED, POSS, SENT_START, TokKind};
use super::{Affil, Cand, GazHit, Key, PreRole, TokRange, Work, name_key};
use crate::kb::{Class, Form};
use crate::lexicon::class::*;
use crate::model::{Kind, Origin};
use crate::romanize;

/// How much discovery a line allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Prose: everything.
    Full,
    /// Headlines, headers, "related articles" blocks: only strongly cued names.
    Restricted,
    /// Menus and furniture: known names only.
    Known,
}

/// Lines that start a block of links to other articles.
const RELATED_BLOCKS: &[&str] = &["you may also like", "related articles", "related news", "related stories", "recommended", "read more", "more from", "most read", "top stories", "trending"];

/// A single unknown capitalised word left for [`super::coref`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Pending {
    pub tok: usize,
    pub mode: Mode,
    /// Part of a longer capitalised stretch that is not a name as a whole: only a
    /// reference to a known person can claim it.
    pub fallback: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum U {
    Gaz(usize),
    Role,
    Honor,
    OrgStart,
    Conn,
    Punct,
    Word,
}

#[derive(Clone, Copy, Debug)]
struct Unit {
    kind: U,
    first: usize,
    end: usize,
}

pub(crate) fn recognize(w: &mut Work) {
    bylines(w);
    datelines(w);
    let mut related = false;
    for li in 0..w.lines.len() {
        let line = w.lines[li].clone();
        let raw = w.text[line.start..line.end].trim().trim_end_matches(':').to_lowercase();
        if RELATED_BLOCKS.contains(&raw.as_str()) {
            related = true;
        }
        let mode = match line.kind {
            LineKind::Furniture => Mode::Known,
            LineKind::Headline | LineKind::Header => Mode::Restricted,
            _ if related => Mode::Restricted,
            _ => Mode::Full,
        };
        let mut i = line.content_from;
        while i < line.tokens.end {
            match run_at(w, i, line.tokens.end) {
                Some(end) => {
                    process_run(w, i, end, mode);
                    i = end;
                }
                None => i += 1,
            }
        }
    }
}

/// "By Chae Yun-hwan", "By Laura Whitfield and Sam Okoro": the reporters.
fn bylines(w: &mut Work) {
    for li in 0..w.lines.len() {
        if w.lines[li].kind != LineKind::Byline {
            continue;
        }
        let r = w.lines[li].tokens.clone();
        let mut start: Option<usize> = None;
        let mut k = r.start;
        while k <= r.end {
            // A hyphen inside a name ("Chae Yun-hwan"), not a spaced dash
            // before a title ("Miguel Santos - Reporter").
            let glued_hyphen = w.is_punct(k, '-') && k + 1 < r.end && w.toks[k + 1].has(GLUE);
            let sep = k == r.end || !w.toks[k].is_word() && !glued_hyphen || matches!(w.t(k), "and" | "By" | "by");
            if sep {
                if let Some(f) = start.take() {
                    let mut e = k;
                    while e > f && !w.toks[e - 1].is_word() {
                        e -= 1;
                    }
                    // "Reporter", "Staff Writer": a title, not a name.
                    let all_titles = (f..e).filter(|&j| w.toks[j].is_word()).all(|j| w.is(j, ROLE_HEAD | ROLE_MOD));
                    if e > f && !all_titles {
                        let text = w.span_text(f, e).to_string();
                        w.add(Cand { tokens: TokRange::new(f, e), kind: Kind::Person, key: name_key(&text), origin: Origin::Discovered, refers_to: None, byline: true });
                    }
                }
            } else if start.is_none() {
                start = Some(k);
            }
            k += 1;
        }
    }
}

/// Dateline places: "GYEONGJU, Oct. 30 (Yonhap) --", "Gyeongju (South Korea), Oct 30
/// (IANS)", "SEOUL:".
fn datelines(w: &mut Work) {
    for li in 0..w.lines.len() {
        let line = w.lines[li].clone();
        if matches!(line.kind, LineKind::Furniture | LineKind::Header) {
            continue;
        }
        let lim = line.tokens.end.min(line.content_from + 40);
        let mut i = line.content_from;
        while i < lim {
            let t = w.toks[i];
            let at_line_start = t.has(LINE_START) || i == line.content_from;
            let after_credit = i > 0 && (w.is_punct(i - 1, ')') || w.is_punct(i - 1, '('));
            if !(t.is_cap() && (at_line_start || after_credit) && !w.is(i, NOT_NAME | CALENDAR)) {
                i += 1;
                continue;
            }
            // The run of capitalised words.
            let mut end = i + 1;
            while end < lim && (w.toks[end].is_cap() || (w.toks[end].kind == TokKind::Punct && w.toks.get(end + 1).is_some_and(|n| n.has(GLUE)))) {
                end += 1;
            }
            let all_caps = (i..end).filter(|&k| w.toks[k].is_word()).all(|k| w.toks[k].has(ALLCAPS));
            let mut k = end;
            // Optional "(Region)".
            if w.is_punct(k, '(') {
                let close = (k + 1..lim.min(k + 8)).find(|&j| w.is_punct(j, ')'));
                if let Some(c) = close {
                    k = c + 1;
                }
            }
            let month_follows = w.is_punct(k, ',') && k + 1 < lim && w.is(k + 1, CALENDAR);
            let colon_follows = all_caps && (w.is_punct(k, ':') || w.is_punct(k, '\u{2014}')) && at_line_start;
            if (month_follows && (at_line_start || all_caps)) || colon_follows {
                if end - i <= 4 && w.gaz_starting(i).is_none() && !(i..end).any(|j| w.is(j, CALENDAR | ROLE_HEAD)) {
                    let text = w.span_text(i, end).to_string();
                    w.add(Cand { tokens: TokRange::new(i, end), kind: Kind::Loc, key: name_key(&text), origin: Origin::Discovered, refers_to: None, byline: false });
                }
                break;
            }
            i = end;
        }
    }
}

/// The end (exclusive) of the run starting at token `i`, if one starts there.
fn run_at(w: &mut Work, i: usize, line_end: usize) -> Option<usize> {
    let t = w.toks[i];
    if !t.is_word() || w.cand_at(i).is_some() {
        return None;
    }
    let gaz = w.gaz_starting(i);
    if !t.is_cap() && gaz.is_none() {
        return None;
    }
    let mut j = i;
    let mut gaz_end = gaz.map_or(0, |g| g.tokens.end);
    loop {
        if w.toks[j].has(POSS) && j + 1 >= gaz_end && !possessive_inside_name(w, j, line_end) {
            break;
        }
        let n = j + 1;
        if n >= line_end || w.cand_at(n).is_some() {
            break;
        }
        let tn = w.toks[n];
        let mut next = None;
        if n < gaz_end {
            next = Some(n);
        } else if tn.kind == TokKind::Punct {
            let c = tn.punct(w.text);
            if matches!(c, Some('-' | '\u{2010}' | '\u{2011}')) && w.toks.get(n + 1).is_some_and(|x| x.has(GLUE)) && n + 1 < line_end {
                next = Some(n + 1);
            } else if c == Some('&') && n + 1 < line_end && w.toks[n + 1].is_cap() {
                next = Some(n + 1);
            }
        } else if tn.is_word() {
            if tn.is_cap() && !tn.has(SENT_START) {
                next = Some(n);
            } else if tn.has(LOWER) && w.is(n, CONNECTOR | PARTICLE) {
                let mut m = n + 1;
                if m < line_end && (w.t(n) == "of" || w.t(n) == "for") && w.t(m) == "the" {
                    m += 1;
                }
                // Particles in a row: "von der Leyen", "bin Abdulrahman".
                while m < line_end && w.toks[m].has(LOWER) && w.is(m, PARTICLE) {
                    m += 1;
                }
                // A particle glued to the name: "el-Sisi", "al-Hayya".
                if m + 1 < line_end && w.is(m - 1, PARTICLE) && w.toks[m].kind == TokKind::Punct && w.toks[m + 1].has(GLUE) && w.toks[m + 1].is_cap() {
                    next = Some(m + 1);
                } else if m < line_end && w.toks[m].is_cap() && !w.toks[m].has(SENT_START) && w.cand_at(m).is_none() {
                    next = Some(m);
                }
            }
        }
        let Some(nj) = next else { break };
        for k in j + 1..=nj {
            if let Some(g) = w.gaz_starting(k) {
                gaz_end = gaz_end.max(g.tokens.end);
            }
        }
        j = nj;
    }
    Some(j + 1)
}

/// The role an honorific stands for: "Sen." Senator, "Lt. Gen." Lieutenant
/// General; none for "Mr.", "Ms.", "Dr.".
pub(crate) fn honorific_role(w: &Work, first: usize, end: usize) -> Option<String> {
    let words: Vec<&str> = (first..end)
        .map(|k| match w.t(k).trim_end_matches('.') {
            "Sen" => "Senator",
            "Rep" => "Representative",
            "Gov" => "Governor",
            "Gen" => "General",
            "Lt" => "Lieutenant",
            "Maj" => "Major",
            "Brig" => "Brigadier",
            "Adm" => "Admiral",
            "Col" => "Colonel",
            "Capt" => "Captain",
            "Cmdr" | "Cdr" => "Commander",
            "Sgt" => "Sergeant",
            "Amb" => "Ambassador",
            "Prof" => "Professor",
            "Pope" => "Pope",
            "Rabbi" => "Rabbi",
            "Imam" => "Imam",
            "Marshal" => "Marshal",
            _ => "",
        })
        .filter(|x| !x.is_empty())
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Whether the possessive at `j` is inside a name rather than ending one:
/// "People's Party", "Workers' Party" (an ordinary noun before more of the name),
/// "Kohl's Corp." (a possessive before a company suffix).
fn possessive_inside_name(w: &mut Work, j: usize, line_end: usize) -> bool {
    let n = j + 1;
    if n >= line_end || !w.toks[n].is_cap() || w.toks[n].has(SENT_START) {
        return false;
    }
    let common_noun = w.is_word(j, 50) && !w.is(j, GIVEN | SURNAME) && w.gaz_starting(j).is_none();
    let suffix = matches!(w.t(n), "Corp" | "Corp." | "Inc" | "Inc." | "Co" | "Co." | "Ltd" | "Ltd." | "LLC" | "Plc" | "PLC");
    common_noun || suffix
}

/// Parses a role title starting at `k` (within `..end`): returns its end and
/// whether it has a strong head word.
fn parse_role(w: &mut Work, k: usize, end: usize) -> Option<(usize, bool)> {
    let mut j = k;
    let mut last: Option<usize> = None;
    let mut strong = false;
    while j < end {
        let t = w.toks[j];
        if t.kind == TokKind::Punct {
            if w.toks.get(j + 1).is_some_and(|n| n.has(GLUE)) && j + 1 < end {
                j += 1;
                continue;
            }
            break;
        }
        if j > k && w.gaz_starting(j).is_some() {
            break;
        }
        let c = w.class(j);
        if c & ROLE_HEAD != 0 && t.is_cap() {
            j += 1;
            last = Some(j);
            strong |= c & ROLE_WEAK == 0;
            continue;
        }
        if c & ROLE_MOD != 0 && t.is_cap() {
            j += 1;
            continue;
        }
        let word = w.t(j);
        if word == "and" && last.is_some() && j + 1 < end && w.is(j + 1, ROLE_MOD | ROLE_HEAD) {
            j += 1;
            continue;
        }
        if (word == "of" || word == "for" || word == "to") && last == Some(j) {
            let mut c = j + 1;
            if c < end && w.t(c) == "the" {
                c += 1;
            }
            let c0 = c;
            while c < end {
                if let Some(g) = w.gaz_starting(c) {
                    if g.tokens.end <= end && w.kb.entry(g.hit.entry).kind != Kind::Person {
                        c = g.tokens.end;
                        continue;
                    }
                    break;
                }
                if w.toks[c].kind == TokKind::Punct && w.toks.get(c + 1).is_some_and(|n| n.has(GLUE)) {
                    c += 1;
                    continue;
                }
                let cc = w.class(c);
                if w.toks[c].is_cap() && cc & (ROLE_COMP | ROLE_MOD | ROLE_HEAD | ORG_HEAD) != 0 {
                    c += 1;
                    if cc & ORG_HEAD != 0 && cc & (ROLE_COMP | ROLE_HEAD) == 0 {
                        break;
                    }
                    continue;
                }
                if matches!(w.t(c), "and" | "the" | "for" | "of") && c + 1 < end && w.toks[c + 1].is_cap() {
                    c += 1;
                    continue;
                }
                break;
            }
            // Do not end on a connector.
            while c > c0 && matches!(w.t(c - 1), "and" | "the" | "for" | "of") {
                c -= 1;
            }
            if c > c0 {
                j = c;
                last = Some(c);
                continue;
            }
            break;
        }
        break;
    }
    let e = last?;
    Some((e, strong))
}

/// Splits a run into units.
fn units(w: &mut Work, first: usize, end: usize) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut k = first;
    while k < end {
        let t = w.toks[k];
        if t.kind == TokKind::Punct {
            out.push(Unit { kind: U::Punct, first: k, end: k + 1 });
            k += 1;
            continue;
        }
        if let Some(GazHit { tokens: TokRange { first: gf, end: ge }, hit: m }) = w.gaz_starting(k)
            && ge <= end
        {
            // A place that is also a given name, followed by a surname: a person
            // ("Virginia Giuffre").
            let given_then_name = ge == gf + 1
                && w.is(k, GIVEN)
                && m.form != Form::Demonym
                && ge < end
                && w.toks[ge].is_cap()
                && w.gaz_starting(ge).is_none()
                && !w.is(ge, ORG_HEAD | LOC_HEAD | ROLE_HEAD)
                && !w.is_word(ge, 50);
            // A given name, then a one-word place: a person ("Lloyd Austin").
            let name_then_place = ge == gf + 1
                && out.last().is_some_and(|p: &Unit| p.kind == U::Word && p.end == p.first + 1 && w.is(p.first, GIVEN))
                && w.kb.entry(m.entry).class == Class::Place
                && m.form != Form::Demonym;
            if !given_then_name && !name_then_place {
                out.push(Unit { kind: U::Gaz(w.gaz_at[k] as usize), first: gf, end: ge });
                k = ge;
                continue;
            }
        }
        if w.is(k, HONORIFIC) && t.is_cap() && k + 1 < end {
            out.push(Unit { kind: U::Honor, first: k, end: k + 1 });
            k += 1;
            continue;
        }
        if t.is_cap()
            && let Some((re, strong)) = parse_role(w, k, end)
        {
            // A weak title alone ("General", "Chief") needs a name after it.
            let followed = re < end && w.toks[re].is_cap();
            if strong || followed || re - k > 1 {
                out.push(Unit { kind: U::Role, first: k, end: re });
                k = re;
                continue;
            }
        }
        if t.is_cap() && w.is(k, ORG_START) && k + 2 < end && matches!(w.t(k + 1), "of" | "for") {
            let mut e = k + 2;
            while e < end {
                if w.is(e, HONORIFIC) || (w.is(e, ROLE_HEAD) && !w.is(e, ROLE_WEAK | ROLE_COMP | ORG_HEAD)) {
                    break;
                }
                if w.t(e) == "and" && e + 1 < end && (w.is(e + 1, ORG_START) || w.gaz_starting(e + 1).is_some_and(|g| w.kb.entry(g.hit.entry).class == Class::Country)) {
                    break;
                }
                e += 1;
            }
            while e > k + 2 && (w.toks[e - 1].has(LOWER) || w.toks[e - 1].kind == TokKind::Punct) {
                e -= 1;
            }
            if e > k + 2 {
                out.push(Unit { kind: U::OrgStart, first: k, end: e });
                k = e;
                continue;
            }
        }
        // Name particles between name words: "von der", "bin", "da".
        if t.has(LOWER) && w.is(k, PARTICLE) && out.last().is_some_and(|u: &Unit| u.kind == U::Word) && !matches!(w.t(k), "of" | "and" | "for" | "the") {
            // Glued to what follows: "al-Hayya", "el-Sisi".
            let mut e = k + 1;
            while e + 1 < end && w.toks[e].kind == TokKind::Punct && w.toks[e + 1].has(GLUE) {
                e += 2;
            }
            out.push(Unit { kind: U::Word, first: k, end: e });
            k = e;
            continue;
        }
        if t.has(LOWER) && w.is(k, CONNECTOR) {
            out.push(Unit { kind: U::Conn, first: k, end: k + 1 });
            k += 1;
            continue;
        }
        // A word with its hyphen-glued parts.
        let mut e = k + 1;
        while e + 1 < end && w.toks[e].kind == TokKind::Punct && w.toks[e + 1].has(GLUE) && w.gaz_starting(e + 1).is_none() {
            e += 2;
        }
        out.push(Unit { kind: U::Word, first: k, end: e });
        k = e;
    }
    out
}

fn process_run(w: &mut Work, first: usize, end: usize, mode: Mode) {
    let us = units(w, first, end);
    // An affiliation written just before the run: "South Korea's Defense Minister",
    // "the National Intelligence Service (NIS) Director".
    let mut affil = possessive_affiliation(w, first).or_else(|| preceding_org(w, first));
    let poss_country = match possessive_affiliation(w, first) {
        Some(Affil::Cand(c)) => match w.cands[c].key {
            Key::Kb(e) if w.kb.entry(e).class == Class::Country => Some(e),
            _ => None,
        },
        _ => None,
    };
    let cands_before = w.cands.len();
    let mut idx = 0;
    let mut last_cand: Option<usize> = None;
    while idx < us.len() {
        let u = us[idx];
        match u.kind {
            U::Gaz(gi) => {
                let m = w.gaz[gi].hit;
                let entry = w.kb.entry(m.entry);
                let mut u = u;
                // "The Kremlin said": the article's "The" is not part of the name,
                // unlike "The Hague".
                if u.end > u.first + 1 && w.t(u.first) == "The" && (entry.kind == Kind::Org || !entry.name.starts_with("The ")) {
                    u.first += 1;
                }
                // "Liberals in the party ...": a one-word alias that is an ordinary
                // plural at the start of a sentence is not the party.
                if entry.kind == Kind::Org && u.end == u.first + 1 && w.toks[u.first].has(SENT_START) && !w.toks[u.first].has(ALLCAPS) && w.is_word(u.first, 50) && w.t(u.first).ends_with('s') {
                    idx += 1;
                    continue;
                }
                if entry.kind != Kind::Person
                    && mode == Mode::Full
                    && let Some(tail) = org_tail(w, &us, idx + 1)
                {
                    let text = w.span_text(u.first, us[tail].end).to_string();
                    let kind = tail_kind(w, us[tail].end);
                    last_cand = w.add(Cand { tokens: TokRange::new(u.first, us[tail].end), kind, key: name_key(&text), origin: Origin::Discovered, refers_to: None, byline: false });
                    affil = None;
                    idx = tail + 1;
                    continue;
                }
                if m.form == Form::Demonym {
                    affil = Some(Affil::Kb(m.entry));
                    idx += 1;
                    continue;
                }
                let origin = if entry.is_user() { Origin::KnowledgeBase } else { Origin::Gazetteer };
                let kind = entry.kind;
                last_cand = w.add(Cand { tokens: TokRange::new(u.first, u.end), kind, key: Key::Kb(m.entry), origin, refers_to: None, byline: false });
                affil = if kind == Kind::Person { None } else { last_cand.map(Affil::Cand) };
                idx += 1;
            }
            U::Honor | U::Role => {
                // Consecutive titles: "Lt. Gen.", "Defense Minister Gen.".
                let mut j = idx;
                let mut role: Option<(usize, usize)> = None;
                let mut honor: Option<(usize, usize)> = None;
                while j < us.len() && matches!(us[j].kind, U::Honor | U::Role) {
                    if us[j].kind == U::Role {
                        role = Some(role.map_or((us[j].first, us[j].end), |(f, _)| (f, us[j].end)));
                        complement_org(w, us[j].first, us[j].end, mode);
                    } else {
                        honor = Some(honor.map_or((us[j].first, us[j].end), |(f, _)| (f, us[j].end)));
                    }
                    j += 1;
                }
                // A rank or office written as an honorific ("Sen.", "Gen.") is a role.
                if role.is_none()
                    && let Some((hf, he)) = honor
                    && honorific_role(w, hf, he).is_some()
                {
                    role = Some((hf, he));
                }
                // The name after the titles.
                let mut k = j;
                while k < us.len() && us[k].kind == U::Word {
                    k += 1;
                }
                if mode == Mode::Restricted && k > j + 1 {
                    // A headline: "Minister Cho Tae-yul Vows ...": the name-shaped
                    // start, else the first word ("CEO Freixe Over ...").
                    match name_subspan(w, &us[j..k]) {
                        Some((0, b)) => k = j + b,
                        _ => {
                            let mut e = j + 1;
                            while e < k && e < j + 3 && !w.is_word(us[e].first, 50) {
                                e += 1;
                            }
                            k = e;
                        }
                    }
                }
                let person = if k > j {
                    let (f, e) = trim_calendar(w, us[j].first, us[k - 1].end);
                    let lone_word = e == f + 1 && w.is_word(f, 50) && !w.is(f, GIVEN | SURNAME) && !romanize::is_korean_surname(w.t(f));
                    if e > f && !lone_word && !(f..e).any(|t| w.toks[t].has(DIGIT)) {
                        let text = w.span_text(f, e).to_string();
                        w.add(Cand { tokens: TokRange::new(f, e), kind: Kind::Person, key: name_key(&text), origin: Origin::Discovered, refers_to: None, byline: false })
                    } else {
                        if e == f + 1 && mode != Mode::Known {
                            w.pending.push(Pending { tok: f, mode, fallback: true });
                        }
                        None
                    }
                } else if k < us.len()
                    && let U::Gaz(gi) = us[k].kind
                    && w.kb.entry(w.gaz[gi].hit.entry).kind == Kind::Person
                {
                    // A person from the knowledge base: handled as a Gaz unit next.
                    let e = w.gaz[gi].hit.entry;
                    let c = w.add(Cand { tokens: TokRange::new(us[k].first, us[k].end), kind: Kind::Person, key: Key::Kb(e), origin: Origin::KnowledgeBase, refers_to: None, byline: false });
                    k += 1;
                    c
                } else {
                    None
                };
                if let Some((rf, re)) = role {
                    w.pre_roles.push(PreRole { tokens: TokRange::new(rf, re), person, affiliation: affil.take() });
                }
                affil = None;
                last_cand = person.or(last_cand);
                idx = k;
            }
            U::OrgStart => {
                let text = w.span_text(u.first, u.end).to_string();
                last_cand = w.add(Cand { tokens: TokRange::new(u.first, u.end), kind: Kind::Org, key: name_key(&text), origin: Origin::Discovered, refers_to: None, byline: false });
                affil = last_cand.map(Affil::Cand);
                idx += 1;
            }
            U::Conn | U::Punct => {
                if w.t(u.first) == "and" {
                    affil = None;
                }
                idx += 1;
            }
            U::Word => {
                let mut j = idx;
                while j < us.len() && (us[j].kind == U::Word || (us[j].kind == U::Punct && w.t(us[j].first) == "&" && j + 1 < us.len())) {
                    j += 1;
                }
                // Words before a head-first organisation: "Central Bank of Nigeria".
                if j < us.len() && us[j].kind == U::OrgStart && mode == Mode::Full && j - idx <= 2 && (idx..j).all(|x| !w.is(us[x].first, GIVEN) || us[x].kind != U::Word) {
                    let text = w.span_text(u.first, us[j].end).to_string();
                    last_cand = w.add(Cand { tokens: TokRange::new(u.first, us[j].end), kind: Kind::Org, key: name_key(&text), origin: Origin::Discovered, refers_to: None, byline: false });
                    idx = j + 1;
                    continue;
                }
                // Leading "The" and sentence-initial common words are not part of it.
                let mut from = idx;
                while from < j && us[from].end == us[from].first + 1 && (w.is(us[from].first, FUNC) || (w.toks[us[from].first].has(SENT_START) && w.is_word(us[from].first, 35))) {
                    from += 1;
                }
                if from < j
                    && j < us.len()
                    && let U::Gaz(gi) = us[j].kind
                    && mode == Mode::Full
                    && w.kb.entry(w.gaz[gi].hit.entry).kind != Kind::Person
                    && w.gaz[gi].hit.form != Form::Demonym
                    && let Some(tail) = org_tail(w, &us, j + 1)
                {
                    let (first, end) = (us[from].first, us[tail].end);
                    let text = w.span_text(first, end).to_string();
                    let kind = tail_kind(w, end);
                    last_cand = w.add(Cand { tokens: TokRange::new(first, end), kind, key: name_key(&text), origin: Origin::Discovered, refers_to: None, byline: false });
                    idx = tail + 1;
                    continue;
                }
                if let Some(c) = segment(w, &us[idx..j], mode) {
                    last_cand = Some(c);
                }
                affil = None;
                idx = j;
            }
        }
    }
    match last_cand {
        Some(c) if w.cands[c].tokens.end == end => acronym_after(w, c, end),
        _ => not_an_entity_acronym(w, first, end),
    }
    // "South Korea's Joint Chiefs of Staff": remember the organisation's country.
    if let Some(country) = poss_country
        && let Some(c) = (cands_before..w.cands.len()).find(|&c| w.cands[c].tokens.first == first)
        && w.cands[c].kind == Kind::Org
    {
        w.org_country.insert(c, country);
    }
}

/// An organisation right before the run, with its acronym in parentheses
/// between: "the National Intelligence Service (NIS) Director Cho".
fn preceding_org(w: &mut Work, first: usize) -> Option<Affil> {
    let mut p = first.checked_sub(1)?;
    if w.is_punct(p, ')') && p >= 3 && w.is_punct(p - 2, '(') {
        p -= 3;
    }
    let c = w.cand_at(p)?;
    let cand = &w.cands[c];
    if cand.kind != Kind::Org || cand.tokens.end != p + 1 {
        return None;
    }
    Some(Affil::Cand(c))
}

/// "South Korea's" right before the run: the affiliation of a following title.
fn possessive_affiliation(w: &mut Work, first: usize) -> Option<Affil> {
    let mut p = first.checked_sub(1)?;
    // "South Korea's acting President": skip lowercase qualifiers.
    while p > 0 && w.toks[p].has(LOWER) && matches!(w.t(p), "acting" | "former" | "outgoing" | "incoming" | "interim" | "then" | "new" | "top") {
        p -= 1;
    }
    if !w.toks[p].has(POSS) {
        return None;
    }
    let c = w.cand_at(p)?;
    if w.cands[c].kind == Kind::Person {
        return None;
    }
    Some(Affil::Cand(c))
}

/// Word units after a known name that end with an organisation head:
/// "Kuwait" + "News Agency". Returns the index of the last unit.
fn org_tail(w: &mut Work, us: &[Unit], from: usize) -> Option<usize> {
    let mut best = None;
    let mut k = from;
    while k < us.len() && us[k].kind == U::Word && k - from < 4 && !w.is(us[k].first, FUNC) && w.toks[us[k].first].is_cap() {
        let last_tok = us[k].end - 1;
        if w.is(last_tok, ORG_HEAD) && !w.is(last_tok, EVENT_HEAD) {
            best = Some(k);
        } else if w.is(us[k].first, ROLE_HEAD) && !w.is(us[k].first, ORG_HEAD) {
            break;
        }
        k += 1;
    }
    // The head must end the name: "Thomson Reuters Trust Principles" is not an
    // organisation called "Thomson Reuters Trust".
    best.filter(|&b| b + 1 >= us.len() || us[b + 1].kind != U::Word)
}

/// The kind of a name ending in an organisation head: a venue ("Convention
/// Center") is a place, anything else an organisation.
fn tail_kind(w: &mut Work, end: usize) -> Kind {
    let last = w.t(end - 1).to_ascii_lowercase();
    let before = if end >= 2 { w.t(end - 2).to_ascii_lowercase() } else { String::new() };
    if matches!(last.as_str(), "center" | "centre") && matches!(before.as_str(), "convention" | "exhibition" | "conference" | "trade" | "congress") {
        Kind::Loc
    } else {
        Kind::Org
    }
}

/// An organisation inside a role's complement: "Director of the *National
/// Security Office*".
fn complement_org(w: &mut Work, first: usize, end: usize, mode: Mode) {
    if mode == Mode::Known {
        return;
    }
    // Known names inside the role ("Prime Minister of the Netherlands").
    let mut k = first;
    while k < end {
        if let Some(GazHit { tokens: TokRange { first: gf, end: ge }, hit: m }) = w.gaz_starting(k)
            && ge <= end
        {
            let entry = w.kb.entry(m.entry);
            if m.form != Form::Demonym && entry.kind != Kind::Person {
                let origin = if entry.is_user() { Origin::KnowledgeBase } else { Origin::Gazetteer };
                w.add(Cand { tokens: TokRange::new(gf, ge), kind: entry.kind, key: Key::Kb(m.entry), origin, refers_to: None, byline: false });
            }
            k = ge;
            continue;
        }
        k += 1;
    }
    let Some(of) = (first..end).find(|&k| matches!(w.t(k), "of" | "for")) else { return };
    let mut s = of + 1;
    if s < end && w.t(s) == "the" {
        s += 1;
    }
    if s < end && w.is(end - 1, ORG_HEAD) && !w.is(end - 1, ROLE_COMP | ROLE_HEAD) && end - s >= 2 {
        let text = w.span_text(s, end).to_string();
        w.add(Cand { tokens: TokRange::new(s, end), kind: Kind::Org, key: name_key(&text), origin: Origin::Discovered, refers_to: None, byline: false });
    }
}

/// Drops month and weekday words at the edges of a token range.
fn trim_calendar(w: &mut Work, mut f: usize, mut e: usize) -> (usize, usize) {
    while f < e && (w.is(f, CALENDAR | NOT_NAME) || w.toks[f].kind == TokKind::Punct) {
        f += 1;
    }
    while e > f && (w.is(e - 1, CALENDAR | NOT_NAME) || w.toks[e - 1].kind == TokKind::Punct) {
        e -= 1;
    }
    (f, e)
}

/// Classifies a segment of plain words; returns the candidate made, if any.
fn segment(w: &mut Work, us: &[Unit], mode: Mode) -> Option<usize> {
    let mut us: Vec<Unit> = us.to_vec();
    // Trim sentence-initial common words and a leading "The".
    while us.len() > 1 {
        let f = us[0].first;
        let t = w.toks[f];
        let common = w.is(f, FUNC) || (w.t(f).chars().count() > 1 && w.is_word(f, 50) && !w.is(f, GIVEN | SURNAME) && !romanize::is_korean_surname(w.t(f)));
        let leading = t.has(SENT_START) || t.has(LINE_START) || w.is(f, FUNC);
        if us[0].kind == U::Word && leading && common && us[0].end == f + 1 {
            if !w.is(f, FUNC) && mode != Mode::Known {
                w.pending.push(Pending { tok: f, mode, fallback: true });
            }
            us.remove(0);
        } else {
            break;
        }
    }
    while us.first().is_some_and(|u| u.kind == U::Punct || w.is(u.first, CALENDAR | NOT_NAME)) {
        us.remove(0);
    }
    while us.last().is_some_and(|u| u.kind == U::Punct || w.is(u.end - 1, CALENDAR | NOT_NAME)) {
        us.pop();
    }
    if us.is_empty() {
        return None;
    }
    let first = us[0].first;
    let end = us[us.len() - 1].end;
    let n = us.len();
    let last_tok = end - 1;
    if n == 1 && us[0].end == first + 1 {
        // One word: acronyms now, the rest after coreference.
        return single(w, first, mode);
    }
    if n == 1 || (first..end).any(|k| w.toks[k].has(DIGIT)) {
        // "F-16", "Shangri-La": not a name by itself.
        return None;
    }
    if mode == Mode::Known {
        return None;
    }
    if w.is(last_tok, EVENT_HEAD) && !w.is(last_tok, ORG_HEAD) {
        return None;
    }
    let text = w.span_text(first, end).to_string();
    let mk = |kind| Cand { tokens: TokRange::new(first, end), kind, key: name_key(&text), origin: Origin::Discovered, refers_to: None, byline: false };
    if let Some(kind) = classify(w, &us, mode) {
        return w.add(mk(kind));
    }
    // A headline's name inside other capitalised words: "Taps Kim Min-seok".
    if mode == Mode::Restricted
        && let Some((a, b)) = name_subspan(w, &us)
    {
        let (f, e) = (us[a].first, us[b - 1].end);
        let text = w.span_text(f, e).to_string();
        let c = w.add(Cand { tokens: TokRange::new(f, e), kind: Kind::Person, key: name_key(&text), origin: Origin::Discovered, refers_to: None, byline: false });
        for u in us[..a].iter().chain(&us[b..]) {
            if u.end == u.first + 1 && !w.is(u.first, FUNC | CALENDAR | NOT_NAME) {
                w.pending.push(Pending { tok: u.first, mode, fallback: true });
            }
        }
        return c;
    }
    // Not a name as a whole ("Blinken Meets Acting"): a word in it may still be a
    // known person's name.
    if mode != Mode::Known {
        for u in &us {
            if u.end == u.first + 1 && !w.is(u.first, FUNC | CALENDAR | NOT_NAME) {
                w.pending.push(Pending { tok: u.first, mode, fallback: true });
            }
        }
    }
    None
}

/// Classifies two or more plain words.
fn classify(w: &mut Work, us: &[Unit], mode: Mode) -> Option<Kind> {
    let n = us.len();
    let first = us[0].first;
    let end = us[n - 1].end;
    let last_tok = end - 1;
    let words: Vec<&str> = us.iter().map(|u| w.span_text(u.first, u.end)).collect();
    // Strong person shapes.
    if korean_shape(w, us) || chinese_shape(w, us) {
        return Some(Kind::Person);
    }
    let given_first = w.is(first, GIVEN) && !w.is(first, ORG_HEAD | LOC_HEAD);
    let org_head = w.is(last_tok, ORG_HEAD) && !w.is(last_tok, LOC_HEAD | EVENT_HEAD);
    // Capitalised words only (particles such as "von der" do not count).
    let caps = us.iter().filter(|u| w.toks[u.first].is_cap()).count();
    if given_first && !org_head && caps <= 6 && !w.toks[last_tok].has(ALLCAPS) {
        return Some(Kind::Person);
    }
    // After a lowercase title ("shadow chancellor Mel Stride", "spokesman X").
    let titled = first > 0 && w.toks[first - 1].has(LOWER) && w.is(first - 1, ROLE_HEAD) && !w.t(first - 1).ends_with('s');
    if titled && !org_head && caps <= 4 && us.iter().all(|u| !w.toks[u.first].has(ALLCAPS)) {
        return Some(Kind::Person);
    }
    // Initials and a family name: "JP Nadda".
    if n == 2 && w.toks[first].has(ALLCAPS) && w.t(first).len() <= 3 && w.toks[us[1].first].has(CAP) && !w.toks[us[1].first].has(ALLCAPS) && !w.is_word(us[1].first, 50) && !is_acronym_known(w, first) {
        return Some(Kind::Person);
    }
    if mode == Mode::Restricted {
        return (w.t(first) != "&" && us.iter().any(|u| w.t(u.first) == "&")).then_some(Kind::Org);
    }
    if org_head {
        return Some(Kind::Org);
    }
    if w.is(last_tok, LOC_HEAD) || (w.is(first, LOC_HEAD) && n == 2 && matches!(w.t(first), "Camp" | "Mount" | "Mt." | "Lake" | "Port" | "Fort" | "Cape")) {
        return Some(Kind::Loc);
    }
    if words.iter().any(|x| x.contains('&')) || us.iter().any(|u| w.toks[u.first].has(MIXED | DIGIT)) {
        return Some(Kind::Org);
    }
    if caps > 4 || us.iter().any(|u| w.toks[u.first].has(ALLCAPS)) {
        return None;
    }
    let dict: Vec<bool> = us.iter().map(|u| u.end == u.first + 1 && w.is_word(u.first, 50)).collect();
    let name_like: Vec<bool> = us.iter().map(|u| w.is(u.first, GIVEN | SURNAME) || romanize::is_korean_surname(w.t(u.first))).collect();
    if dict.iter().zip(&name_like).all(|(d, nl)| *d && !nl) {
        return None;
    }
    if w.is(last_tok, SURNAME) {
        return Some(Kind::Person);
    }
    // "Hanwha Ocean": an unknown word then an ordinary noun reads as a company.
    if n == 2 && !dict[0] && dict[1] && !name_like[1] && !name_like[0] {
        return Some(Kind::Org);
    }
    Some(Kind::Person)
}

/// The longest stretch of two or three words inside `us` that has the shape of a
/// person's name (Korean, Chinese, or a known given name first): unit range.
fn name_subspan(w: &mut Work, us: &[Unit]) -> Option<(usize, usize)> {
    for len in [3, 2] {
        for a in 0..us.len().saturating_sub(len - 1) {
            let sub = &us[a..a + len];
            if sub.iter().any(|u| u.kind != U::Word) {
                continue;
            }
            let given = w.is(sub[0].first, GIVEN) && !w.is_word(sub[len - 1].first, 35);
            if korean_shape(w, sub) || chinese_shape(w, sub) || (given && len == 2) {
                return Some((a, a + len));
            }
        }
    }
    None
}

/// Whether an all-capitals token is a known name (gazetteer) rather than initials.
fn is_acronym_known(w: &Work, tok: usize) -> bool {
    w.gaz_starting(tok).is_some() || w.acronyms.contains_key(w.t(tok))
}

/// Korean names: family name + given name (hyphenated, spaced or run together),
/// or the given name first ("Seongrak Wi").
fn korean_shape(w: &mut Work, us: &[Unit]) -> bool {
    let parts = |u: &Unit, w: &Work| -> Vec<String> { (u.first..u.end).filter(|&k| w.toks[k].is_word()).map(|k| w.t(k).to_string()).collect() };
    let is_sur = |u: &Unit, w: &Work| u.end == u.first + 1 && romanize::is_korean_surname(w.t(u.first));
    let given_ok = |p: &[String]| match p.len() {
        1 => romanize::is_korean_given_word(&p[0]),
        2 => p.iter().all(|x| romanize::is_korean_syllable(x)),
        _ => false,
    };
    let two_syllables = |p: &[String]| match p.len() {
        1 => romanize::is_korean_given_word(&p[0]) && !romanize::is_korean_syllable(&p[0]),
        2 => p.iter().all(|x| romanize::is_korean_syllable(x)),
        _ => false,
    };
    match us.len() {
        2 => {
            let (a, b) = (parts(&us[0], w), parts(&us[1], w));
            if is_sur(&us[0], w) && given_ok(&b) && w.toks[us[1].first].is_cap() {
                // A single-syllable given name must not be an English word ("Lee Young").
                return b.len() == 2 || !w.is_word(us[1].first, 35) || two_syllables(&b);
            }
            is_sur(&us[1], w) && two_syllables(&a) && !w.is_word(us[0].first, 50)
        }
        3 => {
            is_sur(&us[0], w)
                && us[1..].iter().all(|u| u.end == u.first + 1 && romanize::is_korean_syllable(w.t(u.first)) && w.toks[u.first].is_cap())
                && !(w.is_word(us[1].first, 20) && w.is_word(us[2].first, 20))
        }
        _ => false,
    }
}

/// Chinese names: pinyin family name + pinyin given name ("Xi Jinping"), or an
/// East Asian name with a hyphenated given name ("Tsai Ing-wen").
fn chinese_shape(w: &mut Work, us: &[Unit]) -> bool {
    if us.len() != 2 {
        return false;
    }
    let (a, b) = (us[0], us[1]);
    if a.end != a.first + 1 {
        return false;
    }
    if b.end == b.first + 1 {
        return romanize::is_chinese_surname(w.t(a.first)) && romanize::is_pinyin_word(w.t(b.first)) && !w.is_word(b.first, 50);
    }
    // Cap-lower hyphenated given name of two short parts.
    let parts: Vec<usize> = (b.first..b.end).filter(|&k| w.toks[k].is_word()).collect();
    parts.len() == 2
        && w.toks[parts[1]].has(LOWER)
        && parts.iter().all(|&k| w.t(k).len() <= 6)
        && !w.is_word(a.first, 35)
        && w.t(a.first).len() <= 6
}

/// A single capitalised word: acronyms are organisations; the rest waits for
/// coreference.
fn single(w: &mut Work, tok: usize, mode: Mode) -> Option<usize> {
    let t = w.toks[tok];
    let text = w.t(tok).to_string();
    if let Some(&def) = w.acronyms.get(&text) {
        let kind = w.cands[def].kind;
        return w.add(Cand { tokens: TokRange::new(tok, tok + 1), kind, key: w.cands[def].key.clone(), origin: Origin::Reference, refers_to: Some(def), byline: false });
    }
    if w.not_entities.contains(&text) {
        return None;
    }
    if is_acronym(w, tok) {
        return w.add(Cand { tokens: TokRange::new(tok, tok + 1), kind: Kind::Org, key: name_key(&text), origin: Origin::Discovered, refers_to: None, byline: false });
    }
    if mode != Mode::Known && !t.has(ALLCAPS) {
        w.pending.push(Pending { tok, mode, fallback: false });
    }
    None
}

/// Whether a token looks like an organisation's acronym ("MENAFN", "KUNA").
fn is_acronym(w: &mut Work, tok: usize) -> bool {
    let t = w.toks[tok];
    let s = w.t(tok);
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    if !t.has(ALLCAPS) || !(2..=7).contains(&letters) || digits > 2 || s.contains('.') || w.is(tok, NOT_NAME) {
        return false;
    }
    if w.is_word(tok, 50) && letters > 3 {
        return false;
    }
    // Not in an all-capitals line (a shouted headline).
    let li = w.line_of[tok] as usize;
    let r = w.lines[li].tokens.clone();
    let (mut caps, mut words) = (0, 0);
    for k in r {
        if w.toks[k].is_word() && w.toks[k].kind == TokKind::Word && w.t(k).chars().any(char::is_alphabetic) {
            words += 1;
            if w.toks[k].has(ALLCAPS) {
                caps += 1;
            }
        }
    }
    caps * 2 < words.max(2) || words <= 2
}

/// "Individually Tailored Partnership Programme (ITPP)": the acronym of something
/// that is not an entity is not one either.
fn not_an_entity_acronym(w: &mut Work, first: usize, end: usize) {
    if !(w.is_punct(end, '(') && w.is_punct(end + 2, ')')) || end - first < 2 {
        return;
    }
    let a = end + 1;
    let acr: String = w.t(a).chars().filter(|c| c.is_alphabetic()).collect();
    let initials: String = (first..end).filter(|&k| w.toks[k].is_cap()).filter_map(|k| w.t(k).chars().next()).collect();
    if acr.len() >= 2 && acr.chars().all(char::is_uppercase) && initials.starts_with(acr.chars().next().unwrap_or('?')) && initials.len() >= acr.len() {
        w.not_entities.insert(w.t(a).to_string());
    }
}

/// "Joint Chiefs of Staff (JCS)": records the acronym for later references and
/// gives the definition the kind of an organisation if it had none better.
fn acronym_after(w: &mut Work, cand: usize, run_end: usize) {
    if !(w.is_punct(run_end, '(') && w.is_punct(run_end + 2, ')')) {
        return;
    }
    let a = run_end + 1;
    if !w.toks[a].has(ALLCAPS) || w.cand_at(a).is_some_and(|c| matches!(w.cands[c].key, Key::Kb(_)) && w.cands[cand].key != w.cands[c].key) {
        return;
    }
    let c = &w.cands[cand];
    if c.tokens.end != run_end {
        return;
    }
    let initials: String = (c.tokens.first..c.tokens.end)
        .filter(|&k| w.toks[k].is_word() && w.toks[k].is_cap())
        .filter_map(|k| w.t(k).chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    let acr: String = w.t(a).chars().filter(|c| c.is_alphabetic()).flat_map(char::to_uppercase).collect();
    let mut it = initials.chars();
    let subseq = acr.chars().all(|x| it.any(|y| y == x));
    if !(acr.len() >= 2 && initials.starts_with(acr.chars().next().unwrap_or('?')) && subseq) {
        return;
    }
    if w.cands[cand].kind == Kind::Person {
        w.cands[cand].kind = Kind::Org;
    }
    let acr_text = w.t(a).to_string();
    if w.cand_at(a).is_none() {
        w.acronyms.insert(acr_text, cand);
    } else if let Some(ac) = w.cand_at(a) {
        w.acronyms.insert(acr_text, ac);
    }
}
