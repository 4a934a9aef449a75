"""The examples in the package's docstrings run as written."""

import doctest

import pytest

import byline


def test_package_docstring_examples():
    assert doctest.testmod(byline).failed == 0


def test_spacy_docstring_examples():
    pytest.importorskip("spacy")
    import byline.spacy_component as component

    r = doctest.testmod(component)
    assert r.attempted >= 3 and r.failed == 0
