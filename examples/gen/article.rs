//! Wire-style articles: headline, byline, dateline, lead, photo caption, body
//! paragraphs with quotes, sign-off; people introduced with a role before or
//! after their name and referred to by family name afterwards; British or
//! American spelling by agency; and, at a controlled rate, another spelling of a
//! recurring person's name.

use super::gazetteer::Gazetteer;
use super::names::{Name, Origin, Parts, Person};
use super::rng::Rng;

/// (American, British) spellings; templates write `{w:american}`.
const SPELLINGS: &[(&str, &str)] = &[
    ("defense", "defence"),
    ("organization", "organisation"),
    ("organizations", "organisations"),
    ("program", "programme"),
    ("programs", "programmes"),
    ("center", "centre"),
    ("labor", "labour"),
    ("favor", "favour"),
    ("favored", "favoured"),
    ("honor", "honour"),
    ("neighboring", "neighbouring"),
    ("analyze", "analyse"),
    ("recognize", "recognise"),
    ("emphasize", "emphasise"),
    ("criticized", "criticised"),
    ("traveled", "travelled"),
    ("license", "licence"),
    ("offense", "offence"),
    ("authorize", "authorise"),
    ("authorized", "authorised"),
    ("mobilize", "mobilise"),
    ("modernize", "modernise"),
    ("stabilize", "stabilise"),
    ("realize", "realise"),
    ("apologize", "apologise"),
    ("color", "colour"),
    ("behavior", "behaviour"),
    ("harbor", "harbour"),
    ("rumors", "rumours"),
    ("fulfill", "fulfil"),
    ("aging", "ageing"),
    ("judgment", "judgement"),
    ("aluminum", "aluminium"),
    ("prioritize", "prioritise"),
    ("organized", "organised"),
    ("canceled", "cancelled"),
    ("skeptical", "sceptical"),
    ("minimize", "minimise"),
    ("modernization", "modernisation"),
    ("normalization", "normalisation"),
    ("privatization", "privatisation"),
    ("counselor", "counsellor"),
    ("catalog", "catalogue"),
    ("gray", "grey"),
    ("enrollment", "enrolment"),
    ("utilize", "utilise"),
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Agency {
    Yonhap,
    Reuters,
    Ap,
    Afp,
    Ians,
    Plain,
}

impl Agency {
    const ALL: [Agency; 6] = [Agency::Yonhap, Agency::Reuters, Agency::Ap, Agency::Afp, Agency::Ians, Agency::Plain];
    const WEIGHTS: [f64; 6] = [0.34, 0.2, 0.14, 0.1, 0.1, 0.12];

    /// Whether an article uses British spelling: most Reuters, AFP and IANS
    /// copy, a few others (the rest were restyled by the desk).
    fn british(self, rng: &mut Rng) -> bool {
        if matches!(self, Agency::Reuters | Agency::Afp | Agency::Ians) { rng.chance(0.6) } else { rng.chance(0.05) }
    }
}

/// Government titles, written before a name; `{w:..}` follows the article's
/// spelling. Some only exist in one country.
const GOV_TITLES: &[(&str, Option<&str>)] = &[
    ("Foreign Minister", None),
    ("{W:defense} Minister", None),
    ("Prime Minister", None),
    ("President", None),
    ("Finance Minister", None),
    ("Trade Minister", None),
    ("Interior Minister", None),
    ("Health Minister", None),
    ("Energy Minister", None),
    ("Industry Minister", None),
    ("{W:labor} Minister", None),
    ("Vice Foreign Minister", None),
    ("Deputy Prime Minister", None),
    ("Economy Minister", None),
    ("Justice Minister", None),
    ("Culture Minister", None),
    ("Agriculture Minister", None),
    ("Environment Minister", None),
    ("Unification Minister", Some("South Korea")),
    ("National Security Adviser", None),
    ("Chief Nuclear Negotiator", None),
    ("Central Bank Governor", None),
    ("Presidential Spokesperson", None),
    ("Opposition Leader", None),
    ("Senator", Some("United States")),
    ("Secretary of State", Some("United States")),
    ("Home Secretary", Some("United Kingdom")),
    ("Chancellor", Some("Germany")),
    ("Chief Cabinet Secretary", Some("Japan")),
];

/// Roles at an organisation of a kind: (before the name, after the name). In the
/// second, `{org}` is the organisation with "the" where it takes one.
const ORG_ROLES: &[(&str, &str, &str)] = &[
    ("international", "Secretary-General", "the secretary-general of {org}"),
    ("international", "spokesperson", "a spokesperson for {org}"),
    ("international", "Director-General", "the director-general of {org}"),
    ("international", "chief economist", "chief economist at {org}"),
    ("international", "special envoy", "a special envoy of {org}"),
    ("government", "spokesperson", "a spokesperson for {org}"),
    ("government", "director", "a director at {org}"),
    ("government", "senior official", "a senior official at {org}"),
    ("military", "commander", "the commander of {org}"),
    ("military", "spokesperson", "a spokesperson for {org}"),
    ("company", "chief executive", "chief executive of {org}"),
    ("company", "chairman", "the chairman of {org}"),
    ("company", "spokesperson", "a spokesperson for {org}"),
    ("company", "chief financial officer", "the chief financial officer of {org}"),
    ("media", "editor", "an editor at {org}"),
    ("media", "correspondent", "a correspondent for {org}"),
    ("ngo", "director", "director of {org}"),
    ("ngo", "senior analyst", "a senior analyst at {org}"),
    ("ngo", "researcher", "a researcher at {org}"),
    ("education", "Professor", "a professor at {org}"),
    ("education", "researcher", "a researcher at {org}"),
    ("education", "president", "the president of {org}"),
    ("party", "lawmaker", "a lawmaker from {org}"),
    ("party", "leader", "the leader of {org}"),
    ("party", "spokesperson", "a spokesperson for {org}"),
    ("legislature", "Speaker", "the speaker of {org}"),
    ("legislature", "lawmaker", "a member of {org}"),
    ("court", "Judge", "a judge at {org}"),
    ("sport", "coach", "the head coach of {org}"),
    ("sport", "president", "the president of {org}"),
];

const OCCUPATIONS: &[&str] = &[
    "shop owner",
    "teacher",
    "taxi driver",
    "nurse",
    "student",
    "farmer",
    "engineer",
    "retiree",
    "factory worker",
    "fisherman",
    "software developer",
    "restaurant owner",
    "civil servant",
    "doctor",
    "volunteer",
    "truck driver",
];

const FREQUENT: &[&str] = &[
    "United States",
    "China",
    "Japan",
    "South Korea",
    "North Korea",
    "Russia",
    "Ukraine",
    "United Kingdom",
    "France",
    "Germany",
    "India",
    "Iran",
    "Israel",
    "Saudi Arabia",
    "Turkey",
    "Australia",
    "Canada",
    "Brazil",
    "Indonesia",
    "Vietnam",
    "Philippines",
    "Taiwan",
    "Egypt",
    "Pakistan",
    "Poland",
    "Italy",
    "Spain",
    "Mexico",
    "South Africa",
    "Nigeria",
];

const TOPICS: &[&str] = &[
    "{w:defense} cooperation",
    "trade and investment",
    "supply chains",
    "energy security",
    "the nuclear issue",
    "climate finance",
    "semiconductor investment",
    "{w:labor} mobility",
    "maritime security",
    "food security",
    "vaccine distribution",
    "cybersecurity",
    "infrastructure financing",
    "critical minerals",
    "refugee resettlement",
    "fisheries",
    "tariffs on steel and {w:aluminum}",
    "artificial intelligence",
    "nuclear disarmament",
    "humanitarian aid",
    "tourism",
    "student exchanges",
    "the peace process",
    "border security",
    "{w:labor} reform",
    "the {w:modernization} of the armed forces",
    "public health",
    "the space {w:program}",
    "shipbuilding",
    "digital trade",
    "export controls",
    "the {w:normalization} of relations",
];

const LATER: &[&str] =
    &["next month", "later this year", "in the coming weeks", "before the end of the year", "next week", "early next year"];

const QUOTES: &[&str] = &[
    "We have agreed to deepen our cooperation in every area",
    "This is an important step for both of our countries",
    "Our position on this issue has not changed",
    "We are ready to resume talks at any time",
    "There is no alternative to dialogue",
    "The situation remains very serious",
    "We will continue to work closely with our partners",
    "Nobody wants to see the situation escalate further",
    "The {w:program} will be reviewed again next year",
    "We expect concrete results by the end of the year",
    "The government will do everything it can to protect jobs",
    "It is too early to say what the impact will be",
    "This agreement shows what can be achieved through patient diplomacy",
    "We need to {w:prioritize} the safety of our citizens",
    "The door to negotiations remains open",
    "Our {w:defense} posture is purely defensive",
    "The markets have already priced in most of this",
    "We call on all parties to exercise maximum restraint",
    "I want to thank our partners for their support",
    "The people deserve answers",
    "We cannot accept any attempt to change the status quo by force",
    "Small businesses will be the first to feel the pressure",
    "This is not the end of the process but the beginning",
    "We have made it clear that we will not back down",
    "Families here have been waiting for years",
];

/// Body sentences. `{pN}`: person N where a subject goes (first mention with
/// role, before or after the name); `{pN.o}` where an object goes (role before
/// the name only); `{pN.e}` before a full stop; `{pN.s}` family name; `{pN.f}`
/// full name; `{pN.h}` his/her. `{cN}`, `{cN.a}` (adjective), `{cN.cap}`
/// (capital); `{oN}` / `{ON}` an organisation (with "the", acronym after the
/// first mention), `{oN.b}` bare; `{tN}` topics; `{w:..}` spelling by style.
const BODY: &[&str] = &[
    "{p0} met {p1.o} in {city} on {wd} to discuss {t0} and {t1}, officials said.",
    "The two sides agreed to hold another round of talks in {c1.cap} {later}, according to {c0.a} officials.",
    "{p0} said {c0} would continue to work closely with {c1} on {t0}.",
    "{p1} is expected to visit {c0.cap} {later} for a meeting with {p0.o}.",
    "{O0} has been pressing both governments for months to resolve their differences over {t1}.",
    "The {w:program}, launched in {yprev}, is aimed at strengthening {t0} and expanding {w:labor} mobility between the two countries.",
    "Analysts say the agreement could reshape {t1} across the region.",
    "{p2} told reporters after the meeting that the talks had been \"{adjq}.\"",
    "In a statement released late {wd}, {o0} said it welcomed the decision and urged all parties to show restraint.",
    "{c0}'s {w:defense} ministry said it was closely monitoring the situation.",
    "The meeting came {n} days after {p1.o} held phone talks with {p2.o}.",
    "Both ministers also discussed the situation in {c2}, where tensions have risen in recent weeks.",
    "The {c0.a} government has pledged {bn} dollars over the next {n2} years to support {t0}.",
    "According to data from {o1}, exports rose {pct} percent in {month} from a year earlier.",
    "{p0} is scheduled to travel to {c2.cap} on {wd} for a regional {w:defense} forum.",
    "Officials at the {w:center} said the new rules would take effect on {mon} {d}.",
    "The opposition {w:criticized} the plan, saying it lacked details on funding.",
    "{p1.s} declined to comment on the report.",
    "Earlier in the day, {p0.s} paid a courtesy call on {p3.o} at the presidential office.",
    "The announcement follows months of negotiations between {c0} and {c1} over {t1}.",
    "{p3}, who has long {w:favored} a tougher line, said the government should {w:prioritize} {t2}.",
    "The {w:organization} said in a report released on {wd} that {t2} remained a major concern.",
    "Under the agreement, the two countries will share information on {t0} and hold joint exercises twice a year.",
    "Markets in {c0.cap} were little changed after the announcement, with the benchmark index up {small} percent.",
    "{p0.s} and {p1.o} are also expected to sign a memorandum of understanding on {t2}.",
    "A spokesperson for {o0} said the body would {w:analyze} the proposal before making a decision.",
    "Some {w:neighboring} countries have voiced concern about the plan.",
    "The ministry said it had {w:authorized} an additional {bn} dollars for {t2}.",
    "Speaking at a news conference in {city}, {p2} said more needed to be done to {w:stabilize} {t1}.",
    "The talks were the first of their kind since {yprev}.",
    "{p1.s} said the two sides had narrowed their differences but that several issues remained unresolved.",
    "Police said {n} people were detained after protests outside the {w:defense} ministry in {city}.",
    "{p0.s} later met {p4.o} to discuss {t2}.",
    "The {c1.a} side did not immediately respond to a request for comment.",
    "Details of the deal were not disclosed.",
    "The {w:license} for the project was granted by {o1} last year.",
    "Residents of {city2} have {w:organized} weekly rallies against the project since {month}.",
    "{p4}, who attended the event, said local businesses would benefit from the {w:program}.",
    "{p0.s}'s office said {p0.he} would raise the issue at the upcoming summit.",
    "It was not immediately clear whether {p1.s} would attend the summit in {c2.cap}.",
    "{c0.a} and {c1.a} officials will meet again in {c2.cap} to review progress on {t0}, {p2.s} said.",
    "The {w:program} has been {w:criticized} by {o1} as too slow and too costly.",
    "Last year, {p3.o} {w:traveled} to {c1.cap} twice to push for an agreement on {t1}.",
    "{p1} said the {w:organization} would {w:fulfill} its commitments despite the budget cuts.",
    "A poll published on {wd} showed {pct} percent of respondents supported the plan.",
    "{O1} said it would {w:mobilize} {n} experts to help with {t2}.",
    "The dispute over {t1} has strained ties between {c0} and {c2} since {yprev}.",
    "Critics say the {w:aging} population will make {t0} even harder to sustain.",
];

const QUOTE_LINES: &[&str] = &[
    "\"{q},\" {p0} said.",
    "\"{q},\" said {p1.e}.",
    "{p2} told reporters: \"{q}.\"",
    "\"{q},\" {p0.s} told a news conference in {city}. \"{Q}.\"",
    "\"{q}, and we will not hesitate to act,\" {p3} said in a televised address.",
    "\"{q},\" {p1.s} said, adding that {t0} would be on the agenda.",
    "{p4} said: \"{q}.\"",
];

const LEADS: &[&str] = &[
    "{p0} and {p1.o} agreed on {wd} to step up {t0}, as the two countries seek to deepen ties amid growing uncertainty over {t1}.",
    "{c0} and {c1} will expand {t0} under a deal announced on {wd}, {p0} said, in a move expected to affect {t1} across the region.",
    "{p0} called on {c1} to return to talks on {t0}, warning that further delays could undermine {t1}.",
    "{c0} unveiled a {bn}-dollar {w:program} on {wd} to support {t0}, {p0} said, as the government tries to ease concerns over {t1}.",
    "{p0} will travel to {c1.cap} {later} for talks with {p1.o} on {t0} and {t1}, the ministry said on {wd}.",
];

const HEADLINES: &[&str] = &[
    "{c0}, {c1} agree to expand {t0}",
    "{p0.s} vows to strengthen {t0}",
    "{c0} to boost {w:defense} spending amid regional tensions",
    "{c1} calls for restraint after talks in {city}",
    "{c0} unveils {bn}-dollar {w:program} for {t2}",
    "{o0.b} warns of risks to {t1}",
    "{c0.a} and {c1.a} ministers discuss {t0}",
    "{p1.s} to visit {c0} {later}",
];

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_AP: [&str; 12] = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];
const MONTHS_IANS: [&str; 12] = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

#[derive(Clone, Debug)]
pub enum Role {
    Gov { country: usize, title: &'static str },
    Org { org: usize, before: &'static str, after: &'static str },
    Resident { occupation: &'static str, age: usize },
}

/// A recurring person of the generated world.
pub struct Citizen {
    pub person: Person,
    pub role: Role,
}

/// Everything shared by all articles: the gazetteer, the people.
pub struct World {
    pub gaz: Gazetteer,
    pub parts: Parts,
    pub people: Vec<Citizen>,
    pub reporters: Vec<Name>,
    pub frequent: Vec<usize>,
    /// Probability that a recurring person's name is spelled another way in an article.
    pub variant_rate: f64,
}

/// What an article used, for the manifest: (person index, variant index or none).
pub type Uses = Vec<(usize, Option<usize>)>;

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

impl World {
    pub fn new(seed: u64, people: usize, variant_rate: f64) -> World {
        let gaz = Gazetteer::load();
        let parts = Parts::new(&gaz);
        let frequent: Vec<usize> = FREQUENT.iter().filter_map(|c| gaz.country(c)).collect();
        let mut rng = Rng::derive(seed, 0, 0);
        let mut w = World { gaz, parts, people: Vec::new(), reporters: Vec::new(), frequent, variant_rate };
        for _ in 0..people {
            let c = w.citizen(&mut rng);
            w.people.push(c);
        }
        let mut rr = Rng::derive(seed, 2, 0);
        for _ in 0..200 {
            let o = Origin::ALL[rr.weighted(&Origin::WEIGHTS)];
            w.reporters.push(w.parts.person(&mut rr, o).name);
        }
        w
    }

    fn random_country(&self, rng: &mut Rng) -> usize {
        if rng.chance(0.65) && !self.frequent.is_empty() { *rng.pick(&self.frequent) } else { *rng.pick(&self.gaz.un) }
    }

    /// A new person with an origin, a home country and a role.
    pub fn citizen(&self, rng: &mut Rng) -> Citizen {
        let origin = Origin::ALL[rng.weighted(&Origin::WEIGHTS)];
        let person = self.parts.person(rng, origin);
        let homes: Vec<usize> = origin.countries().iter().filter_map(|c| self.gaz.country(c)).collect();
        let home = if homes.is_empty() { self.random_country(rng) } else { *rng.pick(&homes) };
        let x = rng.f64();
        let role = if x < 0.55 {
            let titles: Vec<&'static str> =
                GOV_TITLES.iter().filter(|(_, only)| only.is_none_or(|c| self.gaz.countries[home].name == c)).map(|(t, _)| *t).collect();
            Role::Gov { country: home, title: rng.choose(&titles) }
        } else if x < 0.88 {
            let (kind, before, after) = *rng.pick(ORG_ROLES);
            let local = self.gaz.orgs_in(kind, home);
            let pool = if !local.is_empty() && rng.chance(0.7) { local } else { self.gaz.orgs_of(kind).to_vec() };
            if pool.is_empty() {
                Role::Resident { occupation: rng.choose(OCCUPATIONS), age: rng.range(19, 78) }
            } else {
                Role::Org { org: *rng.pick(&pool), before, after }
            }
        } else {
            Role::Resident { occupation: rng.choose(OCCUPATIONS), age: rng.range(19, 78) }
        };
        Citizen { person, role }
    }

    fn city_of(&self, rng: &mut Rng, country: usize) -> String {
        let cs = &self.gaz.cities[country];
        if cs.is_empty() {
            rng.pick(&self.gaz.all_cities).clone()
        } else if rng.chance(0.7) {
            cs[0].clone()
        } else {
            rng.pick(cs).clone()
        }
    }
}

/// One person as cast in an article.
struct Cast {
    role: Role,
    first: Name,
    rest: Name,
    female: bool,
    mentioned: bool,
}

/// An article being written.
pub struct Ctx<'w> {
    w: &'w World,
    pub rng: Rng,
    british: bool,
    cast: Vec<Cast>,
    countries: [usize; 3],
    orgs: [usize; 2],
    org_seen: [bool; 2],
    city: String,
    city2: String,
    year: usize,
    month: usize,
    day: usize,
    weekday: usize,
    topics: [&'static str; 3],
    /// Sentences already used (indices into BODY, then QUOTE_LINES), to avoid repeats.
    used: Vec<usize>,
    pub uses: Uses,
}

impl<'w> Ctx<'w> {
    pub fn new(w: &'w World, mut rng: Rng, british: bool) -> Ctx<'w> {
        let year = rng.range(2019, 2026);
        let month = rng.below(12);
        let day = rng.range(1, 28);
        let weekday = rng.below(7);
        let mut ctx = Ctx {
            w,
            rng,
            british,
            cast: Vec::new(),
            countries: [0; 3],
            orgs: [0; 2],
            org_seen: [false; 2],
            city: String::new(),
            city2: String::new(),
            year,
            month,
            day,
            weekday,
            topics: ["", "", ""],
            used: Vec::new(),
            uses: Vec::new(),
        };
        ctx.recast();
        ctx
    }

    /// Picks the people, countries, organisations and topics.
    pub fn recast(&mut self) {
        let w = self.w;
        self.cast.clear();
        self.used.clear();
        let mut taken: Vec<usize> = Vec::new();
        for slot in 0..5 {
            let one_off = slot == 4 && self.rng.chance(0.6) || w.people.is_empty();
            if one_off {
                let c = w.citizen(&mut self.rng);
                let role = if slot == 4 {
                    Role::Resident { occupation: self.rng.choose(OCCUPATIONS), age: self.rng.range(19, 78) }
                } else {
                    c.role
                };
                self.cast.push(Cast { role, first: c.person.name.clone(), rest: c.person.name, female: c.person.female, mentioned: false });
                continue;
            }
            let mut pid = self.pick_person();
            let mut tries = 0;
            while taken.contains(&pid) && tries < 20 {
                pid = self.pick_person();
                tries += 1;
            }
            taken.push(pid);
            let c = &w.people[pid];
            let p = &c.person;
            let (first, rest, used) = if !p.variants.is_empty() && self.rng.chance(w.variant_rate) {
                let j = if self.rng.chance(0.6) { 0 } else { self.rng.below(p.variants.len()) };
                let v = p.variants[j].clone();
                if self.rng.chance(0.3) { (v, p.name.clone(), Some(j)) } else { (v.clone(), v, Some(j)) }
            } else {
                (p.name.clone(), p.name.clone(), None)
            };
            self.uses.push((pid, used));
            self.cast.push(Cast { role: c.role.clone(), first, rest, female: p.female, mentioned: false });
        }
        // The main country is the first person's, when they are an official.
        let c0 = match self.cast[0].role {
            Role::Gov { country, .. } => country,
            _ => w.random_country(&mut self.rng),
        };
        let c1 = match self.cast[1].role {
            Role::Gov { country, .. } if country != c0 => country,
            _ => loop {
                let c = w.random_country(&mut self.rng);
                if c != c0 {
                    break c;
                }
            },
        };
        let c2 = w.random_country(&mut self.rng);
        self.countries = [c0, c1, c2];
        let kinds = ["international", "international", "government", "company", "ngo", "media", "education", "military", "party"];
        for i in 0..2 {
            let k = *self.rng.pick(&kinds);
            let pool = w.gaz.orgs_of(k);
            self.orgs[i] = if pool.is_empty() { self.rng.below(w.gaz.orgs.len()) } else { *self.rng.pick(pool) };
        }
        self.org_seen = [false; 2];
        self.city = w.city_of(&mut self.rng, c0);
        self.city2 = w.city_of(&mut self.rng, c1);
        for t in 0..3 {
            self.topics[t] = TOPICS[self.rng.below(TOPICS.len())];
        }
    }

    /// A recurring person: half the time log-uniform (a few people appear in a
    /// large share of the articles), half the time uniform.
    fn pick_person(&mut self) -> usize {
        let n = self.w.people.len();
        if self.rng.chance(0.5) { self.rng.zipf(n) } else { self.rng.below(n) }
    }

    fn word<'a>(&mut self, word: &'a str) -> &'a str {
        // Now and then an article strays from its spelling.
        let british = if self.rng.chance(0.02) { !self.british } else { self.british };
        match SPELLINGS.iter().find(|(a, _)| *a == word) {
            Some((a, b)) => {
                if british {
                    b
                } else {
                    a
                }
            }
            None => word,
        }
    }

    fn org_name(&self, i: usize, the: bool) -> String {
        let o = &self.w.gaz.orgs[i];
        if o.the && the { format!("the {}", o.name) } else { o.name.clone() }
    }

    fn name_for(&mut self, p: usize) -> Name {
        let c = &mut self.cast[p];
        let first = !c.mentioned;
        c.mentioned = true;
        if first { c.first.clone() } else { c.rest.clone() }
    }

    /// Person `p` with the role on the first mention. `slot`: 's' subject,
    /// 'o' object, 'e' before a full stop.
    fn person(&mut self, p: usize, slot: char, out: &mut String) {
        if self.cast[p].mentioned {
            let n = self.name_for(p);
            if self.rng.chance(0.15) {
                out.push_str(&n.full());
            } else {
                out.push_str(&n.short());
            }
            return;
        }
        let full = self.name_for(p).full();
        let after = slot != 'o' && self.rng.chance(0.5);
        let role = self.cast[p].role.clone();
        match role {
            Role::Gov { country, title } => {
                let mut t = String::new();
                self.render(title, &mut t);
                let c = &self.w.gaz.countries[country];
                if after {
                    let lower = t.to_lowercase();
                    out.push_str(&full);
                    match self.rng.below(3) {
                        0 if country == self.countries[0] => out.push_str(&format!(", the country's {lower}")),
                        1 => out.push_str(&format!(", the {} {lower}", c.adjective)),
                        _ => out.push_str(&format!(", {}'s {lower}", c.name)),
                    }
                    if slot == 's' {
                        out.push(',');
                    }
                } else if country != self.countries[0] || self.rng.chance(0.3) {
                    out.push_str(&format!("{} {t} {full}", c.adjective));
                } else {
                    out.push_str(&format!("{t} {full}"));
                }
            }
            Role::Org { org, before, after: app } => {
                if after {
                    let o = self.org_name(org, true);
                    out.push_str(&full);
                    out.push_str(", ");
                    out.push_str(&app.replace("{org}", &o));
                    if slot == 's' {
                        out.push(',');
                    }
                } else {
                    let o = &self.w.gaz.orgs[org];
                    let short = o.acronym.clone().unwrap_or_else(|| o.name.clone());
                    if before.starts_with(char::is_uppercase) && before != "Professor" && before != "Judge" {
                        out.push_str(&format!("{short} {before} {full}"));
                    } else if before == "Professor" || before == "Judge" {
                        out.push_str(&format!("{before} {full} of {}", self.org_name(org, true)));
                    } else {
                        out.push_str(&format!("{short} {before} {full}"));
                    }
                }
            }
            Role::Resident { occupation, age } => {
                out.push_str(&full);
                if after {
                    out.push_str(&format!(", a {age}-year-old {occupation} in {}", self.city));
                    if slot == 's' {
                        out.push(',');
                    }
                }
            }
        }
    }

    fn org(&mut self, i: usize, capital: bool, out: &mut String) {
        let id = self.orgs[i];
        let o = &self.w.gaz.orgs[id];
        let s = if !self.org_seen[i] {
            self.org_seen[i] = true;
            let mut s = self.org_name(id, true);
            if let Some(a) = &o.acronym {
                s.push_str(&format!(" ({a})"));
            }
            s
        } else {
            match &o.acronym {
                Some(a) if o.the => format!("the {a}"),
                Some(a) => a.clone(),
                None => self.org_name(id, true),
            }
        };
        out.push_str(&if capital { cap(&s) } else { s });
    }

    /// Writes a template with its placeholders filled.
    pub fn render(&mut self, tpl: &str, out: &mut String) {
        let mut rest = tpl;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let Some(j) = rest[i..].find('}') else {
                out.push_str(&rest[i..]);
                return;
            };
            let key = &rest[i + 1..i + j];
            self.fill(key, out);
            rest = &rest[i + j + 1..];
        }
        out.push_str(rest);
    }

    fn fill(&mut self, key: &str, out: &mut String) {
        if let Some(wd) = key.strip_prefix("w:") {
            let s = self.word(wd);
            out.push_str(s);
            return;
        }
        if let Some(wd) = key.strip_prefix("W:") {
            let s = cap(self.word(wd));
            out.push_str(&s);
            return;
        }
        let (head, attr) = key.split_once('.').unwrap_or((key, ""));
        let mut chars = head.chars();
        let letter = chars.next().unwrap_or(' ');
        let idx: Option<usize> = chars.as_str().parse().ok();
        match (letter, idx) {
            ('p', Some(p)) => match attr {
                "" => self.person(p, 's', out),
                "o" => self.person(p, 'o', out),
                "e" => self.person(p, 'e', out),
                "s" => {
                    let n = self.name_for(p);
                    out.push_str(&n.short());
                }
                "f" => {
                    let n = self.name_for(p);
                    out.push_str(&n.full());
                }
                "h" => out.push_str(if self.cast[p].female { "her" } else { "his" }),
                "he" => out.push_str(if self.cast[p].female { "she" } else { "he" }),
                _ => {}
            },
            ('c', Some(c)) => {
                let ci = self.countries[c];
                let country = &self.w.gaz.countries[ci];
                match attr {
                    "a" => out.push_str(&country.adjective),
                    "cap" => match &country.capital {
                        Some(cap) => out.push_str(cap),
                        None => out.push_str(&country.name),
                    },
                    _ => out.push_str(&country.name),
                }
            }
            ('o', Some(o)) if attr == "b" => {
                let org = &self.w.gaz.orgs[self.orgs[o]];
                out.push_str(org.acronym.as_deref().unwrap_or(&org.name));
            }
            ('o', Some(o)) => self.org(o, false, out),
            ('O', Some(o)) => self.org(o, true, out),
            ('t', Some(t)) => {
                let topic = self.topics[t];
                self.render(topic, out);
            }
            _ => match key {
                "city" => out.push_str(&self.city.clone()),
                "city2" => out.push_str(&self.city2.clone()),
                "wd" => out.push_str(WEEKDAYS[self.weekday]),
                "month" => out.push_str(MONTHS[self.rng.below(12)]),
                "mon" => out.push_str(MONTHS_AP[(self.month + 1 + self.rng.below(3)) % 12]),
                "d" => out.push_str(&self.rng.range(1, 28).to_string()),
                "n" => out.push_str(&self.rng.range(2, 40).to_string()),
                "n2" => out.push_str(&self.rng.range(2, 10).to_string()),
                "pct" => out.push_str(&format!("{}.{}", self.rng.range(1, 40), self.rng.below(10))),
                "small" => out.push_str(&format!("0.{}", self.rng.range(1, 9))),
                "bn" => out.push_str(&format!("{}.{} billion", self.rng.range(1, 30), self.rng.below(10))),
                "yprev" => out.push_str(&(self.year - self.rng.range(1, 6)).to_string()),
                "later" => out.push_str(LATER[self.rng.below(LATER.len())]),
                "adjq" => out.push_str(
                    ["constructive", "frank and productive", "difficult but useful", "very positive", "candid"][self.rng.below(5)],
                ),
                "q" | "Q" => {
                    let q = QUOTES[self.rng.below(QUOTES.len())];
                    self.render(q, out);
                }
                _ => {}
            },
        }
    }

    /// A sentence template not used yet in this article (when possible):
    /// index into BODY, or BODY.len() + index into QUOTE_LINES.
    fn fresh(&mut self, quote: bool) -> &'static str {
        let (base, n) = if quote { (BODY.len(), QUOTE_LINES.len()) } else { (0, BODY.len()) };
        let mut k = base + self.rng.below(n);
        for _ in 0..6 {
            if !self.used.contains(&k) {
                break;
            }
            k = base + self.rng.below(n);
        }
        self.used.push(k);
        if quote { QUOTE_LINES[k - base] } else { BODY[k] }
    }

    /// One body paragraph: one or two sentences, or a quote.
    pub fn paragraph(&mut self, out: &mut String) {
        if self.rng.chance(0.3) {
            let t = self.fresh(true);
            self.render(t, out);
            return;
        }
        let t = self.fresh(false);
        self.render(t, out);
        if self.rng.chance(0.45) {
            out.push(' ');
            let t = self.fresh(false);
            self.render(t, out);
        }
    }

    fn reporter(&mut self) -> String {
        self.w.reporters[self.rng.below(self.w.reporters.len())].full()
    }

    fn dateline(&mut self, agency: Agency) -> String {
        let m = self.month;
        let d = self.day;
        let upper = |s: &str| s.to_uppercase();
        match agency {
            Agency::Yonhap => {
                let city = if self.rng.chance(0.65) { "Seoul".to_string() } else { self.city.clone() };
                self.city = city.clone();
                format!("{}, {} {d} (Yonhap) -- ", upper(&city), MONTHS_AP[m])
            }
            Agency::Reuters => format!("{}, {} {d} (Reuters) - ", upper(&self.city), MONTHS[m]),
            Agency::Ap => format!("{} (AP) — ", upper(&self.city)),
            Agency::Afp => format!("{} (AFP) - ", upper(&self.city)),
            Agency::Ians => {
                let city = if self.rng.chance(0.6) { "New Delhi".to_string() } else { self.city.clone() };
                self.city = city.clone();
                format!("{city}, {} {d} (IANS) ", MONTHS_IANS[m])
            }
            Agency::Plain => {
                if self.w.gaz.countries[self.countries[0]].name == "United States" && self.rng.chance(0.7) {
                    self.city = "Washington, D.C.".into();
                    "WASHINGTON, D.C. — ".to_string()
                } else {
                    format!("{}, {} {d}, {} — ", upper(&self.city), MONTHS[m], self.year)
                }
            }
        }
    }

    fn caption(&mut self, agency: Agency, out: &mut String) {
        let a = self.cast[0].first.full();
        let b = self.cast[1].first.full();
        let (m, d, y) = (MONTHS_AP[self.month], self.day, self.year);
        let city = self.city.clone();
        match agency {
            Agency::Yonhap => out.push_str(&format!("view larger image {a} (R) shakes hands with {b} during their talks in {city} on {m} {d}, {y}. (PHOTO NOT FOR SALE) (Yonhap)")),
            Agency::Reuters => {
                let ph = self.reporter();
                out.push_str(&format!("FILE PHOTO: {a} speaks during a news conference in {city}, {} {d}, {y}. REUTERS/{ph}/File Photo", MONTHS[self.month]))
            }
            Agency::Ap => {
                let ph = self.reporter();
                out.push_str(&format!("{a} speaks during a news conference in {city}, {}, {m} {d}, {y}. (AP Photo/{ph})", WEEKDAYS[self.weekday]))
            }
            _ => out.push_str(&format!("Photo: {a} arrives for talks with {b} in {city}.")),
        }
    }

    fn signoff(&mut self, agency: Agency, out: &mut String) {
        match agency {
            Agency::Yonhap => {
                if self.rng.chance(0.5) {
                    let r = &self.w.reporters[self.rng.below(self.w.reporters.len())];
                    let handle: String = super::names::fold(&r.given).to_lowercase().chars().filter(char::is_ascii_alphabetic).collect();
                    out.push_str(&format!("{handle}@yna.co.kr\n"));
                }
                out.push_str("(END)");
            }
            Agency::Reuters => {
                let (a, b, c) = (self.reporter(), self.reporter(), self.reporter());
                out.push_str(&format!("(Reporting by {a} in {}; Additional reporting by {b}; Editing by {c})", self.city));
            }
            Agency::Ap => {
                let a = self.reporter();
                out.push_str(&format!("___\n\nAssociated Press writer {a} in {} contributed to this report.", self.city2));
            }
            Agency::Afp => {
                let i: String = (0..2).map(|_| (b'a' + self.rng.below(26) as u8) as char).collect();
                let j: String = (0..3).map(|_| (b'a' + self.rng.below(26) as u8) as char).collect();
                out.push_str(&format!("{i}/{j}"));
            }
            Agency::Ians => {
                let i: String = (0..2).map(|_| (b'a' + self.rng.below(26) as u8) as char).collect();
                let j: String = (0..3).map(|_| (b'a' + self.rng.below(26) as u8) as char).collect();
                out.push_str(&format!("--IANS\n{i}/{j}"));
            }
            Agency::Plain => {}
        }
    }
}

fn title_case(s: &str) -> String {
    const SMALL: &[&str] = &["a", "an", "the", "and", "or", "of", "in", "on", "to", "for", "with", "at", "by", "from", "amid", "over"];
    s.split(' ')
        .enumerate()
        .map(|(i, w)| {
            if (i == 0 || !SMALL.contains(&w)) && w.chars().all(|c| c.is_ascii_lowercase()) && !w.is_empty() {
                cap(w)
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes article `rng` into `out` (cleared first).
pub fn article(w: &World, rng: Rng, out: &mut String) -> Uses {
    out.clear();
    let mut rng = rng;
    let agency = Agency::ALL[rng.weighted(&Agency::WEIGHTS)];
    // Sizes 1.5–3.5 KB, skewed up (the larger of two draws): mean about 2.9 KB,
    // so 100,000 articles make about 290 MB.
    let target = rng.range(1500, 3400).max(rng.range(1500, 3400));
    let british = agency.british(&mut rng);
    let mut cx = Ctx::new(w, rng, british);
    if cx.rng.chance(0.25) {
        out.push_str(&format!(" date {}-{:02}-{:02}\n", cx.year, cx.month + 1, cx.day));
    }
    // Headline (names in it are not first mentions).
    let mut h = String::new();
    if agency == Agency::Yonhap && cx.rng.chance(0.25) {
        h.push_str(["(LEAD) ", "(2nd LD) ", "(URGENT) "][cx.rng.below(3)]);
    }
    let ht = HEADLINES[cx.rng.below(HEADLINES.len())];
    let saved: Vec<bool> = cx.cast.iter().map(|c| c.mentioned).collect();
    let seen = cx.org_seen;
    cx.render(ht, &mut h);
    for (c, m) in cx.cast.iter_mut().zip(saved) {
        c.mentioned = m;
    }
    cx.org_seen = seen;
    let h = cap(&h);
    out.push_str(&if matches!(agency, Agency::Ap | Agency::Afp) { title_case(&h) } else { h });
    out.push_str("\n\n");
    if matches!(agency, Agency::Yonhap | Agency::Reuters | Agency::Ap | Agency::Plain) && cx.rng.chance(0.7) {
        out.push_str("By ");
        out.push_str(&cx.reporter());
        if cx.rng.chance(0.25) {
            out.push_str(" and ");
            out.push_str(&cx.reporter());
        }
        out.push_str("\n\n");
    }
    let dl = cx.dateline(agency);
    out.push_str(&dl);
    let lead = LEADS[cx.rng.below(LEADS.len())];
    cx.render(lead, out);
    out.push_str("\n\n");
    if cx.rng.chance(0.4) {
        cx.caption(agency, out);
        out.push_str("\n\n");
    }
    let mut sign = String::new();
    cx.signoff(agency, &mut sign);
    while out.len() + sign.len() < target {
        cx.paragraph(out);
        out.push_str("\n\n");
    }
    if sign.is_empty() {
        out.truncate(out.trim_end().len());
        out.push('\n');
    } else {
        out.push_str(&sign);
        out.push('\n');
    }
    cx.uses
}

/// One article of about `bytes` bytes on a single line: a dateline, then
/// sentences of the same kind, with a new cast every few dozen sentences.
pub fn single_line(w: &World, seed: u64, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 1024);
    let rng = Rng::derive(seed, 3, 0);
    let mut cx = Ctx::new(w, rng, false);
    let dl = cx.dateline(Agency::Yonhap);
    out.push_str(&dl);
    let mut n = 0;
    let mut last_end = 0;
    while out.len() < bytes {
        if n > 0 {
            out.push(' ');
        }
        if n % 40 == 39 {
            let british = cx.rng.chance(0.3);
            cx.british = british;
            cx.recast();
        }
        cx.paragraph(&mut out);
        n += 1;
        if out.len() <= bytes {
            last_end = out.len();
        }
    }
    if last_end > 0 {
        out.truncate(last_end);
    }
    debug_assert!(!out.contains('\n'));
    out
}
