"""Shared fixtures: the example corpus and the CLI built from the same engine."""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "corpus"


def byline_bin() -> str:
    b = os.environ.get("BYLINE_BIN") or str(ROOT / "target" / "release" / "byline")
    if not Path(b).exists():
        pytest.skip(f"the byline binary is not built ({b})")
    return b


def cli(*args: str) -> str:
    """Standard output of the ``byline`` command (exit status 0 or 1)."""
    r = subprocess.run([byline_bin(), *args], capture_output=True, text=True)
    assert r.returncode in (0, 1), r.stderr
    return r.stdout


@pytest.fixture(scope="session")
def examples() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def cli_findings(examples):
    return json.loads(cli("check", "--format", "json", str(examples)))


@pytest.fixture(scope="session")
def cli_export(examples):
    return [json.loads(line) for line in cli("export", "--format", "jsonl", str(examples)).splitlines() if line]
