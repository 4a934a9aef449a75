#!/usr/bin/env bash
# Scores Byline's output contracts against a gold folder with the evaluation scorer.
#   scripts/score.sh GOLD_DIR [SCORER]
# GOLD_DIR holds docs/ (the articles), gold/ and variants.json. SCORER defaults to
# ../shared/eval/score.py (the project's evaluation scorer, outside the repository).
set -euo pipefail
gold=${1:?usage: scripts/score.sh GOLD_DIR [SCORER]}
scorer=${2:-"$(dirname "$0")/../../shared/eval/score.py"}
bin=${BYLINE:-"$(dirname "$0")/../target/release/byline"}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" export --format jsonl "$gold/docs" > "$tmp/export.jsonl"
"$bin" entities --format json "$gold/docs" > "$tmp/entities.json"
args=(--gold-dir "$gold" --pred "$tmp/export.jsonl" --entities "$tmp/entities.json")
if "$bin" check --format json "$gold/docs" > "$tmp/check.json" 2>/dev/null || [ $? -eq 1 ]; then
  args+=(--diagnostics "$tmp/check.json")
fi
python3 "$scorer" "${args[@]}" ${SCORE_ARGS:-}
