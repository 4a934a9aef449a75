#!/usr/bin/env bash
# A short bounded fuzzing run of every target in fuzz/ (cargo-fuzz, libFuzzer),
# for CI: SECONDS_PER_TARGET each (default 30). Needs a nightly toolchain and
# cargo-fuzz; installs them when it can, and otherwise says so and exits 0 — the
# same properties always run with proptest in `cargo test` (tests/robustness.rs).
#   scripts/fuzz-ci.sh [SECONDS_PER_TARGET]
set -uo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  timeout 120 rustup toolchain install nightly --profile minimal >/dev/null 2>&1 \
    || { echo "fuzz: no nightly toolchain here; skipped (proptest covers the same properties)"; exit 0; }
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  timeout 300 cargo install cargo-fuzz --locked >/dev/null 2>&1 \
    || { echo "fuzz: cargo-fuzz could not be installed; skipped (proptest covers the same properties)"; exit 0; }
fi
cd fuzz
cargo +nightly fuzz build -O || exit 1
status=0
for t in analyze edits config framing; do
  mkdir -p corpus/$t
  [ "$t" = analyze ] && cp ../examples/corpus/*.txt corpus/$t/ 2>/dev/null
  # The server's log line for each malformed frame is dropped (the framing
  # target produces millions of them).
  if cargo +nightly fuzz run -O "$t" corpus/$t -- -max_total_time="$secs" -rss_limit_mb=3000 -max_len=65536 2>&1 \
      | grep -av '^byline lsp: skipped a message' >"/tmp/fuzz-ci-$t.log"; then
    echo "fuzz $t: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' /tmp/fuzz-ci-$t.log | tail -1)"
  else
    echo "fuzz $t: FAILED"; tail -n 40 "/tmp/fuzz-ci-$t.log"; status=1
  fi
done
exit $status
