//! The built-in gazetteer, embedded from `data/`: `countries.toml` (every UN member
//! state and more, with aliases, demonyms and capitals), `organizations.toml` and
//! `places.toml`. Parsed once per process. The data holds world knowledge only —
//! no people; people come from discovery or the user's knowledge base.

use std::sync::OnceLock;

use serde::Deserialize;

use super::{Class, KbEntry, Subkind};
use crate::model::Kind;

const COUNTRIES: &str = include_str!("../../data/countries.toml");
const ORGANIZATIONS: &str = include_str!("../../data/organizations.toml");
const PLACES: &str = include_str!("../../data/places.toml");
/// States that no longer exist (ISO 3166-3, `scripts/gen-historic.py`).
const HISTORIC: &str = include_str!("../../data/historic_countries.toml");

#[derive(Deserialize)]
struct Historic {
    #[serde(default)]
    country: Vec<RawHistoric>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHistoric {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    /// When the state ceased to exist (ISO 3166-3's withdrawal date).
    #[allow(dead_code)]
    historic: String,
}

#[derive(Deserialize)]
struct Countries {
    #[serde(default)]
    country: Vec<RawCountry>,
}

#[derive(Deserialize)]
struct RawCountry {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    capital: Option<String>,
}

#[derive(Deserialize)]
struct Places {
    #[serde(default)]
    place: Vec<RawPlace>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPlace {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    kind: Option<Subkind>,
    country: Option<String>,
}

#[derive(Deserialize)]
struct Orgs {
    #[serde(default)]
    org: Vec<RawOrg>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrg {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    kind: Option<Subkind>,
    country: Option<String>,
    /// A name several countries use for their own body ("Joint Chiefs of Staff",
    /// "National Assembly"): its country comes from the text, not from the entry.
    #[serde(default)]
    generic: bool,
}

/// Built-in entries: countries first, then organisations, then places (earlier
/// entries win a spelling both claim).
pub fn entries() -> &'static [KbEntry] {
    static ENTRIES: OnceLock<Vec<KbEntry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        let mut out = parse(COUNTRIES, ORGANIZATIONS, PLACES).expect("built-in data parses (checked by tests)");
        add_historic(&mut out, HISTORIC).expect("built-in data parses (checked by tests)");
        out
    })
}

fn parse(countries: &str, orgs: &str, places: &str) -> Result<Vec<KbEntry>, toml::de::Error> {
    let countries: Countries = toml::from_str(countries)?;
    let orgs: Orgs = toml::from_str(orgs)?;
    let places: Places = toml::from_str(places)?;
    let mut out = Vec::new();
    let mut capitals = Vec::new();
    for c in countries.country {
        let mut e = KbEntry::new(c.name, Kind::Loc, Class::Country);
        e.aliases = c.aliases;
        e.demonyms = c.demonyms;
        if let Some(cap) = &c.capital {
            capitals.push((cap.clone(), e.name.clone()));
        }
        e.capital = c.capital;
        out.push(e);
    }
    for o in orgs.org {
        let class = if o.kind == Some(Subkind::International) { Class::International } else { Class::National };
        let mut e = KbEntry::new(o.name, Kind::Org, class);
        // Members are not the party: "Republicans", "Democrats", "Conservatives"
        // (plural ordinary words) are not aliases of an organisation.
        e.aliases = o
            .aliases
            .into_iter()
            .filter(|a| !(a.ends_with('s') && !a.contains(' ') && crate::lexicon::lexicon().is_known_word(a)))
            .collect();
        e.country = if o.generic { None } else { o.country };
        e.generic = o.generic;
        e.subkind = o.kind;
        out.push(e);
    }
    let mut place_names = std::collections::HashSet::new();
    for p in places.place {
        place_names.insert(p.name.clone());
        let mut e = KbEntry::new(p.name, Kind::Loc, Class::Place);
        e.aliases = p.aliases;
        e.country = p.country;
        e.subkind = p.kind;
        out.push(e);
    }
    for (cap, country) in capitals {
        if !place_names.contains(&cap) {
            let mut e = KbEntry::new(cap, Kind::Loc, Class::Place);
            e.country = Some(country);
            e.subkind = Some(Subkind::City);
            out.push(e);
        }
    }
    Ok(out)
}

/// Adds the states that no longer exist (Yugoslavia, the Soviet Union,
/// Czechoslovakia) as countries, leaving out names an entry already has (Zaire
/// and Burma are older names of countries that exist).
fn add_historic(out: &mut Vec<KbEntry>, text: &str) -> Result<(), toml::de::Error> {
    let historic: Historic = toml::from_str(text)?;
    let known: std::collections::HashSet<String> =
        out.iter().flat_map(|e| std::iter::once(&e.name).chain(&e.aliases)).map(|n| crate::fold::fold(n)).collect();
    for h in historic.country {
        if known.contains(&crate::fold::fold(&h.name)) {
            continue;
        }
        let mut e = KbEntry::new(h.name, Kind::Loc, Class::Country);
        e.aliases = h.aliases.into_iter().filter(|a| !known.contains(&crate::fold::fold(a))).collect();
        out.push(e);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_that_no_longer_exist_are_countries() {
        for name in ["Yugoslavia", "Soviet Union", "Czechoslovakia", "East Germany"] {
            let e = entries().iter().find(|e| e.name == name).unwrap_or_else(|| panic!("{name}"));
            assert_eq!(e.class, Class::Country);
        }
        assert!(entries().iter().any(|e| e.name == "Soviet Union" && e.aliases.iter().any(|a| a == "USSR")));
        assert_eq!(entries().iter().filter(|e| e.name == "Zaire" || e.aliases.iter().any(|a| a == "Zaire")).count(), 1, "one Zaire");
    }

    #[test]
    fn builtin_data_parses_and_is_large_enough() {
        let es = entries();
        let countries = es.iter().filter(|e| e.class == Class::Country).count();
        let orgs = es.iter().filter(|e| e.kind == Kind::Org).count();
        assert!(countries >= 193, "{countries} countries");
        assert!(orgs >= 80, "{orgs} organisations");
        assert!(es.iter().any(|e| e.aliases.iter().any(|a| a == "NATO")));
    }

    #[test]
    fn generic_names_have_no_country() {
        let jcs = entries().iter().find(|e| e.name == "Joint Chiefs of Staff").expect("JCS");
        assert_eq!(jcs.country, None);
        let pentagon = entries().iter().find(|e| e.name == "Pentagon" || e.aliases.iter().any(|a| a == "Pentagon")).expect("Pentagon");
        assert_eq!(pentagon.country.as_deref(), Some("United States"));
    }

    #[test]
    fn unknown_kinds_and_fields_are_errors() {
        let org = |body: &str| parse("", &format!("[[org]]\nname = \"X\"\n{body}\n"), "");
        assert_eq!(org("kind = \"media\"").unwrap()[0].subkind, Some(Subkind::Media));
        let e = org("kind = \"goverment\"").unwrap_err().to_string();
        assert!(e.contains("goverment") && e.contains("government"), "{e}");
        assert!(org("generic = \"yes\"").is_err());
        assert!(org("generc = true").is_err(), "a misspelt field is not ignored");
        let place = parse("", "", "[[place]]\nname = \"Y\"\nkind = \"citty\"\n");
        assert!(place.is_err());
    }

    #[test]
    fn every_country_has_a_demonym() {
        let historic: Historic = toml::from_str(HISTORIC).unwrap();
        let gone: Vec<&str> = historic.country.iter().map(|h| h.name.as_str()).collect();
        for e in entries().iter().filter(|e| e.class == Class::Country && !gone.contains(&e.name.as_str())) {
            assert!(!e.demonyms.is_empty() || e.name.contains("Vatican") || e.name.contains("Sahara"), "{}", e.name);
        }
    }
}
