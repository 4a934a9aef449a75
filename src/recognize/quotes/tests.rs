//! Attribution rules on short news-like texts written for these tests: each
//! rule with its examples and its must-not-fire cases, named after the rule.

use super::*;
use crate::kb::Kb;
use crate::recognize::analyze;

/// (quoted words, speaker name or "-", rule) of each quotation.
fn who(text: &str) -> Vec<(String, String, &'static str)> {
    let a = analyze(text, &Kb::builtin(), None);
    a.validate(text).expect("valid analysis");
    a.quotations
        .iter()
        .map(|q| {
            let words = crate::model::unquoted(&text[q.span.clone()]).to_string();
            let name = q.speaker.map_or("-".to_string(), |s| a.entities[s].name.clone());
            (words, name, q.rule.map_or("-", Attribution::as_str))
        })
        .collect()
}

fn speaker_of(text: &str, words: &str) -> String {
    who(text)
        .into_iter()
        .find(|q| q.0.starts_with(words))
        .map(|q| q.1)
        .unwrap_or_else(|| panic!("no quotation {words:?} in {:?}", who(text)))
}

#[test]
fn after_x_said_and_said_x() {
    let t = "Talks resumed in Geneva on Monday.\n\n\"We are close to a deal,\" Karin Holmqvist said.\n\n\"Nothing is agreed yet,\" said Daniel Okafor, the union's negotiator.\n";
    assert_eq!(speaker_of(t, "We are close"), "Karin Holmqvist");
    assert_eq!(speaker_of(t, "Nothing is agreed"), "Daniel Okafor");
}

#[test]
fn after_apposition_before_the_verb() {
    let t = "The clinic reopened on Friday.\n\n\"We saw forty patients before noon,\" Maria Lindqvist, a doctor at the clinic, said.\n";
    assert_eq!(speaker_of(t, "We saw forty"), "Maria Lindqvist");
}

#[test]
fn after_curly_quotes_and_according_to() {
    let t = "Prices rose again.\n\n\u{201c}The rise will not last,\u{201d} according to Henrik Baltzar, an economist at the bank.\n";
    assert_eq!(speaker_of(t, "The rise will not last"), "Henrik Baltzar");
}

#[test]
fn before_x_said_and_x_called() {
    let t = "Prime Minister Leonie Farrow told reporters: \"The budget is fair.\" Opposition leader Samuel Oduya called the plan \"a tax on work\" in a speech.\n";
    assert_eq!(speaker_of(t, "The budget is fair"), "Leonie Farrow");
    assert_eq!(speaker_of(t, "a tax on work"), "Samuel Oduya");
}

#[test]
fn before_relative_who_names_the_person_before_it() {
    let t =
        "The deal was signed at a ceremony hosted by Governor Anita Rasmussen, who hailed \"a new chapter for the port\" in her remarks.\n";
    assert_eq!(speaker_of(t, "a new chapter"), "Anita Rasmussen");
}

#[test]
fn pronoun_resolves_to_the_person_named_before() {
    let t = "Coach Pavel Nedbal watched from the stands.\n\n\"We were too slow in the first half,\" he said.\n";
    let q = who(t);
    assert_eq!((q[0].1.as_str(), q[0].2), ("Pavel Nedbal", "pronoun"));
}

#[test]
fn pronoun_keeps_the_last_speaker_over_a_name_after_a_preposition() {
    let t = "Amira Haddad said the country had \"turned a page\" on the rule of Omar Nasser, whose family ruled for decades.\n\n\"We are back among the nations,\" he said.\n";
    let q = who(t);
    assert_eq!((q[1].1.as_str(), q[1].2), ("Amira Haddad", "pronoun"));
    // A person named since as a subject takes the pronoun.
    let t = "Amira Haddad said the country had \"turned a page\". Omar Nasser arrived later.\n\n\"We are back,\" he said.\n";
    let q = who(t);
    assert_eq!((q[1].1.as_str(), q[1].2), ("Omar Nasser", "pronoun"));
}

#[test]
fn a_person_after_a_body_and_a_title_is_the_speaker() {
    let t = "\"We will keep building,\" said Acme Capital chairman Tom Baker on Monday.\n";
    assert_eq!(speaker_of(t, "We will keep building"), "Tom Baker");
    // A body alone is the speaker.
    let t = "\"The talks were useful,\" said the European Commission on Monday.\n";
    assert_eq!(speaker_of(t, "The talks were useful"), "European Commission");
}

#[test]
fn role_noun_resolves_to_the_person_with_that_role() {
    let t = "Finance Minister Olga Brandt presented the budget on Tuesday.\n\n\"This is a budget for growth,\" the minister said.\n";
    let q = who(t);
    assert_eq!((q[0].1.as_str(), q[0].2), ("Olga Brandt", "role-noun"));
}

#[test]
fn continued_split_quotes_and_paragraphs() {
    let t = "\"We won,\" said Jonas Reiter, the team captain. \"We earned it.\"\n\n\"Next season starts tomorrow, and we will be ready for it.\"\n";
    let q = who(t);
    assert_eq!(q.len(), 3, "{q:?}");
    assert!(q.iter().all(|x| x.1 == "Jonas Reiter"), "{q:?}");
    assert_eq!(q[1].2, "continued");
}

#[test]
fn a_multi_paragraph_quotation_is_one_quotation() {
    let t = "Irene Vasquez, the mayor, spoke first.\n\n\"The bridge will open in May,\" she said. \"It is late, but it is safe.\n\n\"And it is paid for.\"\n";
    let q = who(t);
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q[1].0.contains("And it is paid for"), "{q:?}");
    assert_eq!(q[1].1, "Irene Vasquez");
}

#[test]
fn must_not_fire_on_an_anonymous_speaker() {
    let t = "Minister Petra Hollis left the meeting early.\n\n\"The talks are over,\" an official close to Hollis said.\n";
    assert_eq!(speaker_of(t, "The talks are over"), "-");
}

#[test]
fn must_not_fire_on_scare_quotes_and_titles() {
    let t = "Critics called it a \"reform\" at the time. The novel \"Salt\" won a prize in 2019.\n";
    assert!(who(t).iter().all(|q| q.1 == "-"), "{:?}", who(t));
}

#[test]
fn must_not_fire_on_a_listener() {
    let t = "The director asked reporters to wait. Lena Voss told Mark Brennan \"not today\" after the hearing.\n";
    assert_eq!(speaker_of(t, "not today"), "Lena Voss");
}

#[test]
fn must_not_continue_across_an_unattributed_scare_quote_paragraph() {
    let t = "\"We will appeal,\" said Tomas Ekberg.\n\nThe court's \"final\" ruling came later.\n\n\"Nobody expected this outcome at all,\" the statement read.\n";
    let q = who(t);
    assert_eq!(q[0].1, "Tomas Ekberg");
    assert_eq!(q[1].1, "-", "a scare quote");
    assert_eq!(q[2].1, "-", "nothing carried over past it: {q:?}");
}

#[test]
fn marks_quoting_no_words_are_no_quotations() {
    assert!(who("1. Anna Berg (Sweden) 4h 07' 51\"\n2. Eva Lind (Norway) +2' 10\"\n").is_empty());
}

#[test]
fn a_long_line_of_quotes_stays_linear() {
    let line = "\"Go on,\" he said. ".repeat(20_000);
    let t = format!("Coach Pavel Nedbal spoke. {line}\n");
    let start = std::time::Instant::now();
    let q = who(&t);
    assert_eq!(q.len(), 20_000);
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}
