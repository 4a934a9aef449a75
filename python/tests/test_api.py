"""The Python API against the engine's own outputs on real-looking text."""

import json
import threading
import time

import pytest

import byline
from conftest import cli

ACCEPTANCE = "President Lee Jae-myung met NATO chief Mark Rutte in The Hague."


def test_analyze_finds_people_roles_and_places():
    ms = byline.analyze(ACCEPTANCE)
    by_text = {m.text: m for m in ms}
    assert by_text["Lee Jae-myung"].label == "PERSON"
    assert by_text["Lee Jae-myung"].role == "President"
    assert by_text["Mark Rutte"].label == "PERSON"
    assert by_text["NATO"].label == "ORG"
    assert any(m.label == "LOC" and "Hague" in m.text for m in ms)
    for m in ms:
        assert ACCEPTANCE[m.start:m.end] == m.text


def test_offsets_are_code_points():
    text = "Ünïcödé 🎉 — Defense Minister Lee Jong-sup visited Seoul."
    ms = byline.analyze(text)
    assert [m.text for m in ms if m.label == "PERSON"] == ["Lee Jong-sup"]
    for m in ms:
        assert text[m.start:m.end] == m.text


def test_knowledge_base_and_date(tmp_path):
    kb = tmp_path / "entities.toml"
    kb.write_text('[[entity]]\nname = "Acme Widgets"\nkind = "organization"\naliases = ["Acme"]\n')
    ms = byline.analyze("Shares of Acme rose on Monday in Seoul.", kb=kb, date="2024-03-01")
    acme = [m for m in ms if m.text == "Acme"]
    assert acme and acme[0].label == "ORG" and acme[0].entity == "Acme Widgets"
    with pytest.raises(ValueError):
        byline.analyze("Seoul", date="March 1")


def test_knowledge_base_errors_name_file_line_and_column(tmp_path):
    kb = tmp_path / "entities.toml"
    kb.write_text('[[entity]]\nname = "Acme"\nkind = "organization"\naliases = [\n')
    with pytest.raises(byline.BylineError) as e:
        byline.analyze("Acme", kb=kb)
    assert e.value.path.endswith("entities.toml")
    assert e.value.line >= 4 and e.value.column >= 1
    assert "entities.toml" in str(e.value)


def test_corpus_with_a_broken_config_raises_with_its_location(tmp_path):
    (tmp_path / "byline.toml").write_text('[style]\nspelling = "american\n')
    (tmp_path / "a.txt").write_text("Seoul\n")
    with pytest.raises(byline.BylineError) as e:
        byline.Corpus(tmp_path)
    assert e.value.path.endswith("byline.toml") and e.value.line == 2
    with pytest.raises(NotADirectoryError):
        byline.Corpus(tmp_path / "a.txt")


def test_batch_equals_one_by_one():
    texts = [ACCEPTANCE, "Foreign Minister Cho Tae-yul spoke in Tokyo.", ""]
    assert byline.analyze_batch(texts) == [byline.analyze(t) for t in texts]


def test_the_gil_is_released_during_analysis():
    # A Python thread keeps counting while the engine analyses a long text.
    text = (ACCEPTANCE + " ") * 20000
    ticks = 0
    done = threading.Event()

    def count():
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.001)

    t = threading.Thread(target=count)
    t.start()
    start = time.perf_counter()
    byline.analyze_batch([text, text])
    took = time.perf_counter() - start
    done.set()
    t.join()
    assert took > 0.05, "the text was too short to tell"
    assert ticks >= took * 100 * 0.2, (ticks, took)


def test_corpus_equals_the_cli(examples, cli_findings, cli_export):
    c = byline.Corpus(examples)
    assert len(c) == len(cli_export)
    assert c.findings() == cli_findings
    assert c.entities() == json.loads(cli("entities", "--format", "json", str(examples)))
    assert [json.loads(l) for l in c.export("jsonl").splitlines()] == cli_export
    assert c.export("conll") == cli("export", "--format", "conll", str(examples))
    with pytest.raises(ValueError):
        c.export("xml")


def test_brat_export_writes_a_folder(examples, tmp_path):
    byline.Corpus(examples).export("brat", tmp_path / "brat")
    assert (tmp_path / "brat" / "annotation.conf").exists()
    assert list((tmp_path / "brat").glob("*.ann"))
