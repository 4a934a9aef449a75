#!/usr/bin/env bash
# The names authority with the real tools: typos (PyPI wheel) and cspell (npm)
# flag the sample corpus's names before `byline names` and not after, while
# they still flag a real misspelling ("goverment") and cspell still flags the
# spelling Byline flags ("Seongrak Wi", written "Wi Sung-lac" elsewhere).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cache="${BYLINE_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/byline-tools}"
mkdir -p "$cache"

byline="$root/target/release/byline"
[ -x "$byline" ] || (cd "$root" && cargo build --release --quiet)

# typos from PyPI (a binary wheel), cspell from npm, both pinned.
[ -x "$cache/venv/bin/typos" ] || { python3 -m venv "$cache/venv" && "$cache/venv/bin/pip" install --quiet typos==1.52.2; }
[ -x "$cache/npm/node_modules/.bin/cspell" ] || npm install --silent --no-audit --no-fund --prefix "$cache/npm" cspell@9.8.0 >/dev/null
typos="$cache/venv/bin/typos"
cspell="$cache/npm/node_modules/.bin/cspell"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here"/corpus/*.txt "$work/"
fail=0
check() { # NAME EXPECTED-PATTERN OUTPUT
  if grep -q -- "$2" <<<"$3"; then echo "ok: $1"; else echo "FAIL: $1 (no /$2/ in:)"; echo "$3"; fail=1; fi
}
absent() { # NAME PATTERN OUTPUT
  if grep -q -- "$2" <<<"$3"; then echo "FAIL: $1 (/$2/ still in:)"; echo "$3"; fail=1; else echo "ok: $1"; fi
}

cd "$work"
before_typos=$("$typos" --format brief . 2>&1 || true)
before_cspell=$("$cspell" --no-progress --no-summary --no-color "*.txt" 2>&1 || true)
check "typos flags Tennant before" "Tennant" "$before_typos"
check "typos flags Woking before" "Woking" "$before_typos"
check "typos flags Presse before" "Presse" "$before_typos"
check "cspell flags Tennant before" "Tennant" "$before_cspell"
check "cspell flags Yonhap before" "Yonhap" "$before_cspell"

"$byline" names --format typos --out _typos.toml .
"$byline" names --format cspell --out cspell.json .
after_typos=$("$typos" --format brief . 2>&1 || true)
after_cspell=$("$cspell" --no-progress --no-summary --no-color "*.txt" 2>&1 || true)
for n in Tennant Woking Presse Patten; do absent "typos accepts $n after" "$n" "$after_typos"; done
check "typos still flags goverment" "goverment" "$after_typos"
for n in Tennant Yonhap Agence Presse; do absent "cspell accepts $n after" "$n" "$after_cspell"; done
check "cspell still flags goverment" "goverment" "$after_cspell"
check "cspell still flags the variant Seongrak" "Seongrak" "$after_cspell"
exit $fail
