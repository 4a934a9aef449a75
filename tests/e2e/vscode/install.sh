#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs, cached under $BYLINE_E2E_CACHE:
#   code-server 4.100.3 (the newest that runs on node 20: VS Code 1.100.3),
#   playwright-core (driving Debian's chromium), and the Debian packages for both.
# Prints nothing on stdout; idempotent and fast once cached.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

CODE_SERVER_VERSION=4.100.3

apt_install libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep \
  chromium fonts-dejavu-core build-essential python3 git ca-certificates unzip

CS_DIR="$BYLINE_E2E_CACHE/code-server-$CODE_SERVER_VERSION"
if [ ! -x "$CS_DIR/node_modules/.bin/code-server" ]; then
  log "installing code-server $CODE_SERVER_VERSION (about a minute)"
  # @vscode/ripgrep downloads rg from GitHub at install time; it honours a cache
  # holding a tarball, so hand it Debian's rg.
  tmp="$(node -p 'require("os").tmpdir()')"
  rgcache="$tmp/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$rgcache"
  for t in ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz ripgrep-v13.0.0-10-aarch64-unknown-linux-musl.tar.gz \
           ripgrep-v13.0.0-10-x86_64-unknown-linux-gnu.tar.gz; do
    if [ ! -f "$rgcache/$t" ]; then
      d="$(mktemp -d)"; cp /usr/bin/rg "$d/rg"; tar -czf "$rgcache/$t" -C "$d" rg; rm -rf "$d"
    fi
  done
  rm -rf "$CS_DIR.partial"; mkdir -p "$CS_DIR.partial"
  (
    cd "$CS_DIR.partial"
    echo '{"name":"byline-e2e-code-server","private":true}' > package.json
    npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir="${npm_config_nodedir:-/usr}" \
      timeout 900 npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" >"$BYLINE_E2E_CACHE/code-server-install.log" 2>&1
  ) || { tail -40 "$BYLINE_E2E_CACHE/code-server-install.log" >&2; die "code-server install failed (log: $BYLINE_E2E_CACHE/code-server-install.log)"; }
  rm -rf "$CS_DIR"; mv "$CS_DIR.partial" "$CS_DIR"
fi

playwright_core >/dev/null
