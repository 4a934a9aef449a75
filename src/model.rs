//! The engine's vocabulary: entity kinds, mentions, role claims, dates and the
//! result of analysing one document. Everything here is protocol-neutral and uses
//! UTF-8 byte ranges into the document text; `text` converts them for the outside.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

mod quotation;
pub use quotation::{Attribution, Quotation, unquoted};

/// A byte range into a document's text.
pub type Span = Range<usize>;

/// A document's number inside one corpus (stable while the document exists).
pub type DocId = u32;

/// What a finding reports; serialised as its documented name
/// (`inconsistent-spelling`, ...), which is also its key under `[checks]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// One entity or word written in several ways in the corpus.
    InconsistentSpelling,
    /// A name that could be another spelling of a known one, with no evidence.
    PossibleVariant,
    /// A word against the configured spelling style where the corpus does not mix forms.
    HouseStyle,
    /// A word used once, not in the dictionary, one edit from a frequent word.
    PossibleTypo,
    /// A role that had ended before the article's date or began after it.
    StaleTitle,
}

impl Code {
    /// Every code, in the order they are documented.
    pub const ALL: [Code; 5] = [Code::InconsistentSpelling, Code::PossibleVariant, Code::HouseStyle, Code::PossibleTypo, Code::StaleTitle];

    /// The documented name.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::InconsistentSpelling => "inconsistent-spelling",
            Code::PossibleVariant => "possible-variant",
            Code::HouseStyle => "house-style",
            Code::PossibleTypo => "possible-typo",
            Code::StaleTitle => "stale-title",
        }
    }

    /// The code of a documented name.
    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Whether `byline fix` and the corpus-wide quick fix apply it without being
    /// asked for everything: the corpus or the house style chose the form.
    /// Possible variants and typos are only suggestions.
    pub fn fixed_by_default(self) -> bool {
        matches!(self, Code::InconsistentSpelling | Code::HouseStyle)
    }

    /// The documented names, comma-separated (for messages).
    pub fn names() -> String {
        Code::ALL.map(Code::as_str).join(", ")
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which rule chose the preferred form of a finding; serialised as its
/// documented name (`knowledge-base`, `house-style`, `corpus-style`,
/// `majority`, `tie`, `dictionary`, `similar-spelling`, `reference`,
/// `clean-text`, `dated-role`) in the findings' `data.rule`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PreferredBy {
    /// The canonical name of a user knowledge-base entry.
    KnowledgeBase,
    /// The spelling style configured in `byline.toml`.
    HouseStyle,
    /// The spelling system (American or British) most of the corpus uses, where
    /// `byline.toml` leaves it to the corpus (`spelling = "auto"`).
    CorpusStyle,
    /// The form the corpus uses most.
    Majority,
    /// Two or more forms are used equally often; the tie was broken by a rule.
    Tie(Tie),
    /// The dictionary word a one-off spelling is one edit from (typos).
    Dictionary,
    /// A similar spelling of a known name, with no evidence that it is the same
    /// entity (possible variants).
    SimilarSpelling,
    /// The full name a one-word reference stands for.
    Reference,
    /// The same letters without look-alikes of another script, invisible
    /// characters or odd dashes ([`crate::script`]).
    CleanText,
    /// The role held on the article's date, by dated evidence (stale titles).
    DatedRole,
}

/// A tie for the most used form: `ways` forms used `count` times each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Tie {
    pub count: u32,
    pub ways: u32,
    pub broken_by: TieBreak,
}

/// What told apart forms used equally often.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TieBreak {
    /// The form with more characters.
    Longer,
    /// Not more characters, but more bytes: letters with diacritics or
    /// typographic marks ("Erdoğan" over "Erdogan").
    NonAscii,
    /// The primary spelling of the house style's system in VarCon ("program"
    /// over "programme" in American).
    PrimarySpelling,
    /// Alphabetical order.
    Alphabetical,
}

impl TieBreak {
    /// The words that complete "broken by ..." in messages.
    pub fn describe(self) -> &'static str {
        match self {
            TieBreak::Longer => "the longer spelling",
            TieBreak::NonAscii => "the spelling with diacritics or typographic marks",
            TieBreak::PrimarySpelling => "the primary spelling of the style",
            TieBreak::Alphabetical => "alphabetical order",
        }
    }
}

impl Tie {
    /// The tie among `forms` (most used first, in the order that chose the
    /// first), if the first two are used equally often; `broken_by` says what
    /// told the first two apart.
    pub fn among<S: AsRef<str>>(forms: &[(S, u32)], broken_by: impl Fn(&str, &str) -> TieBreak) -> Option<Tie> {
        let [(a, n), (b, m), ..] = forms else { return None };
        (n == m).then(|| Tie {
            count: *n,
            ways: forms.iter().take_while(|f| f.1 == *n).count() as u32,
            broken_by: broken_by(a.as_ref(), b.as_ref()),
        })
    }
}

impl PreferredBy {
    /// The documented name (`data.rule` in JSON).
    pub fn as_str(self) -> &'static str {
        match self {
            PreferredBy::KnowledgeBase => "knowledge-base",
            PreferredBy::HouseStyle => "house-style",
            PreferredBy::CorpusStyle => "corpus-style",
            PreferredBy::Majority => "majority",
            PreferredBy::Tie(_) => "tie",
            PreferredBy::Dictionary => "dictionary",
            PreferredBy::SimilarSpelling => "similar-spelling",
            PreferredBy::Reference => "reference",
            PreferredBy::CleanText => "clean-text",
            PreferredBy::DatedRole => "dated-role",
        }
    }

    /// The majority of `forms` (most used first), or the tie among them
    /// ([`Tie::among`]).
    pub fn majority_of<S: AsRef<str>>(forms: &[(S, u32)], broken_by: impl Fn(&str, &str) -> TieBreak) -> PreferredBy {
        Tie::among(forms, broken_by).map_or(PreferredBy::Majority, PreferredBy::Tie)
    }

    /// Why the preferred form was chosen, for messages: "preferred by the
    /// corpus majority", "a 1:1 tie, broken by alphabetical order".
    pub fn describe(self) -> String {
        let by = match self {
            PreferredBy::KnowledgeBase => "the knowledge base's canonical name",
            PreferredBy::HouseStyle => "the house style in byline.toml",
            PreferredBy::CorpusStyle => "the spelling style most of the corpus uses",
            PreferredBy::Majority => "the corpus majority",
            PreferredBy::Tie(t) => {
                let ratio = vec![t.count.to_string(); t.ways as usize].join(":");
                return format!("a {ratio} tie, broken by {}", t.broken_by.describe());
            }
            PreferredBy::Dictionary => "the dictionary",
            PreferredBy::SimilarSpelling => "a similar spelling",
            PreferredBy::Reference => "the full name",
            PreferredBy::CleanText => "plain text",
            PreferredBy::DatedRole => "the role held on the article's date",
        };
        format!("preferred by {by}")
    }
}

impl Serialize for PreferredBy {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// "1 hint", "2 hints", "0 files": a count and its noun, plural unless it is
/// one. `noun` is the singular; "information" and a few others do not change,
/// a noun in "y" after a consonant takes "ies" ("1 entity", "2 entities").
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {}", plural(n, noun))
}

/// The noun of [`count`] alone: `noun` if `n` is one, else its plural.
pub fn plural(n: usize, noun: &str) -> String {
    const SAME: [&str; 2] = ["information", "data"];
    if n == 1 || SAME.contains(&noun) {
        noun.to_string()
    } else if let Some(stem) = noun.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'i', 'o', 'u'])) {
        format!("{stem}ies")
    } else if noun.ends_with(['s', 'x']) || noun.ends_with("ch") || noun.ends_with("sh") {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

/// What a mention names. Serialised as its [`label`](Kind::label).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Person,
    Org,
    Loc,
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}

impl Kind {
    /// The label used in exports and JSON (`PERSON`, `ORG`, `LOC`).
    pub fn label(self) -> &'static str {
        match self {
            Kind::Person => "PERSON",
            Kind::Org => "ORG",
            Kind::Loc => "LOC",
        }
    }

    /// The CoNLL tag suffix (`PER`, `ORG`, `LOC`), as in `B-PER`.
    pub fn conll_label(self) -> &'static str {
        match self {
            Kind::Person => "PER",
            Kind::Org => "ORG",
            Kind::Loc => "LOC",
        }
    }

    /// The word used in messages and the knowledge base (`person`, ...).
    pub fn word(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Org => "organization",
            Kind::Loc => "place",
        }
    }

    /// Parses `person`/`PERSON`/`PER`, `organization`/`organisation`/`ORG`,
    /// `place`/`location`/`LOC`/`GPE`.
    pub fn parse(s: &str) -> Option<Kind> {
        match s.to_ascii_lowercase().as_str() {
            "person" | "per" | "people" => Some(Kind::Person),
            "organization" | "organisation" | "org" => Some(Kind::Org),
            "place" | "location" | "loc" | "gpe" | "country" | "city" => Some(Kind::Loc),
            _ => None,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// How a mention was found; shown on hover and used to weigh evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// A name or alias in the user's knowledge base.
    KnowledgeBase,
    /// A name in the built-in gazetteer.
    Gazetteer,
    /// A capitalised name that no gazetteer knows.
    Discovered,
    /// A later short reference ("Lee", "JCS") to a name given in full earlier.
    Reference,
}

/// One occurrence of an entity in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub kind: Kind,
    /// Index into [`DocAnalysis::entities`].
    pub entity: usize,
    pub origin: Origin,
    /// Surname-only or acronym reference to a fuller form in the same document.
    pub short: bool,
}

/// A role title written next to a person ("Defense Minister" before "Lee Jong-sup").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleSpan {
    pub span: Span,
    /// Index into [`DocAnalysis::entities`] of the person it belongs to, when known.
    pub person: Option<usize>,
}

/// What the text says a person is, with where it says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    pub role: Option<String>,
    pub affiliation: Option<String>,
    /// The role or appositive text the claim was read from.
    pub span: Span,
    /// The sentence that carries the claim.
    pub sentence: Span,
    /// The affiliation was inferred from the article's context rather than written
    /// next to the person.
    pub inferred: bool,
}

/// An entity as one document sees it: all its mentions share this record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocEntity {
    /// The fullest form the document uses (or the knowledge-base name).
    pub name: String,
    pub kind: Kind,
    /// Index of the knowledge-base entry it was linked to.
    pub kb: Option<usize>,
    pub claims: Vec<Claim>,
}

/// A calendar date (no time zone: news dates are local dates).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days).contains(&day).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let mut it = s.splitn(3, '-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        Date::new(y, m, d)
    }

    /// The date of a Unix timestamp (UTC).
    pub fn from_unix(secs: i64) -> Date {
        // Howard Hinnant's civil_from_days.
        let z = secs.div_euclid(86_400) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as u16;
        Date { year: y, month: m, day: d }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Where an article's date came from, most trusted first (the order
/// [`crate::recognize::dates::detect`] tries them in).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// A ` date YYYY-MM-DD` first line.
    Header,
    /// A "Published"/"Updated"/"Posted" line or a line that is only a date or a
    /// timestamp, near the top ("Published 12 March 2025", "2025-03-12T08:00:00Z").
    Metadata,
    /// A dateline ("SEOUL, June 3 (Yonhap) --") with its year or the header's.
    Dateline,
    /// A date in the file's path (`2024-07-11-slug.txt`, `2024/07/11/slug.txt`).
    FileName,
    /// A dateline whose year was taken from a year and month in the file's path
    /// (`2024-07-slug.txt`).
    DatelineFileName,
    /// A full date written in the text ("on June 3, 2023").
    Text,
    /// A dateline whose year was taken from the file's modification time.
    DatelineFileYear,
    /// The file's modification time.
    FileTime,
}

impl DateSource {
    /// Whether the file's modification time decided the date (its year or all
    /// of it). A checkout gives every file the same time, so such a date never
    /// outranks one the article or its file name states; it is shown as a
    /// "file date".
    pub fn is_file_time(self) -> bool {
        matches!(self, DateSource::FileTime | DateSource::DatelineFileYear)
    }

    /// Where the date was read, for people: "the file name", "a dateline".
    pub fn describe(self) -> &'static str {
        match self {
            DateSource::Header => "the date line at the top",
            DateSource::Metadata => "a published or updated line",
            DateSource::Dateline => "the dateline",
            DateSource::FileName => "the file name",
            DateSource::DatelineFileName => "the dateline, its year from the file name",
            DateSource::Text => "a date in the text",
            DateSource::DatelineFileYear => "the dateline, its year from the file's modification time",
            DateSource::FileTime => "the file's modification time",
        }
    }
}

/// Everything one document yields. Produced by [`crate::recognize::analyze`], a pure
/// function of the text, the knowledge base and the file time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocAnalysis {
    /// Sorted by start, non-overlapping.
    pub mentions: Vec<Mention>,
    pub roles: Vec<RoleSpan>,
    pub entities: Vec<DocEntity>,
    pub date: Option<(Date, DateSource)>,
    /// Byte ranges of quoted speech (inside quotation marks).
    pub quotes: Vec<Span>,
    /// The direct quotations with their speakers, in text order.
    pub quotations: Vec<Quotation>,
}

impl DocAnalysis {
    /// The entity of a mention.
    pub fn entity_of(&self, m: &Mention) -> &DocEntity {
        &self.entities[m.entity]
    }

    /// The date as `YYYY-MM-DD`, if any.
    pub fn date_string(&self) -> Option<String> {
        self.date.map(|(d, _)| d.to_string())
    }

    /// Whether a byte offset lies inside quoted speech.
    pub fn in_quote(&self, offset: usize) -> bool {
        let i = self.quotes.partition_point(|q| q.end <= offset);
        self.quotes.get(i).is_some_and(|q| q.start <= offset)
    }

    /// Checks what every consumer of an analysis relies on, for the text it was
    /// made from: every range is non-empty where it must be, inside the text and on
    /// character boundaries; mentions are sorted and do not overlap; every index
    /// points at an entity. Used by the robustness tests and the fuzz targets.
    pub fn validate(&self, text: &str) -> Result<(), String> {
        let span_ok = |s: &Span, what: &str, nonempty: bool| -> Result<(), String> {
            if s.start > s.end || s.end > text.len() || (nonempty && s.start == s.end) {
                return Err(format!("{what} {s:?} out of range (text of {} bytes)", text.len()));
            }
            if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
                return Err(format!("{what} {s:?} not on character boundaries"));
            }
            Ok(())
        };
        let mut last_end = 0;
        for m in &self.mentions {
            span_ok(&m.span, "mention", true)?;
            if m.span.start < last_end {
                return Err(format!("mention {:?} overlaps or precedes the one before", m.span));
            }
            last_end = m.span.end;
            if m.entity >= self.entities.len() {
                return Err(format!("mention {:?} names entity {} of {}", m.span, m.entity, self.entities.len()));
            }
            if self.entities[m.entity].kind != m.kind {
                return Err(format!("mention {:?} is {:?}, its entity {:?}", m.span, m.kind, self.entities[m.entity].kind));
            }
        }
        for r in &self.roles {
            span_ok(&r.span, "role", true)?;
            if r.person.is_some_and(|p| p >= self.entities.len()) {
                return Err(format!("role {:?} names a missing entity", r.span));
            }
        }
        for e in &self.entities {
            for c in &e.claims {
                span_ok(&c.span, "claim", false)?;
                span_ok(&c.sentence, "claim sentence", false)?;
            }
        }
        let mut last = 0;
        for q in &self.quotes {
            span_ok(q, "quote", false)?;
            if q.start < last {
                return Err(format!("quote {q:?} overlaps the one before"));
            }
            last = q.end;
        }
        for q in &self.quotations {
            span_ok(&q.span, "quotation", true)?;
            if let Some(c) = &q.cue {
                span_ok(c, "quotation cue", true)?;
            }
            if q.speaker.is_some_and(|s| s >= self.entities.len()) {
                return Err(format!("quotation {:?} names a missing entity", q.span));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_and_print() {
        assert_eq!(Date::parse("2023-06-03").unwrap().to_string(), "2023-06-03");
        assert!(Date::parse("2023-02-30").is_none());
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2023-6").is_none());
    }

    #[test]
    fn unix_times_become_dates() {
        assert_eq!(Date::from_unix(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_unix(1_685_750_400).to_string(), "2023-06-03");
        assert_eq!(Date::from_unix(951_782_400).to_string(), "2000-02-29");
    }

    #[test]
    fn counts_are_pluralised() {
        assert_eq!(count(1, "hint"), "1 hint");
        assert_eq!(count(2, "hint"), "2 hints");
        assert_eq!(count(0, "file"), "0 files");
        assert_eq!(count(1, "entity"), "1 entity");
        assert_eq!(count(3, "entity"), "3 entities");
        assert_eq!(count(2, "day"), "2 days");
        assert_eq!(count(4, "information"), "4 information");
        assert_eq!(count(2, "match"), "2 matches");
    }

    #[test]
    fn ties_say_their_ratio_and_what_broke_them() {
        let forms = [("Erdoğan", 1), ("Erdogan", 1)];
        let rule = PreferredBy::majority_of(&forms, |_, _| TieBreak::NonAscii);
        assert_eq!(rule, PreferredBy::Tie(Tie { count: 1, ways: 2, broken_by: TieBreak::NonAscii }));
        assert_eq!(rule.describe(), "a 1:1 tie, broken by the spelling with diacritics or typographic marks");
        assert_eq!(rule.as_str(), "tie");
        let three = [("a", 2), ("b", 2), ("c", 2), ("d", 1)];
        assert_eq!(PreferredBy::majority_of(&three, |_, _| TieBreak::Alphabetical).describe(), "a 2:2:2 tie, broken by alphabetical order");
        assert_eq!(PreferredBy::majority_of(&[("a", 3), ("b", 2)], |_, _| unreachable!()), PreferredBy::Majority);
        assert_eq!(PreferredBy::majority_of(&[("a", 3)], |_, _| unreachable!()).describe(), "preferred by the corpus majority");
        assert_eq!(serde_json::to_string(&PreferredBy::KnowledgeBase).unwrap(), "\"knowledge-base\"");
    }

    #[test]
    fn kinds_parse_from_many_spellings() {
        assert_eq!(Kind::parse("Organisation"), Some(Kind::Org));
        assert_eq!(Kind::parse("GPE"), Some(Kind::Loc));
        assert_eq!(Kind::parse("thing"), None);
    }
}
