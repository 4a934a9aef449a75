#!/usr/bin/env python3
"""Check the gold folder against itself and against the shared scorer.

    python3 examples/gold/selfcheck.py [--score PATH/TO/score.py]

1. every gold mention's text equals docs/<file>[start:end] (text decoded as UTF-8,
   no newline translation: BOM = 1 code point, CRLF = 2);
2. variants.json: every form occurs in the corpus exactly `counts[form]` times
   (whole word; case-sensitive except common-word groups);
3. near-misses.json: both sides are gold PERSON entities, never spelled alike;
4. the gold spans, written out as predictions (with entities, per-document roles and
   one diagnostic per variant group), score 1.000 with score.py and no warnings.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--score", default=os.environ.get("BYLINE_SCORE", "/work/shared/eval/score.py"))
    a = ap.parse_args()
    fail = []

    docs_dir = os.path.join(HERE, "docs")
    if not (os.path.islink(docs_dir) and os.readlink(docs_dir) == "../corpus"):
        fail.append("docs is not a relative symlink to ../corpus")

    gold, texts = {}, {}
    for fn in sorted(os.listdir(os.path.join(HERE, "gold"))):
        g = json.load(open(os.path.join(HERE, "gold", fn), encoding="utf-8"))
        with open(os.path.join(docs_dir, g["doc"]), encoding="utf-8", newline="") as f:
            text = f.read()
        gold[g["doc"]], texts[g["doc"]] = g, text
        for m in g["mentions"]:
            if text[m["start"]:m["end"]] != m["text"]:
                fail.append(f"{g['doc']}: {m} != {text[m['start']:m['end']]!r}")
        keys = {m["entity"] for m in g["mentions"]}
        if keys != {e["entity"] for e in g["entities"]}:
            fail.append(f"{g['doc']}: entities list does not match mentions")
    print(f"{len(gold)} gold docs, {sum(len(g['mentions']) for g in gold.values())} mentions")
    crlf = [d for d, t in texts.items() if "\r\n" in t]
    bom = [d for d, t in texts.items() if t.startswith("\ufeff")]
    astral = [d for d, t in texts.items() if any(ord(c) > 0xFFFF for c in t)]
    print(f"CRLF: {crlf}\nBOM: {bom}\nnon-BMP: {astral}")

    variants = json.load(open(os.path.join(HERE, "variants.json"), encoding="utf-8"))
    allt = list(texts.values())
    for g in variants:
        ci = g["kind"] == "common-word"
        for f in g["forms"]:
            rx = re.compile(r"(?<!\w)" + re.escape(f) + r"(?!\w)", re.I if ci else 0)
            n = sum(len(rx.findall(t)) for t in allt)
            if n != g["counts"].get(f):
                fail.append(f"variants {g['entity']}: {f!r} occurs {n}x, stated {g['counts'].get(f)}")
        if g["preferred"] not in g["forms"] or set(g["counts"]) != set(g["forms"]) or len(g["forms"]) < 2:
            fail.append(f"variants {g['entity']}: malformed")
    print(f"{len(variants)} variant groups checked")

    persons = {}
    for g in gold.values():
        for m in g["mentions"]:
            if m["label"] == "PERSON":
                persons.setdefault(m["entity"], set()).add(m["text"])
    for nm in json.load(open(os.path.join(HERE, "near-misses.json"), encoding="utf-8")):
        A, B = nm["a"], nm["b"]
        if A not in persons or B not in persons or A == B:
            fail.append(f"near miss {A} / {B}: not two gold persons")
        elif {t for t in persons[A] if " " in t} & {t for t in persons[B] if " " in t}:
            fail.append(f"near miss {A} / {B}: share a full-name spelling")
    print("near misses checked")

    if os.path.exists(a.score):
        tmp = tempfile.mkdtemp(prefix="byline-selfcheck-")
        pred, ents, diags = os.path.join(tmp, "pred.jsonl"), os.path.join(tmp, "ents.json"), os.path.join(tmp, "diags.json")
        with open(pred, "w", encoding="utf-8") as f:
            for d, g in gold.items():
                # no "text" field: score.py reads documents with newline translation, so its
                # text view of a CRLF file is shorter than the file (see README)
                spans = [{k: m[k] for k in ("start", "end", "label", "entity")} for m in g["mentions"]]
                f.write(json.dumps({"path": "docs/" + d, "spans": spans}, ensure_ascii=False) + "\n")
        el = []
        for d, g in gold.items():
            for e in g["entities"]:
                if e["label"] == "PERSON":
                    el.append({"path": d, "name": e["entity"], "kind": "PERSON", "role": e["role"],
                               "affiliation": e["affiliation"], "aliases": sorted(persons[e["entity"]])})
        json.dump(el, open(ents, "w", encoding="utf-8"), ensure_ascii=False)
        dl = [{"code": "inconsistent-spelling", "data": {"found": f, "preferred": g["preferred"]}}
              for g in variants for f in g["forms"] if f != g["preferred"]][:]
        json.dump(dl, open(diags, "w", encoding="utf-8"), ensure_ascii=False)
        # score.py reads documents with open(p, encoding="utf-8"), i.e. with newline
        # translation, so for the CRLF article its text is shorter than the file. Run it
        # as shipped and also a copy that reads with newline="" (the offsets convention
        # of this gold); both must score 1.000 without warnings.
        src = open(a.score, encoding="utf-8").read()
        fixed = src.replace('open(p, encoding="utf-8").read()', 'open(p, encoding="utf-8", newline="").read()')
        runs = [("score.py", a.score)]
        if fixed != src:
            fp = os.path.join(tmp, "score_newline_preserving.py")
            open(fp, "w", encoding="utf-8").write(fixed)
            runs.append(("score.py reading with newline=''", fp))
        for name, script in runs:
            out = subprocess.run([sys.executable, script, "--gold-dir", HERE, "--pred", pred,
                                  "--entities", ents, "--diagnostics", diags],
                                 capture_output=True, text=True)
            print(f"=== {name}\n" + out.stdout + out.stderr)
            last = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""
            if "warnings" in out.stdout or "mention_f1=1.000" not in last or "partial_f1=1.000" not in last:
                fail.append(f"{name} did not give strict F1 1.000 without warnings")
            for k in ("link_acc", "role_acc", "affil_acc", "variant_recall", "variant_precision"):
                if f"{k}=1.00" not in last:
                    fail.append(f"{name}: {k} is not 1.00")
    else:
        print(f"(score.py not found at {a.score}; skipped)")

    if fail:
        print("FAIL:\n  " + "\n  ".join(fail))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
