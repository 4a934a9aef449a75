#!/usr/bin/env bash
# CI for the Python package: a fresh venv, the wheel built with maturin (reusing
# the repository's target/ so the engine's release build is shared), pytest
# for the API, the spaCy component and the Spark job in local mode (Java 17
# from Debian's packages if absent). Versions are pinned.
set -euo pipefail
cd "$(dirname "$0")"
here=$PWD
root=$(cd .. && pwd)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
venv="${BYLINE_PY_VENV:-$root/target/python-venv}"
# What the tests need, downloaded once: `.ci/run` starts `python/ci.sh
# --prepare` in the background at its start, so the downloads overlap the
# Rust build, and this step then waits for it.
prepare() {
  if ! command -v java >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
  fi
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check \
    maturin==1.16.0 pytest==8.4.2 spacy==3.8.18 pyspark==4.0.1
  touch "$venv/.prepared"
}
if [ "${1:-}" = "--prepare" ]; then
  mkdir -p "$(dirname "$venv")"
  prepare
  exit 0
fi
[ -f "$venv/.prepared" ] || prepare
cargo fmt --check --manifest-path Cargo.toml

start=$(date +%s)
rm -rf "$CARGO_TARGET_DIR/wheels"
"$venv/bin/maturin" build --release --quiet --out "$CARGO_TARGET_DIR/wheels" -i "$venv/bin/python"
"$venv/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps "$CARGO_TARGET_DIR"/wheels/byline-*.whl
echo "python: wheel built and installed in $(( $(date +%s) - start )) s"

# The acceptance line, from outside the source tree (the installed wheel).
(cd /tmp && "$venv/bin/python" -c "import byline; print(byline.analyze('President Lee Jae-myung met NATO chief Mark Rutte in The Hague.'))")

export BYLINE_BIN="$CARGO_TARGET_DIR/release/byline"
[ -x "$BYLINE_BIN" ] || cargo build --release --quiet --manifest-path "$root/Cargo.toml"
# Run from outside the source folder so `import byline` is the installed wheel.
cd /tmp && "$venv/bin/python" -m pytest -q -p no:cacheprovider "$here/tests"
