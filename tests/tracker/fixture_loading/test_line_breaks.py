"""A fixture's statement text with Windows line breaks is refused, naming the record:
statement text is stored with LF on every path."""

import json

import pytest

from tracker.fixture_loading import preview_fixture
from tracker.models import Statement

pytestmark = pytest.mark.django_db


def statement_fixture(text: str) -> bytes:
    return json.dumps(
        [
            {"model": "tracker.meeting", "pk": 70, "fields": {"symbol": "GA/LF"}},
            {
                "model": "tracker.statement",
                "pk": 71,
                "fields": {"meeting": 70, "order": 1, "text": text},
            },
        ]
    ).encode()


def test_a_statement_with_crlf_is_refused_and_nothing_is_loaded(administrator):
    report = preview_fixture(
        content=statement_fixture("One.\r\n\r\nTwo."), name="crlf.json", user=administrator
    )
    [problem] = report.problems
    assert "carriage returns" in str(problem) and "tracker.statement" in str(problem)
    assert not Statement.objects.exists()


def test_a_statement_with_lf_loads(administrator):
    report = preview_fixture(
        content=statement_fixture("One.\n\nTwo."), name="lf.json", user=administrator
    )
    assert report.problems == []
