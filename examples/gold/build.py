#!/usr/bin/env python3
"""Build the example corpus and its gold annotations.

    python3 examples/gold/build.py            # writes everything, checks it
    python3 examples/gold/build.py --lint     # also prints review aids

Input: examples/gold/src/*.src -- one article each, with inline markup:

    @@file  <name>.txt          output file name under examples/corpus/
    @@bom   yes                 start the file with U+FEFF (optional)
    @@crlf  yes                 write CRLF line endings (optional)
    @@alias Lee = Lee Jae-myung surname-only reference -> entity key (this article)
    @@role  <entity> | <role or -> | <affiliation or ->
    @@text
    ...article text with [[surface]], [[surface|L]] or [[surface|L|entity key]]...

L is P/PERSON, O/ORG or L/LOC. [[surface]] is resolved through the article's
@@alias lines, then the tables below. Everything after @@text is the article,
verbatim apart from the markup (so the leading space of " date ..." is kept).

Output (deterministic; rerunning rewrites identical files):
    examples/corpus/<name>.txt
    examples/gold/gold/<stem>.json   {"doc", "mentions", "entities"}
    examples/gold/variants.json
    examples/gold/near-misses.json
    examples/gold/docs -> ../corpus  (relative symlink)

Offsets are Unicode code points into the file text decoded as UTF-8 without
newline translation (Python: open(path, encoding="utf-8", newline="")): a BOM is
one code point (U+FEFF) at offset 0 and CRLF is two code points.
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.dirname(HERE)
CORPUS = os.path.join(EXAMPLES, "corpus")
SRC = os.path.join(HERE, "src")
GOLD = os.path.join(HERE, "gold")

LABELS = {"P": "PERSON", "O": "ORG", "L": "LOC", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC"}

# ------------------------------------------------------------------ entity tables
# People: entity key -> every full-name spelling used in the corpus.
PERSONS = {
    # reporters, photographers, authors (fictional)
    "Song Ji-hoon": [], "Laura Whitfield": [], "Sam Okoro": [], "Min Joo-hee": [],
    "Don Carver": [], "Helen Yoo": [], "Jang Soo-bin": [], "Tom Riordan": [],
    "Lee Hye-rin": [], "Sam Delaney": [], "Erin Calloway": [], "Park Seo-yeon": [],
    "Tomás Ibarra": [], "Kwon Da-eun": [], "Oh Se-jin": [], "Daniel Hwang": [],
    # public figures
    "Yoon Suk Yeol": ["Yoon Suk-yeol", "Yun Sok Yol"],
    "Lee Jae-myung": ["Lee Jae Myung", "Lee Jaemyung"],
    "Wi Sung-lac": ["Seongrak Wi", "Wi Seong-rak"],
    "Cho Hyun": ["Hyun Cho"],
    "Ahn Gyu-back": ["Ahn Kyu-back"],
    "Kim Jong-un": ["Kim Jong Un"],
    "Choe Son-hui": ["Choe Son Hui", "Choi Son-hui"],
    "Park Ji-won": ["Park Jie-won"],
    "Park Jong-chon": ["Pak Jong Chon"],
    "Volodymyr Zelenskyy": ["Volodymyr Zelensky"],
    "Gitanas Nausėda": ["Gitanas Nauseda"],
    "Recep Tayyip Erdoğan": ["Recep Tayyip Erdogan"],
    "Jens Stoltenberg": ["Jens Stoltenburg"],
    "Mark Rutte": [], "Fumio Kishida": [], "Anthony Albanese": [], "Chris Hipkins": [],
    "Christopher Luxon": [], "Park Jin": [], "Joe Biden": [], "Jake Sullivan": [],
    "Cho Tae-yong": [], "Cho Tae-yul": [], "Antony Blinken": [], "Yoshimasa Hayashi": [],
    "Lee Jae-yong": [], "Chey Tae-won": [], "Kim Tae-hyo": [], "Park Geun-hye": [],
    "Yoko Kamikawa": [], "Richard Marles": [], "Penny Wong": [], "Shin Won-sik": [],
    "Lee Jong-sup": [], "Lee Jong-seok": [], "Minoru Kihara": [], "Lloyd Austin": [],
    "Dmitry Peskov": [], "Viktor Orban": [], "Lee Seung-o": [], "Kim Yong-hyun": [],
    "Kim Yong-beom": [], "Kim Myung-soo": [], "Kim Moon-soo": [], "Kim Min-seok": [],
    "Paul LaCamera": [], "Woo Won-shik": [], "Park An-su": [], "Han Dong-hoon": [],
    "Han Duck-soo": [], "Kurt Campbell": [], "Choi Sang-mok": [], "Justin Trudeau": [],
    "Kang Hoon-sik": [], "Donald Trump": [], "Koo Yun-cheol": [], "Kim Jung-kwan": [],
    "Howard Lutnick": [], "Jamieson Greer": [], "Marco Rubio": [], "Shigeru Ishiba": [],
    "Ryosei Akazawa": [], "Moon Jae-in": [], "Kim Yo-jong": [], "Kaja Kallas": [],
    "Victor Cha": [],
}

ORGS = {
    "NATO": ["NATO"],
    "European Union": ["European Union", "EU"],
    "United Nations": ["United Nations"],
    "United Nations Security Council": ["United Nations Security Council"],
    "World Trade Organization": ["World Trade Organization"],
    "Yonhap": ["Yonhap", "Yonhap News Agency"],
    "Reuters": ["Reuters"],
    "Thomson Reuters": ["Thomson Reuters"],
    "AFP": ["AFP", "Agence France-Presse"],
    "Associated Press": ["AP", "Associated Press"],
    "Australian Associated Press": ["AAP"],
    "IANS": ["IANS"],
    "Kyodo News": ["Kyodo"],
    "Aju Press": ["Aju Press"],
    "Korean Central News Agency": ["Korean Central News Agency", "KCNA"],
    "White House": ["White House"],
    "U.S. Department of State": ["State Department"],
    "Kremlin": ["Kremlin"],
    "National Assembly (South Korea)": ["National Assembly"],
    "Presidential Office (South Korea)": ["Presidential Office"],
    "National Security Office (South Korea)": ["National Security Office"],
    "National Intelligence Service": ["National Intelligence Service", "NIS"],
    "Joint Chiefs of Staff (South Korea)": ["Joint Chiefs of Staff", "JCS"],
    "Democratic Party of Korea": ["Democratic Party", "DP"],
    "People Power Party": ["People Power Party", "People's Power Party", "PPP"],
    "National Election Commission": ["National Election Commission", "NEC"],
    "Constitutional Court of Korea": ["Constitutional Court"],
    "U.S. Forces Korea": ["U.S. Forces Korea", "USFK"],
    "Samsung Electronics": ["Samsung Electronics", "Samsung"],
    "SK Group": ["SK Group"],
    "SK hynix": ["SK hynix"],
    "ASML": ["ASML"],
    "Hanwha": ["Hanwha"],
    "Hanwha Ocean": ["Hanwha Ocean"],
    "HD Hyundai": ["HD Hyundai"],
    "Australian Army": ["Australian Army"],
    "Center for Strategic and International Studies": ["Center for Strategic and International Studies", "CSIS"],
    "European External Action Service": ["European External Action Service"],
    "Han River Policy Institute": ["Han River Policy Institute"],
}

PLACES = {
    "South Korea": ["South Korea", "S. Korea", "Korea", "Republic of Korea"],
    "North Korea": ["North Korea"],
    "United States": ["United States", "U.S.", "US"],
    "Japan": ["Japan"], "China": ["China"], "Russia": ["Russia"], "Ukraine": ["Ukraine"],
    "Seoul": ["Seoul", "SEOUL"], "Tokyo": ["Tokyo", "TOKYO"], "Washington": ["Washington"],
    "Pyongyang": ["Pyongyang"], "Moscow": ["Moscow"], "Beijing": ["Beijing"],
    "Kyiv": ["Kyiv", "Kiev"], "Lithuania": ["Lithuania"], "Vilnius": ["Vilnius", "VILNIUS"],
    "Netherlands": ["Netherlands"], "The Hague": ["The Hague", "THE HAGUE"],
    "Amsterdam": ["Amsterdam", "AMSTERDAM"], "Veldhoven": ["Veldhoven"],
    "Australia": ["Australia"], "Canberra": ["Canberra"], "Melbourne": ["Melbourne", "MELBOURNE"],
    "Geelong": ["Geelong"], "Avalon": ["Avalon"], "New Zealand": ["New Zealand"],
    "Europe": ["Europe"], "Asia": ["Asia"], "Indo-Pacific": ["Indo-Pacific"],
    "Asia-Pacific": ["Asia-Pacific"], "Korean Peninsula": ["Korean Peninsula"],
    "Singapore": ["Singapore", "SINGAPORE"], "Germany": ["Germany"], "Denmark": ["Denmark"],
    "Spain": ["Spain"], "Gaza": ["Gaza"], "Kursk": ["Kursk"], "East Sea": ["East Sea"],
    "Ankara": ["Ankara"], "Middle East": ["Middle East"], "Maryland": ["Maryland"],
    "Camp David": ["Camp David", "CAMP DAVID"], "Poland": ["Poland"], "India": ["India"],
    "Delhi": ["Delhi"], "Canada": ["Canada"],
    "Walter E. Washington Convention Center": ["Walter E. Washington Convention Center"],
}

DEFAULTS = {}
for key, forms in PERSONS.items():
    for f in [key] + forms:
        assert f not in DEFAULTS, f
        DEFAULTS[f] = ("PERSON", key)
for table, label in ((ORGS, "ORG"), (PLACES, "LOC")):
    for key, forms in table.items():
        for f in forms:
            assert f not in DEFAULTS, f
            DEFAULTS[f] = (label, key)

# ------------------------------------------------------------------ variant groups
# counts: whole-word occurrences in the corpus text ((?<!\w)form(?!\w)); case-sensitive
# for names and abbreviations, case-insensitive for common words. Forms may overlap
# (a surname form also counts the surname inside the full-name form).
GROUPS = [
    dict(entity="Lee Jae-myung", kind="person-name",
         forms=["Lee Jae-myung", "Lee Jae Myung", "Lee Jaemyung"], preferred="Lee Jae-myung",
         note="spacing of the given name (hyphen / space / run together); KB canonical wins"),
    dict(entity="Yoon Suk Yeol", kind="person-name",
         forms=["Yoon Suk Yeol", "Yoon Suk-yeol", "Yun Sok Yol"], preferred="Yoon Suk Yeol",
         note="hyphenation and Yoon/Yun, Suk/Sok, Yeol/Yol (North Korean romanization, in a KCNA quote); KB canonical wins over the hyphenated house style"),
    dict(entity="Wi Sung-lac", kind="person-name",
         forms=["Wi Sung-lac", "Seongrak Wi", "Wi Seong-rak"], preferred="Wi Sung-lac",
         note="name order and Sung/Seong, lac/rak; not in the KB: hyphenated style + majority"),
    dict(entity="Cho Hyun", kind="person-name",
         forms=["Cho Hyun", "Hyun Cho"], preferred="Cho Hyun",
         note="name order (both inside one article); one-syllable given name; majority"),
    dict(entity="Ahn Gyu-back", kind="person-name",
         forms=["Ahn Gyu-back", "Ahn Kyu-back"], preferred="Ahn Gyu-back",
         note="g/k initial; both forms inside one article; majority"),
    dict(entity="Kim Jong-un", kind="person-name",
         forms=["Kim Jong-un", "Kim Jong Un"], preferred="Kim Jong-un",
         note="three capitalised words (AP) vs hyphenated; hyphenated style + majority"),
    dict(entity="Choe Son-hui", kind="person-name",
         forms=["Choe Son-hui", "Choe Son Hui", "Choi Son-hui"], preferred="Choe Son-hui",
         note="Choe/Choi and spacing; hyphenated style + majority"),
    dict(entity="Park Ji-won", kind="person-name",
         forms=["Park Ji-won", "Park Jie-won"], preferred="Park Ji-won",
         note="ee/i (his own passport spelling is Jie-won); majority"),
    dict(entity="Park Jong-chon", kind="person-name",
         forms=["Park Jong-chon", "Pak Jong Chon"], preferred="Park Jong-chon",
         note="Park/Pak and spacing; the hyphenated style decides (one each)"),
    dict(entity="Volodymyr Zelenskyy", kind="person-name",
         forms=["Volodymyr Zelenskyy", "Volodymyr Zelensky", "Zelenskyy", "Zelensky"],
         preferred="Volodymyr Zelenskyy", note="transliteration; majority"),
    dict(entity="Gitanas Nausėda", kind="person-name",
         forms=["Gitanas Nausėda", "Gitanas Nauseda", "Nausėda", "Nauseda"],
         preferred="Gitanas Nausėda", note="diacritic dropped; KB canonical"),
    dict(entity="Recep Tayyip Erdoğan", kind="person-name",
         forms=["Recep Tayyip Erdoğan", "Recep Tayyip Erdogan", "Erdoğan", "Erdogan"],
         preferred="Recep Tayyip Erdoğan", note="diacritic dropped (AFP style); majority of the surname"),
    dict(entity="Jens Stoltenberg", kind="person-name",
         forms=["Jens Stoltenberg", "Jens Stoltenburg", "Stoltenberg", "Stoltenburg"],
         preferred="Jens Stoltenberg", note="one-letter typo in a photo caption"),
    dict(entity="United States (abbrev.)", kind="abbreviation",
         forms=["U.S.", "US"], preferred="U.S.", note="AFP and IANS write US"),
    dict(entity="Kyiv", kind="place-name", forms=["Kyiv", "Kiev"], preferred="Kyiv",
         note="Kiev only inside a quotation; KB canonical"),
    dict(entity="People Power Party", kind="org-name",
         forms=["People Power Party", "People's Power Party"], preferred="People Power Party",
         note="common misspelling; KB variant"),
]
COMMON = [
    # entity, candidate forms (only those that occur are written), preferred
    ("defence/defense", ["defense", "defence", "defenses", "defences"], "defense"),
    ("organisation/organization", ["organization", "organisation", "organizations", "organisations"], "organization"),
    ("programme/program", ["program", "programme", "programs", "programmes"], "program"),
    ("centre/center", ["center", "centre", "centers", "centres"], "center"),
    ("labour/labor", ["labor", "labour"], "labor"),
    ("co-operation/cooperation", ["cooperation", "co-operation"], "cooperation"),
    ("advisor/adviser", ["adviser", "advisor", "advisers", "advisors"], "adviser"),
]

# Misspellings of ordinary words: not variant groups (as in shared/eval/seeds, where
# "allaince" is not a group) but `possible-typo` findings; written to typos.json.
TYPOS = [("goverment", "government")]

NEAR_MISSES = [
    ("Cho Tae-yul", "Cho Tae-yong",
     "different people: Foreign Minister (2024-25) vs national security adviser (2023), then NIS director; "
     "same family name and first given-name syllable, both in 2024-01-10 and 2024-10-31 articles"),
    ("Park Jin", "Park Ji-won",
     "different people: Foreign Minister 2022-24 vs former NIS director and Democratic Party lawmaker "
     "(spelled Park Jie-won in one article)"),
    ("Kim Yong-hyun", "Kim Yong-beom",
     "different people: Defense Minister in 2024 (former minister after the martial-law crisis) vs "
     "presidential chief of staff for policy in 2025"),
    ("Lee Jong-sup", "Lee Jong-seok",
     "different people: former defence minister and ambassador to Australia (2024) vs former unification "
     "minister named NIS director (2025); sup/seok look like romanization variants but are not"),
    ("Kim Moon-soo", "Kim Myung-soo",
     "different people in the same article: the People Power Party presidential candidate vs Adm. Kim "
     "Myung-soo, chairman of the Joint Chiefs of Staff"),
    ("Lee Jae-myung", "Lee Jae-yong",
     "different people: the president (earlier Democratic Party leader) vs Samsung Electronics chairman; "
     "both in the 2025-07-31 article"),
    ("Han Duck-soo", "Han Dong-hoon",
     "different people: Prime Minister (impeached, 2024-12) vs chairman of the People Power Party"),
    ("Cho Hyun", "Cho Tae-yul",
     "different people with the same role: Foreign Minister from July 2025 vs Foreign Minister 2024-25; "
     "role evidence alone must not merge them"),
]

MARK = re.compile(r"\[\[([^\[\]]+?)\]\]")


def parse_src(path):
    raw = open(path, encoding="utf-8").read()
    head, sep, body = raw.partition("@@text\n")
    if not sep:
        sys.exit(f"{path}: no @@text line")
    meta = {"bom": False, "crlf": False, "alias": {}, "roles": {}}
    for line in head.splitlines():
        if not line.strip():
            continue
        m = re.match(r"@@(\w+)\s+(.*)$", line)
        if not m:
            sys.exit(f"{path}: bad header line {line!r}")
        k, v = m.group(1), m.group(2).strip()
        if k == "file":
            meta["file"] = v
        elif k in ("bom", "crlf"):
            meta[k] = v == "yes"
        elif k == "alias":
            a, b = (x.strip() for x in v.split("=", 1))
            meta["alias"][a] = b
        elif k == "role":
            e, r, a = (x.strip() for x in v.split("|"))
            meta["roles"][e] = (None if r == "-" else r, None if a == "-" else a)
        else:
            sys.exit(f"{path}: unknown directive @@{k}")
    return meta, body


def resolve(path, meta, parts):
    surface = parts[0]
    if len(parts) == 3:
        return surface, LABELS[parts[1]], parts[2]
    if surface in meta["alias"]:
        key = meta["alias"][surface]
        label = DEFAULTS[key][0] if key in DEFAULTS else "PERSON"
    elif surface in DEFAULTS:
        label, key = DEFAULTS[surface]
    else:
        sys.exit(f"{path}: cannot resolve [[{'|'.join(parts)}]]")
    if len(parts) == 2:
        label = LABELS[parts[1]]
    return surface, label, key


def build_doc(path):
    meta, body = parse_src(path)
    if meta["crlf"]:
        body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    out, mentions, pos = [], [], 0
    n = 1 if meta["bom"] else 0          # code point offset; the BOM is offset 0
    if meta["bom"]:
        out.append("\ufeff")
    for m in MARK.finditer(body):
        chunk = body[pos:m.start()]
        out.append(chunk)
        n += len(chunk)
        surface, label, key = resolve(path, meta, m.group(1).split("|"))
        mentions.append({"start": n, "end": n + len(surface), "text": surface, "label": label, "entity": key})
        out.append(surface)
        n += len(surface)
        pos = m.end()
    out.append(body[pos:])
    text = "".join(out)
    assert "[[" not in text and "]]" not in text, path
    for mm in mentions:
        assert text[mm["start"]:mm["end"]] == mm["text"], (path, mm)
    return meta, text, mentions


def count_form(texts, form, ci):
    rx = re.compile(r"(?<!\w)" + re.escape(form) + r"(?!\w)", re.I if ci else 0)
    return sum(len(rx.findall(t)) for t in texts)


def lint(docs):
    """Review aids: uncovered occurrences of known surfaces and capitalised words."""
    surfaces = sorted({m["text"] for _, _, ms in docs for m in ms}, key=len, reverse=True)
    for meta, text, ms in docs:
        covered = [False] * len(text)
        for m in ms:
            for i in range(m["start"], m["end"]):
                covered[i] = True
        for s in surfaces:
            if len(s) < 2:
                continue
            for mm in re.finditer(r"(?<!\w)" + re.escape(s) + r"(?!\w)", text):
                if not any(covered[mm.start():mm.end()]):
                    print(f"  uncovered {meta['file']}: {s!r} at {mm.start()}")
        caps = set()
        for mm in re.finditer(r"\b[A-Z][\w'’.-]*", text):
            if not any(covered[mm.start():mm.end()]):
                caps.add(mm.group(0))
        print(f"  {meta['file']} unlabelled capitalised: {' '.join(sorted(caps))}")


def main():
    do_lint = "--lint" in sys.argv
    os.makedirs(CORPUS, exist_ok=True)
    os.makedirs(GOLD, exist_ok=True)
    docs = [build_doc(os.path.join(SRC, f)) for f in sorted(os.listdir(SRC)) if f.endswith(".src")]
    names = [d[0]["file"] for d in docs]
    assert len(set(names)) == len(names)

    labels_of = {}
    problems = []
    for meta, text, ms in docs:
        fn = meta["file"]
        assert re.fullmatch(r"[a-z0-9-]+\.txt", fn), fn
        words = len(text.split())
        if not 150 <= words <= 450:
            problems.append(f"{fn}: {words} words (want 150-450)")
        prev_end = -1
        for m in sorted(ms, key=lambda x: x["start"]):
            if m["start"] < prev_end:
                problems.append(f"{fn}: overlapping span {m}")
            prev_end = m["end"]
            t = m["text"]
            if t != t.strip() or t.startswith("the ") or re.search(r"['’]s$", t):
                problems.append(f"{fn}: suspicious span text {t!r}")
            if re.match(r"(Mr|Ms|Dr|Gen|Adm|Lt|Col|President|Director|Secretary|Minister)\b", t):
                problems.append(f"{fn}: span starts with a title {t!r}")
            prev = labels_of.setdefault(m["entity"], m["label"])
            if prev != m["label"]:
                problems.append(f"{m['entity']}: labelled {prev} and {m['label']}")
        keys = [m["entity"] for m in ms]
        for e in meta["roles"]:
            if e not in keys:
                problems.append(f"{fn}: @@role for {e!r}, which has no mention")
        for e, (r, a) in meta["roles"].items():
            if labels_of.get(e) != "PERSON":
                problems.append(f"{fn}: role given for non-person {e!r}")

        # write the article (byte-exact: no newline translation)
        with open(os.path.join(CORPUS, fn), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        with open(os.path.join(CORPUS, fn), encoding="utf-8", newline="") as f:
            assert f.read() == text

        entities, seen = [], set()
        for m in ms:
            if m["entity"] in seen:
                continue
            seen.add(m["entity"])
            r, a = meta["roles"].get(m["entity"], (None, None))
            entities.append({"entity": m["entity"], "label": m["label"], "role": r, "affiliation": a})
        gold = {"doc": fn, "mentions": ms, "entities": entities}
        with open(os.path.join(GOLD, fn[:-4] + ".json"), "w", encoding="utf-8", newline="\n") as f:
            json.dump(gold, f, ensure_ascii=False, indent=1)
            f.write("\n")

    # stale gold files from renamed articles
    wanted = {n[:-4] + ".json" for n in names}
    for fn in os.listdir(GOLD):
        if fn.endswith(".json") and fn not in wanted:
            os.remove(os.path.join(GOLD, fn))
    for fn in os.listdir(CORPUS):
        if fn.endswith(".txt") and fn not in names:
            os.remove(os.path.join(CORPUS, fn))

    # variant groups
    texts = [t for _, t, _ in docs]
    variants = []
    for g in GROUPS:
        ci = False
        counts = {f: count_form(texts, f, ci) for f in g["forms"]}
        for f, c in counts.items():
            if c == 0:
                problems.append(f"variant form {f!r} of {g['entity']} does not occur")
        assert g["preferred"] in g["forms"]
        variants.append({"entity": g["entity"], "kind": g["kind"], "forms": g["forms"],
                         "preferred": g["preferred"], "counts": counts})
        # every occurrence of a person-name form is a gold mention of that entity
        if g["kind"] == "person-name":
            for meta, text, ms in docs:
                spans = [(m["start"], m["end"]) for m in ms if m["entity"] == g["entity"]]
                for f in g["forms"]:
                    for mm in re.finditer(r"(?<!\w)" + re.escape(f) + r"(?!\w)", text):
                        if not any(s <= mm.start() and mm.end() <= e for s, e in spans):
                            problems.append(f"{meta['file']}: {f!r} at {mm.start()} is not a gold mention of {g['entity']}")
    for entity, cands, pref in COMMON:
        counts = {f: count_form(texts, f, True) for f in cands}
        counts = {f: c for f, c in counts.items() if c}
        forms = [f for f in cands if f in counts]
        if len(forms) < 2 or pref not in counts:
            problems.append(f"common-word group {entity} not mixed: {counts}")
        variants.append({"entity": entity, "kind": "common-word", "forms": forms,
                         "preferred": pref, "counts": counts})
    with open(os.path.join(HERE, "variants.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(variants, f, ensure_ascii=False, indent=1)
        f.write("\n")
    typos = []
    for typo, correct in TYPOS:
        n_typo, n_correct = count_form(texts, typo, True), count_form(texts, correct, True)
        if n_typo != 1 or n_correct < 2:
            problems.append(f"typo {typo!r} should occur once next to several {correct!r}: {n_typo}, {n_correct}")
        typos.append({"found": typo, "preferred": correct, "counts": {typo: n_typo, correct: n_correct}})
    with open(os.path.join(HERE, "typos.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(typos, f, ensure_ascii=False, indent=1)
        f.write("\n")

    # near misses
    persons = {k for k, v in labels_of.items() if v == "PERSON"}
    nm = []
    for a, b, why in NEAR_MISSES:
        for x in (a, b):
            if x not in persons:
                problems.append(f"near miss {x!r} is not a gold person")
        nm.append({"a": a, "b": b, "why": why})
    with open(os.path.join(HERE, "near-misses.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(nm, f, ensure_ascii=False, indent=1)
        f.write("\n")

    link = os.path.join(HERE, "docs")
    if os.path.islink(link):
        if os.readlink(link) != "../corpus":
            os.remove(link)
    if not os.path.lexists(link):
        os.symlink("../corpus", link)

    # house-style pairs mixed in the corpus but not declared as a group
    words = re.findall(r"[a-z][a-z-]*", "\n".join(texts).lower())
    wset = set(words)
    declared = {f.lower() for v in variants for f in v["forms"]}
    pairs = [("defenc", "defens"), ("organis", "organiz"), ("programme", "program"), ("centre", "center"),
             ("labour", "labor"), ("co-operat", "cooperat"), ("co-ordinat", "coordinat"), ("favour", "favor"),
             ("honour", "honor"), ("colour", "color"), ("neighbour", "neighbor"), ("behaviour", "behavior"),
             ("recognis", "recogniz"), ("realis", "realiz"), ("criticis", "criticiz"), ("prioritis", "prioritiz"),
             ("travell", "travel"), ("towards", "toward"), ("licence", "license"), ("offence", "offense"),
             ("metre", "meter"), ("kilometre", "kilometer"), ("analys", "analyz"), ("catalogue", "catalog"),
             ("grey", "gray"), ("manoeuvr", "maneuver"), ("armour", "armor"), ("whilst", "while"),
             ("amongst", "among"), ("adviser", "advisor"), ("secretary-general", "secretary general"),
             ("fulfil", "fulfill"), ("judgement", "judgment"), ("ageing", "aging"), ("modell", "model"),
             ("per cent", "percent"), ("mobilis", "mobiliz"), ("stabilis", "stabiliz"), ("authoris", "authoriz")]
    for b, a in pairs:
        bw = {w for w in wset if w.startswith(b)}
        aw = {w for w in wset if w.startswith(a) and not w.startswith(b)}
        if " " in b:
            bw = {b} if b in "\n".join(texts).lower() else set()
        if bw and aw and not (bw | aw) <= declared | {"centered", "labor-intensive"}:
            problems.append(f"house-style pair mixed but not declared: {sorted(bw)} / {sorted(aw)}")

    if do_lint:
        lint(docs)
    by_label = {}
    for _, _, ms in docs:
        for m in ms:
            by_label[m["label"]] = by_label.get(m["label"], 0) + 1
    print(f"{len(docs)} articles, {sum(by_label.values())} mentions: "
          + ", ".join(f"{k} {v}" for k, v in sorted(by_label.items()))
          + f"; {len(set(labels_of))} entities; {len(variants)} variant groups; {len(nm)} near misses")
    if problems:
        print("PROBLEMS:")
        for p in problems:
            print("  " + p)
        sys.exit(1)


if __name__ == "__main__":
    main()
