//! Runs: the stretches of capitalised words on one line that may hold names.
//! A run starts at a capitalised word or a known name and goes on over
//! capitalised words (not a new sentence's first), hyphen-joined parts
//! ("Jae-myung"), "&" before a capital ("Marks & Spencer"), connectors and
//! particles before a capital ("Ministry of the Interior", "Ursula von der
//! Leyen", "Abdel Fattah el-Sisi") and the whole of a known name. A possessive
//! ends the run ("Korea's Defense Minister") unless it is inside a name:
//! "People's Party", "Workers' Party", "Kohl's Corp.".

use super::super::{TokRange, Work};
use super::modes::line_modes;
use super::process;
use crate::lexicon::class::{COMPANY_SUFFIX, CONNECTOR, GIVEN, PARTICLE, SURNAME};
use crate::lexicon::level;
use crate::tokens::{GLUE, LOWER, POSS, SENT_START, TokKind};

/// Finds the runs of every line (after its caption prefix) and reads each one.
pub(super) fn find(w: &mut Work) {
    for (li, mode) in line_modes(w).into_iter().enumerate() {
        let (from, line_end) = (w.lines[li].content_from, w.lines[li].tokens.end);
        let mut i = from;
        while i < line_end {
            match run_at(w, i, line_end) {
                Some(end) => {
                    process::process(w, TokRange::new(i, end), mode);
                    i = end;
                }
                None => i += 1,
            }
        }
    }
}

/// The end (exclusive) of the run starting at token `i`, if one starts there.
fn run_at(w: &Work, i: usize, line_end: usize) -> Option<usize> {
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
        let next = if n < gaz_end { Some(n) } else { next_part(w, n, line_end) };
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

/// The next word of the run when token `n` (outside a known name) continues it:
/// `n` itself, or the capital after a hyphen, "&", connectors or particles.
fn next_part(w: &Work, n: usize, line_end: usize) -> Option<usize> {
    let tn = w.toks[n];
    if tn.kind == TokKind::Punct {
        let c = tn.punct(w.text);
        let hyphen = matches!(c, Some('-' | '\u{2010}' | '\u{2011}' | '\u{2013}'))
            && w.toks.get(n + 1).is_some_and(|x| x.has(GLUE))
            && n + 1 < line_end;
        let ampersand = c == Some('&') && n + 1 < line_end && w.toks[n + 1].is_cap();
        return (hyphen || ampersand).then_some(n + 1);
    }
    if !tn.is_word() {
        return None;
    }
    if tn.is_cap() && !tn.has(SENT_START) {
        return Some(n);
    }
    if !(tn.has(LOWER) && w.is(n, CONNECTOR | PARTICLE)) {
        return None;
    }
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
        Some(m + 1)
    } else if m < line_end && w.toks[m].is_cap() && !w.toks[m].has(SENT_START) && w.cand_at(m).is_none() {
        Some(m)
    } else {
        None
    }
}

/// Whether the possessive at `j` is inside a name rather than ending one:
/// "People's Party", "Workers' Party" (an ordinary noun before more of the name),
/// "Kohl's Corp." (a possessive before a company suffix).
fn possessive_inside_name(w: &Work, j: usize, line_end: usize) -> bool {
    let n = j + 1;
    if n >= line_end || !w.toks[n].is_cap() || w.toks[n].has(SENT_START) {
        return false;
    }
    let common_noun = w.is_word(j, level::DICTIONARY) && !w.is(j, GIVEN | SURNAME) && w.gaz_starting(j).is_none();
    // "Red Bull's Max Verstappen": a given name and another capitalised word
    // after the possessive are a person of the body, not more of its name.
    let person_follows = w.is(n, GIVEN) && n + 1 < line_end && w.toks[n + 1].is_cap();
    (common_noun && !person_follows) || w.is(n, COMPANY_SUFFIX)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn a_person_after_a_bodys_possessive_is_no_part_of_it() {
        let m = marks("The race was won by Red Bull's Max Verstappen on Sunday.");
        assert!(m.contains("[[Max Verstappen|PERSON]]"), "{m}");
        // A common noun's possessive inside a name still joins it.
        let m = marks("She played for the Women's Super League side.");
        assert!(m.contains("Women's Super League"), "{m}");
    }

    #[test]
    fn finds_a_run_over_connectors_and_particles() {
        assert_eq!(
            marks("Officials from the Ministry of the Interior spoke."),
            "Officials from the [[Ministry of the Interior|ORG]] spoke."
        );
        assert_eq!(
            marks("It was signed by Ursula von der Leyen on Friday."),
            "It was signed by [[Ursula von der Leyen|PERSON]] on Friday."
        );
    }

    #[test]
    fn finds_a_run_over_an_ampersand() {
        assert_eq!(marks("Shares of Marks & Spencer fell."), "Shares of [[Marks & Spencer|ORG]] fell.");
    }

    #[test]
    fn finds_a_possessive_inside_a_name() {
        assert_eq!(marks("Leaders of the Farmers' Party met."), "Leaders of the [[Farmers' Party|ORG]] met.");
        assert_eq!(marks("Analysts said Bramwell's Corp. would cut jobs."), "Analysts said [[Bramwell's Corp.|ORG]] would cut jobs.");
    }

    #[test]
    fn must_not_continue_over_a_possessive_before_a_title() {
        assert_eq!(
            marks("Yesterday Korea's Defense Minister Shin Won-sik spoke."),
            "Yesterday {{Korea|LOC}}'s Defense Minister [[Shin Won-sik|PERSON]] spoke."
        );
    }

    #[test]
    fn must_not_continue_over_a_shouted_company_suffix() {
        // Company suffixes are matched as written: "CORP." is not one.
        assert!(!marks("Analysts said Bramwell's CORP. would cut jobs.").contains("[[Bramwell's CORP."));
    }

    #[test]
    fn must_not_continue_into_a_new_sentence() {
        assert_eq!(marks("He thanked Lee Jae-myung. Parliament adjourned."), "He thanked [[Lee Jae-myung|PERSON]]. Parliament adjourned.");
    }
}
