#!/usr/bin/env bash
# Writes every output of the CLI on a corpus into OUT_DIR, so two builds can be
# compared byte for byte (`diff -r`): check (report, all severities, JSON), fix
# (dry run), entities (table, JSON), export (jsonl, conll, brat) and, with
# --show, `byline show` of every article. Used to prove that a refactoring
# changes no result:
#
#   scripts/outputs.sh [--show] OUT_DIR CORPUS_DIR
#   BYLINE=path/to/byline scripts/outputs.sh ...   (default target/release/byline)
set -uo pipefail
show=0
if [ "${1:-}" = "--show" ]; then show=1; shift; fi
out=${1:?usage: scripts/outputs.sh [--show] OUT_DIR CORPUS_DIR}
dir=${2:?usage: scripts/outputs.sh [--show] OUT_DIR CORPUS_DIR}
bin=${BYLINE:-"$(dirname "$0")/../target/release/byline"}
mkdir -p "$out"
run() { # NAME ARGS...: stdout, stderr and the exit status of one command
  local name=$1; shift
  "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err"
  echo $? >"$out/$name.status"
}
run check check "$dir"
run check-hint check --severity hint "$dir"
run check-json check --format json "$dir"
run fix fix "$dir"
run fix-all fix --all "$dir"
run entities entities "$dir"
run entities-json entities --format json "$dir"
run export-jsonl export --format jsonl "$dir"
run export-conll export --format conll "$dir"
rm -rf "$out/brat"
run export-brat export --format brat --out "$out/brat" "$dir"
if [ $show = 1 ]; then
  mkdir -p "$out/show"
  find "$dir" -name '*.txt' | sort | while read -r f; do
    run "show/$(basename "$f")" show "$f"
  done
fi
