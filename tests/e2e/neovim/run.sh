#!/usr/bin/env bash
# Neovim end-to-end test: real Neovim 0.11.4 (headless) with editors/neovim on a throwaway
# copy of examples/corpus, then a screen capture of Neovim in tmux rendered to PNG.
#   tests/e2e/neovim/run.sh [--screenshots] [--byline PATH]
# --screenshots writes docs/neovim.png; otherwise the capture goes to the artifacts folder.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

suite_args "$@"
bin="$(bash "$E2E_DIR/neovim/install.sh")"
nvim="$bin/nvim"
python="$bin/python"

work="$(mktemp -d "${TMPDIR:-/tmp}/byline-e2e-nvim.XXXXXX")"
: "${BYLINE_E2E_ARTIFACTS:=$work/artifacts}"
mkdir -p "$BYLINE_E2E_ARTIFACTS"
cleanup() {
  tmux -L "byline-e2e-$$" kill-server 2>/dev/null || true
  rm -rf "$work/corpus" "$work/corpus-shot" "$work/xdg"
}
trap cleanup EXIT

export XDG_CONFIG_HOME="$work/xdg/config" XDG_DATA_HOME="$work/xdg/data" XDG_STATE_HOME="$work/xdg/state" XDG_CACHE_HOME="$work/xdg/cache"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME" "$XDG_CACHE_HOME"

cp -rp "$REPO_ROOT/examples/corpus" "$work/corpus"
# byline.toml wins over editor settings: leave inconsistent-spelling to the settings test
# (its default, "warning", is what the file said).
sed -i '/^inconsistent-spelling *=/d' "$work/corpus/byline.toml"
log "neovim: test on a copy of examples/corpus"
status=0
timeout -k 5 120 "$nvim" --headless --clean -n -i NONE -l "$E2E_DIR/neovim/test.lua" \
  "$REPO_ROOT/editors/neovim" "$byline" "$work/corpus" "$BYLINE_E2E_ARTIFACTS/neovim-results.json" || status=$?
if [ -f "$XDG_STATE_HOME/nvim/lsp.log" ]; then cp "$XDG_STATE_HOME/nvim/lsp.log" "$BYLINE_E2E_ARTIFACTS/neovim-lsp.log"; fi
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then log "neovim: test timed out"; fi

# Screen capture: Neovim in tmux (real TUI, 24-bit colour), the article with entities
# highlighted, diagnostics and a hover open; `capture-pane -e` rendered to PNG.
log "neovim: screen capture"
cp -rp "$REPO_ROOT/examples/corpus" "$work/corpus-shot"
shot="$BYLINE_E2E_ARTIFACTS/neovim.png"
sock="byline-e2e-$$"
cols=150 rows=40
tmux -L "$sock" -f /dev/null new-session -d -x "$cols" -y "$rows" \
  -e COLORTERM=truecolor -e XDG_CONFIG_HOME="$XDG_CONFIG_HOME" -e XDG_DATA_HOME="$XDG_DATA_HOME" \
  -e XDG_STATE_HOME="$XDG_STATE_HOME" -e XDG_CACHE_HOME="$XDG_CACHE_HOME" \
  "cd '$work/corpus-shot' && '$nvim' --clean -n -i NONE -u '$E2E_DIR/neovim/screenshot.lua' \
     '+lua BylineShot([[$REPO_ROOT/editors/neovim]], [[$byline]], [[$work/shot-ready]])' \
     2025-06-25-hague-nato-summit-wi-rutte.txt; sleep 30"
tmux -L "$sock" set -g default-terminal tmux-256color >/dev/null
tmux -L "$sock" set -ga terminal-overrides ',*:RGB' >/dev/null
shot_status=0
for _ in $(seq 1 300); do [ -f "$work/shot-ready" ] && break; sleep 0.1; done
if [ -f "$work/shot-ready" ]; then
  sleep 0.5
  tmux -L "$sock" capture-pane -e -p -t 0 > "$work/screen.ansi"
  "$python" "$E2E_DIR/neovim/ansi2png.py" "$work/screen.ansi" "$shot" --cols "$cols" --rows "$rows" || shot_status=$?
  if [ "$shot_status" -eq 0 ] && [ "$screenshots" -eq 1 ]; then cp "$shot" "$REPO_ROOT/docs/neovim.png"; log "neovim: wrote docs/neovim.png"; fi
else
  log "neovim: the screenshot session did not get ready: $(cat "$work/shot-error" 2>/dev/null || true)"
  tmux -L "$sock" capture-pane -p -t 0 >&2 || true
  shot_status=1
fi
if [ "$shot_status" -ne 0 ]; then
  echo "FAIL neovim screen capture" ; status=1
else
  echo "PASS neovim screen capture ($shot)"
fi
exit "$status"
