#!/usr/bin/env python3
"""Build a held-out evaluation set (eval/dev, eval/variants, eval/desks) from its
inline-marked sources. Each set's own build.py runs this on its folder.

    python3 eval/build.py eval/dev            # writes docs/, gold/, variants.json
    python3 eval/build.py eval/dev --check    # also prints review lists (unmarked
                                              # occurrences of annotated names, etc.)

Source format (src/NNN_slug.txt, UTF-8, LF):

    @alias Surface = Entity key        (doc-level: surface form -> entity key)
    @role Entity key | role | affiliation      ("-" for null)
    ---
    Article text with [[surface|LABEL]] or [[surface|LABEL|Entity key]] marks.

LABEL is PERSON/ORG/LOC or P/O/L.  Entity key resolution: explicit key, else
doc alias, else global alias (src/_aliases.txt, same "@alias" syntax), else the
surface itself.  Every PERSON entity of a document needs an @role line.

Variant groups are declared in src/_variants.json; counts are computed here:
  person-name / org-name / place-name : exact mention texts (gold mentions)
  abbreviation                        : case-sensitive token occurrences in docs
  common-word                         : case-insensitive word occurrences in docs
Deterministic: same sources -> byte-identical outputs.
"""
import json, os, re, sys, unicodedata
from collections import Counter, OrderedDict, defaultdict

# The set's folder: the first argument that is not a flag.
_dirs = [a for a in sys.argv[1:] if not a.startswith("--")]
if len(_dirs) != 1:
    raise SystemExit("usage: eval/build.py SET_DIR [--check]")
HERE = os.path.abspath(_dirs[0])
SRC, DOCS, GOLD = (os.path.join(HERE, d) for d in ("src", "docs", "gold"))
LAB = {"P": "PERSON", "O": "ORG", "L": "LOC", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC"}
MARK = re.compile(r"\[\[([^\[\]|]+)\|(PERSON|ORG|LOC|P|O|L)(?:\|([^\[\]|]+))?\]\]")


def read_header(lines, path):
    aliases, roles = {}, OrderedDict()
    for ln in lines:
        if not ln.strip() or ln.startswith("#"):
            continue
        if ln.startswith("@alias "):
            a, b = ln[7:].split(" = ", 1)
            aliases[a.strip()] = b.strip()
        elif ln.startswith("@role "):
            parts = [p.strip() for p in ln[6:].split("|")]
            assert len(parts) == 3, (path, ln)
            ent, role, aff = parts
            assert ent not in roles, (path, "duplicate @role", ent)
            roles[ent] = (None if role == "-" else role, None if aff == "-" else aff)
        else:
            raise SystemExit(f"{path}: bad header line {ln!r}")
    return aliases, roles


def parse(path, galias):
    raw = open(path, encoding="utf-8").read()
    assert "\r" not in raw, path
    head, sep, body = raw.partition("\n---\n")
    assert sep, f"{path}: no --- separator"
    aliases, roles = read_header(head.split("\n"), path)
    text, mentions, pos, out_len = [], [], 0, 0
    for m in MARK.finditer(body):
        chunk = body[pos:m.start()]
        text.append(chunk)
        out_len += len(chunk)
        surf, lab, ent = m.group(1), LAB[m.group(2)], m.group(3)
        if ent is None:
            ent = aliases.get(surf) or galias.get(surf) or surf
        mentions.append({"start": out_len, "end": out_len + len(surf), "text": surf,
                         "label": lab, "entity": ent.strip()})
        text.append(surf)
        out_len += len(surf)
        pos = m.end()
    text.append(body[pos:])
    text = "".join(text)
    assert "[[" not in text and "]]" not in text, f"{path}: stray markup"
    return text, mentions, roles


def main():
    check = "--check" in sys.argv
    galias = {}
    gp = os.path.join(SRC, "_aliases.txt")
    if os.path.exists(gp):
        galias, _ = read_header(open(gp, encoding="utf-8").read().split("\n"), gp)
    os.makedirs(DOCS, exist_ok=True)
    os.makedirs(GOLD, exist_ok=True)
    names = sorted(f for f in os.listdir(SRC) if re.match(r"\d{3}_.*\.txt$", f))
    corpus = OrderedDict()
    ent_label = {}
    problems = []
    for fn in names:
        text, mentions, roles = parse(os.path.join(SRC, fn), galias)
        # --- invariants
        prev_end = -1
        for m in mentions:
            assert text[m["start"]:m["end"]] == m["text"], (fn, m)
            assert m["start"] >= prev_end, (fn, "overlap", m)
            assert m["text"] == m["text"].strip() and m["text"], (fn, "whitespace", m)
            assert not m["text"].lower().startswith("the ") or m["text"].startswith("The "), (fn, m)
            assert not re.search(r"['’]s$", m["text"]), (fn, "possessive in span", m)
            prev_end = m["end"]
            if m["entity"] in ent_label and ent_label[m["entity"]] != m["label"]:
                problems.append(f"{fn}: entity {m['entity']!r} labelled {m['label']} and {ent_label[m['entity']]}")
            ent_label.setdefault(m["entity"], m["label"])
            # a mention must not start/end inside a word
            s, e = m["start"], m["end"]
            if s > 0 and text[s - 1].isalnum() and text[s].isalnum() and not check_glued(text, s):
                problems.append(f"{fn}: mention starts inside a word: {text[s-10:e]!r}")
            if e < len(text) and text[e].isalnum() and text[e - 1].isalnum():
                problems.append(f"{fn}: mention ends inside a word: {text[s:e+10]!r}")
        ents = OrderedDict()
        for m in mentions:
            ents.setdefault(m["entity"], m["label"])
        persons = [e for e, l in ents.items() if l == "PERSON"]
        for p in persons:
            if p not in roles:
                problems.append(f"{fn}: PERSON {p!r} has no @role line")
        for r in roles:
            if ents.get(r) != "PERSON":
                problems.append(f"{fn}: @role for {r!r} which is not a PERSON entity of the doc")
        entities = []
        for e, l in ents.items():
            role, aff = roles.get(e, (None, None)) if l == "PERSON" else (None, None)
            entities.append({"entity": e, "label": l, "role": role, "affiliation": aff})
        assert "\r" not in text
        corpus[fn] = (text, mentions, entities)
    if problems:
        print("\n".join(problems))
        raise SystemExit("build failed")

    for fn, (text, mentions, entities) in corpus.items():
        with open(os.path.join(DOCS, fn), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        g = {"doc": fn, "mentions": mentions, "entities": entities}
        with open(os.path.join(GOLD, fn[:-4] + ".json"), "w", encoding="utf-8", newline="\n") as f:
            json.dump(g, f, ensure_ascii=False, indent=1)
            f.write("\n")

    variants = build_variants(corpus)
    with open(os.path.join(HERE, "variants.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(variants, f, ensure_ascii=False, indent=1)
        f.write("\n")

    # --- summary
    lab = Counter(m["label"] for t, ms, es in corpus.values() for m in ms)
    words = [len(t.split()) for t, ms, es in corpus.values()]
    print(f"{len(corpus)} docs, {sum(words)} words (min {min(words)}, max {max(words)}), "
          f"{sum(lab.values())} mentions: " + ", ".join(f"{k} {lab[k]}" for k in ("PERSON", "ORG", "LOC")))
    ents = Counter()
    seen = set()
    for t, ms, es in corpus.values():
        for m in ms:
            if m["entity"] not in seen:
                seen.add(m["entity"])
                ents[m["label"]] += 1
    print("distinct entities: " + ", ".join(f"{k} {ents[k]}" for k in ("PERSON", "ORG", "LOC")))
    print(f"{len(variants)} variant groups")
    for t in TIES:
        print("TIE (preferred undefined):", t)
    if check:
        review(corpus, variants)
    if TIES:
        raise SystemExit("variant ties")


def check_glued(text, s):
    # allowed: a name glued to preceding text in scraped boilerplate ("aboutRefinitiv")
    return text[s].isupper() and text[s - 1].islower()


def word_re(w, cs):
    return re.compile(r"(?<![\w.])" + re.escape(w) + r"(?!\w|\.\w)", 0 if cs else re.I)


TIES = []


def build_variants(corpus):
    decl = json.load(open(os.path.join(SRC, "_variants.json"), encoding="utf-8"))
    out = []
    alltext = [t for t, ms, es in corpus.values()]
    for g in decl:
        kind, forms = g["kind"], g["forms"]
        counts = Counter()
        if kind in ("person-name", "org-name", "place-name"):
            for t, ms, es in corpus.values():
                for m in ms:
                    if m["entity"] == g["entity"] and m["text"] in forms:
                        counts[m["text"]] += 1
            # every full-form mention text of the entity must be a declared form
            for t, ms, es in corpus.values():
                for m in ms:
                    if m["entity"] == g["entity"] and len(m["text"].split()) > 1 and m["text"] not in forms \
                            and not any(m["text"].casefold() == f.casefold() for f in forms):
                        raise SystemExit(f"variant group {g['entity']}: undeclared form {m['text']!r}")
        else:
            cs = kind == "abbreviation"
            for f in forms:
                n = sum(len(word_re(f, cs).findall(t)) for t in alltext)
                if n:
                    counts[f] = n
        present = [f for f in forms if counts[f]]
        assert len(present) >= 2, (g["entity"], dict(counts))
        top = counts.most_common()
        if kind == "common-word":
            # forms declared as [a, b, a_plural, b_plural]; majority on singular+plural
            a = counts[forms[0]] + counts[forms[2]]
            b = counts[forms[1]] + counts[forms[3]]
            if a == b:
                TIES.append((g["entity"], dict(counts)))
            forms_out = forms if a > b else [forms[1], forms[0], forms[3], forms[2]]
            pref = forms_out[0]
        else:
            if len(top) >= 2 and top[0][1] == top[1][1]:
                TIES.append((g["entity"], top))
            pref = top[0][0]
            forms_out = [pref] + sorted(f for f in forms if f != pref)
        out.append(OrderedDict([("entity", g["entity"]), ("kind", kind), ("forms", forms_out),
                                ("preferred", pref),
                                ("counts", OrderedDict((f, counts[f]) for f in forms_out if counts[f]))]))
    return out


BRIT_AMER = [("defence", "defense"), ("defences", "defenses"), ("programme", "program"), ("programmes", "programs"),
             ("organisation", "organization"), ("organisations", "organizations"), ("centre", "center"),
             ("centres", "centers"), ("favour", "favor"), ("favourable", "favorable"), ("labour", "labor"),
             ("neighbour", "neighbor"), ("neighbouring", "neighboring"), ("honour", "honor"),
             ("behaviour", "behavior"), ("colour", "color"), ("analyse", "analyze"), ("recognise", "recognize"),
             ("recognised", "recognized"), ("criticise", "criticize"), ("criticised", "criticized"),
             ("organise", "organize"), ("organised", "organized"), ("prioritise", "prioritize"),
             ("emphasise", "emphasize"), ("emphasised", "emphasized"), ("authorise", "authorize"),
             ("authorised", "authorized"), ("mobilise", "mobilize"), ("stabilise", "stabilize"),
             ("apologise", "apologize"), ("characterise", "characterize"), ("finalise", "finalize"),
             ("finalised", "finalized"), ("realise", "realize"), ("legalise", "legalize"), ("licence", "license"),
             ("offence", "offense"), ("offences", "offenses"), ("travelled", "traveled"), ("travelling", "traveling"),
             ("cancelled", "canceled"), ("modelling", "modeling"), ("signalled", "signaled"), ("fuelled", "fueled"),
             ("labelled", "labeled"), ("counsellor", "counselor"), ("councillor", "councilor"),
             ("aluminium", "aluminum"), ("tonnes", "tons"), ("judgement", "judgment"), ("ageing", "aging"),
             ("catalogue", "catalog"), ("dialogue", "dialog"), ("cheque", "check"), ("grey", "gray"),
             ("per cent", "percent"), ("adviser", "advisor"), ("advisers", "advisors"),
             ("secretary general", "secretary-general"), ("U.S.", "US"), ("U.N.", "UN"), ("U.K.", "UK"),
             ("E.U.", "EU"), ("enrol", "enroll"), ("fulfil", "fulfill"), ("instalment", "installment"),
             ("manoeuvre", "maneuver"), ("paediatric", "pediatric"), ("haemorrhage", "hemorrhage"),
             ("sceptical", "skeptical"), ("sceptic", "skeptic"), ("storey", "story"), ("jewellery", "jewelry"),
             ("plough", "plow"), ("mould", "mold"), ("pyjamas", "pajamas"), ("kerb", "curb"), ("tyre", "tire"),
             ("programme", "programs"), ("whilst", "while"), ("towards", "toward"), ("co-operation", "cooperation"),
             ("e-mail", "email"), ("ceasefire", "cease-fire"), ("ceasefire", "cease fire")]


def review(corpus, variants):
    alltext = {fn: t for fn, (t, ms, es) in corpus.items()}
    declared = {f.casefold() for g in variants for f in g["forms"]}
    print("\n== British/American (and similar) pairs with both forms present, undeclared:")
    for a, b in BRIT_AMER:
        na = sum(len(word_re(a, a.isupper() or "." in a).findall(t)) for t in alltext.values())
        nb = sum(len(word_re(b, b.isupper() or "." in b).findall(t)) for t in alltext.values())
        if na and nb and not (a.casefold() in declared and b.casefold() in declared):
            print(f"  {a} {na} / {b} {nb}")
    print("\n== entities with several mention texts (review: spelling variant or alias?):")
    texts = defaultdict(Counter)
    for fn, (t, ms, es) in corpus.items():
        for m in ms:
            texts[m["entity"]][m["text"]] += 1
    for e, c in sorted(texts.items()):
        forms = {x.casefold() for x in c}
        if len(forms) > 1:
            print(f"  {e}: {dict(c)}")
    print("\n== unmarked occurrences of annotated surface forms:")
    surf = set()
    for fn, (t, ms, es) in corpus.items():
        for m in ms:
            if len(m["text"]) >= 2:
                surf.add(m["text"])
    for fn, (t, ms, es) in corpus.items():
        covered = [False] * len(t)
        for m in ms:
            for i in range(m["start"], m["end"]):
                covered[i] = True
        for s in sorted(surf):
            for mm in re.finditer(r"(?<![\w])" + re.escape(s) + r"(?![\w])", t):
                if not any(covered[mm.start():mm.end()]):
                    ctx = t[max(0, mm.start() - 30):mm.end() + 30].replace("\n", " ")
                    print(f"  {fn}: {s!r} in ...{ctx}...")
    print("\n== capitalised tokens outside mentions (review for missed names):")
    cap = Counter()
    for fn, (t, ms, es) in corpus.items():
        covered = [False] * len(t)
        for m in ms:
            for i in range(m["start"], m["end"]):
                covered[i] = True
        for mm in re.finditer(r"\b[A-Z][\w'’.\-]*", t):
            if not covered[mm.start()]:
                # skip sentence-initial words
                before = t[max(0, mm.start() - 2):mm.start()]
                cap[(fn[:3], mm.group())] += 1
    for (d, w), n in sorted(cap.items()):
        print(f"  {d} {w} x{n}")


if __name__ == "__main__":
    main()
