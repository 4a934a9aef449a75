//! Byline's gazetteer and name-part lists, embedded from `data/` (the generator
//! uses the same countries, organisations, places and name parts the recogniser
//! knows, so the corpus exercises its lookups).

use serde::Deserialize;

const COUNTRIES: &str = include_str!("../../data/countries.toml");
const ORGANIZATIONS: &str = include_str!("../../data/organizations.toml");
const PLACES: &str = include_str!("../../data/places.toml");
const GIVEN: &str = include_str!("../../data/given_names.txt");
const SURNAMES: &str = include_str!("../../data/surnames.txt");

#[derive(Deserialize)]
struct Countries {
    #[serde(default)]
    country: Vec<RawCountry>,
}

#[derive(Deserialize)]
struct RawCountry {
    name: String,
    #[serde(default)]
    demonyms: Vec<String>,
    capital: Option<String>,
    #[serde(default)]
    un: bool,
}

#[derive(Deserialize)]
struct Places {
    #[serde(default)]
    place: Vec<RawPlace>,
}

#[derive(Deserialize)]
struct RawPlace {
    name: String,
    kind: Option<String>,
    country: Option<String>,
}

#[derive(Deserialize)]
struct Orgs {
    #[serde(default)]
    org: Vec<RawOrg>,
}

#[derive(Deserialize)]
struct RawOrg {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    kind: Option<String>,
    country: Option<String>,
}

pub struct Country {
    pub name: String,
    /// The adjective ("South Korean"); the name itself when there is none.
    pub adjective: String,
    pub capital: Option<String>,
}

pub struct Org {
    pub name: String,
    /// An all-capitals alias ("WHO"), used after the first mention.
    pub acronym: Option<String>,
    pub kind: String,
    pub country: Option<usize>,
    /// Written with "the" ("the World Health Organization").
    pub the: bool,
}

pub struct Gazetteer {
    pub countries: Vec<Country>,
    /// UN member states (indices into `countries`): the usual news countries.
    pub un: Vec<usize>,
    pub orgs: Vec<Org>,
    /// Organisations by kind.
    pub by_kind: Vec<(String, Vec<usize>)>,
    /// Cities by country index (capital first when known).
    pub cities: Vec<Vec<String>>,
    /// Cities with no country attached or any city, for variety.
    pub all_cities: Vec<String>,
    pub given: Vec<String>,
    pub surnames: Vec<String>,
}

fn lines(s: &str) -> Vec<String> {
    s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_string).collect()
}

fn takes_the(name: &str, kind: &str) -> bool {
    const HEADS: &[&str] = &[
        "Institute",
        "Foundation",
        "Council",
        "Center",
        "Centre",
        "Association",
        "Committee",
        "Federation",
        "Union",
        "Fund",
        "Organization",
        "Organisation",
        "Agency",
        "Commission",
        "Bank",
        "Forum",
        "Alliance",
        "Network",
        "Society",
        "Service",
        "Party",
        "Front",
        "Movement",
        "League",
        "Congress",
        "Assembly",
        "Court",
        "Ministry",
        "Office",
        "Department",
        "Corps",
        "Army",
        "Navy",
        "Force",
        "Guard",
        "Command",
        "Initiative",
        "Coalition",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    if name.starts_with("The ") || words.len() < 2 {
        return false;
    }
    let institutional = matches!(kind, "international" | "government" | "military" | "legislature" | "court");
    institutional
        || name.contains(" of ")
        || matches!(words[0], "National" | "International" | "World" | "European" | "United" | "Central" | "Federal" | "Asian" | "African")
        || HEADS.contains(words.last().unwrap_or(&""))
}

impl Gazetteer {
    pub fn load() -> Gazetteer {
        let raw_c: Countries = toml::from_str(COUNTRIES).expect("countries.toml parses");
        let raw_o: Orgs = toml::from_str(ORGANIZATIONS).expect("organizations.toml parses");
        let raw_p: Places = toml::from_str(PLACES).expect("places.toml parses");
        let countries: Vec<Country> = raw_c
            .country
            .iter()
            .map(|c| Country {
                name: c.name.clone(),
                adjective: c.demonyms.first().cloned().unwrap_or_else(|| c.name.clone()),
                capital: c.capital.clone(),
            })
            .collect();
        let un = raw_c.country.iter().enumerate().filter(|(_, c)| c.un).map(|(i, _)| i).collect();
        let country_index = |name: &str| countries.iter().position(|c| c.name == name);
        let orgs: Vec<Org> = raw_o
            .org
            .iter()
            .map(|o| {
                let kind = o.kind.clone().unwrap_or_else(|| "company".into());
                let acronym = o
                    .aliases
                    .iter()
                    .find(|a| (2..=6).contains(&a.len()) && a.chars().all(|c| c.is_ascii_uppercase()))
                    .cloned()
                    .filter(|a| *a != o.name);
                Org {
                    the: takes_the(&o.name, &kind),
                    name: o.name.clone(),
                    acronym,
                    country: o.country.as_deref().and_then(country_index),
                    kind,
                }
            })
            .collect();
        let mut by_kind: Vec<(String, Vec<usize>)> = Vec::new();
        for (i, o) in orgs.iter().enumerate() {
            match by_kind.iter_mut().find(|(k, _)| *k == o.kind) {
                Some((_, v)) => v.push(i),
                None => by_kind.push((o.kind.clone(), vec![i])),
            }
        }
        let mut cities: Vec<Vec<String>> = countries.iter().map(|c| c.capital.iter().cloned().collect()).collect();
        let mut all_cities = Vec::new();
        for p in &raw_p.place {
            if p.kind.as_deref() != Some("city") {
                continue;
            }
            all_cities.push(p.name.clone());
            if let Some(ci) = p.country.as_deref().and_then(country_index)
                && !cities[ci].contains(&p.name)
            {
                cities[ci].push(p.name.clone());
            }
        }
        Gazetteer { countries, un, orgs, by_kind, cities, all_cities, given: lines(GIVEN), surnames: lines(SURNAMES) }
    }

    pub fn country(&self, name: &str) -> Option<usize> {
        self.countries.iter().position(|c| c.name == name)
    }

    pub fn orgs_of(&self, kind: &str) -> &[usize] {
        self.by_kind.iter().find(|(k, _)| k == kind).map(|(_, v)| v.as_slice()).unwrap_or(&[])
    }

    /// Organisations of a kind attached to a country.
    pub fn orgs_in(&self, kind: &str, country: usize) -> Vec<usize> {
        self.orgs_of(kind).iter().copied().filter(|&i| self.orgs[i].country == Some(country)).collect()
    }
}
