#!/usr/bin/env python3
"""Gathers the parts bench/run.sh wrote (cli-*.json, lsp-*.json, spacy.json) into
one JSON file with the machine and commit, and prints a compact table.

    python3 bench/report.py --work DIR --out bench/results/DATE-LABEL.json [--label L] [--root REPO]
"""
import argparse
import glob
import json
import os
import platform
import subprocess


def machine():
    m = {"nproc": os.cpu_count(), "platform": platform.platform()}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    m["cpu"] = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    m["mem_kb"] = int(line.split()[1])
        with open("/proc/loadavg") as f:
            m["loadavg_at_report"] = f.read().split()[:3]
    except OSError:
        pass
    return m


def git(root, *args):
    try:
        return subprocess.run(["git", "-C", root] + list(args), capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        return {"error": f"{os.path.basename(path)}: {e}"}


def size_key(label):
    order = {"1k": 0, "10k": 1, "100k": 2}
    return (order.get(label, 9), label)


def f(v, nd=2):
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.{nd}f}"
    return str(v)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--label", default="")
    ap.add_argument("--root", default=".")
    args = ap.parse_args()
    res = {
        "label": args.label,
        "machine": machine(),
        "commit": git(args.root, "rev-parse", "HEAD"),
        "dirty": bool(git(args.root, "status", "--porcelain", "--untracked-files=no")),
        "cli": {},
        "cli_long_line": {},
        "lsp": {},
        "lsp_long_line": {},
    }
    for p in sorted(glob.glob(os.path.join(args.work, "cli-*.json"))):
        name = os.path.basename(p)[4:-5]
        d = load(p)
        if name.startswith("line-"):
            res["cli_long_line"][name[5:]] = d
        else:
            res["cli"][name] = d
    for p in sorted(glob.glob(os.path.join(args.work, "lsp-*.json"))):
        name = os.path.basename(p)[4:-5]
        d = load(p)
        if name.startswith("line-"):
            res["lsp_long_line"][name[5:]] = d.get("long_line", d)
        else:
            res["lsp"][name] = d
    sp = os.path.join(args.work, "spacy.json")
    if os.path.exists(sp):
        s = load(sp)
        res["spacy"] = s
        b = res["cli"].get("1k", {})
        if s.get("words_per_s") and b.get("words_per_s"):
            res["spacy"]["byline_words_per_s"] = b["words_per_s"]
            res["spacy"]["byline_over_spacy"] = round(b["words_per_s"] / s["words_per_s"], 2)
        if s.get("words_per_cpu_s") and b.get("words") and b.get("cpu_s"):
            res["spacy"]["byline_words_per_cpu_s"] = round(b["words"] / b["cpu_s"])
            res["spacy"]["byline_over_spacy_cpu"] = round(b["words"] / b["cpu_s"] / s["words_per_cpu_s"], 2)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as fh:
        json.dump(res, fh, indent=2)
        fh.write("\n")

    # ---- table ----
    sizes = sorted(set(res["cli"]) | set(res["lsp"]), key=size_key)
    rows = []

    def row(name, fn):
        rows.append([name] + [fn(s) for s in sizes])

    def cli(s, k):
        return res["cli"].get(s, {}).get(k)

    def lsp(s, *path):
        v = res["lsp"].get(s, {})
        for k in path:
            v = v.get(k, {}) if isinstance(v, dict) else {}
        return None if v == {} else v

    row("text (MB)", lambda s: f((cli(s, "text_bytes") or lsp(s, "text_bytes") or 0) / 1e6, 1))
    row("check: wall (s, median)", lambda s: f(cli(s, "result")) if cli(s, "wall_s") is None else f(cli(s, "wall_s")))
    row("check: CPU user+sys (s)", lambda s: f(cli(s, "cpu_s")))
    row("check: MB/s", lambda s: f(cli(s, "mb_per_s")))
    row("check: peak RSS (MB)", lambda s: f((cli(s, "max_rss_kb") or 0) / 1024, 0) if cli(s, "max_rss_kb") else "-")
    row("check: RSS / text", lambda s: f(cli(s, "rss_over_text")))
    row("lsp: first diagnostics (ms)", lambda s: f(lsp(s, "first_diagnostics", "from_initialized_ms"), 0))
    row("lsp: indexing finished (ms)", lambda s: f(lsp(s, "indexing_done_ms", "from_initialized_ms"), 0))
    row("lsp: RSS after indexing (MB)", lambda s: f((lsp(s, "rss_after_indexing_kb") or 0) / 1024, 0) if lsp(s, "rss_after_indexing_kb") else "-")
    row("lsp: hover p50/p99 (ms)", lambda s: f"{f(lsp(s, 'hover', 'p50_ms'))}/{f(lsp(s, 'hover', 'p99_ms'))}")
    row("lsp: keystroke diags p50/p99 (ms)", lambda s: f"{f(lsp(s, 'edit_own_diagnostics', 'p50_ms'), 1)}/{f(lsp(s, 'edit_own_diagnostics', 'p99_ms'), 1)}")
    row("lsp: refresh after edit p50/p99 (ms)", lambda s: f"{f(lsp(s, 'edit_refresh', 'p50_ms'), 0)}/{f(lsp(s, 'edit_refresh', 'p99_ms'), 0)}")
    row("lsp: rename (ms)", lambda s: f(lsp(s, "rename", "ms"), 0))
    row("lsp: server peak RSS (MB)", lambda s: f((lsp(s, "hwm_end_kb") or 0) / 1024, 0) if lsp(s, "hwm_end_kb") else "-")
    head = ["figure"] + sizes
    w0 = max(len(r[0]) for r in rows + [head])
    ws = [max(len(str(r[i + 1])) for r in rows + [head]) for i in range(len(sizes))]
    print(f"Byline benchmarks {args.label} (commit {str(res['commit'])[:10]}{' dirty' if res['dirty'] else ''}; {res['machine'].get('nproc')} cores, {res['machine'].get('cpu', '?')})")
    if sizes:
        print("  " + head[0].ljust(w0) + "  " + "  ".join(h.rjust(w) for h, w in zip(head[1:], ws)))
        for r in rows:
            print("  " + r[0].ljust(w0) + "  " + "  ".join(str(v).rjust(w) for v, w in zip(r[1:], ws)))
    for name, d in res["cli_long_line"].items():
        print(f"  check, single line {name} ({d.get('text_bytes')} B): {d.get('result')}" + (f", peak RSS {d.get('max_rss_kb', 0) / 1024:.0f} MB" if d.get("max_rss_kb") else ""))
    for name, d in res["lsp_long_line"].items():
        print(f"  lsp, single line {name}: indexing {f(d.get('indexing_done_ms', {}).get('from_initialized_ms'), 0)} ms, "
              f"semantic tokens {f(d.get('semantic_tokens_ms'), 1)} ms, hover p99 {f(d.get('hover', {}).get('p99_ms'))} ms, "
              f"keystroke diags p50 {f(d.get('edit_own_diagnostics', {}).get('p50_ms'), 0)} ms")
    if "spacy" in res:
        s = res["spacy"]
        if s.get("words_per_s"):
            print(f"  spaCy {s.get('spacy')} {s.get('model')}: {s['words_per_s']} words/s on {s.get('articles')} articles; "
                  f"Byline check: {s.get('byline_words_per_s', '-')} words/s; Byline/spaCy = {s.get('byline_over_spacy', '-')} "
                  f"(per CPU second: spaCy {s.get('words_per_cpu_s', '-')}, Byline {s.get('byline_words_per_cpu_s', '-')}, ratio {s.get('byline_over_spacy_cpu', '-')})")
        else:
            print(f"  spaCy: {s.get('error', 'no result')}")
    print(f"  JSON: {args.out}")


if __name__ == "__main__":
    main()
