"""The downloads' per-row helpers (annotations/monitoring/downloads.py) against the model
property and the link function they stand in for."""

import pytest

from annotations.coding.meetings import workspace_url
from annotations.monitoring.downloads import (
    annotation_link,
    chunked,
    site_root,
    speaker_label,
    statement_link,
)
from tracker.models import Meeting, Speaker, Statement


@pytest.mark.parametrize(
    ("name", "delegation"),
    [("Amber Rudd", "United Kingdom"), (None, "Ethiopia"), (None, ""), ("=X", "")],
)
def test_the_speaker_label_is_the_statements(db, name, delegation):
    meeting = Meeting.objects.create(symbol="GA/1", title="GA/1")
    speaker = Speaker.objects.create(name=name) if name else None
    statement = Statement.objects.create(
        meeting=meeting, order=1, speaker=speaker, delegation=delegation, text="Text."
    )
    label = speaker_label(statement.speaker_id, name, delegation)
    assert label == statement.speaker_label


def test_the_links_are_the_workspace_urls_made_absolute(rf, settings):
    settings.ALLOWED_HOSTS = ["wb.example"]
    request = rf.get("/monitoring/search.csv", HTTP_HOST="wb.example:8000")
    base = site_root(request.build_absolute_uri)
    assert base == "http://wb.example:8000"
    assert statement_link(base, 7, 880001) == request.build_absolute_uri(workspace_url(7, 880001))
    assert annotation_link(base, 7, 880001, 31) == request.build_absolute_uri(
        workspace_url(7, 880001, 31)
    )


def test_chunks_hold_every_row_in_order():
    assert list(chunked(iter(range(7)), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(chunked(iter([]), 3)) == []
