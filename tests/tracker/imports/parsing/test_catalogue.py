"""The catalogue of record kinds: every face reads it, parse dispatches through it."""

import pytest

from tests.tracker.imports import press_release_samples as samples
from tracker.imports.parsing.catalogue import IMPORT_KINDS, KIND_NAMES, import_kind, parse
from tracker.imports.parsing.records import PRESS_RELEASE, SPEECH, ImportProblem


def test_it_lists_the_press_release_and_the_single_speech():
    assert KIND_NAMES == (PRESS_RELEASE, SPEECH)
    assert all(kind.label and callable(kind.parse) for kind in IMPORT_KINDS)


def test_only_a_single_speech_has_its_one_statement_trimmed_in_the_preview():
    assert import_kind(SPEECH).one_statement
    assert not import_kind(PRESS_RELEASE).one_statement


def test_parse_reads_the_kind_it_is_given():
    assert parse(samples.SECURITY_COUNCIL).kind == PRESS_RELEASE
    assert parse(samples.SECURITY_COUNCIL, kind=SPEECH, symbol="SC/1").kind == SPEECH


def test_it_refuses_a_kind_it_does_not_know_naming_the_known_ones():
    with pytest.raises(ImportProblem, match="“poem”: use press_release or speech"):
        parse("Some text.", kind="poem")
