#!/usr/bin/env python3
"""Regenerate data/nicknames.txt from the `nicknames` dataset (PyPI package
`nicknames` 0.1.0, Carlton Northern's hand-curated "nickname and diminutive names
lookup", Apache License 2.0; see data/GAZETTEER.md).

Each output line is `name<TAB>short forms`, lowercase, space-separated: a given name
and the short forms and diminutives it is known by ("robert<TAB>bob bobby rob ...").
Byline uses it to tell that "Bob Gates" and "Robert Gates" may be one person.

    pip download nicknames==0.1.0 --no-deps -d /tmp/nick
    python3 scripts/gen-nicknames.py /tmp/nick/nicknames-0.1.0-py3-none-any.whl > data/nicknames.txt
"""
import csv, io, sys, zipfile

whl = sys.argv[1]
with zipfile.ZipFile(whl) as z:
    raw = z.read("nicknames/names.csv").decode("utf-8")
table = {}
for row in csv.reader(io.StringIO(raw)):
    row = [w.strip().lower() for w in row if w.strip()]
    if len(row) < 2 or not all(w.replace("-", "").isalpha() for w in row):
        continue
    table.setdefault(row[0], set()).update(w for w in row[1:] if w != row[0])
for name in sorted(table):
    print(f"{name}\t{' '.join(sorted(table[name]))}")
