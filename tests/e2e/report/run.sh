#!/usr/bin/env bash
# `byline report` in a real browser: writes the report of examples/corpus, opens it from
# disk in headless Chromium (playwright-core, the same cached install as the VS Code test)
# and compares the numbers it shows with `byline check --format json` and
# `byline entities --format json` on the same folder (test.mjs).
#   tests/e2e/report/run.sh [--screenshots] [--byline PATH]
# --screenshots writes docs/report.png; otherwise the screenshot goes to the artifacts
# folder only.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

suite_args "$@"
command -v node >/dev/null || die "the report test needs node"

# Chromium and playwright-core only (not code-server): the report needs a browser, no editor.
PW="$(playwright_core)"

work="$(mktemp -d "${TMPDIR:-/tmp}/byline-e2e-report.XXXXXX")"
trap 'rm -rf "$work"' EXIT
: "${BYLINE_E2E_ARTIFACTS:=$work/artifacts}"
mkdir -p "$BYLINE_E2E_ARTIFACTS"

# The page sits next to the corpus copy, as a user would write it: links are relative.
cp -rp "$REPO_ROOT/examples/corpus" "$work/corpus"
start=$(date +%s%N)
"$byline" report "$work/corpus" --out "$work/report.html" 2>"$work/report.err" || { cat "$work/report.err" >&2; die "byline report failed"; }
took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
log "report: $(wc -c <"$work/report.html") bytes in ${took_ms} ms"
cp "$work/report.html" "$BYLINE_E2E_ARTIFACTS/report.html"
# check exits 1 when there are findings.
"$byline" check --format json "$work/corpus" >"$work/check.json" || [ $? -eq 1 ] || die "byline check failed"
"$byline" entities --format json "$work/corpus" >"$work/entities.json" || die "byline entities failed"

status=0
NODE_PATH="$(dirname "$PW")" PLAYWRIGHT_CORE="$PW" timeout -k 5 60 node "$E2E_DIR/report/test.mjs" \
  --page "$work/report.html" --check "$work/check.json" --entities "$work/entities.json" \
  --shots "$BYLINE_E2E_ARTIFACTS" --artifacts "$BYLINE_E2E_ARTIFACTS" || status=$?
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then echo "FAIL report test timed out (60 s)"; fi
if [ "$screenshots" -eq 1 ] && [ -f "$BYLINE_E2E_ARTIFACTS/report.png" ]; then
  cp "$BYLINE_E2E_ARTIFACTS/report.png" "$REPO_ROOT/docs/report.png"
  log "report: wrote docs/report.png"
fi
exit "$status"
