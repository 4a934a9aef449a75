#!/usr/bin/env python3
"""Speaker accuracy of `byline quotes` against the quotation gold in eval/quotes.

    python3 scripts/quote-score.py [--bin target/release/byline] [--errors] [SET ...]

SET is examples, desks, variants, dev or wire (default: all). For each set:
  accuracy   = direct quotations (gold speaker not null) whose predicted speaker
               is the gold speaker / all direct quotations;
  precision  = quotations given a speaker whose speaker is right (a speaker on a
               gold-null quotation is wrong) / quotations given a speaker;
  null kept  = gold-null quotations left without a speaker / gold-null quotations.
A predicted speaker is mapped to the set's entity keys by the gold mention under
its cue, else by name (eval/quotes/build.py `key_of`).
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval/quotes"))
import build  # noqa: E402


def score(name, binary, show):
    docs_dir, _ = build.SETS[name]
    out = subprocess.run([binary, "quotes", "--format", "json", str(docs_dir)], capture_output=True, text=True, check=True)
    pred = {}
    for q in json.loads(out.stdout):
        pred.setdefault(q["doc"], []).append(q)
    gold = json.loads((ROOT / f"eval/quotes/{name}.json").read_text())
    direct = right = given = given_right = nulls = nulls_kept = 0
    for doc, qs in gold.items():
        for g in qs:
            hit = next((p for p in pred.get(doc, []) if p["start"] < g["end"] and g["start"] < p["end"]), None)
            sp = build.key_of(name, doc, hit["speaker"], hit["cue"]) if hit and hit["speaker"] else None
            ok = sp == g["speaker"]
            if g["speaker"]:
                direct += 1
                right += ok
            else:
                nulls += 1
                nulls_kept += sp is None
            if sp:
                given += 1
                given_right += ok
            if show and not ok:
                print(f"  {doc} {g['start']}: gold {g['speaker']!r}, got {sp!r} ({hit and hit['rule']})  {g['text'][:60]!r}")
    pct = lambda a, b: f"{a / b:.3f} ({a}/{b})" if b else "n/a"
    print(f"{name:9} quotations {direct + nulls:4}  accuracy {pct(right, direct)}  precision {pct(given_right, given)}  null kept {pct(nulls_kept, nulls)}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "target/release/byline"))
    ap.add_argument("--errors", action="store_true", help="list every quotation scored wrong")
    ap.add_argument("sets", nargs="*", default=list(build.SETS))
    a = ap.parse_args()
    for s in a.sets:
        score(s, a.bin, a.errors)


if __name__ == "__main__":
    main()
