"""The wording files: every entry used by the drafts exists and fills in; an
organisation's own folder overrides an entry."""

import pytest

from annotations.analysis.compare import comparison_draft
from annotations.analysis.draft import meeting_draft
from annotations.analysis.wording import Wording, WordingError, read_entries

pytestmark = pytest.mark.django_db


def test_entries_are_read_with_comments_and_continuation_lines():
    entries = read_entries("# a comment\n[a.b]\nOne line\nand another.\n\n[c]\n$x\n")
    assert entries == {"a.b": "One line and another.", "c": "$x"}


def test_a_misspelt_value_names_the_entry():
    with pytest.raises(WordingError, match=r"\[claim\]"):
        Wording({"claim": "$statments of $total"}).say("claim", statements=1, total=2)


def test_an_organisation_folder_overrides_an_entry(settings, tmp_path, demo):
    (tmp_path / "claims.txt").write_text(
        "[claim]\n$statements/$total_statements statements mention $topic.\n", encoding="utf-8"
    )
    settings.ANALYSIS_WORDING_DIR = str(tmp_path)
    claim = next(c for c in meeting_draft(meeting=demo).claims() if c.codes == ["prosecution"])
    assert claim.text.endswith("/58 statements mention prosecution.")


def test_every_draft_kind_renders_with_the_shipped_wording(demo, meeting):
    meeting_draft(meeting=demo)
    meeting_draft(meeting=meeting)  # uncoded
    meeting_draft(meeting=demo, analyst="demo-analyst-1", threshold=0, quotes=0)
    meeting_draft(meeting=demo, source="adjudicated")
    comparison_draft(meetings=[demo.pk, meeting.pk])
