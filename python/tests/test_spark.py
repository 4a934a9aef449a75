"""The Spark job in local mode equals the CLI on the example corpus."""

import json
import shutil

import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None:
    pytest.skip("no Java for Spark", allow_module_level=True)

from byline import spark as job  # noqa: E402


@pytest.fixture(scope="module")
def session():
    s = job.session("local[2]", "byline-tests")
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()


def canon(items):
    return sorted(json.dumps(x, sort_keys=True, ensure_ascii=False) for x in items)


def test_check_equals_the_cli(session, examples, cli_findings, cli_export, tmp_path):
    figures = job.run("check", str(examples), str(tmp_path / "out"), partitions=3, spark=session)
    got = [json.loads(l) for l in job.read_output(str(tmp_path / "out"))]
    assert cli_findings, "the example corpus has findings"
    assert canon(got) == canon(cli_findings)
    assert figures["documents"] == len(cli_export)
    assert figures["entities"] > 0 and figures["words"] > 0


def test_export_equals_the_cli(session, examples, cli_export, tmp_path):
    job.run("export", str(examples), str(tmp_path / "out"), partitions=4, spark=session)
    got = [json.loads(l) for l in job.read_output(str(tmp_path / "out"))]
    assert canon(got) == canon(cli_export)


def test_parquet_output(session, examples, cli_export, tmp_path):
    job.run("export", str(examples), str(tmp_path / "pq"), format="parquet", partitions=2, spark=session)
    rows = session.read.parquet(str(tmp_path / "pq")).collect()
    assert canon(json.loads(r["json"]) for r in rows) == canon(cli_export)
    assert sorted(r["path"] for r in rows) == sorted(d["path"] for d in cli_export)


def test_partitioning_does_not_change_the_summary(session, examples):
    one = job.summarize(session.sparkContext, str(examples), 1)[1]
    five = job.summarize(session.sparkContext, str(examples), 5)[1]
    assert one == five
    assert json.loads(one)["entities"], "entities were summarised"
