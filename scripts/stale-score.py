#!/usr/bin/env python3
"""Precision and recall of `byline check`'s stale-title findings on eval/stale.

    python3 scripts/stale-score.py [--bin target/release/byline]

The articles' files get an old modification time first (a checkout's time must
not date them); the gold is eval/stale/gold.json.
"""
import argparse
import json
import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "eval/stale/corpus"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "target/release/byline"))
    a = ap.parse_args()
    for f in CORPUS.glob("*.txt"):
        os.utime(f, (1735689600, 1735689600))  # 2025-01-01
    out = subprocess.run([a.bin, "check", "--format", "json", str(CORPUS)], capture_output=True, text=True)
    found = {(f["path"], f["data"]["found"]) for f in json.loads(out.stdout) if f["code"] == "stale-title"}
    gold = {(g["doc"], g["title"]) for g in json.loads((CORPUS.parent / "gold.json").read_text())["stale"]}
    tp = len(found & gold)
    for f in sorted(found - gold):
        print("  false positive:", f)
    for g in sorted(gold - found):
        print("  missed:", g)
    print(f"stale-title precision {tp / len(found) if found else 1:.3f} ({tp}/{len(found)})  recall {tp / len(gold):.3f} ({tp}/{len(gold)})")


if __name__ == "__main__":
    main()
