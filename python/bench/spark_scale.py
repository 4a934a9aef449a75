"""Measures the Spark job on a generated corpus in local mode: throughput,
shuffle bytes (Spark's own stage metrics, from the driver's REST API on
localhost) and peak memory (the resident memory of the driver JVM and every
Python worker, summed, sampled every 0.2 s).

    cargo run --release --example gen -- --articles 100000 --out /tmp/c100k
    python python/bench/spark_scale.py /tmp/c100k [--mode check] [--master local[2]]
"""

import argparse
import json
import os
import shutil
import tempfile
import threading
import time
import urllib.request

from byline import spark as job

PAGE = os.sysconf("SC_PAGE_SIZE")


def tree_rss(root: int) -> int:
    """Resident bytes of `root` and all its descendants."""
    parent = {}
    rss = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                parent[int(d)] = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{d}/statm") as f:
                rss[int(d)] = int(f.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    total = 0
    for pid in rss:
        p = pid
        while p and p != root:
            p = parent.get(p, 0)
        if p == root:
            total += rss[pid]
    return total


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--mode", default="check", choices=["check", "export"])
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=None)
    a = ap.parse_args()

    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], tree_rss(os.getpid()))
            time.sleep(0.2)

    threading.Thread(target=sample, daemon=True).start()
    out = tempfile.mkdtemp(prefix="byline-spark-")
    shutil.rmtree(out)
    spark = job.session(a.master, "byline-scale")
    spark.sparkContext.setLogLevel("ERROR")
    text_bytes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(a.corpus) for f in fs)
    start = time.perf_counter()
    figures = job.run(a.mode, a.corpus, out, partitions=a.partitions, spark=spark)
    wall = time.perf_counter() - start
    sc = spark.sparkContext
    url = f"{sc.uiWebUrl}/api/v1/applications/{sc.applicationId}/stages"
    stages = json.load(urllib.request.urlopen(url))
    stop.set()
    lines = sum(1 for _ in job.read_output(out))
    figures.update({
        "mode": a.mode,
        "master": a.master,
        "text_mb": round(text_bytes / 1e6, 1),
        "wall_seconds": round(wall, 1),
        "articles_per_second": round(figures["documents"] / wall),
        "shuffle_write_bytes": sum(s.get("shuffleWriteBytes", 0) for s in stages),
        "shuffle_read_bytes": sum(s.get("shuffleReadBytes", 0) for s in stages),
        "records_written": lines,
        "peak_rss_mb_driver_and_workers": round(peak[0] / 1e6),
    })
    figures["stages"] = [
        (st["stageId"], st["name"].split(" at ")[0], st["numTasks"], round(st["executorRunTime"] / 1000, 1), st.get("shuffleWriteBytes", 0))
        for st in sorted(stages, key=lambda st: st["stageId"])
    ]
    print(json.dumps(figures, indent=1))
    shutil.rmtree(out, ignore_errors=True)
    spark.stop()


if __name__ == "__main__":
    main()
