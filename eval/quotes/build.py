#!/usr/bin/env python3
"""Quotation gold for Byline's eval sets: every quoted span of every article with
its speaker (the set's gold entity key) or null.

    python3 eval/quotes/build.py            # writes eval/quotes/<set>.json
    python3 eval/quotes/build.py --draft SET PRED.json   # a speaker table to review

Spans: text between double quotation marks (straight or curly) or curly single
quotation marks, within one paragraph (a line, or the lines of a hard-wrapped
paragraph); an unclosed one runs to the end of its paragraph,
and a paragraph opening with a mark right after an unclosed one continues the
same quotation (news style over several paragraphs). Offsets are code points;
`end` is exclusive and includes the closing mark.

Speakers come from the hand-checked tables `eval/quotes/<set>.tsv`:
`doc<TAB>n<TAB>speaker<TAB>first words`, `n` the quotation's number in its
document (from 0), `speaker` a gold entity key or `-` (nobody: a scare quote, a
title, a term, or words nobody in the article is said to have said).
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SETS = {
    "examples": (ROOT / "examples/corpus", ROOT / "examples/gold/gold"),
    "desks": (ROOT / "eval/desks/docs", ROOT / "eval/desks/gold"),
    "variants": (ROOT / "eval/variants/docs", ROOT / "eval/variants/gold"),
    "dev": (ROOT / "eval/dev/docs", ROOT / "eval/dev/gold"),
    "wire": (ROOT / "eval/wire/docs", ROOT / "eval/wire/gold"),
}
OPEN = {'"': '"', "\u201c": "\u201d", "\u2018": "\u2019"}
CLOSE = {'"': {'"', "\u201d"}, "\u201c": {"\u201d", '"'}, "\u2018": {"\u2019"}}


def starts_item(line):
    if line[:1] in ("-", "*", "\u2022", "|", ">", "#", "\u2013", "\u2014"):
        return True
    digits = len(line) - len(line.lstrip("0123456789"))
    return digits > 0 and line[digits:digits + 2] in (". ", ") ")


def paragraphs(text):
    """The text's lines, a hard-wrapped paragraph's lines joined (its line
    breaks kept as characters): a document is hard-wrapped when nine lines in
    ten fit 120 bytes and three or more lines of 40-120 bytes run into a next
    line of text."""
    lines = text.split("\n")
    size = lambda l: len(l.strip().encode())
    def wrapped(a, b):
        return 40 <= size(a) <= 120 and b.strip() and not starts_item(b.strip()) and not starts_item(a.strip())
    soft = {i for i in range(len(lines) - 1) if wrapped(lines[i], lines[i + 1])}
    non_blank = [l for l in lines if l.strip()]
    if len(soft) < 3 or sum(size(l) <= 120 for l in non_blank) * 10 < len(non_blank) * 9:
        soft = set()
    out, cur = [], []
    for i, l in enumerate(lines):
        cur.append(l)
        if i not in soft:
            out.append("\n".join(cur))
            cur = []
    return out


def spans(text):
    """(start, end, closed) of each quoted span, code points."""
    out = []
    pos = 0
    for line in paragraphs(text):
        opened = None
        prev = None
        for i, c in enumerate(line):
            if opened is None:
                if c in ('"', "\u201c") or (c == "\u2018" and (prev is None or not prev.isalnum())):
                    opened = (i, c)
            elif c in CLOSE[opened[1]]:
                nxt = line[i + 1] if i + 1 < len(line) else None
                if opened[1] != "\u2018" or nxt is None or not nxt.isalnum():
                    out.append((pos + opened[0], pos + i + 1, True))
                    opened = None
            prev = c
        if opened is not None:
            end = len(line.rstrip("\r"))
            if end > opened[0]:
                out.append((pos + opened[0], pos + end, False))
        pos += len(line) + 1
    return out


def quotations(text):
    """Spans merged across paragraphs: [(start, end)]."""
    out = []
    open_before = False
    for s, e, closed in spans(text):
        if not any(c.isalnum() for c in text[s:e]):
            continue  # 51" (seconds), 6'2" (inches): a mark quoting nothing
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", e)
        line_end = len(text) if line_end < 0 else line_end
        if open_before and out and not text[line_start:s].strip() and "\n" in text[out[-1][1]:s]:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
        open_before = not closed and not text[e:line_end].strip()
    return out


def docs(name):
    d, _ = SETS[name]
    return sorted(p for p in d.glob("*.txt"))


def table(name):
    t = {}
    path = ROOT / f"eval/quotes/{name}.tsv"
    if not path.exists():
        return t
    for ln, line in enumerate(path.read_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        doc, n, speaker, *_ = line.split("\t")
        t[(doc, int(n))] = None if speaker == "-" else speaker
    return t


def build(name):
    t = table(name)
    gold = {}
    missing = 0
    for p in docs(name):
        text = p.read_text()
        qs = []
        for n, (s, e) in enumerate(quotations(text)):
            if (p.name, n) not in t:
                missing += 1
            sp = t.get((p.name, n))
            if sp and sp not in {m["entity"] for m in gold_mentions(name, p.name)}:
                print(f"warning: {p.name} {n}: {sp!r} is no entity of the gold", file=sys.stderr)
            qs.append({"start": s, "end": e, "text": text[s:e], "speaker": t.get((p.name, n))})
        if qs:
            gold[p.name] = qs
    (ROOT / f"eval/quotes/{name}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n")
    n = sum(len(v) for v in gold.values())
    print(f"{name}: {n} quotations, {sum(1 for v in gold.values() for q in v if q['speaker'])} with a speaker"
          + (f", {missing} NOT IN THE TABLE" if missing else ""))


def gold_mentions(name, doc):
    _, g = SETS[name]
    f = g / (doc[:-4] + ".json")
    return json.loads(f.read_text())["mentions"] if f.exists() else []


def key_of(name, doc, speaker, cue):
    """A predicted speaker as a gold entity key: a gold entity or mention text
    equal to its name, else the gold mention under its cue (a name, not a
    pronoun or role noun), else the one gold entity sharing its last word, else
    its name."""
    ms = gold_mentions(name, doc)
    for m in ms:
        if speaker in (m["entity"], m["text"]):
            return m["entity"]
    if cue:
        for m in ms:
            if m["start"] <= cue[0] and cue[1] <= m["end"]:
                return m["entity"]
    last = speaker.split()[-1]
    keys = {m["entity"] for m in ms if m["text"].split()[-1:] == [last] or m["entity"].split()[-1:] == [last]}
    return keys.pop() if len(keys) == 1 else speaker


def draft(name, pred_path):
    pred = json.loads(Path(pred_path).read_text())
    by = {}
    for q in pred:
        by.setdefault(q["doc"], []).append(q)
    for p in docs(name):
        text = p.read_text()
        ps = by.get(p.name, [])
        for n, (s, e) in enumerate(quotations(text)):
            hit = next((q for q in ps if q["start"] < e and s < q["end"]), None)
            sp = key_of(name, p.name, hit["speaker"], hit["cue"]) if hit and hit["speaker"] else "-"
            words = " ".join(text[s:e].split())[:60]
            print(f"{p.name}\t{n}\t{sp}\t{words}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--draft":
        draft(sys.argv[2], sys.argv[3])
    else:
        for name in sys.argv[1:] or SETS:
            build(name)
