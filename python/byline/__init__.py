"""Byline: people, organisations and places in news articles, their roles and
affiliations, and names spelled inconsistently across a corpus.

The engine is Rust (the same as the ``byline`` command); this package calls it
through the native module ``byline._byline``. Offsets are in code points, so
``text[m.start:m.end] == m.text``.

>>> import byline
>>> [m.text for m in byline.analyze("NATO chief Mark Rutte met Lee Jae-myung in Seoul.")]
['NATO', 'Mark Rutte', 'Lee Jae-myung', 'Seoul']
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Iterable, List, Optional, Union

from . import _byline
from ._byline import BylineError

__all__ = ["BylineError", "Corpus", "Mention", "analyze", "analyze_batch"]

PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class Mention:
    """One mention of an entity in a text.

    ``start``/``end`` are code-point offsets; ``label`` is PERSON, ORG or LOC;
    ``entity`` the fullest name the text gives it (or the knowledge base's);
    ``role``/``affiliation`` what the text says the person is, and ``evidence``
    the words they were read from; ``short`` marks a surname-only or acronym
    reference to a fuller form.
    """

    start: int
    end: int
    label: str
    text: str
    entity: str
    role: Optional[str] = None
    affiliation: Optional[str] = None
    evidence: Optional[str] = None
    short: bool = False


def _path(p: Optional[PathLike]) -> Optional[str]:
    return None if p is None else os.fspath(p)


def _mentions(raw: str) -> List[Mention]:
    return [Mention(**m) for m in json.loads(raw)]


def analyze(text: str, kb: Optional[PathLike] = None, date: Optional[str] = None) -> List[Mention]:
    """Recognise the people, organisations and places of one text.

    ``kb`` is an ``entities.toml`` read over the built-in gazetteer (read once,
    again when it changes); ``date`` (``YYYY-MM-DD``) is the article's date when
    the text states none. The GIL is released while the engine works.

    Raises ``BylineError`` (with ``path``, ``line``, ``column``) for a problem
    in the knowledge base and ``ValueError`` for a malformed date.
    """
    return _mentions(_byline.analyze(text, _path(kb), date))


def analyze_batch(texts: Iterable[str], kb: Optional[PathLike] = None, date: Optional[str] = None) -> List[List[Mention]]:
    """``analyze`` of many texts at once, in parallel on every core."""
    return [_mentions(r) for r in _byline.analyze_batch(list(texts), _path(kb), date)]


class Corpus:
    """A corpus folder (with its ``byline.toml`` and ``entities.toml``, if any),
    read and analysed as ``byline check`` reads it.

    Raises ``NotADirectoryError`` for a path that is not a folder and
    ``BylineError`` (with ``path``, ``line``, ``column``) for a configuration or
    knowledge-base file that cannot be used; lesser problems and skipped files
    are listed in ``warnings``.
    """

    def __init__(self, path: PathLike) -> None:
        self.path = os.fspath(path)
        self._inner = _byline.Corpus(self.path)

    def __len__(self) -> int:
        return len(self._inner)

    def __repr__(self) -> str:
        return f"Corpus({self.path!r}, {len(self)} documents)"

    @property
    def warnings(self) -> List[str]:
        """Problems that did not stop the corpus from opening, and skipped files."""
        return self._inner.warnings

    def paths(self) -> List[str]:
        """The documents' paths relative to the folder, in path order."""
        return self._inner.paths()

    def entities(self) -> List[dict]:
        """Every entity, most mentioned first, as ``byline entities --format json``:
        ``name``, ``kind``, ``role``, ``affiliation``, ``aliases``, ``mentions``,
        ``documents``."""
        return json.loads(self._inner.entities_json())

    def findings(self) -> List[dict]:
        """Every finding, as ``byline check --format json``: ``path``, ``range``
        (zero-based, UTF-16 columns), ``severity``, ``code``, ``message``,
        ``data``, ``related``."""
        return json.loads(self._inner.findings_json())

    def export(self, format: str = "jsonl", out: Optional[PathLike] = None) -> Optional[str]:
        """``byline export --format FORMAT``: returns the ``jsonl`` or ``conll``
        text (or writes it to ``out``); ``brat`` writes the folder ``out``."""
        return self._inner.export(format, _path(out))
