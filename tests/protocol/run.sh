#!/usr/bin/env bash
# The LSP 3.17 conformance suite: pytest-lsp (lsprotocol checks every message)
# against target/release/byline, with VS Code's and Neovim's client capabilities.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${BYLINE_PROTOCOL_VENV:-$root/target/protocol-venv}"
[ -x "$root/target/release/byline" ] || (cd "$root" && cargo build --release)
if [ ! -x "$venv/bin/pytest" ]; then
  python3 -m venv "$venv"
  # cattrs 25+ breaks lsprotocol structuring (see shared notes).
  "$venv/bin/pip" install -q 'pytest-lsp==1.0.1' 'cattrs<25' pytest-timeout
fi
cd "$here"
exec "$venv/bin/python" -m pytest -q -p no:cacheprovider "$@"
