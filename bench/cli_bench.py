#!/usr/bin/env python3
"""Times `byline check --format json DIR` (or another byline command) N times.

    python3 bench/cli_bench.py --byline target/release/byline --dir DIR [--runs 3] [--timeout 600] [--label 10k]

Each run goes through `/usr/bin/time -v` (wall time "Elapsed (wall clock) time",
peak RSS "Maximum resident set size", and user + system CPU time, which is less
disturbed by other load than wall time); standard output of byline is discarded
(written to /dev/null, so the JSON is produced but not stored). A run that does
not finish within --timeout seconds is killed (with its process group) and
reported as "> timeout"; the remaining runs are skipped. Reports the median wall
time and peak RSS, the text size (bytes of the .txt files), MB/s, RSS/text and
words/s (words = whitespace-separated tokens, the same count spacy_bench.py
uses). Standard library only; JSON on standard output.
"""
import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time


def corpus_size(d):
    if os.path.isfile(d):
        return os.path.getsize(d), 1
    total = n = 0
    for root, _, files in os.walk(d):
        for f in files:
            if f.endswith(".txt"):
                total += os.path.getsize(os.path.join(root, f))
                n += 1
    return total, n


def corpus_words(d):
    words = 0
    for root, _, files in os.walk(d):
        for f in files:
            if f.endswith(".txt"):
                with open(os.path.join(root, f), encoding="utf-8") as fh:
                    words += len(fh.read().split())
    return words


def parse_time_v(text):
    out = {}
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if m:
        out["max_rss_kb"] = int(m.group(1))
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", text)
    if m:
        h = int(m.group(1) or 0)
        out["wall_s_time_v"] = h * 3600 + int(m.group(2)) * 60 + float(m.group(3))
    for key, label in (("user_s", "User time (seconds)"), ("sys_s", "System time (seconds)")):
        m = re.search(re.escape(label) + r": ([\d.]+)", text)
        if m:
            out[key] = float(m.group(1))
    m = re.search(r"Exit status: (\d+)", text)
    if m:
        out["exit_status"] = int(m.group(1))
    return out


def run_once(cmd, timeout):
    with tempfile.NamedTemporaryFile("w+", suffix=".time") as tf:
        full = ["/usr/bin/time", "-v", "-o", tf.name] + cmd
        t0 = time.perf_counter()
        p = subprocess.Popen(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        try:
            _, err = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.communicate()
            return {"timeout": True}
        wall = time.perf_counter() - t0
        tf.seek(0)
        r = parse_time_v(tf.read())
        r["wall_s"] = round(wall, 3)
        r["stderr_tail"] = err.decode("utf-8", "replace")[-300:]
        return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--byline", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--label", default="")
    ap.add_argument("--command", default="check --format json", help="byline subcommand and flags before DIR")
    ap.add_argument("--words", action="store_true", help="also count words (whitespace tokens) for words/s")
    args = ap.parse_args()
    size, files = corpus_size(args.dir)
    cmd = [args.byline] + args.command.split() + [args.dir]
    runs = []
    for _ in range(args.runs):
        r = run_once(cmd, args.timeout)
        runs.append(r)
        if r.get("timeout"):
            break
    res = {"label": args.label, "command": " ".join(["byline"] + args.command.split() + ["DIR"]), "dir": args.dir, "files": files, "text_bytes": size, "runs": runs, "timeout_s": args.timeout}
    ok = [r for r in runs if not r.get("timeout")]
    if runs and runs[-1].get("timeout"):
        res["result"] = f"> {args.timeout:g} s (timeout)"
    if ok:
        wall = statistics.median(r["wall_s"] for r in ok)
        rss = statistics.median(r.get("max_rss_kb", 0) for r in ok)
        res.update({
            "wall_s": round(wall, 3),
            "max_rss_kb": int(rss),
            "mb_per_s": round(size / 1e6 / wall, 3) if wall else None,
            "rss_over_text": round(rss * 1024 / size, 3) if size else None,
            "cpu_s": round(statistics.median(r.get("user_s", 0) + r.get("sys_s", 0) for r in ok), 3),
            "exit_status": ok[-1].get("exit_status"),
        })
        res.setdefault("result", f"{wall:.2f} s")
        if args.words:
            w = corpus_words(args.dir)
            res["words"] = w
            res["words_per_s"] = round(w / wall) if wall else None
    print(json.dumps(res, indent=2))
    if not ok:
        print(f"cli {args.label}: {res.get('result', 'no run')}", file=sys.stderr)


if __name__ == "__main__":
    main()
