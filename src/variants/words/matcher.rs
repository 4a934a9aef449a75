//! Finding the words that have a decision in a text, and matching a replacement
//! to the case of the word it replaces.

use super::*;

/// One decided form found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordHit {
    pub start: usize,
    pub end: usize,
    /// The lowercase form (the decision's key).
    pub form: String,
    /// The replacement in the text's own capitalisation.
    pub replacement: String,
}

/// Finds decided forms in texts (one Aho-Corasick pass per text).
#[derive(Clone, Debug)]
pub struct WordMatcher {
    ac: Option<AhoCorasick>,
    forms: Vec<String>,
    preferred: Vec<String>,
}

impl WordMatcher {
    pub fn new(decisions: &WordDecisions) -> WordMatcher {
        let mut pairs: Vec<(&String, &WordDecision)> = decisions.iter().collect();
        pairs.sort_by(|a, b| a.0.cmp(b.0));
        let forms: Vec<String> = pairs.iter().map(|(f, _)| (*f).clone()).collect();
        let preferred = pairs.iter().map(|(_, d)| d.preferred.clone()).collect();
        let ac = (!forms.is_empty())
            .then(|| AhoCorasickBuilder::new().ascii_case_insensitive(true).match_kind(MatchKind::LeftmostLongest).build(&forms).ok())
            .flatten();
        WordMatcher { ac, forms, preferred }
    }

    /// Decided forms in `text`, on word boundaries.
    pub fn find(&self, text: &str) -> Vec<WordHit> {
        let Some(ac) = &self.ac else { return Vec::new() };
        let mut out = Vec::new();
        for m in ac.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let before = text[..s].chars().next_back();
            let after = text[e..].chars().next();
            let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '-' && c != '_');
            if !boundary(before) || !boundary(after) {
                continue;
            }
            // An open compound must be separated by exactly one space.
            let found = &text[s..e];
            let i = m.pattern().as_usize();
            out.push(WordHit { start: s, end: e, form: self.forms[i].clone(), replacement: match_case(found, &self.preferred[i]) });
        }
        out
    }
}

/// `to` in the capitalisation of `from` ("Defence" -> "Defense", "DEFENCE" -> "DEFENSE").
pub fn match_case(from: &str, to: &str) -> String {
    let letters: Vec<char> = from.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return to.to_uppercase();
    }
    // Title case per word ("Secretary General" -> "Secretary-General").
    let from_words: Vec<&str> = from.split(['-', ' ']).collect();
    let mut out = String::with_capacity(to.len());
    let mut wi = 0;
    let mut start = true;
    for c in to.chars() {
        if c == '-' || c == ' ' {
            out.push(c);
            wi += 1;
            start = true;
            continue;
        }
        if start {
            let cap =
                from_words.get(wi.min(from_words.len().saturating_sub(1))).and_then(|w| w.chars().next()).is_some_and(char::is_uppercase);
            if cap {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
            start = false;
        } else {
            out.push(c);
        }
    }
    out
}
