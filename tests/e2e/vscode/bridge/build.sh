#!/usr/bin/env bash
# Packages the end-to-end test bridge (a test-only extension) into a .vsix with the tools
# of editors/vscode (its node_modules: run editors/vscode/build.sh first).
#   tests/e2e/vscode/bridge/build.sh --out PATH.vsix
# Prints the path of the .vsix on standard output (everything else goes to standard error).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ext="../../../../editors/vscode"
out="byline-e2e-bridge.vsix"
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
bin="$ext/node_modules/.bin"
[ -x "$bin/esbuild" ] || { echo "no $bin/esbuild: run editors/vscode/build.sh first" >&2; exit 1; }
"$bin/tsc" --noEmit -p . >&2
"$bin/esbuild" src/bridge.ts --bundle --format=cjs --platform=node --target=node20 --external:vscode \
  --outfile=dist/bridge.js --log-level=warning >&2
"$bin/vsce" package --no-dependencies --allow-missing-repository --skip-license --out "$out" >&2
echo "$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
