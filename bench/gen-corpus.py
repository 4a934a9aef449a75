#!/usr/bin/env python3
"""Writes a synthetic news corpus for benchmarks: N wire-style articles of about
3 KB each (datelines, titles, quotes, captions, sign-offs), with people drawn from
Byline's name-part lists, places and organisations from its gazetteer, and a few
spelling variants (hyphens, name order, British/American words) so `check` has
work to do. Deterministic for a given seed.

    python3 bench/gen-corpus.py OUT_DIR N [--seed S]
"""
import argparse
import os
import random
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_list(name):
    with open(os.path.join(ROOT, "data", name), encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


def load_names(name, key):
    text = open(os.path.join(ROOT, "data", name), encoding="utf-8").read()
    return re.findall(r'^%s = "([^"]+)"' % key, text, re.M)


ROLES = ["Foreign Minister", "Defense Minister", "Prime Minister", "Finance Minister",
         "national security adviser", "spokesperson", "Trade Minister", "President",
         "Interior Minister", "ambassador", "chief negotiator", "Health Minister"]
WORDS = [("defence", "defense"), ("organisation", "organization"), ("programme", "program"),
         ("centre", "center"), ("labour", "labor")]


def person(rng, given, surnames):
    g = rng.choice(given)
    if rng.random() < 0.3:
        g = g + "-" + rng.choice(given).lower()
    return g, rng.choice(surnames)


def article(rng, i, given, surnames, countries, orgs, cities):
    c1, c2 = rng.sample(countries, 2)
    city = rng.choice(cities)
    org = rng.choice(orgs)
    people = [person(rng, given, surnames) for _ in range(4)]
    roles = rng.sample(ROLES, 4)
    brit = rng.random() < 0.5
    word = lambda k: WORDS[k][0] if brit else WORDS[k][1]
    month = rng.choice(["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."])
    year = rng.randint(2019, 2026)
    lines = [f"{c1} and {c2} agree on new {word(0)} {word(2)}", ""]
    lines.append(f"By {people[3][0]} {people[3][1]}")
    lines.append("")
    full = [f"{g} {s}" for g, s in people]
    lines.append(
        f"{city.upper()}, {month} {rng.randint(1, 28)}, {year} (Yonhap) -- {c1}'s {roles[0]} {full[0]} met "
        f"his {c2} counterpart, {full[1]}, on Tuesday to discuss a joint {word(0)} {word(2)} and the "
        f"role of the {org} in the region, officials said.")
    lines.append("")
    lines.append(
        f"\"We have agreed to deepen our cooperation in every area,\" {people[0][1]} told reporters after the talks "
        f"at the {word(3)} for international {word(1)}s in {city}. {people[1][1]} said the two sides would meet again "
        f"before the end of the year.")
    lines.append("")
    lines.append(
        f"{full[2]}, the {org}'s {roles[2]}, said the agreement was \"an important step\" for the "
        f"{word(4)} market and for regional stability. The {org} has been pressing both governments for months.")
    lines.append("")
    for p in range(rng.randint(3, 6)):
        a, b = rng.sample(range(3), 2)
        lines.append(
            f"{people[a][1]} and {people[b][1]} also discussed supply chains, energy security and the situation in "
            f"{rng.choice(countries)}, according to a statement released by the {c1} foreign ministry. The statement "
            f"said the ministers {rng.choice(['welcomed', 'noted', 'reviewed'])} progress on the {word(2)} launched "
            f"in {year - 1} and agreed to hold working-level talks in {rng.choice(cities)} next month.")
        lines.append("")
    # A spelling variant now and then: order swapped or hyphen dropped.
    g, s = people[0]
    variant = f"{s} {g}" if rng.random() < 0.5 else f"{g.replace('-', ' ')} {s}"
    if rng.random() < 0.3:
        lines.append(f"view larger image {variant} (R) shakes hands with {full[1]} in {city}. (Yonhap)")
        lines.append("")
    lines.append(f"{people[3][0][0].lower()}{people[3][1].lower()}@yna.co.kr")
    lines.append("(END)")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    given = [g for g in load_list("given_names.txt") if g[:1].isupper() or g.isalpha()]
    given = [g[:1].upper() + g[1:] for g in given]
    surnames = [s[:1].upper() + s[1:] for s in load_list("surnames.txt")]
    countries = load_names("countries.toml", "name")
    orgs = load_names("organizations.toml", "name")
    cities = load_names("places.toml", "name")
    os.makedirs(args.out, exist_ok=True)
    per_dir = 1000
    for i in range(args.n):
        d = os.path.join(args.out, f"{i // per_dir:04d}")
        if i % per_dir == 0:
            os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"article-{i:06d}.txt"), "w", encoding="utf-8") as f:
            f.write(article(rng, i, given, surnames, countries, orgs, cities))


if __name__ == "__main__":
    main()
