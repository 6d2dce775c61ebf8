"""Coverage per code across meetings, side by side."""

import pytest
from django.core.exceptions import ValidationError

from annotations.reports.compare import meeting_comparison
from tests.annotations.reports.report_data import code, make_meeting, small_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_meetings(codebook, analyst_a, analyst_b):
    small = small_meeting(codebook, analyst_a, analyst_b, symbol="GA/2017")
    later, statements = make_meeting("GA/2021")
    code(
        statements[1],
        codebook,
        "survivor-participation",
        analyst_a,
        "survivors must help shape policy",
    )
    code(statements[4], codebook, "survivor-participation", analyst_a, "Survivors should sit")
    code(statements[6], codebook, "survivor-participation", analyst_b, "Prosecute")
    return small.meeting, later


def test_it_sets_the_meetings_coverage_side_by_side(two_meetings):
    first, second = two_meetings
    comparison = meeting_comparison(meetings=f"{first.pk},{second.pk}")
    assert [m.symbol for m in comparison.meetings] == ["GA/2017", "GA/2021"]
    assert [(m.statements, m.speakers) for m in comparison.meetings] == [(6, 4), (6, 4)]
    assert comparison.meetings[0].report_url == f"/meetings/{first.pk}/report/"
    rows = {row.slug: row for row in comparison.rows}
    assert len(rows) == 27
    participation = rows["survivor-participation"]
    assert [(c.statements, c.speakers, c.share_of_speakers) for c in participation.cells] == [
        (2, 2, 50.0),
        (3, 3, 75.0),
    ]
    assert [c.speakers for c in rows["demand"].cells] == [1, 0]
    assert participation.group_name == "Approach"


def test_it_keeps_the_order_the_meetings_were_asked_in_and_counts_one_analyst(two_meetings):
    first, second = two_meetings
    comparison = meeting_comparison(meetings=[second.pk, first.pk], analyst="bruno")
    assert [m.symbol for m in comparison.meetings] == ["GA/2021", "GA/2017"]
    rows = {row.slug: row for row in comparison.rows}
    assert [c.statements for c in rows["survivor-participation"].cells] == [1, 1]
    assert comparison.source_label == "Analyst bruno"


@pytest.mark.parametrize(
    ("meetings", "message"),
    [
        ("", "Choose at least two meetings to compare."),
        ("1", "Choose at least two meetings to compare."),
        ("1,x", "Give meeting ids separated by commas, such as 1,2 (got '1,x')."),
        (",".join(str(i) for i in range(1, 14)), "Compare at most 12 meetings at once."),
    ],
)
def test_it_refuses_a_bad_list_of_meetings(meetings, message, db):
    with pytest.raises(ValidationError) as error:
        meeting_comparison(meetings=meetings)
    assert error.value.message_dict == {"meetings": [message]}


def test_it_names_the_meetings_that_do_not_exist(two_meetings):
    first, _ = two_meetings
    with pytest.raises(ValidationError) as error:
        meeting_comparison(meetings=f"{first.pk},99999")
    assert error.value.message_dict == {"meetings": ["No meeting with id 99999."]}


def test_meetings_of_one_kind_of_record_are_compared_without_a_warning(two_meetings):
    first, second = two_meetings
    comparison = meeting_comparison(meetings=[first.pk, second.pk])
    assert [m.record_kind for m in comparison.meetings] == ["press_release", "press_release"]
    assert comparison.warnings == []


def test_a_summary_against_a_full_record_is_warned_about(two_meetings):
    first, second = two_meetings
    second.record_kind = "summary"
    second.save()
    comparison = meeting_comparison(meetings=[first.pk, second.pk])
    assert [m.record_kind_label for m in comparison.meetings] == [
        "Meetings Coverage press release",
        "Summary of the meeting",
    ]
    different, summary = comparison.warnings
    assert "different kinds of record" in different
    assert "GA/2021: summary of the meeting" in different
    assert summary.startswith("A summary against a full record")


def test_a_verbatim_record_against_a_release_says_so_without_the_summary_warning(two_meetings):
    first, second = two_meetings
    second.record_kind = "verbatim_record"
    second.save()
    warnings = meeting_comparison(meetings=[first.pk, second.pk]).warnings
    assert len(warnings) == 1 and "GA/2021: verbatim record" in warnings[0]
