//! The report as one HTML page: inline CSS, inline SVG ([`super::svg`]), no
//! script, and a Content-Security-Policy that forbids loading anything. All text
//! from articles, file names and knowledge bases goes through [`esc`]; links to
//! articles go through [`href`]. Numbers the tests compare with `byline check`
//! and `byline entities` carry a `data-count` attribute naming them.

use std::fmt::Write as _;

use super::Links;
use super::gather::{Capped, GroupKind, Place, Report, SEVERITIES, SpellingGroup};
use super::people::Person;
use super::svg;
use crate::config::Severity;
use crate::model::{Code, Kind};

/// Escapes text for HTML element content and double- or single-quoted attributes.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The link to a place in an article: `base/path#Lline`, the path
/// percent-encoded (a name with `#`, `?`, `%`, quotes or spaces stays one path),
/// escaped for an attribute.
pub fn href(links: &Links, place: &Place) -> String {
    let mut url = String::new();
    if !links.base.is_empty() && links.base != "." {
        url.push_str(&links.base);
        if !url.ends_with('/') {
            url.push('/');
        }
    }
    for b in place.path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            url.push(b as char);
        } else {
            let _ = write!(url, "%{b:02X}");
        }
    }
    let _ = write!(url, "#L{}", place.line);
    esc(&url)
}

/// The CSS class of a kind (colours of the bars, badges and names).
pub fn kind_class(k: Kind) -> &'static str {
    match k {
        Kind::Person => "k-person",
        Kind::Org => "k-org",
        Kind::Loc => "k-loc",
    }
}

const STYLE: &str = r#"
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa;
  --person: #ad5700; --org: #0072b2; --loc: #00805a; --role: #a8407f; --word: #59636e; --warn: #9a6700; --err: #d1242f; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--fg); background: #fff; }
header { padding: 18px 32px 8px; border-bottom: 1px solid var(--line); background: var(--soft); }
h1 { margin: 0; font-size: 22px; } h1 .corpus { color: var(--muted); font-weight: 400; }
nav a { margin-right: 16px; color: var(--org); text-decoration: none; font-size: 14px; }
main { padding: 0 32px 32px; max-width: 1200px; }
section { margin-top: 28px; } h2 { font-size: 18px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 150px; }
.card .num { display: block; font-size: 28px; font-weight: 600; } .card .what { color: var(--muted); font-size: 13px; }
.card .split { font-size: 12px; color: var(--muted); }
.row { display: flex; flex-wrap: wrap; gap: 32px; align-items: flex-start; } .narrow { max-width: 380px; }
table { border-collapse: collapse; font-size: 14px; } table.groups { width: 100%; } th, td { text-align: left; padding: 4px 10px 4px 0; vertical-align: top; border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; } td.n, th.n { text-align: right; }
a.place { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; color: var(--muted); margin-right: 8px; white-space: nowrap; }
.k-person { color: var(--person); fill: var(--person); } .k-org { color: var(--org); fill: var(--org); } .k-loc { color: var(--loc); fill: var(--loc); }
.k-word { color: var(--word); }
svg text { fill: var(--fg); font-size: 12px; } svg .value { font-weight: 600; } svg .label { font-size: 12px; }
.badge { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 9px; border: 1px solid currentColor; margin-left: 6px; vertical-align: 1px; }
.form { margin: 2px 0; } .form .spelling { font-weight: 600; } .form.flagged .spelling { color: var(--err); text-decoration: underline wavy var(--err); text-underline-offset: 3px; }
.preferred { font-weight: 600; } .rule { color: var(--muted); font-size: 12px; }
details.person { border: 1px solid var(--line); border-radius: 8px; margin: 8px 0; padding: 6px 12px; }
details.person summary { cursor: pointer; } details.person .name { font-weight: 600; color: var(--person); }
.now { color: var(--role); } .stats { color: var(--muted); font-size: 13px; }
ol.timeline { list-style: none; padding-left: 18px; margin: 8px 0; border-left: 2px solid var(--line); }
ol.timeline li { position: relative; margin: 8px 0; } ol.timeline li::before { content: ""; position: absolute; left: -24px; top: 7px; width: 10px; height: 10px; border-radius: 50%; background: var(--line); }
ol.timeline li.changed::before { background: var(--role); }
.date { font-weight: 600; font-variant-numeric: tabular-nums; } .filedate { color: var(--muted); font-size: 12px; }
.claim { color: var(--role); } .changed-mark { color: var(--role); font-weight: 600; font-size: 12px; }
.evidence { color: var(--muted); font-size: 13px; font-style: italic; display: block; }
.more { color: var(--muted); font-size: 13px; }
svg.matrix rect.cell { fill: var(--org); stroke: #fff; } svg.matrix rect.diag { fill: var(--soft); stroke: #fff; }
svg.matrix text.n { font-size: 10px; fill: var(--fg); } svg.matrix text.n.on { fill: #fff; }
svg.bars rect { fill: inherit; }
"#;

/// The whole page.
pub fn page(r: &Report, links: &Links) -> String {
    let mut s = String::with_capacity(64 * 1024);
    let title = esc(&r.title);
    let _ = write!(
        s,
        r##"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Byline report: {title}</title>
<style>{STYLE}</style></head>
<body>
<header><h1>Byline report <span class="corpus">{title}</span></h1>
<nav><a href="#summary">Summary</a><a href="#spellings">Spellings</a><a href="#people">Roles over time</a><a href="#together">Who appears with whom</a><a href="#articles">Articles with most findings</a></nav></header>
<main>
"##
    );
    summary(&mut s, r);
    spellings(&mut s, r, links);
    people(&mut s, r, links);
    together(&mut s, r);
    articles(&mut s, r, links);
    s.push_str("</main></body></html>\n");
    s
}

/// A number the tests read back: `<span data-count="NAME">N</span>`.
fn count(name: &str, n: impl std::fmt::Display) -> String {
    format!(r#"<span data-count="{}">{n}</span>"#, esc(name))
}

/// "and N more …" under a capped list.
fn more<T>(s: &mut String, list: &Capped<T>, what: &str) {
    if list.more() > 0 {
        let _ = write!(s, r#"<p class="more">… and {} more {what} not shown (the report lists {}).</p>"#, list.more(), list.items.len());
    }
}

fn summary(s: &mut String, r: &Report) {
    let f = &r.findings;
    let split = SEVERITIES
        .iter()
        .zip(f.tally.by_severity)
        .map(|(sev, n)| {
            let word = match (sev, n) {
                (Severity::Information, _) | (_, 1) => sev.as_str().to_string(),
                _ => format!("{}s", sev.as_str()),
            };
            format!("{} {word}", count(&format!("findings.{}", sev.as_str()), n))
        })
        .collect::<Vec<_>>()
        .join(", ");
    let _ = write!(
        s,
        r#"<section id="summary"><h2>Summary</h2><div class="cards">
<div class="card"><span class="num">{}</span><span class="what">articles</span></div>
<div class="card"><span class="num">{}</span><span class="what">entities</span></div>
<div class="card"><span class="num">{}</span><span class="what">findings</span><div class="split">{split}; {} fixed by <code>byline fix</code></div></div>
<div class="card"><span class="num">{}</span><span class="what">spelling groups</span></div>
<div class="card"><span class="num">{}</span><span class="what">people with dated roles</span></div>
</div><div class="row"><div><h3>Entities by kind</h3>{}<table><tr><th>kind</th><th class="n">entities</th><th class="n">mentions</th></tr>"#,
        count("documents", r.documents),
        count("entities", r.entities),
        count("findings", f.total()),
        count("findings.fixable", f.tally.fixable),
        count("groups", r.groups.total),
        count("people", r.people.total),
        svg::kind_bars(&r.kinds),
    );
    for k in &r.kinds {
        let _ = write!(
            s,
            r#"<tr><td class="{}">{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
            kind_class(k.kind),
            k.kind.label(),
            count(&format!("entities.{}", k.kind.label()), k.entities),
            count(&format!("mentions.{}", k.kind.label()), k.mentions)
        );
    }
    s.push_str(r#"</table></div><div><h3>Findings by check</h3><table><tr><th>check</th><th class="n">findings</th></tr>"#);
    for (code, n) in Code::ALL.iter().zip(f.by_code) {
        let _ = write!(s, r#"<tr><td>{}</td><td class="n">{}</td></tr>"#, code.as_str(), count(&format!("findings.{}", code.as_str()), n));
    }
    s.push_str(
        r#"</table><p class="more narrow">As <code>byline check --format json</code> lists them (every severity; the table output leaves out hints).</p></div></div></section>
"#,
    );
}

fn places(s: &mut String, links: &Links, list: &[Place]) {
    for p in list {
        let _ = write!(s, r#"<a class="place" href="{}">{}:{}</a> "#, href(links, p), esc(&p.path), p.line);
    }
}

fn spellings(s: &mut String, r: &Report, links: &Links) {
    s.push_str(r#"<section id="spellings"><h2>Spelling groups</h2>"#);
    if r.groups.items.is_empty() {
        s.push_str(r#"<p class="more">No name or word is written more than one way.</p>"#);
    } else {
        s.push_str(r#"<table class="groups"><tr><th>preferred</th><th>kind</th><th>spellings, uses and where</th></tr>"#);
        for g in &r.groups.items {
            group(s, g, links, r.caps.places_per_form);
        }
        s.push_str("</table>");
    }
    more(s, &r.groups, "groups");
    s.push_str("</section>\n");
}

fn group(s: &mut String, g: &SpellingGroup, links: &Links, cap: usize) {
    let (class, kind) = match g.kind {
        GroupKind::Name(k) => (kind_class(k), k.label()),
        GroupKind::Word => ("k-word", "word"),
    };
    let _ = write!(
        s,
        r#"<tr class="group"><td><span class="preferred {class}">{}</span><div class="rule">preferred by {}</div></td><td>{kind}</td><td>"#,
        esc(&g.preferred),
        esc(&g.rule)
    );
    for f in &g.forms {
        let _ = write!(
            s,
            r#"<div class="form{}"><span class="spelling">{}</span> ×{}{} "#,
            if f.flagged { " flagged" } else { "" },
            esc(&f.form),
            f.count,
            if f.flagged { r#"<span class="badge">flagged</span>"# } else { "" }
        );
        places(s, links, &f.places);
        let shown = f.places.len() as u32;
        if f.places.len() >= cap && f.count > shown {
            let _ = write!(s, r#"<span class="more">+{} more</span>"#, f.count - shown);
        }
        s.push_str("</div>");
    }
    s.push_str("</td></tr>\n");
}

fn role_text(role: &Option<String>, affiliation: &Option<String>) -> String {
    match (role, affiliation) {
        (Some(r), Some(a)) => format!("{} · {}", esc(r), esc(a)),
        (Some(r), None) => esc(r),
        (None, Some(a)) => esc(a),
        (None, None) => "—".to_string(),
    }
}

fn people(s: &mut String, r: &Report, links: &Links) {
    s.push_str(
        r#"<section id="people"><h2>Roles over time</h2><p class="more">Each person's dated claims, oldest first: which article said what, and when. A filled dot marks a claim whose role or affiliation differs from the one before. The current role is the one <code>byline entities</code> shows.</p>"#,
    );
    for (i, p) in r.people.items.iter().enumerate() {
        person(s, p, links, i < 3);
    }
    more(s, &r.people, "people");
    s.push_str("</section>\n");
}

fn person(s: &mut String, p: &Person, links: &Links, open: bool) {
    let changes = p.timeline.items.iter().filter(|e| e.changed).count();
    let _ = write!(
        s,
        r#"<details class="person"{}><summary><span class="name">{}</span> <span class="now">{}</span> <span class="stats">{} mentions in {} articles · {} claims{}</span></summary><ol class="timeline">"#,
        if open { " open" } else { "" },
        esc(&p.name),
        role_text(&p.role, &p.affiliation),
        p.mentions,
        p.documents,
        p.timeline.total,
        match changes {
            0 => String::new(),
            1 => " · 1 change".to_string(),
            n => format!(" · {n} changes"),
        }
    );
    for e in &p.timeline.items {
        let date = e.date.map_or_else(|| "undated".to_string(), |d| d.to_string());
        let _ = write!(
            s,
            r#"<li{}><span class="date">{date}</span>{} {}<span class="claim">{}</span>{}{} <span class="evidence">“{}”</span></li>"#,
            if e.changed { r#" class="changed""# } else { "" },
            if e.file_date { r#" <span class="filedate">(file date)</span>"# } else { "" },
            format_args!(r#"<a class="place" href="{}">{}:{}</a>"#, href(links, &e.place), esc(&e.place.path), e.place.line),
            role_text(&e.role, &e.affiliation),
            if e.inferred { r#" <span class="filedate">(affiliation inferred)</span>"# } else { "" },
            if e.changed { r#" <span class="changed-mark">role changed</span>"# } else { "" },
            esc(&e.evidence),
        );
    }
    s.push_str("</ol>");
    more(s, &p.timeline, "claims");
    s.push_str("</details>\n");
}

fn together(s: &mut String, r: &Report) {
    let c = &r.cooccurrence;
    let _ = write!(
        s,
        r#"<section id="together"><h2>Who appears with whom</h2><p class="more">Articles in which two people are both mentioned, for the {} most mentioned people (an article counts its {} most mentioned people at most{}).</p><div class="row"><div>{}</div><div><h3>Strongest pairs</h3>"#,
        c.people.len(),
        r.caps.people_per_article,
        if c.articles_capped > 0 { format!("; {} articles had more", c.articles_capped) } else { String::new() },
        svg::matrix(c)
    );
    if c.pairs.is_empty() {
        s.push_str(r#"<p class="more">No two people share an article.</p>"#);
    } else {
        s.push_str(r#"<table><tr><th>people</th><th class="n">articles</th></tr>"#);
        for (a, b, n) in &c.pairs {
            let _ = write!(
                s,
                r#"<tr><td><span class="k-person">{}</span> &amp; <span class="k-person">{}</span></td><td class="n">{n}</td></tr>"#,
                esc(a),
                esc(b)
            );
        }
        s.push_str("</table>");
        if c.total_pairs > c.pairs.len() {
            let _ = write!(s, r#"<p class="more">… and {} more pairs.</p>"#, c.total_pairs - c.pairs.len());
        }
    }
    s.push_str("</div></div></section>\n");
}

fn articles(s: &mut String, r: &Report, links: &Links) {
    s.push_str(r#"<section id="articles"><h2>Articles with the most findings</h2>"#);
    if r.articles.items.is_empty() {
        s.push_str(r#"<p class="more">No article has a finding.</p>"#);
    } else {
        s.push_str(r#"<table><tr><th>article</th><th>date</th><th class="n">findings</th><th class="n">errors</th><th class="n">warnings</th><th class="n">information</th><th class="n">hints</th></tr>"#);
        for a in &r.articles.items {
            let place = Place { path: a.path.clone(), line: 1 };
            let _ = write!(
                s,
                r#"<tr data-article="{}"><td><a class="place" href="{}">{}</a></td><td>{}</td><td class="n">{}</td>"#,
                esc(&a.path),
                href(links, &place),
                esc(&a.path),
                a.date.map(|d| d.to_string()).unwrap_or_default(),
                count("article.findings", a.findings.total())
            );
            for n in a.findings.tally.by_severity {
                let _ = write!(s, r#"<td class="n">{n}</td>"#);
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</table>");
    }
    more(s, &r.articles, "articles with findings");
    s.push_str("</section>\n");
}
