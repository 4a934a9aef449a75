"""Archive-scale annotation on Apache Spark.

    python -m byline.spark check|export INPUT OUTPUT [--format jsonl|parquet] [--master local[2]]

INPUT is a corpus folder (with its ``byline.toml`` and ``entities.toml``, if
any) that every executor can read at the same path (a shared or network file
system; in local mode, the local disk). The job:

1. lists the corpus's files on the driver in path order (``byline`` numbers
   documents the same way) and spreads ``(number, path)`` pairs over the
   executors;
2. on the executors, ``mapPartitions`` reads and analyses each document and
   merges the partition's summaries in Rust, emitting one record per entity
   (its spellings with counts, mentions per document, dated role claims, the
   first ten places each spelling is used) and one per word count;
3. ``reduceByKey`` merges those records by entity and by word: the shuffle
   carries distinct spellings and counts, never text;
4. the driver collects the merged summary, checks that the decisions compute
   (``Decided``), and broadcasts the summary; each executor process derives
   the decisions from it once (the same code as ``byline check``), then reads
   off each document's findings and export line;
5. ``check`` writes one finding per line (as ``byline check --format json``
   lists them), ``export`` one document per line (as ``byline export
   --format jsonl``), as JSONL text files or Parquet (columns ``path`` and
   ``json``).

Spark itself schedules everything; the Rust engine runs inside the Python
workers with the GIL released, on all the cores a task has.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import uuid
from typing import Dict, Iterable, Iterator, List, Optional, Tuple

from . import _byline

# The decisions of the broadcast summary, built once per Python worker process.
_DECIDED: Dict[Tuple[str, str], "_byline.Decided"] = {}


def _decided(root: str, token: str, summary) -> "_byline.Decided":
    """The decisions of a broadcast summary (``token`` names the run)."""
    key = (root, token)
    if key not in _DECIDED:
        _DECIDED.clear()
        _DECIDED[key] = _byline.Decided(root, summary.value)
    return _DECIDED[key]


def _merge(a, b):
    """Merges two aggregated values: counts (words) or entity summaries (JSON)."""
    if isinstance(a, int):
        return a + b
    return _byline.merge_entity(a, b)


def summarize(sc, root: str, partitions: Optional[int] = None):
    """The documents as an RDD of ``(number, path)`` and the merged summary (JSON)."""
    paths = _byline.discover(root)
    # Large partitions: each emits one record per distinct entity and word it saw.
    n = partitions or max(2 * sc.defaultParallelism, min(len(paths) // 2000 + 1, 5000))
    docs = sc.parallelize(list(enumerate(paths)), n)

    def summarize_partition(items: Iterable[Tuple[int, str]]) -> Iterator[Tuple[str, object]]:
        entities, words = _byline.summarize_partition(root, list(items))
        for k, e in entities:
            yield ("e" + k, e)
        for w, n in words:
            yield ("w" + w, n)

    merged = docs.mapPartitions(summarize_partition).reduceByKey(_merge).collect()
    entities = [(k[1:], v) for k, v in merged if k[0] == "e"]
    words = [(k[1:], v) for k, v in merged if k[0] == "w"]
    return docs, _byline.summary_json(entities, words)


def session(master: Optional[str] = None, name: str = "byline"):
    """A Spark session: ``master`` if given, else spark-submit's, else ``local[2]``.
    The workers run this Python (and so this package)."""
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(name)
    if master or not SparkConf().contains("spark.master"):
        builder = builder.master(master or "local[2]")
    return builder.getOrCreate()


def run(mode: str, input: str, output: str, format: str = "jsonl", master: Optional[str] = None,
        partitions: Optional[int] = None, spark=None) -> dict:
    """Runs the job; returns figures (documents, records written, seconds, sizes)."""
    if mode not in ("check", "export"):
        raise ValueError(f"unknown mode {mode!r}: expected check or export")
    if format not in ("jsonl", "parquet"):
        raise ValueError(f"unknown format {format!r}: expected jsonl or parquet")
    root = os.path.abspath(input)
    if spark is None:
        spark = session(master, f"byline {mode}")
    sc = spark.sparkContext
    start = time.perf_counter()
    docs, summary = summarize(sc, root, partitions)
    decided = _byline.Decided(root, summary)  # the decisions, computed on the driver
    entities, words = decided.sizes()
    summarized = time.perf_counter()
    bc = sc.broadcast(summary)
    token = uuid.uuid4().hex

    def outputs(items: Iterable[Tuple[int, str]]) -> Iterator[Tuple[str, str]]:
        for path, findings, line in _decided(root, token, bc).outputs(list(items)):
            if mode == "check":
                for f in findings:
                    yield (path, f)
            else:
                yield (path, line)

    records = docs.mapPartitions(outputs)
    if format == "jsonl":
        records.map(lambda r: r[1]).saveAsTextFile(output)
    else:
        spark.createDataFrame(records, "path string, json string").write.parquet(output)
    done = time.perf_counter()
    return {
        "documents": docs.count(),
        "entities": entities,
        "words": words,
        "summary_bytes": len(summary.encode()),
        "summary_seconds": round(summarized - start, 2),
        "seconds": round(done - start, 2),
    }


def read_output(output: str) -> List[str]:
    """The lines a JSONL run wrote (every part file)."""
    lines: List[str] = []
    for name in sorted(os.listdir(output)):
        if name.startswith("part-"):
            with open(os.path.join(output, name), encoding="utf-8") as f:
                lines.extend(line.rstrip("\n") for line in f if line.strip())
    return lines


def main(argv: Optional[List[str]] = None) -> int:
    p = argparse.ArgumentParser(prog="python -m byline.spark", description="Byline on Apache Spark.")
    p.add_argument("mode", choices=["check", "export"])
    p.add_argument("input", help="corpus folder, readable by every executor at this path")
    p.add_argument("output", help="output folder (must not exist)")
    p.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    p.add_argument("--master", default=None, help="Spark master (default: local[2], or spark-submit's)")
    p.add_argument("--partitions", type=int, default=None)
    a = p.parse_args(argv)
    try:
        figures = run(a.mode, a.input, a.output, a.format, a.master, a.partitions)
    except (_byline.BylineError, NotADirectoryError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
