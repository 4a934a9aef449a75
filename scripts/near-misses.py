#!/usr/bin/env python3
"""Checks that no near-miss pair of a gold folder was merged by Byline.

    scripts/near-misses.py GOLD_DIR [BYLINE]

GOLD_DIR/near_misses.json lists pairs of spellings of *different* people or places
({"a", "b", "why"}). A pair counts as merged when Byline lists both spellings under one
entity (`byline entities --format json`: name and aliases) or reports one as a variant of
the other (`byline check --format json`: inconsistent-spelling or possible-variant with
found/preferred the two spellings, or one-word parts of them). Prints each merged pair and
a summary line `NEAR-MISSES merged=N of M`; exits 1 if any was merged.
"""
import json, os, subprocess, sys

gold = sys.argv[1]
byline = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "target", "release", "byline")
docs = os.path.join(gold, "docs")
pairs = json.load(open(os.path.join(gold, "near_misses.json")))
ents = json.loads(subprocess.run([byline, "entities", "--format", "json", docs], capture_output=True, text=True).stdout)
chk = subprocess.run([byline, "check", "--format", "json", "--severity", "hint", docs], capture_output=True, text=True).stdout
finds = json.loads(chk or "[]")

def norm(s):
    return " ".join(s.casefold().split())

merged = []
for p in pairs:
    a, b = norm(p["a"]), norm(p["b"])
    same_entity = any({a, b} <= {norm(x) for x in [e["name"], *e.get("aliases", [])]} for e in ents)
    flagged = any(
        f["code"] in ("inconsistent-spelling", "possible-variant")
        and {norm(f["data"]["found"]), norm(f["data"]["preferred"])} in ({a, b},)
        for f in finds
    )
    if same_entity or flagged:
        merged.append(p)
        print(f"merged: {p['a']} / {p['b']} ({'one entity' if same_entity else 'flagged'})")
print(f"NEAR-MISSES merged={len(merged)} of {len(pairs)}")
sys.exit(1 if merged else 0)
