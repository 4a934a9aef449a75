#!/usr/bin/env python3
"""Lists role and affiliation errors per (document, person) against a gold folder.

  scripts/role-errors.py GOLD_DIR [role|affil|both] [--scorer PATH]

Runs `byline entities` on GOLD_DIR/docs and compares with the gold using the scorer's own
matching functions (../shared/eval/score.py by default), printing one line per miss:
  doc  person  gold => predicted
A development aid: it prints what the scorer counts, not a new measure.
"""
import importlib.util, json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
args = [a for a in sys.argv[1:] if not a.startswith("--")]
scorer = os.path.join(here, "..", "..", "shared", "eval", "score.py")
if "--scorer" in sys.argv:
    scorer = sys.argv[sys.argv.index("--scorer") + 1]
gold_dir = args[0]
what = args[1] if len(args) > 1 else "both"
spec = importlib.util.spec_from_file_location("score", scorer)
sc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sc)
binary = os.environ.get("BYLINE", os.path.join(here, "..", "target", "release", "byline"))
out = subprocess.run([binary, "entities", "--format", "json", os.path.join(gold_dir, "docs")],
                     capture_output=True, text=True, check=True).stdout
pred = json.loads(out)
if isinstance(pred, dict):
    pred = pred.get("entities", [])
gold, variants = sc.load_gold(gold_dir)
forms = sc.entity_forms(gold, variants)
cands = []
for x in pred:
    if str(x.get("kind", "PERSON")).upper() not in ("PERSON", "PER"):
        continue
    names = {sc.norm_name(x.get("name", ""))} | {sc.norm_name(a) for a in (x.get("aliases") or [])}
    cands.append((os.path.basename(str(x.get("path", ""))), names, x.get("role"), x.get("affiliation")))
counts = {"role": [0, 0], "affil": [0, 0]}
# Precision of what is shown: predicted non-null values that match the gold
# (a gold null counts as a mismatch).
shown = {"role": [0, 0], "affil": [0, 0]}
for doc, gd in sorted(gold.items()):
    for e in gd["entities"]:
        if e["label"] != "PERSON":
            continue
        fs = forms.get(e["entity"], {sc.norm_name(e["entity"])})
        hits = [c for c in cands if c[0] in ("", os.path.basename(doc)) and c[1] & fs]
        for kind, g, idx, match in (("role", e.get("role"), 2, sc.role_match),
                                    ("affil", e.get("affiliation"), 3, sc.affil_match)):
            for c in hits[:1]:
                if c[idx]:
                    shown[kind][1] += 1
                    shown[kind][0] += bool(g and match(g, c[idx]))
            if not g or what not in (kind, "both"):
                continue
            counts[kind][1] += 1
            if any(c[idx] and match(g, c[idx]) for c in hits):
                counts[kind][0] += 1
                continue
            got = " | ".join(str(c[idx]) for c in hits) if hits else "(no entity)"
            print(f"{kind:5} {doc[:28]:28} {e['entity'][:26]:26} {g!r} => {got}")
for k, (ok, n) in counts.items():
    if n:
        ok2, n2 = shown[k]
        print(f"{k}: {ok}/{n} = {ok / n:.3f}; shown values right {ok2}/{n2} = {ok2 / max(n2, 1):.3f}")
