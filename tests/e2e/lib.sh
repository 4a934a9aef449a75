# Shared helpers for the end-to-end tests (sourced by run.sh and the per-editor scripts).
# Everything installed goes under $BYLINE_E2E_CACHE (default ~/.cache/byline-e2e) so that
# reruns are fast and nothing lands in the work tree.

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$E2E_DIR/../.." && pwd)"
: "${BYLINE_E2E_CACHE:=$HOME/.cache/byline-e2e}"
export BYLINE_E2E_CACHE
mkdir -p "$BYLINE_E2E_CACHE"

log() { printf '\033[1;34m[e2e]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[e2e] %s\033[0m\n' "$*" >&2; exit 1; }

# apt_install PKG...: installs the Debian packages that are missing (root or sudo).
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  log "apt-get install ${missing[*]}"
  if [ ! -f "$BYLINE_E2E_CACHE/.apt-updated" ] || [ -z "$(find "$BYLINE_E2E_CACHE/.apt-updated" -mmin -1440 2>/dev/null)" ]; then
    timeout 300 $sudo apt-get update -qq || die "apt-get update failed"
    touch "$BYLINE_E2E_CACHE/.apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive timeout 600 $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

# byline_binary: prints the path of target/release/byline, building it if absent.
byline_binary() {
  local bin="$REPO_ROOT/target/release/byline"
  if [ ! -x "$bin" ]; then
    log "building target/release/byline"
    (cd "$REPO_ROOT" && timeout 1200 cargo build --release >&2) || die "cargo build --release failed"
  fi
  printf '%s\n' "$bin"
}

# A suite's own arguments: [--screenshots] [--byline PATH]. Sets $screenshots (0/1) and
# $byline (the given binary, else the release build, built when absent).
suite_args() {
  screenshots=0
  byline=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --screenshots) screenshots=1; shift ;;
      --byline) byline="$2"; shift 2 ;;
      *) die "unknown argument: $1" ;;
    esac
  done
  [ -n "$byline" ] || byline="$(byline_binary)"
}

# playwright_core: installs Debian's chromium and playwright-core (cached under
# $BYLINE_E2E_CACHE) when missing; prints the path of the playwright-core package.
PLAYWRIGHT_VERSION=1.56.1
playwright_core() {
  apt_install chromium fonts-dejavu-core
  local dir="$BYLINE_E2E_CACHE/playwright-$PLAYWRIGHT_VERSION"
  if [ ! -f "$dir/node_modules/playwright-core/package.json" ]; then
    log "installing playwright-core $PLAYWRIGHT_VERSION"
    rm -rf "$dir"; mkdir -p "$dir"
    (cd "$dir" && echo '{"name":"byline-e2e-playwright","private":true}' > package.json \
      && timeout 300 npm install --no-audit --no-fund "playwright-core@$PLAYWRIGHT_VERSION" >/dev/null 2>&1) \
      || die "playwright-core install failed"
  fi
  printf '%s\n' "$dir/node_modules/playwright-core"
}
