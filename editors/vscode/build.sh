#!/usr/bin/env bash
# Installs the extension's dependencies, type-checks and bundles it (esbuild), and packages
# it with @vscode/vsce into editors/vscode/byline.vsix (or the path given with --out).
# Prints the path of the .vsix on standard output (everything else goes to standard error).
# Needs node 20+ and npm; everything else comes from npm (package-lock.json).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

out="byline.vsix"
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    -h|--help) echo "usage: $0 [--out PATH.vsix]"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  timeout 600 npm ci --no-audit --no-fund --loglevel=error >&2
fi
npx --no-install tsc --noEmit -p . >&2
node esbuild.mjs >&2

# The marketplace README shows the screenshots kept in docs/ (refreshed by
# tests/e2e/run.sh --screenshots).
mkdir -p images
for shot in vscode-highlights.png vscode-hover.png; do
  if [ -f "../../docs/$shot" ]; then cp "../../docs/$shot" "images/$shot"; fi
done

npx --no-install vsce package --no-dependencies --allow-missing-repository --no-rewrite-relative-links \
  --out "$out" >&2
echo "$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
