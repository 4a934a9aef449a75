"""The spaCy component, registered through the package's entry point."""

import pytest

spacy = pytest.importorskip("spacy")

TEXT = "Defense Minister Lee Jong-sup met NATO Secretary General Jens Stoltenberg in Brussels on Tuesday."


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("byline")  # found through the spacy_factories entry point
    return nlp


def test_sets_ents_and_extensions(nlp):
    doc = nlp(TEXT)
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Lee Jong-sup", "PERSON") in ents
    assert ("Jens Stoltenberg", "PERSON") in ents
    assert ("NATO", "ORG") in ents
    assert ("Brussels", "LOC") in ents
    lee = next(e for e in doc.ents if e.text == "Lee Jong-sup")
    assert lee._.role == "Defense Minister"
    assert lee._.entity == "Lee Jong-sup"
    stoltenberg = next(e for e in doc.ents if e.text == "Jens Stoltenberg")
    assert stoltenberg._.affiliation == "North Atlantic Treaty Organization (NATO)"


def test_pipe_equals_call(nlp):
    texts = [TEXT, "Prime Minister Fumio Kishida visited Seoul.", "no names here."]
    piped = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(texts, batch_size=2)]
    called = [[(e.start_char, e.end_char, e.label_) for e in nlp(t).ents] for t in texts]
    assert piped == called
    assert piped[2] == []


def test_keeps_entities_set_earlier(nlp):
    from spacy.tokens import Span

    nlp2 = spacy.blank("en")

    @spacy.Language.component("mark_brussels")
    def mark(doc):
        doc.ents = [Span(doc, len(doc) - 4, len(doc) - 3, label="GPE")]
        return doc

    nlp2.add_pipe("mark_brussels")
    nlp2.add_pipe("byline")
    doc = nlp2(TEXT)
    assert ("Brussels", "GPE") in {(e.text, e.label_) for e in doc.ents}
    assert ("Lee Jong-sup", "PERSON") in {(e.text, e.label_) for e in doc.ents}


def test_config_round_trip(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    assert [(e.text, e.label_) for e in again(TEXT).ents] == [(e.text, e.label_) for e in nlp(TEXT).ents]


def test_registered_through_the_entry_point():
    # A fresh interpreter that never imports byline: spaCy finds the factory
    # through the package's spacy_factories entry point.
    import subprocess
    import sys

    code = (
        "import sys, spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('byline')\n"
        "assert 'byline' in sys.modules\n"
        "print([(e.text, e.label_) for e in nlp('Mark Rutte visited Seoul.').ents])\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[('Mark Rutte', 'PERSON'), ('Seoul', 'LOC')]"
