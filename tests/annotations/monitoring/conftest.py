"""Fixtures of the monitoring tests: the two small meetings of corpus.py."""

import pytest

from .corpus import Corpus, build_corpus, code_corpus


@pytest.fixture
def corpus(db) -> Corpus:
    return build_corpus()


@pytest.fixture
def coded(corpus, codebook, analyst_a, analyst_b) -> Corpus:
    return code_corpus(corpus, analyst_a, analyst_b)
