"""The report's cost in queries does not grow with statements or annotations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from annotations.coding.memos.services import memo_create
from annotations.models import MissedOpportunity, SuggestionDecision
from annotations.reports import meeting_report
from annotations.reports.compare import meeting_comparison
from annotations.review.side_by_side import analyst_comparison
from tests.annotations.reports.report_data import code, small_meeting
from tracker.models import Speaker, SpeakerType, Statement

pytestmark = pytest.mark.django_db

SLUGS = ["victim-centred", "prevention", "protection", "demand", "women-as-vulnerable"]


def with_extras(meeting, codebook, analysts):
    """A recorded missed opportunity, a suggestion decision and a memo, as any coded
    meeting has."""
    missed = MissedOpportunity.objects.create(
        meeting=meeting, analyst=analysts[0], title="Training", rationale="Rare."
    )
    missed.codes.add(codebook.codes.get(slug="training-officials"))
    SuggestionDecision.objects.create(
        statement=meeting.statements.first(),
        code=codebook.codes.get(slug="protection"),
        analyst=analysts[0],
        start=0,
        end=3,
        decision="accepted",
    )
    memo_create(author=analysts[0], meeting=meeting, text="First reading.")


def grow(meeting, codebook, analysts, statements=30):
    """Many more statements, speakers and annotations by three analysts."""
    for order in range(7, 7 + statements):
        speaker = Speaker.objects.create(name=f"Speaker {order}") if order % 3 else None
        statement = Statement.objects.create(
            meeting=meeting,
            order=order,
            speaker=speaker,
            delegation=f"Delegation {order % 7}",
            speaker_type=SpeakerType.MEMBER_STATE,
            text="Prevention and protection of victims; demand; women are vulnerable.",
        )
        for i, analyst in enumerate(analysts):
            for slug in SLUGS[i : i + 3]:
                code(statement, codebook, slug, analyst, statement.text[i : i + 10])
        missed = MissedOpportunity.objects.create(
            meeting=meeting, analyst=analysts[order % 3], title=f"Theme {order}", rationale="…"
        )
        missed.codes.add(codebook.codes.get(slug=SLUGS[order % 5]))
        memo_create(author=analysts[order % 2], meeting=meeting, text=f"Memo {order}")
        memo_create(
            author=analysts[order % 2], code=codebook.codes.get(slug=SLUGS[order % 5]), text="…"
        )


def queries(function) -> int:
    with CaptureQueriesContext(connection) as context:
        function()
    return len(context.captured_queries)


@pytest.fixture
def analysts(analyst_a, analyst_b, reviewer):
    return [analyst_a, analyst_b, reviewer]


@pytest.mark.parametrize(
    "parameters", [{}, {"analyst": "bruno"}, {"source": "adjudicated"}, {"quotes": 50}]
)
def test_the_meeting_report_needs_as_many_queries_for_a_big_meeting_as_for_a_small_one(
    codebook, analysts, parameters
):
    small = small_meeting(codebook, analysts[0], analysts[1], symbol="GA/SMALL").meeting
    big = small_meeting(codebook, analysts[0], analysts[1], symbol="GA/BIG").meeting
    for meeting in (small, big):
        with_extras(meeting, codebook, analysts)
    grow(big, codebook, analysts)
    assert big.statements.count() == 36
    small_cost = queries(lambda: meeting_report(meeting=small, **parameters))
    big_cost = queries(lambda: meeting_report(meeting=big, **parameters))
    assert big_cost == small_cost
    assert small_cost <= 24


def test_the_comparisons_need_as_many_queries_for_big_meetings(codebook, analysts):
    a = small_meeting(codebook, analysts[0], analysts[1], symbol="GA/A").meeting
    b = small_meeting(codebook, analysts[0], analysts[1], symbol="GA/B").meeting
    small_cost = queries(lambda: meeting_comparison(meetings=[a.pk, b.pk]))
    small_side_by_side = queries(lambda: analyst_comparison(meeting=a))
    grow(a, codebook, analysts, statements=15)
    grow(b, codebook, analysts, statements=15)
    assert queries(lambda: meeting_comparison(meetings=[a.pk, b.pk])) == small_cost
    assert queries(lambda: analyst_comparison(meeting=a)) == small_side_by_side
