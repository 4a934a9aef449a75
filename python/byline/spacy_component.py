"""The spaCy component: ``nlp.add_pipe("byline")``.

Registered through the ``spacy_factories`` entry point, so installing the
package is enough. It sets ``doc.ents`` from Byline's mentions (PERSON, ORG,
LOC) and the span extensions ``span._.entity`` (the fullest name),
``span._.role`` and ``span._.affiliation``. Mentions that do not fall on
spaCy's token boundaries are snapped outward to whole tokens
(``alignment_mode="expand"``); spans that overlap entities already set are
left out unless ``overwrite`` is true.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("byline")
>>> [(e.text, e.label_) for e in nlp("NATO chief Mark Rutte visited Seoul.").ents]
[('NATO', 'ORG'), ('Mark Rutte', 'PERSON'), ('Seoul', 'LOC')]
"""

from __future__ import annotations

from typing import Iterable, Iterator, List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import Mention, analyze, analyze_batch

for _name in ("entity", "role", "affiliation"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


class BylineComponent:
    """Sets ``doc.ents`` and ``span._.entity/role/affiliation`` from Byline."""

    def __init__(self, nlp: Language, name: str = "byline", kb: Optional[str] = None, overwrite: bool = False,
                 batch_size: int = 256) -> None:
        self.name = name
        self.kb = kb
        self.overwrite = overwrite
        self.batch_size = batch_size

    def _set(self, doc: Doc, mentions: List[Mention]) -> Doc:
        spans: List[Span] = []
        for m in mentions:
            span = doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand")
            if span is None:
                continue
            span._.entity = m.entity
            span._.role = m.role
            span._.affiliation = m.affiliation
            spans.append(span)
        if self.overwrite:
            doc.ents = filter_spans(spans)
        else:
            taken = list(doc.ents)
            free = [s for s in spans if not any(s.start < t.end and t.start < s.end for t in taken)]
            doc.ents = sorted(taken + filter_spans(free), key=lambda s: s.start)
        return doc

    def __call__(self, doc: Doc) -> Doc:
        return self._set(doc, analyze(doc.text, kb=self.kb))

    def pipe(self, docs: Iterable[Doc], batch_size: Optional[int] = None) -> Iterator[Doc]:
        """Analyses ``batch_size`` documents at a time in parallel."""
        size = batch_size or self.batch_size
        batch: List[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= size:
                yield from self._flush(batch)
                batch = []
        yield from self._flush(batch)

    def _flush(self, batch: List[Doc]) -> Iterator[Doc]:
        if not batch:
            return
        for doc, mentions in zip(batch, analyze_batch([d.text for d in batch], kb=self.kb)):
            yield self._set(doc, mentions)


def make_byline(nlp: Language, name: str, kb: Optional[str], overwrite: bool, batch_size: int) -> BylineComponent:
    """The factory behind ``nlp.add_pipe("byline", config={"kb": ..., "overwrite": ...})``."""
    return BylineComponent(nlp, name, kb=kb, overwrite=overwrite, batch_size=batch_size)


Language.factory(
    "byline",
    default_config={"kb": None, "overwrite": False, "batch_size": 256},
    assigns=["doc.ents", "span._.entity", "span._.role", "span._.affiliation"],
    func=make_byline,
)
