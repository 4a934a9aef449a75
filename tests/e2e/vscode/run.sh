#!/usr/bin/env bash
# VS Code end-to-end test: the packaged extension (.vsix) installed in code-server 4.100.3
# (VS Code 1.100.3) with the test bridge (bridge/, an extension of its own), a throwaway
# copy of examples/corpus opened in headless Chromium, driven by playwright-core (test.mjs).
#   tests/e2e/vscode/run.sh [--screenshots] [--byline PATH]
# --screenshots writes docs/vscode-highlights.png and docs/vscode-hover.png; otherwise
# the screenshots go to the artifacts folder only.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

suite_args "$@"
command -v node >/dev/null && node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' \
  || die "the VS Code test needs node 20+ and npm (code-server 4.100.3 runs on node 20)"
bash "$E2E_DIR/vscode/install.sh"
CS="$BYLINE_E2E_CACHE/code-server-4.100.3/node_modules/.bin/code-server"
PW="$(playwright_core)"

work="$(mktemp -d "${TMPDIR:-/tmp}/byline-e2e-vscode.XXXXXX")"
: "${BYLINE_E2E_ARTIFACTS:=$work/artifacts}"
mkdir -p "$BYLINE_E2E_ARTIFACTS"
cs_pid=""
cleanup() {
  if [ -n "$cs_pid" ]; then
    kill -TERM -- "-$cs_pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$cs_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$cs_pid" 2>/dev/null || true
  fi
  rm -rf "$work/home" "$work/corpus" "$work/multi"
}
trap cleanup EXIT

log "vscode: packaging the extension"
vsix="$(bash "$REPO_ROOT/editors/vscode/build.sh" --out "$work/byline.vsix" 2>"$work/build.log")" \
  || { cat "$work/build.log" >&2; die "editors/vscode/build.sh failed"; }
# The test bridge is an extension of its own (never in the shipped .vsix): make sure.
unzip -p "$vsix" extension/dist/extension.js >"$work/shipped-extension.js"
if grep -q BYLINE_E2E_BRIDGE "$work/shipped-extension.js"; then die "the test bridge is in the shipped .vsix"; fi
log "vscode: packaging the test bridge (tests/e2e/vscode/bridge)"
bridge_vsix="$(bash "$E2E_DIR/vscode/bridge/build.sh" --out "$work/byline-e2e-bridge.vsix" 2>"$work/build-bridge.log")" \
  || { cat "$work/build-bridge.log" >&2; die "tests/e2e/vscode/bridge/build.sh failed"; }

# An isolated code-server: its own config, user data, extensions, XDG dirs and HOME.
home="$work/home"
mkdir -p "$home/user/User" "$home/ext" "$home/xdg/config" "$home/xdg/data" "$home/xdg/cache"
export HOME_FOR_CS="$home"
cat > "$home/config.yaml" <<YAML
bind-addr: 127.0.0.1:0
auth: none
cert: false
YAML
cat > "$home/user/User/settings.json" <<JSON
{
  "workbench.startupEditor": "none",
  "workbench.colorTheme": "Default Dark Modern",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.commandCenter.enabled": false,
  "chat.disableAIFeatures": true,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "security.workspace.trust.enabled": false,
  "git.enabled": false,
  "editor.minimap.enabled": false,
  "editor.wordWrap": "on",
  "editor.fontSize": 14,
  "editor.hover.delay": 200,
  "editor.occurrencesHighlight": "off",
  "editor.selectionHighlight": false,
  "editor.codeActionWidget.includeNearbyQuickFixes": true,
  "breadcrumbs.enabled": false,
  "window.commandCenter": false,
  "files.eol": "auto",
  "byline.path": "$byline"
}
JSON
cs_env=(env HOME="$home" XDG_CONFIG_HOME="$home/xdg/config" XDG_DATA_HOME="$home/xdg/data" XDG_CACHE_HOME="$home/xdg/cache"
  BYLINE_E2E_BRIDGE="$work/bridge" VSCODE_CLI=)
cs_args=(--config "$home/config.yaml" --user-data-dir "$home/user" --extensions-dir "$home/ext")

log "vscode: installing the .vsix and the test bridge into code-server"
for x in "$vsix" "$bridge_vsix"; do
  "${cs_env[@]}" timeout 120 "$CS" "${cs_args[@]}" --install-extension "$x" >"$work/install-extension.log" 2>&1 \
    || { cat "$work/install-extension.log" >&2; die "code-server --install-extension $x failed"; }
  grep -qi "successfully installed" "$work/install-extension.log" || { cat "$work/install-extension.log" >&2; die "$x did not install"; }
done

cp -rp "$REPO_ROOT/examples/corpus" "$work/corpus"
# byline.toml wins over editor settings: leave inconsistent-spelling to the settings test
# (its default, "warning", is what the file said).
sed -i '/^inconsistent-spelling *=/d' "$work/corpus/byline.toml"
# A multi-root workspace: two corpora (one server each) and a folder without byline.toml.
multi="$work/multi"
mkdir -p "$multi/newsroom-b" "$multi/notes"
cp -rp "$REPO_ROOT/examples/corpus" "$multi/newsroom-a"
cp -p "$REPO_ROOT/examples/corpus/byline.toml" "$REPO_ROOT/examples/corpus/entities.toml" "$multi/newsroom-b/"
cp -p "$REPO_ROOT/examples/corpus/2025-06-25-hague-nato-summit-wi-rutte.txt" "$multi/newsroom-b/b-hague.txt"
cp -p "$REPO_ROOT/examples/corpus/2025-06-04-lee-jae-myung-inauguration.txt" "$multi/newsroom-b/b-inauguration.txt"
cp -p "$REPO_ROOT/examples/corpus/2024-05-01-australia-korea-2plus2-melbourne.txt" "$multi/notes/c-melbourne.txt"
cp -p "$REPO_ROOT/examples/corpus/2025-06-25-hague-nato-summit-wi-rutte.txt" "$multi/notes/c-hague.txt"
cat > "$multi/byline.code-workspace" <<JSON
{ "folders": [ { "path": "$multi/newsroom-a" }, { "path": "$multi/newsroom-b" }, { "path": "$multi/notes" } ] }
JSON

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
log "vscode: starting code-server on 127.0.0.1:$port"
set -m
"${cs_env[@]}" "$CS" "${cs_args[@]}" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override --ignore-last-opened "$work/corpus" >"$BYLINE_E2E_ARTIFACTS/code-server.log" 2>&1 &
cs_pid=$!
set +m
for _ in $(seq 1 150); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$cs_pid" 2>/dev/null || { cat "$BYLINE_E2E_ARTIFACTS/code-server.log" >&2; die "code-server exited"; }
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || die "code-server did not come up"

status=0
shots="$BYLINE_E2E_ARTIFACTS"
NODE_PATH="$(dirname "$PW")" PLAYWRIGHT_CORE="$PW" timeout -k 5 240 node "$E2E_DIR/vscode/test.mjs" \
  --url "http://127.0.0.1:$port/?folder=$work/corpus" --corpus "$work/corpus" --multi "$multi" --bridge "$work/bridge" \
  --shots "$shots" --artifacts "$BYLINE_E2E_ARTIFACTS" || status=$?
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then echo "FAIL vscode test timed out (240 s)"; fi
if [ "$screenshots" -eq 1 ]; then
  for shot in vscode-highlights.png vscode-hover.png; do
    if [ -f "$shots/$shot" ]; then cp "$shots/$shot" "$REPO_ROOT/docs/$shot"; log "vscode: wrote docs/$shot"; fi
  done
fi
exit "$status"
