//! The built-in lexicon: English words with their frequency class (from SCOWL,
//! `data/words.txt`), given names and family names (`data/given_names.txt`,
//! `data/surnames.txt`) and the closed word classes recognition relies on — role
//! words, honorifics, organisation/place/event head nouns, months, connectors
//! (`data/lexicon.toml`). All of it is embedded in the binary and parsed once.
//!
//! Lookups are case-insensitive and allocation-free for ASCII words.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

const LEXICON_TOML: &str = include_str!("../data/lexicon.toml");
const WORDS_TXT: &str = include_str!("../data/words.txt");
const GIVEN_TXT: &str = include_str!("../data/given_names.txt");
const SURNAMES_TXT: &str = include_str!("../data/surnames.txt");

#[derive(Deserialize)]
struct RawLexicon {
    role_heads: Vec<String>,
    weak_role_heads: Vec<String>,
    role_modifiers: Vec<String>,
    role_complements: Vec<String>,
    honorifics: Vec<String>,
    org_heads: Vec<String>,
    org_starts: Vec<String>,
    institutions: Vec<String>,
    function_words: Vec<String>,
    not_names: Vec<String>,
    event_heads: Vec<String>,
    loc_heads: Vec<String>,
    speech_verbs: Vec<String>,
    loc_preceders: Vec<String>,
    loc_preceder_nouns: Vec<String>,
    months: Vec<String>,
    weekdays: Vec<String>,
    name_connectors: Vec<String>,
    name_particles: Vec<String>,
    boilerplate_lines: Vec<String>,
    caption_prefixes: Vec<String>,
    house_style_homographs: Vec<String>,
    role_qualifiers: Vec<String>,
    possessive_determiners: Vec<String>,
    // -- name families (recognize/names/)
    related_block_headers: Vec<String>,
    title_adjectives: Vec<String>,
    company_suffixes: Vec<String>,
    byline_separators: Vec<String>,
    venue_heads: Vec<String>,
    venue_kinds: Vec<String>,
    place_first_heads: Vec<String>,
    place_prefixes: Vec<String>,
    // -- role families (recognize/roles/)
    articles: Vec<String>,
    qualifiers_before_titles: Vec<String>,
    personal_possessives: Vec<String>,
    clause_starts: Vec<String>,
    title_ends: Vec<String>,
    time_prepositions: Vec<String>,
    time_names: Vec<String>,
    time_nouns: Vec<String>,
    title_connectors: Vec<String>,
    counterpart_words: Vec<String>,
    copulas: Vec<String>,
    become_verbs: Vec<String>,
    appointment_verbs: Vec<String>,
    passive_auxiliaries: Vec<String>,
    as_preceders: Vec<String>,
    predicate_adjectives: Vec<String>,
    subject_adverbs: Vec<String>,
    succession_words: Vec<String>,
    state_heads: Vec<String>,
    own_country_nouns: Vec<String>,
    department_heads: Vec<String>,
    match_words: Vec<String>,
    team_role_heads: Vec<String>,
    #[serde(flatten)]
    roles: RoleWords,
    #[serde(default)]
    party_adjectives: std::collections::BTreeMap<String, String>,
    // -- name family tables
    honorific_roles: std::collections::BTreeMap<String, String>,
    // -- role family tables
}

/// The role families' word lists read as text rather than as word classes, and
/// their tables (`data/lexicon.toml`, the role families' sections).
#[derive(Deserialize)]
pub struct RoleWords {
    /// Words a role never ends with, any case: "minister *of*" → "Minister".
    pub title_trailing_words: Vec<String>,
    /// Words left lowercase inside a title-cased role, exact spelling.
    pub title_small_words: Vec<String>,
    /// Parts of a role that make it a local office, lowercase substrings.
    pub local_office_words: Vec<String>,
    /// Parts of a role that make it a company title, lowercase substrings.
    pub corporate_title_words: Vec<String>,
    /// Words of state offices, lowercase: only such a title takes the article's
    /// country when nothing nearer gives an affiliation.
    pub state_title_words: Vec<String>,
    /// Words of military and police ranks, lowercase: a role made of these
    /// only is a rank, which a stated job outranks.
    pub rank_words: Vec<String>,
    /// Words of a sign-off line, any case: "*Reporting* by".
    pub credit_words: Vec<String>,
    /// Nouns that stand for any body just named, lowercase: "the *group*'s
    /// leader" leads the organisation named before.
    pub body_nouns: Vec<String>,
    /// Country → the words that say a paragraph is about it (exact spelling).
    pub country_signals: std::collections::BTreeMap<String, Vec<String>>,
    /// Verb of a relative clause → the role it states ("heads" → "Head").
    pub relative_role_verbs: std::collections::BTreeMap<String, String>,
    /// Verbs of a relative clause that tie a person to the body they govern
    /// without naming a post ("runs", "owns").
    pub body_relative_verbs: Vec<String>,
    /// Participles of posts that do the same after "has" ("has led").
    pub post_participles: Vec<String>,
    /// US party code → party ("R" → "Republican Party"), exact spelling.
    pub party_codes: std::collections::BTreeMap<String, String>,
}

/// Word-class bits returned by [`Lexicon::classes`].
pub mod class {
    pub const FUNC: u64 = 1;
    pub const GIVEN: u64 = 1 << 1;
    pub const SURNAME: u64 = 1 << 2;
    pub const ROLE_HEAD: u64 = 1 << 3;
    pub const ROLE_WEAK: u64 = 1 << 4;
    pub const ROLE_MOD: u64 = 1 << 5;
    pub const ROLE_COMP: u64 = 1 << 6;
    pub const HONORIFIC: u64 = 1 << 7;
    pub const ORG_HEAD: u64 = 1 << 8;
    pub const EVENT_HEAD: u64 = 1 << 9;
    pub const LOC_HEAD: u64 = 1 << 10;
    pub const CALENDAR: u64 = 1 << 11;
    pub const CONNECTOR: u64 = 1 << 12;
    pub const SPEECH: u64 = 1 << 13;
    pub const LOC_PRE: u64 = 1 << 14;
    pub const LOC_NOUN: u64 = 1 << 15;
    pub const NOT_NAME: u64 = 1 << 16;
    pub const ORG_START: u64 = 1 << 17;
    pub const PARTICLE: u64 = 1 << 18;
    pub const INSTITUTION: u64 = 1 << 19;
    pub const QUALIFIER: u64 = 1 << 20;
    pub const POSSESSIVE_DET: u64 = 1 << 21;
    // -- name families (recognize/names/): bits 22 to 39
    /// `title_adjectives` ("new", "top"), any case: callers check the spelling.
    pub const TITLE_ADJECTIVE: u64 = 1 << 22;
    /// `company_suffixes` ("Corp.", "LLC"), exact spelling.
    pub const COMPANY_SUFFIX: u64 = 1 << 23;
    /// `byline_separators` ("By", "and"), exact spelling.
    pub const BYLINE_SEPARATOR: u64 = 1 << 24;
    /// `venue_heads` ("center"), any case.
    pub const VENUE_HEAD: u64 = 1 << 25;
    /// `venue_kinds` ("convention", "exhibition"), any case.
    pub const VENUE_KIND: u64 = 1 << 26;
    /// `place_first_heads` ("Camp", "Mount"), exact spelling.
    pub const PLACE_FIRST: u64 = 1 << 27;
    /// `place_prefixes` ("New", "San", "North"), exact spelling.
    pub const PLACE_PREFIX: u64 = 1 << 28;
    // -- role families (recognize/roles/): bits 40 to 59
    /// `articles` ("the", "a", "an").
    pub const ARTICLE: u64 = 1 << 40;
    /// `qualifiers_before_titles` ("deputy", "late", "ex"), besides [`QUALIFIER`].
    pub const QUALIFIER_BEFORE_TITLE: u64 = 1 << 41;
    /// `personal_possessives` ("his", "her").
    pub const PERSONAL_POSSESSIVE: u64 = 1 << 42;
    /// `clause_starts` ("who", "said"): a role phrase ends before them.
    pub const CLAUSE_START: u64 = 1 << 43;
    /// `title_ends` ("with", "since"): a title ends before them.
    pub const TITLE_END: u64 = 1 << 44;
    /// `time_prepositions` ("in", "on", "last", "this").
    pub const TIME_PREPOSITION: u64 = 1 << 45;
    /// `time_names` ("March", "Sunday"), capitalised.
    pub const TIME_NAME: u64 = 1 << 46;
    /// `time_nouns` ("week", "month", "year").
    pub const TIME_NOUN: u64 = 1 << 47;
    /// `title_connectors` ("and", "of", "the", "for").
    pub const TITLE_CONNECTOR: u64 = 1 << 48;
    /// `counterpart_words` ("counterpart", "counterparts").
    pub const COUNTERPART: u64 = 1 << 49;
    /// `copulas` ("is", "was", "remains").
    pub const COPULA: u64 = 1 << 50;
    /// `become_verbs` ("became").
    pub const BECOME: u64 = 1 << 51;
    /// `appointment_verbs` ("appointed", "named").
    pub const APPOINTMENT_VERB: u64 = 1 << 52;
    /// `passive_auxiliaries` ("was", "been", "newly").
    pub const PASSIVE_AUX: u64 = 1 << 53;
    /// `as_preceders` ("over", "post", "served").
    pub const AS_PRECEDER: u64 = 1 << 54;
    /// `predicate_adjectives` ("first", "female").
    pub const PREDICATE_ADJECTIVE: u64 = 1 << 55;
    /// `subject_adverbs` ("also", "later", "had").
    pub const SUBJECT_ADVERB: u64 = 1 << 56;
    /// `succession_words` ("predecessor", "successor").
    pub const SUCCESSION: u64 = 1 << 57;
    /// `state_heads` ("ministry", "staff", "command").
    pub const STATE_HEAD: u64 = 1 << 58;
    /// `own_country_nouns` ("country", "nation", "state").
    pub const OWN_COUNTRY_NOUN: u64 = 1 << 59;
    /// `match_words` ("beat", "drew", "against"): a team's name next to one is a club's.
    pub const MATCH_WORD: u64 = 1 << 60;
    /// `team_role_heads` ("captain", "substitute", "coach"): weak heads that
    /// make a title after an article or a possessive ("their captain X").
    pub const TEAM_ROLE: u64 = 1 << 61;
    /// `department_heads` ("ministry", "office"): a government department's
    /// head word (its country, not itself, is a person's affiliation).
    pub const DEPARTMENT_HEAD: u64 = 1 << 62;
}

/// The lexicon; get it with [`lexicon()`].
pub struct Lexicon {
    words: HashMap<&'static str, u8>,
    classes: HashMap<String, u64>,
    /// Case-sensitive classes (not-names such as "AM", "IT"; the exact-spelling
    /// lists of the name families).
    exact: HashMap<String, u64>,
    pub boilerplate_lines: Vec<String>,
    pub caption_prefixes: Vec<String>,
    /// Words never flagged by house-style checks (their pairing depends on meaning).
    pub house_style_homographs: Vec<String>,
    // -- role families (recognize/roles/)
    /// Word lists and tables of the role families read as text.
    pub roles: RoleWords,
    party_adjectives: std::collections::BTreeMap<String, String>,
    // -- name families (recognize/names/)
    /// Header lines of "related articles" blocks (lowercase, whole line).
    pub related_block_headers: Vec<String>,
    honorific_roles: std::collections::BTreeMap<String, String>,
}

/// Frequency class of a word: SCOWL's size (10 = among the most common English
/// words, 60 = in a large dictionary).
pub type Level = u8;

/// The frequency classes recognition compares words against, by name. A
/// capitalised word is more likely a name the rarer it is as an English word.
pub mod level {
    use super::Level;

    /// The most frequent words (SCOWL 10): "the", "said", "year". Never a name
    /// on their own, whatever their case.
    pub const CORE: Level = 10;
    /// Everyday words (SCOWL 20): "court", "party", "talks". Capitalised at a
    /// sentence start they are read as the word, not as a name.
    pub const EVERYDAY: Level = 20;
    /// Common words (SCOWL 35): "summit", "envoy". A one-word capitalised run of
    /// these is not discovered as a name without another cue.
    pub const COMMON: Level = 35;
    /// Words of a standard dictionary (SCOWL 50): "alliance", "tariff". Beyond
    /// this class a capitalised word is treated as a possible name.
    pub const DICTIONARY: Level = 50;
}

impl Lexicon {
    fn load() -> Lexicon {
        let raw: RawLexicon = toml::from_str(LEXICON_TOML).expect("data/lexicon.toml is valid (checked by tests)");
        let words = WORDS_TXT
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (w, lv) = l.split_once('\t')?;
                Some((w, lv.parse().ok()?))
            })
            .collect();
        let mut classes: HashMap<String, u64> = HashMap::default();
        let mut add = |list: &[String], bit: u64| {
            for w in list {
                *classes.entry(w.to_lowercase()).or_default() |= bit;
            }
        };
        use class::*;
        add(&raw.function_words, FUNC);
        add(&raw.role_heads, ROLE_HEAD);
        add(&raw.weak_role_heads, ROLE_WEAK);
        add(&raw.role_modifiers, ROLE_MOD);
        add(&raw.role_complements, ROLE_COMP);
        add(&raw.honorifics, HONORIFIC);
        add(&raw.org_heads, ORG_HEAD);
        add(&raw.org_starts, ORG_START);
        add(&raw.institutions, INSTITUTION);
        add(&raw.event_heads, EVENT_HEAD);
        add(&raw.loc_heads, LOC_HEAD);
        add(&raw.months, CALENDAR);
        add(&raw.weekdays, CALENDAR);
        add(&raw.name_connectors, CONNECTOR);
        add(&raw.name_particles, PARTICLE);
        add(&raw.speech_verbs, SPEECH);
        add(&raw.loc_preceders, LOC_PRE);
        add(&raw.loc_preceder_nouns, LOC_NOUN);
        add(&raw.role_qualifiers, QUALIFIER);
        add(&raw.possessive_determiners, POSSESSIVE_DET);
        // -- name families (recognize/names/)
        add(&raw.title_adjectives, TITLE_ADJECTIVE);
        add(&raw.venue_heads, VENUE_HEAD);
        add(&raw.venue_kinds, VENUE_KIND);
        // -- role families (recognize/roles/)
        add(&raw.articles, ARTICLE);
        add(&raw.qualifiers_before_titles, QUALIFIER_BEFORE_TITLE);
        add(&raw.personal_possessives, PERSONAL_POSSESSIVE);
        add(&raw.clause_starts, CLAUSE_START);
        add(&raw.title_ends, TITLE_END);
        add(&raw.time_prepositions, TIME_PREPOSITION);
        add(&raw.time_names, TIME_NAME);
        add(&raw.time_nouns, TIME_NOUN);
        add(&raw.title_connectors, TITLE_CONNECTOR);
        add(&raw.counterpart_words, COUNTERPART);
        add(&raw.copulas, COPULA);
        add(&raw.become_verbs, BECOME);
        add(&raw.appointment_verbs, APPOINTMENT_VERB);
        add(&raw.passive_auxiliaries, PASSIVE_AUX);
        add(&raw.as_preceders, AS_PRECEDER);
        add(&raw.predicate_adjectives, PREDICATE_ADJECTIVE);
        add(&raw.subject_adverbs, SUBJECT_ADVERB);
        add(&raw.succession_words, SUCCESSION);
        add(&raw.state_heads, STATE_HEAD);
        add(&raw.own_country_nouns, OWN_COUNTRY_NOUN);
        add(&raw.department_heads, DEPARTMENT_HEAD);
        add(&raw.match_words, MATCH_WORD);
        add(&raw.team_role_heads, TEAM_ROLE);
        for line in GIVEN_TXT.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            *classes.entry(line.to_lowercase()).or_default() |= GIVEN;
        }
        for line in SURNAMES_TXT.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            *classes.entry(line.to_lowercase()).or_default() |= SURNAME;
        }
        let mut exact: HashMap<String, u64> = raw.not_names.iter().map(|w| (w.clone(), NOT_NAME)).collect();
        let mut add_exact = |list: &[String], bit: u64| {
            for w in list {
                *exact.entry(w.clone()).or_default() |= bit;
            }
        };
        // -- name families (recognize/names/), exact spelling
        add_exact(&raw.company_suffixes, COMPANY_SUFFIX);
        add_exact(&raw.byline_separators, BYLINE_SEPARATOR);
        add_exact(&raw.place_first_heads, PLACE_FIRST);
        add_exact(&raw.place_prefixes, PLACE_PREFIX);
        Lexicon {
            words,
            classes,
            exact,
            boilerplate_lines: raw.boilerplate_lines,
            caption_prefixes: raw.caption_prefixes,
            house_style_homographs: raw.house_style_homographs,
            // -- role families (recognize/roles/)
            roles: raw.roles,
            party_adjectives: raw.party_adjectives,
            // -- name families (recognize/names/)
            related_block_headers: raw.related_block_headers,
            honorific_roles: raw.honorific_roles,
        }
    }

    /// The party a capitalised party adjective names ("Conservative" → the
    /// Conservative Party), exact spelling.
    pub fn party_of(&self, word: &str) -> Option<&str> {
        self.party_adjectives.get(word).map(String::as_str)
    }

    /// The role an honorific stands for ("Sen" → "Senator"), exact spelling
    /// without the full stop; none for "Mr", "Dr".
    /// Whether `role` is a rank only ("Lieutenant General", "Col."): every word
    /// one of the rank words.
    pub fn is_rank(&self, role: &str) -> bool {
        let mut words = role.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).peekable();
        words.peek().is_some() && words.all(|w| self.roles.rank_words.iter().any(|r| r.eq_ignore_ascii_case(w.trim_end_matches('.'))))
    }

    pub fn honorific_role(&self, abbrev: &str) -> Option<&str> {
        self.honorific_roles.get(abbrev).map(String::as_str)
    }

    /// The word-class bits of a word (see [`class`]), case-insensitive except for
    /// the exact-spelling classes ([`class::NOT_NAME`], [`class::COMPANY_SUFFIX`],
    /// [`class::BYLINE_SEPARATOR`], [`class::PLACE_FIRST`]).
    pub fn classes(&self, word: &str) -> u64 {
        let c = with_lower(word, |w| self.classes.get(w).copied().unwrap_or(0));
        c | self.exact.get(word).copied().unwrap_or(0)
    }

    /// The frequency class of an English word (any case), if it is one.
    pub fn word_level(&self, word: &str) -> Option<Level> {
        with_lower(word, |w| self.words.get(w).copied())
    }

    /// Whether `word` is an English word of at most the given frequency class.
    pub fn is_word(&self, word: &str, max_level: Level) -> bool {
        self.word_level(word).is_some_and(|l| l <= max_level)
    }

    /// Whether the lowercase word is in the dictionary at all.
    pub fn is_known_word(&self, word: &str) -> bool {
        self.word_level(word).is_some()
    }

    /// Whether the word has any of the class bits.
    pub fn is(&self, word: &str, bits: u64) -> bool {
        self.classes(word) & bits != 0
    }

    /// Iterates over the dictionary's words (lowercase).
    pub fn words(&self) -> impl Iterator<Item = (&'static str, Level)> + '_ {
        self.words.iter().map(|(w, l)| (*w, *l))
    }
}

/// The process-wide lexicon, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::load)
}

/// Calls `f` with the lowercase form of `s`, without allocating for short ASCII words.
pub fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    if s.len() <= 48 && s.is_ascii() {
        let mut buf = [0u8; 48];
        let b = &mut buf[..s.len()];
        b.copy_from_slice(s.as_bytes());
        b.make_ascii_lowercase();
        // ASCII stays valid UTF-8 after lowercasing.
        f(std::str::from_utf8(b).unwrap_or_default())
    } else {
        f(&s.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_knows_common_words_with_levels() {
        let lx = lexicon();
        assert!(lx.is_word("the", 10));
        assert!(lx.is_word("Alliance", 35));
        assert!(lx.is_known_word("defence") && lx.is_known_word("defense"));
        assert!(!lx.is_known_word("allaince"));
        assert!(!lx.is_known_word("Jongsup"));
    }

    #[test]
    fn closed_classes_are_case_insensitive() {
        use class::*;
        let lx = lexicon();
        assert!(lx.is("Minister", ROLE_HEAD));
        assert!(lx.is("Gen.", HONORIFIC));
        assert!(lx.is("OFFICE", ORG_HEAD));
        assert!(lx.is("June", CALENDAR) && lx.is("Thursday", CALENDAR));
        assert!(!lx.is("Seoul", CALENDAR | ROLE_HEAD | ORG_HEAD));
        assert!(lx.is("GMT", NOT_NAME) && !lx.is("gmt", NOT_NAME));
    }

    #[test]
    fn lowercase_helper_handles_non_ascii() {
        assert_eq!(with_lower("ÉLYSÉE", |s| s.to_string()), "élysée");
        assert_eq!(with_lower("NATO", |s| s.to_string()), "nato");
    }
}
