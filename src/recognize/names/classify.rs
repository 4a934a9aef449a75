//! What two or more unknown capitalised words name, by cues tried in the order
//! of [`CUES`] (the first that decides wins; none deciding makes a person):
//! "Kim Min-seok", "Xi Jinping" (name shapes), "an analyst at Kepler Cheuvreux"
//! (the employer after a lowercase title), "Maria Castellanos" (a known
//! given name first), "shadow chancellor Mel Stride" (after a lowercase title),
//! "JP Nadda" (initials), "Ridgeway Holdings" (an organisation head),
//! "Gyeonggi Province", "Camp Humphreys" (place heads), "Santa Clara" (a place
//! prefix), "Marks & Spencer",
//! "ThyssenKrupp Marine" (an ampersand, mixed case, digits), "Celltrion Healthcare" (an
//! unknown word and an ordinary noun), "Quisby Tolliver" (anything else that is
//! not ordinary English).

use super::super::Work;
use super::Mode;
use super::acronyms::is_acronym_known;
use super::name_like;
use super::shapes::{chinese_shape, korean_shape};
use super::units::Unit;
use crate::lexicon::class::*;
use crate::lexicon::level;
use crate::model::Kind;
use crate::tokens::{ALLCAPS, CAP, DIGIT, LOWER, MIXED};

/// A person's name after a known given name has at most six capitalised words
/// ("Maria Fernanda Castellanos de la Cruz" has four); longer is a title or a
/// headline.
const MAX_GIVEN_FIRST_WORDS: usize = 6;
/// After a lowercase title, a name has at most four capitalised words ("shadow
/// chancellor Mel Stride", "spokesman Kim Min-seok").
const MAX_TITLED_WORDS: usize = 4;
/// Without a stronger cue, more than four capitalised words are not one name.
const MAX_NAME_WORDS: usize = 4;
/// Initials before a family name have at most three letters ("JP Nadda",
/// "MJK Smith"); longer all-capitals words are acronyms.
const MAX_INITIALS_LEN: usize = 3;

/// What a cue decides about a stretch of words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    /// A name of this kind.
    Name(Kind),
    /// Not a name.
    NotName,
}

/// The stretch being classified, with the facts most cues look at.
struct Stretch<'u> {
    us: &'u [Unit],
    mode: Mode,
    /// Its first and last tokens.
    first: usize,
    last: usize,
    /// Capitalised words (particles such as "von der" do not count).
    caps: usize,
    /// It ends with an organisation head that is not also a place or event head.
    org_head: bool,
}

/// A cue: a verdict, or none to let the next cue decide.
type Cue = fn(&Work, &Stretch) -> Option<Verdict>;

/// The cues, strongest first. Why this order:
/// - a Korean or Chinese name shape decides before anything else;
/// - the person cues (a given name first, a lowercase title before, initials)
///   come next, but yield to an organisation head at the end ("Jordan Valley
///   Authority");
/// - a headline allows nothing weaker than those, except an "&";
/// - heads (organisation, then place) outrank the looser company marks;
/// - then the rejections (too long, in capitals, only ordinary words) before
///   the weak cues: a family name last (a person), an unknown word and an
///   ordinary noun (a company); anything left is a person.
const CUES: &[(&str, Cue)] = &[
    ("Korean or Chinese name shape", name_shape),
    ("the body of a lowercase title", title_body),
    ("known given name first", given_name_first),
    ("after a lowercase title", after_lowercase_title),
    ("initials and a family name", initials),
    ("headline: only names with '&'", headline),
    ("organisation head last", org_head),
    ("place head", place_head),
    ("place prefix first", place_prefix),
    ("'&', mixed case or digits", company_marks),
    ("too long or in capitals", too_long),
    ("a title after a comma", titled_appositive),
    ("only ordinary English words", ordinary_words),
    ("family name last", family_name_last),
    ("unknown word and an ordinary noun", company_shape),
];

/// Classifies two or more plain words: the kind they name, or none.
pub(super) fn classify(w: &Work, us: &[Unit], mode: Mode) -> Option<Kind> {
    let first = us[0].first();
    let last = us[us.len() - 1].tokens.end - 1;
    let s = Stretch {
        us,
        mode,
        first,
        last,
        caps: us.iter().filter(|u| w.toks[u.first()].is_cap()).count(),
        org_head: w.is(last, ORG_HEAD) && !w.is(last, LOC_HEAD | EVENT_HEAD),
    };
    match CUES.iter().find_map(|(_, cue)| cue(w, &s)) {
        Some(Verdict::Name(kind)) => Some(kind),
        Some(Verdict::NotName) => None,
        None => Some(Kind::Person),
    }
}

fn name_shape(w: &Work, s: &Stretch) -> Option<Verdict> {
    (korean_shape(w, s.us) || chinese_shape(w, s.us)).then_some(Verdict::Name(Kind::Person))
}

/// The words a title is linked to its employer by: "an analyst *at* Morgan
/// Stanley", "a partner *with* Baker McKenzie".
const EMPLOYER_LINKS: [&str; 2] = ["at", "with"];
/// The lowercase title comes within this many words before the link: "head of
/// consumer staples research at X".
const TITLE_BEFORE_LINK: usize = 5;

/// "an analyst at Kepler Cheuvreux", "chief economist at Morgan Stanley": the
/// employer after a lowercase title is an organisation, whatever its first word.
fn title_body(w: &Work, s: &Stretch) -> Option<Verdict> {
    let link = s.first.checked_sub(1)?;
    if w.t(link) == "of" {
        return title_of_body(w, s, link);
    }
    if !EMPLOYER_LINKS.contains(&w.t(link)) {
        return None;
    }
    let mut j = link;
    while j > 0 && link - j < TITLE_BEFORE_LINK {
        j -= 1;
        let t = w.toks[j];
        if !t.has(LOWER) || w.cand_at(j).is_some() {
            return None;
        }
        if w.is(j, ROLE_HEAD) && !w.t(j).ends_with('s') {
            return Some(Verdict::Name(Kind::Org));
        }
    }
    None
}

/// "chief executive of Harbour Mining": the body right after "title of" is an
/// organisation, unless it is a place by its head ("governor of Gyeonggi
/// Province") or starts with a given name ("a friend of Maria Castellanos").
fn title_of_body(w: &Work, s: &Stretch, of: usize) -> Option<Verdict> {
    let t = of.checked_sub(1)?;
    let titled = w.toks[t].has(LOWER) && w.is(t, ROLE_HEAD) && !w.t(t).ends_with('s') && w.cand_at(t).is_none();
    let person_or_place = w.is(s.last, LOC_HEAD) || (w.is(s.first, GIVEN) && !s.org_head);
    (titled && !person_or_place).then_some(Verdict::Name(Kind::Org))
}

/// Words that may stand between an appositive's comma and its title: "X,
/// *the* chief executive", "X, *a former* minister".
const APPOSITIVE_LEAD: usize = 3;

/// "Zak Brown, chief executive of McLaren Racing": a title in lowercase right
/// after the comma that follows the stretch says it is a person.
fn titled_appositive(w: &Work, s: &Stretch) -> Option<Verdict> {
    let comma = s.last + 1;
    if !w.is_punct(comma, ',') {
        return None;
    }
    let mut j = comma + 1;
    while j < w.toks.len() && j - comma <= APPOSITIVE_LEAD + 1 {
        let t = w.toks[j];
        if !t.is_word() || !t.has(LOWER) {
            return None;
        }
        if w.is(j, ROLE_HEAD) && !w.t(j).ends_with('s') {
            return Some(Verdict::Name(Kind::Person));
        }
        if !w.is(j, ARTICLE | QUALIFIER | ROLE_MOD | ROLE_WEAK) {
            return None;
        }
        j += 1;
    }
    None
}

/// "Maria Castellanos", not "Victoria Harbour" or "Jordan Valley Authority".
fn given_name_first(w: &Work, s: &Stretch) -> Option<Verdict> {
    let given_first = w.is(s.first, GIVEN) && !w.is(s.first, ORG_HEAD | LOC_HEAD);
    (given_first && !s.org_head && s.caps <= MAX_GIVEN_FIRST_WORDS && !w.toks[s.last].has(ALLCAPS)).then_some(Verdict::Name(Kind::Person))
}

/// "shadow chancellor Mel Stride", "spokesman Kim": a lowercase title just
/// before (not a plural, "officials").
fn after_lowercase_title(w: &Work, s: &Stretch) -> Option<Verdict> {
    let p = s.first.checked_sub(1)?;
    let titled = w.toks[p].has(LOWER) && w.is(p, ROLE_HEAD) && !w.t(p).ends_with('s');
    (titled && !s.org_head && s.caps <= MAX_TITLED_WORDS && s.us.iter().all(|u| !w.toks[u.first()].has(ALLCAPS)))
        .then_some(Verdict::Name(Kind::Person))
}

/// "JP Nadda": initials, then a family name that is not an English word.
fn initials(w: &Work, s: &Stretch) -> Option<Verdict> {
    let [a, b] = s.us else { return None };
    let (a, b) = (a.first(), b.first());
    let fits = w.toks[a].has(ALLCAPS)
        && w.t(a).len() <= MAX_INITIALS_LEN
        && w.toks[b].has(CAP)
        && !w.toks[b].has(ALLCAPS)
        && !w.is_word(b, level::DICTIONARY)
        && !is_acronym_known(w, a);
    fits.then_some(Verdict::Name(Kind::Person))
}

/// In a headline nothing weaker than the cues above counts, except an "&"
/// inside ("Marks & Spencer Cuts Jobs").
fn headline(w: &Work, s: &Stretch) -> Option<Verdict> {
    if s.mode != Mode::Restricted {
        return None;
    }
    let ampersand = w.t(s.first) != "&" && s.us.iter().any(|u| w.t(u.first()) == "&");
    Some(if ampersand { Verdict::Name(Kind::Org) } else { Verdict::NotName })
}

fn org_head(_w: &Work, s: &Stretch) -> Option<Verdict> {
    s.org_head.then_some(Verdict::Name(Kind::Org))
}

/// "Gyeonggi Province"; "Camp Humphreys" (`place_first_heads`, two words).
fn place_head(w: &Work, s: &Stretch) -> Option<Verdict> {
    let head_first = w.is(s.first, LOC_HEAD) && s.us.len() == 2 && w.is(s.first, PLACE_FIRST);
    (w.is(s.last, LOC_HEAD) || head_first).then_some(Verdict::Name(Kind::Loc))
}

/// "Santa Clara", "North Uist", "San Candido": two words after a place prefix.
fn place_prefix(w: &Work, s: &Stretch) -> Option<Verdict> {
    (s.us.len() == 2 && w.is(s.first, PLACE_PREFIX) && !w.is(s.last, GIVEN)).then_some(Verdict::Name(Kind::Loc))
}

/// "Marks & Spencer", "ThyssenKrupp Marine", "Studio 54 Group": company marks.
fn company_marks(w: &Work, s: &Stretch) -> Option<Verdict> {
    let amp = s.us.iter().any(|u| w.span_text(u.tokens.first, u.tokens.end).contains('&'));
    (amp || s.us.iter().any(|u| w.toks[u.first()].has(MIXED | DIGIT))).then_some(Verdict::Name(Kind::Org))
}

fn too_long(w: &Work, s: &Stretch) -> Option<Verdict> {
    (s.caps > MAX_NAME_WORDS || s.us.iter().any(|u| w.toks[u.first()].has(ALLCAPS))).then_some(Verdict::NotName)
}

/// Whether unit `u` is one ordinary English word ([`level::DICTIONARY`]).
fn dictionary_word(w: &Work, u: &Unit) -> bool {
    u.is_one_token() && w.is_word(u.first(), level::DICTIONARY)
}

/// "Weather Report Today": every word ordinary English and none a name.
fn ordinary_words(w: &Work, s: &Stretch) -> Option<Verdict> {
    s.us.iter().all(|u| dictionary_word(w, u) && !name_like(w, u.first())).then_some(Verdict::NotName)
}

fn family_name_last(w: &Work, s: &Stretch) -> Option<Verdict> {
    w.is(s.last, SURNAME).then_some(Verdict::Name(Kind::Person))
}

/// "Celltrion Healthcare": an unknown word then an ordinary noun reads as a
/// company ("Hanwha Ocean" would be a place: "Ocean" is a place head).
fn company_shape(w: &Work, s: &Stretch) -> Option<Verdict> {
    let [a, b] = s.us else { return None };
    let fits = !dictionary_word(w, a) && dictionary_word(w, b) && !name_like(w, b.first()) && !name_like(w, a.first());
    fits.then_some(Verdict::Name(Kind::Org))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::*;

    #[test]
    fn finds_people_by_shape_given_name_title_and_initials() {
        assert_eq!(marks("It was Kim Min-seok again."), "It was [[Kim Min-seok|PERSON]] again.");
        assert_eq!(marks("It was Maria Castellanos again."), "It was [[Maria Castellanos|PERSON]] again.");
        assert_eq!(marks("The shadow chancellor Orla Brennagh spoke."), "The shadow chancellor [[Orla Brennagh|PERSON]] spoke.");
        assert_eq!(marks("Party chief JP Nadda spoke."), "Party chief [[JP Nadda|PERSON]] spoke.");
    }

    #[test]
    fn finds_organisations_and_places_by_heads_and_marks() {
        assert_eq!(marks("Shares of Ridgeway Holdings rose."), "Shares of [[Ridgeway Holdings|ORG]] rose.");
        assert_eq!(marks("Rain hit Velmora Province again."), "Rain hit [[Velmora Province|LOC]] again.");
        assert_eq!(marks("Troops left Camp Tolliver again."), "Troops left [[Camp Tolliver|LOC]] again.");
        assert_eq!(marks("Shares of Harland & Quisby rose."), "Shares of [[Harland & Quisby|ORG]] rose.");
        assert_eq!(marks("Shares of Zentrix Motion rose."), "Shares of [[Zentrix Motion|ORG]] rose.");
        assert_eq!(marks("Shares of Zentrix Tower rose."), "Shares of [[Zentrix Tower|LOC]] rose.");
    }

    #[test]
    fn a_place_prefix_makes_a_place() {
        assert_eq!(marks("She grew up in San Quorvane, near the border."), "She grew up in [[San Quorvane|LOC]], near the border.");
        assert_eq!(marks("A councillor for North Tolliver spoke."), "A councillor for [[North Tolliver|LOC]] spoke.");
        assert_eq!(marks("It was New Quorvane again."), "It was [[New Quorvane|LOC]] again.");
    }

    #[test]
    fn an_employer_after_a_lowercase_title_is_an_organisation() {
        assert_eq!(
            marks("Martin Deboeck, an analyst at Quorvane Tolliver, said so."),
            "[[Martin Deboeck|PERSON]], an analyst at [[Quorvane Tolliver|ORG]], said so."
        );
        assert_eq!(
            marks("Tom Baker, chief executive of Harbour Mining, said so."),
            "[[Tom Baker|PERSON]], chief executive of [[Harbour Mining|ORG]], said so."
        );
        // A place by its head, or a person by a given name, stays one.
        assert_eq!(marks("He was governor of Velmora Province then."), "He was governor of [[Velmora Province|LOC]] then.");
        assert_eq!(marks("He was an aide of Maria Castellanos then."), "He was an aide of [[Maria Castellanos|PERSON]] then.");
    }

    #[test]
    fn a_title_after_the_comma_makes_a_person() {
        assert_eq!(
            marks("Zak Brown, chief executive of the team, said so."),
            "[[Zak Brown|PERSON]], chief executive of the team, said so."
        );
        assert_eq!(marks("Zak Stone, the former minister, said so."), "[[Zak Stone|PERSON]], the former minister, said so.");
        // Not after a description that is no title.
        assert_eq!(marks("Zentrix Motion, the maker of the car, said so."), "[[Zentrix Motion|ORG]], the maker of the car, said so.");
    }

    #[test]
    fn finds_an_unknown_two_word_name_as_a_person() {
        assert_eq!(marks("It was Quorvane Okonkwo again."), "It was [[Quorvane Okonkwo|PERSON]] again.");
        assert_eq!(marks("It was Quorvane Tolliver again."), "It was [[Quorvane Tolliver|PERSON]] again.");
    }

    #[test]
    fn must_not_fire_on_ordinary_words_or_long_capitalised_stretches() {
        assert_eq!(marks("It was a Great Harbour Festival Parade again."), "It was a Great Harbour Festival Parade again.");
        assert_eq!(marks("It said Happy New Year again."), "It said Happy New Year again.");
        assert_eq!(
            marks("It was Quorvane Brennagh Vantrell Quisby Tolliver again."),
            "It was Quorvane Brennagh Vantrell Quisby Tolliver again."
        );
    }

    #[test]
    fn must_not_take_a_place_first_head_written_otherwise() {
        // "Camp" counts only written as listed, in title case.
        let written = with_work("Camp CAMP camp", |w| (0..3).map(|i| w.is(i, crate::lexicon::class::PLACE_FIRST)).collect::<Vec<_>>());
        assert_eq!(written, [true, false, false]);
    }
}
