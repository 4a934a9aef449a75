//! The knowledge base: the built-in gazetteer (countries with short forms, demonyms
//! and capitals, places, organisations — world knowledge only, never people) merged
//! with the user's knowledge-base files, and the lookups recognition needs: one
//! Aho-Corasick pass over a text for every known name ([`gazetteer`]), name lookup
//! by folded spelling, and demonym -> country.
//!
//! User entries win over built-in ones with the same name or alias.

pub mod builtin;
pub mod edit;
pub mod gazetteer;
pub mod user;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use serde::Deserialize;

use crate::fold::fold;
use crate::model::{Date, Kind};

pub use gazetteer::{Form, GazMatch};
pub use user::load_user_kb;

/// Where an entry comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Builtin,
    /// A user knowledge-base file and the one-based line of the entry.
    User {
        path: PathBuf,
        line: u32,
    },
}

/// What sort of thing a built-in entry is, beyond its [`Kind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Country,
    /// A place inside a country or a region.
    Place,
    /// An organisation with members from many countries (NATO, the UN, the EU).
    International,
    /// An organisation of one country (a ministry, a company, a newspaper).
    National,
    Person,
}

/// A finer kind of a built-in entry, the `kind` field of `organizations.toml`
/// and `places.toml` (see `data/GAZETTEER.md`); read from its name
/// ([`Subkind::as_str`]), and any other value is an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Subkind {
    // Organisations.
    International,
    Government,
    Military,
    Legislature,
    Court,
    Party,
    Company,
    Media,
    Ngo,
    Education,
    Sport,
    // Places.
    City,
    Continent,
    District,
    Facility,
    Island,
    Mountain,
    Province,
    Region,
    River,
    Sea,
    State,
}

impl Subkind {
    /// Every subkind: organisations, then places.
    pub const ALL: [Subkind; 22] = [
        Subkind::International,
        Subkind::Government,
        Subkind::Military,
        Subkind::Legislature,
        Subkind::Court,
        Subkind::Party,
        Subkind::Company,
        Subkind::Media,
        Subkind::Ngo,
        Subkind::Education,
        Subkind::Sport,
        Subkind::City,
        Subkind::Continent,
        Subkind::District,
        Subkind::Facility,
        Subkind::Island,
        Subkind::Mountain,
        Subkind::Province,
        Subkind::Region,
        Subkind::River,
        Subkind::Sea,
        Subkind::State,
    ];

    /// The subkind of a name as written in the data.
    pub fn parse(s: &str) -> Option<Subkind> {
        Subkind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The name as written in the data (shown on hover).
    pub fn as_str(self) -> &'static str {
        match self {
            Subkind::International => "international",
            Subkind::Government => "government",
            Subkind::Military => "military",
            Subkind::Legislature => "legislature",
            Subkind::Court => "court",
            Subkind::Party => "party",
            Subkind::Company => "company",
            Subkind::Media => "media",
            Subkind::Ngo => "ngo",
            Subkind::Education => "education",
            Subkind::Sport => "sport",
            Subkind::City => "city",
            Subkind::Continent => "continent",
            Subkind::District => "district",
            Subkind::Facility => "facility",
            Subkind::Island => "island",
            Subkind::Mountain => "mountain",
            Subkind::Province => "province",
            Subkind::Region => "region",
            Subkind::River => "river",
            Subkind::Sea => "sea",
            Subkind::State => "state",
        }
    }

    /// A body of the state (ministry, army, legislature, court), whose people are
    /// affiliated with its country.
    pub fn is_state_body(self) -> bool {
        matches!(self, Subkind::Government | Subkind::Military | Subkind::Legislature | Subkind::Court)
    }
}

impl<'de> Deserialize<'de> for Subkind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Subkind, D::Error> {
        let s = String::deserialize(d)?;
        Subkind::parse(&s).ok_or_else(|| {
            let names = Subkind::ALL.map(Subkind::as_str).join(", ");
            serde::de::Error::custom(format!("unknown kind {s:?}: expected one of {names}"))
        })
    }
}

/// A dated role, from a knowledge-base entry's `history`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleRecord {
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

/// One knowledge-base entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KbEntry {
    /// Canonical name: the preferred spelling.
    pub name: String,
    pub kind: Kind,
    pub class: Class,
    /// Accepted alternative spellings and short forms.
    pub aliases: Vec<String>,
    /// Discouraged spellings: recognised, then flagged towards `name`.
    pub variants: Vec<String>,
    /// Adjectival forms ("Dutch"), for affiliations; never mentions themselves.
    pub demonyms: Vec<String>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub history: Vec<RoleRecord>,
    pub notes: Option<String>,
    /// The country a place or national body belongs to.
    pub country: Option<String>,
    /// A finer kind from the gazetteer (city, government, media, company ...).
    pub subkind: Option<Subkind>,
    /// The capital, for countries.
    pub capital: Option<String>,
    /// A name many countries' bodies share ("Joint Chiefs of Staff"): its
    /// country is the text's, never the gazetteer's.
    pub generic: bool,
    pub source: Source,
}

impl KbEntry {
    pub fn new(name: impl Into<String>, kind: Kind, class: Class) -> KbEntry {
        KbEntry {
            name: name.into(),
            kind,
            class,
            aliases: Vec::new(),
            variants: Vec::new(),
            demonyms: Vec::new(),
            role: None,
            affiliation: None,
            history: Vec::new(),
            notes: None,
            country: None,
            subkind: None,
            capital: None,
            generic: false,
            source: Source::Builtin,
        }
    }

    /// Whether the entry comes from a user file.
    pub fn is_user(&self) -> bool {
        matches!(self.source, Source::User { .. })
    }

    /// Whether the entry is a state body (ministry, army, court, legislature ...),
    /// whose people are affiliated with its country.
    pub fn is_state_body(&self) -> bool {
        self.kind == Kind::Org && self.subkind.is_some_and(Subkind::is_state_body)
    }

    /// Whether the gazetteer lists the entry as a news outlet or agency.
    pub fn is_media(&self) -> bool {
        self.subkind == Some(Subkind::Media)
    }

    /// Whether the gazetteer lists the entry as a company.
    pub fn is_company(&self) -> bool {
        self.subkind == Some(Subkind::Company)
    }

    /// Name, aliases and variants.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str)).chain(self.variants.iter().map(String::as_str))
    }
}

/// The merged knowledge base. Cheap to share (`Arc`); rebuilt when a user file
/// changes.
pub struct Kb {
    entries: Vec<KbEntry>,
    by_fold: HashMap<String, Vec<(usize, Form)>>,
    /// Places' and organisations' names by their consonants ([`loose_key`]):
    /// entry (or [`AMBIGUOUS`] when several entries share the key) and the
    /// name's spelling key.
    by_loose: HashMap<String, (usize, String)>,
    gazetteer: gazetteer::Gazetteer,
}

const AMBIGUOUS: usize = usize::MAX;

/// The key under which another spelling of a place or organisation's name is
/// looked up: its consonants in order (w and y included, doubled letters as one), so
/// "Middle-East", "Hay'at Tahrir al-Sham" and "Addis Abeba" find "Middle East",
/// "Hayat Tahrir al-Sham" and "Addis Ababa". `None` for names too short to
/// tell apart this way (fewer than five letters, or than four consonants in
/// one word, three in several).
pub fn loose_key(name: &str) -> Option<String> {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let k = crate::translit::consonants_and_semivowels(name);
    let min = if name.contains(' ') { 3 } else { 4 };
    (letters >= 5 && k.chars().count() >= min).then_some(k)
}

impl std::fmt::Debug for Kb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kb").field("entries", &self.entries.len()).finish()
    }
}

impl Kb {
    /// The built-in knowledge base alone (parsed once per process).
    pub fn builtin() -> Arc<Kb> {
        static KB: OnceLock<Arc<Kb>> = OnceLock::new();
        KB.get_or_init(|| Arc::new(Kb::from_entries(builtin::entries().to_vec()))).clone()
    }

    /// The built-in knowledge base extended and overridden by user entries.
    pub fn with_user(user: Vec<KbEntry>) -> Kb {
        if user.is_empty() {
            return Kb::from_entries(builtin::entries().to_vec());
        }
        // Every folded user spelling, and the first user entry with each
        // (aliases taken over from built-in entries below join it): one lookup
        // per built-in entry, not a scan of every user entry.
        let mut user_forms: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut first_user: HashMap<String, usize> = HashMap::new();
        for (i, e) in user.iter().enumerate() {
            for f in e.spellings().map(fold) {
                if e.is_user() {
                    first_user.entry(f.clone()).or_insert(i);
                }
                user_forms.insert(f);
            }
        }
        let mut entries = user;
        for b in builtin::entries() {
            let b_name = fold(&b.name);
            // A user entry naming the same thing replaces the built-in one, but keeps
            // its aliases and demonyms (the user may only have added a variant).
            if let Some(&ui) = first_user.get(&b_name) {
                let u = &mut entries[ui];
                for a in b.aliases.iter().chain(std::iter::once(&b.name)) {
                    let fa = fold(a);
                    if !u.spellings().any(|s| s == a) && !u.variants.iter().any(|v| fold(v) == fa) {
                        u.aliases.push(a.clone());
                        let e = first_user.entry(fa).or_insert(ui);
                        *e = (*e).min(ui);
                    }
                }
                if u.demonyms.is_empty() {
                    u.demonyms = b.demonyms.clone();
                }
                if u.class == Class::National || u.class == Class::Place {
                    u.class = b.class;
                }
                u.country = u.country.take().or_else(|| b.country.clone());
                u.capital = u.capital.take().or_else(|| b.capital.clone());
                continue;
            }
            let mut b = b.clone();
            b.aliases.retain(|a| !user_forms.contains(&fold(a)));
            if user_forms.contains(&b_name) {
                continue;
            }
            entries.push(b);
        }
        Kb::from_entries(entries)
    }

    fn from_entries(entries: Vec<KbEntry>) -> Kb {
        let mut by_fold: HashMap<String, Vec<(usize, Form)>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            let forms = std::iter::once((e.name.as_str(), Form::Name))
                .chain(e.aliases.iter().map(|a| (a.as_str(), Form::Alias)))
                .chain(e.variants.iter().map(|a| (a.as_str(), Form::Variant)))
                .chain(e.demonyms.iter().map(|a| (a.as_str(), Form::Demonym)));
            for (s, form) in forms {
                let list = by_fold.entry(fold(s)).or_default();
                if !list.iter().any(|(j, _)| *j == i) {
                    list.push((i, form));
                }
            }
        }
        let mut by_loose: HashMap<String, (usize, String)> = HashMap::new();
        for (i, e) in entries.iter().enumerate().filter(|(_, e)| e.kind != Kind::Person) {
            for s in std::iter::once(&e.name).chain(&e.aliases) {
                let Some(k) = loose_key(s) else { continue };
                let v = by_loose.entry(k).or_insert_with(|| (i, crate::fold::squash(s)));
                if v.0 != i {
                    v.0 = AMBIGUOUS;
                }
            }
        }
        let gazetteer = gazetteer::Gazetteer::build(&entries);
        Kb { entries, by_fold, by_loose, gazetteer }
    }

    pub fn entries(&self) -> &[KbEntry] {
        &self.entries
    }

    pub fn entry(&self, id: usize) -> &KbEntry {
        &self.entries[id]
    }

    /// Every known name in a text, leftmost-longest, on word boundaries.
    pub fn find(&self, text: &str) -> Vec<GazMatch> {
        self.gazetteer.find(text)
    }

    /// Entries with this spelling (case-, diacritic- and dash-insensitive), user
    /// entries first.
    pub fn lookup(&self, name: &str) -> &[(usize, Form)] {
        self.by_fold.get(&fold(name)).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The one place or organisation whose name has the consonants of `form`
    /// ([`loose_key`]) and is spelled at most `max_edits` letters otherwise (ignoring
    /// case, spaces, hyphens and apostrophes), if exactly one is.
    pub fn lookup_loose(&self, form: &str, max_edits: usize) -> Option<usize> {
        let (i, name) = self.by_loose.get(&loose_key(form)?)?;
        (*i != AMBIGUOUS && crate::keys::edit_distance(&crate::fold::squash(form), name, max_edits) <= max_edits).then_some(*i)
    }

    /// The first entry of a kind with this spelling (not counting demonyms).
    pub fn lookup_kind(&self, name: &str, kind: Kind) -> Option<usize> {
        self.lookup(name).iter().find(|(i, f)| *f != Form::Demonym && self.entries[*i].kind == kind).map(|(i, _)| *i)
    }

    /// The country a demonym names ("Dutch" -> Netherlands).
    pub fn demonym_country(&self, word: &str) -> Option<usize> {
        self.lookup(word).iter().find(|(i, f)| *f == Form::Demonym && self.entries[*i].class == Class::Country).map(|(i, _)| *i)
    }

    /// The country entry named `name`.
    pub fn country(&self, name: &str) -> Option<usize> {
        self.lookup(name).iter().find(|(i, f)| *f != Form::Demonym && self.entries[*i].class == Class::Country).map(|(i, _)| *i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_knows_countries_demonyms_and_organisations() {
        let kb = Kb::builtin();
        let sk = kb.country("South Korea").expect("South Korea");
        assert_eq!(kb.demonym_country("Dutch").map(|i| kb.entry(i).name.as_str()), Some("Netherlands"));
        assert_eq!(kb.lookup_kind("ROK", Kind::Loc), Some(sk));
        assert!(kb.lookup_kind("NATO", Kind::Org).is_some());
        assert!(kb.entries().iter().all(|e| e.kind != Kind::Person), "no people in built-in data");
        let me = kb.lookup_kind("Middle East", Kind::Loc);
        assert!(me.is_some() && kb.lookup_loose("Middle-East", 2) == me, "another spelling of a known place");
        assert_eq!(kb.lookup_loose("Iraq", 2), None, "too short to look up loosely");
    }

    #[test]
    fn subkinds_parse_from_their_names_only() {
        for k in Subkind::ALL {
            assert_eq!(Subkind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Subkind::parse("Media"), None);
        assert_eq!(Subkind::parse("goverment"), None);
    }

    #[test]
    fn user_entries_override_builtin_ones() {
        let mut e = KbEntry::new("Republic of Korea", Kind::Loc, Class::Country);
        e.aliases = vec!["South Korea".into()];
        e.source = Source::User { path: "entities.toml".into(), line: 1 };
        let kb = Kb::with_user(vec![e]);
        let id = kb.country("South Korea").unwrap();
        assert_eq!(kb.entry(id).name, "Republic of Korea");
        assert!(kb.entry(id).demonyms.iter().any(|d| d == "South Korean"));
        assert_eq!(kb.lookup("South Korea").len(), 1);
    }
}
