//! Whether two entities sharing a key are one: the evidence (affiliations, roles,
//! shared company), strong and weak links, clusters and their preferred forms.

use super::*;

pub(super) fn ordered(a: EntityId, b: EntityId) -> (EntityId, EntityId) {
    if a < b { (a, b) } else { (b, a) }
}

pub(super) fn same_role(a: &CorpusEntity, b: &CorpusEntity) -> bool {
    let heads = |g: &CorpusEntity| -> BTreeSet<String> {
        g.claims
            .iter()
            .filter_map(|c| c.claim.role.as_deref())
            .flat_map(|r| r.split([' ', '-']).map(str::to_lowercase).collect::<Vec<_>>())
            .filter(|w| lexicon().is(w, class::ROLE_HEAD) && !lexicon().is(w, class::ROLE_WEAK))
            .collect()
    };
    let ha = heads(a);
    !ha.is_empty() && !ha.is_disjoint(&heads(b))
}

/// At least three entities appear in articles of both.
pub(super) fn shared_company(a: &CorpusEntity, b: &CorpusEntity, index: &Index) -> bool {
    let (small, large) = if a.docs.len() <= b.docs.len() { (a, b) } else { (b, a) };
    let mut company: FxHashSet<EntityId> = FxHashSet::default();
    for &d in small.docs.keys() {
        company.extend(index.entities_of_doc(d).iter().copied());
    }
    let mut shared: FxHashSet<EntityId> = FxHashSet::default();
    for &d in large.docs.keys() {
        for e in index.entities_of_doc(d) {
            if company.contains(e) && shared.insert(*e) && shared.len() >= 3 {
                return true;
            }
        }
    }
    false
}

/// Whether two entities whose spellings share a key of kind `kk` are one.
pub(super) fn link(ev: &mut Evidence, kk: KeyKind, kb: &Kb) -> Link {
    let (a, b) = (ev.a, ev.b);
    if let (Some(x), Some(y)) = (a.kb, b.kb)
        && x != y
    {
        return Link::None;
    }
    // A built-in place or organisation is never another's misspelling, but an
    // unknown spelling may be another transliteration or a typo of its name.
    let builtin = |g: &CorpusEntity| g.kb.is_some_and(|id| kb.entry(id).class != Class::Person && !kb.entry(id).is_user());
    let either_builtin = builtin(a) || builtin(b);
    if either_builtin && !matches!(kk, KeyKind::Spelling | KeyKind::Translit | KeyKind::Typo) {
        return Link::None;
    }
    if ev.conflict() {
        return Link::None;
    }
    let person = a.kind == Some(Kind::Person);
    match kk {
        KeyKind::Spelling | KeyKind::Order => Link::Strong,
        KeyKind::Typo if !person => {
            // An acronym with two letters swapped, or a long name one letter
            // apart ("Islamic Revolutionary Guards Corps"), rare next to one
            // used more often and not itself a known name.
            let (rare, other) = if a.mentions <= b.mentions { (a, b) } else { (b, a) };
            let shape = forms_transposed(a, b) || forms_long_and_one_edit_apart(a, b);
            if rare.mentions <= 2 && other.mentions > rare.mentions && other.mentions >= 2 && rare.kb.is_none() && shape {
                Link::Strong
            } else {
                Link::None
            }
        }
        KeyKind::Typo => {
            if either_builtin {
                return Link::None;
            }
            // One edit away: only a rare form next to one used several times.
            let (ca, cb) = (a.mentions, b.mentions);
            if ca.min(cb) > 2 || ca.max(cb) < 2 || !forms_one_edit_apart(a, b) {
                return Link::None;
            }
            if ev.support() { Link::Strong } else { Link::Weak }
        }
        KeyKind::Translit if !person => {
            // Places and organisations have no roles to agree: an unknown
            // spelling of a known name, or two spellings that differ only in
            // their vowels and doubled letters ("Hizbollah" / "Hezbollah").
            if either_builtin || forms_share_consonants(a, b) { Link::Strong } else { Link::Weak }
        }
        KeyKind::Translit => {
            // A family name spelled two ways is one person's when the given
            // name, the role or the affiliation agrees (shared company is too
            // common in a large corpus for a key this loose).
            if ev.claims_agree() || forms_share_a_given_name(a, b, 3) { Link::Strong } else { Link::Weak }
        }
        KeyKind::TranslitNear => {
            // One consonant class apart: only two related classes ("Abdourahamane
            // Tiani" / "Tchiani"; not "Mohammed al-Hajri" / "al-Harbi", which are
            // not even possibly one name), with the role, the affiliation or the
            // given name agreeing.
            if !forms_related(a, b) {
                Link::None
            } else if ev.claims_agree() || forms_share_a_given_name(a, b, 2) {
                Link::Strong
            } else {
                Link::Weak
            }
        }
        KeyKind::Middle => {
            // A middle name more or less: one person when the role or the
            // affiliation agrees, or both are written in one article.
            if ev.claims_agree() || a.docs.keys().any(|d| b.docs.contains_key(*d)) { Link::Strong } else { Link::Weak }
        }
        KeyKind::Given => {
            if ev.claims_agree() {
                Link::Strong
            } else {
                Link::Weak
            }
        }
        KeyKind::Korean | KeyKind::Skeleton => {
            if ev.support() {
                Link::Strong
            } else {
                Link::Weak
            }
        }
    }
}

/// Some spelling of each has the same letters in another order (acronyms).
fn forms_transposed(a: &CorpusEntity, b: &CorpusEntity) -> bool {
    let sorted = |f: &str| {
        let mut v: Vec<char> = f.chars().collect();
        v.sort_unstable();
        v
    };
    a.forms.keys().any(|x| b.forms.keys().any(|y| x != y && sorted(x) == sorted(y)))
}

/// Some spelling of each is another romanization of one of the other's
/// ([`crate::translit::related_classes_apart`]).
fn forms_related(a: &CorpusEntity, b: &CorpusEntity) -> bool {
    a.forms.keys().any(|x| b.forms.keys().any(|y| crate::translit::related_classes_apart(x, y)))
}

/// Some spelling of each, of several words and twelve letters or more, is one
/// edit from one of the other's.
fn forms_long_and_one_edit_apart(a: &CorpusEntity, b: &CorpusEntity) -> bool {
    let long = |f: &str| f.contains(' ') && spelling_key(f).chars().count() >= 12;
    a.forms
        .keys()
        .filter(|x| long(x))
        .any(|x| b.forms.keys().filter(|y| long(y)).any(|y| edit_distance(&spelling_key(x), &spelling_key(y), 1) == 1))
}

/// Some spelling of each has the same consonants in the same order.
fn forms_share_consonants(a: &CorpusEntity, b: &CorpusEntity) -> bool {
    a.forms.keys().any(|x| b.forms.keys().any(|y| crate::translit::consonants(x) == crate::translit::consonants(y)))
}

/// Some spelling of each starts with the same given name, followed by at
/// least `min_rest` consonant classes.
fn forms_share_a_given_name(a: &CorpusEntity, b: &CorpusEntity, min_rest: usize) -> bool {
    a.forms.keys().any(|x| b.forms.keys().any(|y| crate::translit::same_given_name(x, y, min_rest)))
}

pub(super) fn why(kk: KeyKind) -> &'static str {
    match kk {
        KeyKind::Korean => "another romanization of the same Korean name",
        KeyKind::Skeleton | KeyKind::Translit => "another transliteration",
        KeyKind::TranslitNear => "a transliteration one sound apart",
        KeyKind::Given => "the same family name with a short form of the given name",
        KeyKind::Middle => "the same name with or without a middle name",
        _ => "one letter apart",
    }
}

pub(super) fn forms_one_edit_apart(a: &CorpusEntity, b: &CorpusEntity) -> bool {
    a.forms.keys().any(|x| b.forms.keys().any(|y| edit_distance(&spelling_key(x), &spelling_key(y), 1) == 1))
}

/// How two entities are linked, from their keys; `None` when they share no key
/// of a bucket small enough. `valid(hash, kind of key, key)`: whether at most
/// [`MAX_BUCKET`] entities have that key.
pub(super) fn pair_info(
    index: &Index,
    kb: &Kb,
    (a, ka): (EntityId, &[Key]),
    (b, kb_keys): (EntityId, &[Key]),
    valid: &dyn Fn(u64, KeyKind, &str) -> bool,
) -> Option<PairInfo> {
    let (ga, gb) = (index.entity(a)?, index.entity(b)?);
    if !clustered(ga) || !clustered(gb) || ga.kind != gb.kind {
        return None;
    }
    let mut kinds = 0u16;
    let (mut i, mut j) = (0, 0);
    while i < ka.len() && j < kb_keys.len() {
        match ka[i].cmp(&kb_keys[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let k = &ka[i];
                if kinds & bit(k.kk) == 0 && valid(k.h, k.kk, &k.s) {
                    kinds |= bit(k.kk);
                }
                i += 1;
                j += 1;
            }
        }
    }
    if kinds == 0 {
        return None;
    }
    let mut ev = Evidence { a: ga, b: gb, index, affiliations: None, support: None };
    let mut weak = None;
    for kk in KEY_KINDS {
        if kinds & bit(kk) == 0 {
            continue;
        }
        match link(&mut ev, kk, kb) {
            Link::Strong => return Some(PairInfo { kinds, strong: true, weak: None }),
            Link::Weak => {
                weak.get_or_insert(kk);
            }
            Link::None => {}
        }
    }
    Some(PairInfo { kinds, strong: false, weak })
}

/// The groups of one cluster (members in key order).
pub(super) fn cluster(members: &[(EntityId, &CorpusEntity)], kb: &Kb, config: &Config) -> Cluster {
    let first = members[0].1.key.clone();
    let kind = members[0].1.kind.expect("clustered");
    let mut out = Cluster {
        members: members.iter().map(|m| m.0).collect(),
        keys: members.iter().map(|m| m.1.key.clone()).collect(),
        groups: Vec::new(),
        group_of: Vec::new(),
        flagged: Vec::new(),
    };
    let mut forms: BTreeMap<&str, u32> = BTreeMap::new();
    for (_, g) in members {
        for (f, c) in &g.forms {
            *forms.entry(f).or_default() += c;
        }
    }
    // A built-in entry's aliases are accepted: only spellings of one alias
    // ("U.S." / "US") or transliterations of one name ("Kharkiv" / "Kharkov")
    // form a group.
    let kb_ids: BTreeSet<usize> = members.iter().filter_map(|m| m.1.kb).collect();
    let user_kb = kb_ids.iter().copied().find(|&id| kb.entry(id).is_user());
    let listed = |f: &str| kb_ids.iter().any(|&id| kb.entry(id).name == f || kb.entry(id).aliases.iter().any(|a| a == f));
    let sub_groups: Vec<BTreeMap<&str, u32>> =
        if user_kb.is_none() && !kb_ids.is_empty() { alias_groups(&forms, &listed) } else { vec![forms] };
    let mut group_of: BTreeMap<usize, GroupId> = BTreeMap::new();
    let mut flagged: Vec<Vec<(Arc<str>, GroupId)>> = vec![Vec::new(); members.len()];
    for forms in sub_groups {
        let shouted: BTreeSet<&str> = forms.keys().copied().filter(|f| is_shouted(f, forms.keys().copied(), kind, &listed)).collect();
        let distinct: BTreeSet<String> = forms.keys().map(|f| case_identity(f, shouted.contains(f))).collect();
        let kb_listed_variants = user_kb.is_some_and(|id| forms.keys().any(|f| kb.entry(id).variants.iter().any(|v| fold(v) == fold(f))));
        if distinct.len() < 2 && !kb_listed_variants {
            continue;
        }
        let mut counted: Vec<(String, u32)> = forms.iter().map(|(f, c)| (f.to_string(), *c)).collect();
        counted.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.len().cmp(&a.0.len())).then(a.0.cmp(&b.0)));
        // A form in capitals beside the same name in lower case is not a candidate.
        let candidates: Vec<(String, u32)> = counted.iter().filter(|(f, _)| !shouted.contains(f.as_str())).cloned().collect();
        let candidates = if candidates.is_empty() { &counted } else { &candidates };
        let (preferred, rule) = choose_preferred(candidates, kind, user_kb.map(|id| kb.entry(id).name.as_str()), config);
        let preferred_id = case_identity(&preferred, false);
        let id = GroupId { first: first.clone(), sub: out.groups.len() as u32 };
        for (mi, (_, g)) in members.iter().enumerate() {
            for f in g.forms.keys() {
                if !forms.contains_key(f) {
                    continue;
                }
                group_of.insert(mi, id.clone());
                // A user entry's alias is accepted unless it is listed as a
                // variant or differs from the name only in case ("Mccain").
                let accepted_alias = user_kb.is_some_and(|id| {
                    let e = kb.entry(id);
                    e.aliases.iter().any(|a| a == f)
                        && !e.variants.iter().any(|v| v == f)
                        && !(f.to_lowercase() == e.name.to_lowercase() && case_identity(f, false) != case_identity(&e.name, false))
                });
                let differs = if shouted.contains(f) {
                    f.to_lowercase() != preferred.to_lowercase()
                } else {
                    case_identity(f, false) != preferred_id
                };
                if differs && !accepted_alias {
                    flagged[mi].push((f.into(), id.clone()));
                }
            }
        }
        out.groups.push(Arc::new(NameGroup { id, members: out.keys.clone(), kind, forms: counted.into(), preferred, rule }));
    }
    out.group_of = group_of.into_iter().map(|(mi, id)| (out.keys[mi].clone(), id)).collect();
    out.flagged = flagged.into_iter().enumerate().filter(|(_, l)| !l.is_empty()).map(|(mi, l)| (out.keys[mi].clone(), l.into())).collect();
    out
}

/// The spellings of a built-in entry's forms that make one group each: those
/// with one spelling key, joined when they transliterate one name (both of four
/// letters or more, not in capitals, and ending alike if their skeleton is short:
/// "Kiev" / "Kyiv", "Zaporizhzhia" / "Zaporozhye", but not "USA" / "US" or
/// "Roma" / "Rome"). A spelling the entry does not list
/// ("IEAA", "Kharkov" where only "Kharkiv" is listed) joins the listed one it is
/// nearest.
fn alias_groups<'f>(forms: &BTreeMap<&'f str, u32>, listed: &dyn Fn(&str) -> bool) -> Vec<BTreeMap<&'f str, u32>> {
    let mut by_key: BTreeMap<String, BTreeMap<&str, u32>> = BTreeMap::new();
    let mut unlisted: Vec<(&str, u32)> = Vec::new();
    for (f, c) in forms {
        if listed(f) {
            by_key.entry(spelling_key(f)).or_default().insert(f, *c);
        } else {
            unlisted.push((f, *c));
        }
    }
    // Unlisted spellings with the key of a listed one go with it.
    unlisted.retain(|(f, c)| match by_key.get_mut(&spelling_key(f)) {
        Some(g) => {
            g.insert(f, *c);
            false
        }
        None => true,
    });
    let translit = |f: &str| -> Option<(String, char)> {
        if f.chars().filter(|c| c.is_alphabetic()).count() < 4 || !f.chars().any(char::is_lowercase) {
            return None;
        }
        // Short skeletons must end alike too ("Roma" / "Rome", "Milano" / "Milan" are
        // two names of a city, not two spellings of one).
        let tk = translit_key(f);
        let end = if tk.chars().count() >= 4 { ' ' } else { spelling_key(f).chars().last().unwrap_or(' ') };
        Some((tk, end))
    };
    let mut merged: Vec<BTreeMap<&str, u32>> = Vec::new();
    let mut at: BTreeMap<(String, char), usize> = BTreeMap::new();
    for g in by_key.into_values() {
        let key = g.keys().find_map(|f| translit(f));
        match key.as_ref().and_then(|k| at.get(k)) {
            Some(&i) => merged[i].extend(g),
            None => {
                if let Some(k) = key {
                    at.insert(k, merged.len());
                }
                merged.push(g);
            }
        }
    }
    for (f, c) in unlisted {
        let sk = spelling_key(f);
        let tk = translit_key(f);
        let distance = |g: &BTreeMap<&str, u32>| {
            g.keys().map(|x| if translit_key(x) == tk { 0 } else { edit_distance(&spelling_key(x), &sk, 3) }).min().unwrap_or(4)
        };
        match merged.iter().enumerate().map(|(i, g)| (distance(g), i)).min().filter(|(d, _)| *d <= 3) {
            Some((_, i)) => {
                merged[i].insert(f, c);
            }
            None => merged.push(BTreeMap::from([(f, c)])),
        }
    }
    merged
}

/// A spelling in capitals beside the same letters in lower case, and not an
/// acronym (an organisation's, or one the knowledge base lists): a headline,
/// dateline or byline shouting ("KHARKIV", "KIM DAE-JUNG"). Its case says nothing.
fn is_shouted<'f>(f: &str, forms: impl Iterator<Item = &'f str>, kind: Kind, listed: &dyn Fn(&str) -> bool) -> bool {
    if f.chars().any(char::is_lowercase) || !f.chars().any(char::is_alphabetic) {
        return false;
    }
    let lower = f.to_lowercase();
    // The same letters in lower case; "Unesco" for "UNESCO" makes an acronym's
    // twin, "LaLiga" for "LALIGA" a brand's.
    let mut title_twin = false;
    let twin = forms.into_iter().any(|g| {
        let same = g != f && g.to_lowercase() == lower;
        title_twin |= same && g.chars().skip(1).all(|c| !c.is_uppercase());
        same
    });
    twin && !(is_acronym(f) && (listed(f) || (kind == Kind::Org && title_twin)))
}

/// What a spelling's case says: everything but its first letter, which a
/// sentence may capitalise ("al-Assad" / "Al-Assad"); nothing for shouted
/// forms. A company's legal suffix says nothing either: "Boeing Co" is
/// "Boeing" written in full, not another spelling.
fn case_identity(f: &str, shouted: bool) -> String {
    let f = without_company_suffix(f);
    if shouted {
        return f.to_lowercase();
    }
    let mut cs = f.chars();
    match cs.next() {
        Some(c) => c.to_lowercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// A spelling without its trailing company suffixes ("Boeing Co", "Diageo
/// Plc", "Acme Holdings Ltd." → "Boeing", "Diageo", "Acme"); the spelling
/// itself if that would leave nothing.
fn without_company_suffix(f: &str) -> &str {
    let mut rest = f.trim_end();
    loop {
        let Some((head, last)) = rest.rsplit_once(' ') else { return rest };
        if !crate::lexicon::lexicon().is(last, crate::lexicon::class::COMPANY_SUFFIX) {
            return rest;
        }
        rest = head.trim_end_matches([',', ' ']);
    }
}

/// Whether a cluster of one may have a group (several spellings, or a user entry
/// that lists variants).
pub(super) fn may_group_alone(g: &CorpusEntity, kb: &Kb) -> bool {
    g.forms.len() >= 2 || g.kb.is_some_and(|id| kb.entry(id).is_user())
}

/// The weak match of a pair.
pub(super) fn possible(index: &Index, out: &NameDecisions, a: EntityId, b: EntityId, kk: KeyKind) -> Possible {
    let (ga, gb) = (index.entity(a).expect("live"), index.entity(b).expect("live"));
    let (lo, hi) = if ga.key < gb.key { (ga, gb) } else { (gb, ga) };
    // The rarer entity is the one that may be misspelt.
    let (rare, other) = if lo.mentions < hi.mentions { (lo, hi) } else { (hi, lo) };
    let other_form =
        out.preferred(&other.key).map(str::to_string).or_else(|| other.majority_form().map(str::to_string)).unwrap_or_default();
    Possible { rare: rare.key.clone(), other: other.key.clone(), other_form, why: why(kk) }
}

pub(super) fn insert_cluster(out: &mut NameDecisions, st: &mut NameState, c: Cluster) {
    for g in &c.groups {
        out.groups.insert(g.id.clone(), g.clone());
    }
    for (k, id) in &c.group_of {
        out.group_of.insert(k.clone(), id.clone());
    }
    for (k, l) in &c.flagged {
        out.flagged.insert(k.clone(), l.clone());
    }
    let c = Arc::new(c);
    for &m in &c.members {
        st.clusters.insert(m, c.clone());
    }
}

pub(super) fn remove_cluster(out: &mut NameDecisions, st: &mut NameState, c: &Cluster) {
    for g in &c.groups {
        out.groups.remove(&g.id);
    }
    for (k, _) in &c.group_of {
        out.group_of.remove(k);
    }
    for (k, _) in &c.flagged {
        out.flagged.remove(k);
    }
    for m in &c.members {
        st.clusters.remove(m);
    }
}
