"""Disagreements between analysts, and a reviewer's decisions on them."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from annotations.coding.services import StaleVersion, annotation_create, annotation_update
from annotations.models import AdjudicationDecision, Annotation
from annotations.review.board import disagreements, review_board
from annotations.review.services import decide
from tracker.models import Meeting

pytestmark = pytest.mark.django_db


def coded(statement, code, analyst, phrase=None):
    if phrase is None:
        return annotation_create(statement=statement, code=code, analyst=analyst)
    start = statement.text.index(phrase)
    return annotation_create(
        statement=statement, code=code, analyst=analyst, start=start, end=start + len(phrase)
    )


@pytest.fixture
def two_analysts_coded(meeting, codebook, analyst_a, analyst_b):
    """A and B agree on victim-centred in statement 1; only A saw gender-based in statement 2."""
    first, second = meeting.statements.get(order=1), meeting.statements.get(order=2)
    victim = codebook.codes.get(slug="victim-centred")
    root = codebook.codes.exclude(statement_level=True).exclude(pk=victim.pk).first()
    return {
        "a_agreed": coded(first, victim, analyst_a, "victim-centred approach"),
        "b_agreed": coded(first, victim, analyst_b, "a victim-centred approach was needed"),
        "a_alone": coded(second, root, analyst_a, "gender-based problem"),
    }


def test_only_codes_not_every_analyst_applied_to_a_statement_are_disputed(
    meeting, two_analysts_coded
):
    assert [a.pk for a in disagreements(meeting=meeting)] == [two_analysts_coded["a_alone"].pk]


def test_a_meeting_coded_by_one_analyst_has_nothing_to_dispute(meeting, code, analyst_a):
    coded(meeting.statements.get(order=1), code, analyst_a, "serious crime")
    assert disagreements(meeting=meeting) == []


def test_the_board_puts_analysts_side_by_side_per_statement(
    meeting, two_analysts_coded, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5):
        board = review_board(meeting=meeting)
        rows = [(row.statement.order, [len(c.items) for c in row.columns]) for row in board.rows]
    assert [u.username for u in board.analysts] == ["amina", "bruno"]
    assert rows == [(2, [1, 0])]
    assert (board.disputed_count, board.open_count) == (1, 1)
    everything = review_board(meeting=meeting, only_disputed=False)
    assert [row.statement.order for row in everything.rows] == [1, 2]


def test_a_decision_records_who_when_and_why_and_shapes_the_adjudicated_set(
    meeting, two_analysts_coded, reviewer
):
    alone = two_analysts_coded["a_alone"]
    decision = decide(
        annotation=alone,
        reviewer=reviewer,
        decision="rejected",
        reason="The speaker frames it as migration.",
        meeting=meeting,
        version=alone.version,
    )
    assert (decision.reviewer, decision.reason) == (reviewer, "The speaker frames it as migration.")
    assert decision.created is not None
    assert alone.pk not in set(Annotation.objects.adjudicated().values_list("pk", flat=True))
    decide(annotation=alone, reviewer=reviewer, decision="accepted", reason="On reflection, yes.")
    assert alone.pk in set(Annotation.objects.adjudicated().values_list("pk", flat=True))
    assert AdjudicationDecision.objects.filter(annotation=alone).count() == 2
    board = review_board(meeting=meeting)
    item = board.rows[0].columns[0].items[0]
    assert (item.status, [d.decision for d in item.decisions]) == (
        "accepted",
        ["accepted", "rejected"],
    )
    assert board.open_count == 0


def test_an_analyst_cannot_adjudicate(two_analysts_coded, analyst_b):
    with pytest.raises(PermissionDenied):
        decide(
            annotation=two_analysts_coded["a_alone"],
            reviewer=analyst_b,
            decision="rejected",
            reason="I disagree",
        )
    assert AdjudicationDecision.objects.count() == 0


def test_nobody_adjudicates_their_own_annotation(meeting, code, reviewer):
    own = coded(meeting.statements.get(order=1), code, reviewer, "serious crime")
    with pytest.raises(PermissionDenied, match="your own"):
        decide(annotation=own, reviewer=reviewer, decision="accepted", reason="Mine is right")


def test_a_decision_on_an_annotation_of_another_meeting_is_refused(two_analysts_coded, reviewer):
    other = Meeting.objects.create(symbol="SC/OTHER")
    with pytest.raises(ValidationError, match="not part of meeting SC/OTHER"):
        decide(
            annotation=two_analysts_coded["a_alone"],
            reviewer=reviewer,
            decision="rejected",
            reason="x",
            meeting=other,
        )
    assert AdjudicationDecision.objects.count() == 0


def test_a_decision_from_a_stale_version_is_refused(two_analysts_coded, analyst_a, reviewer):
    alone = two_analysts_coded["a_alone"]
    annotation_update(annotation=alone, actor=analyst_a, version=1, memo="changed my mind")
    with pytest.raises(StaleVersion):
        decide(annotation=alone, reviewer=reviewer, decision="rejected", reason="x", version=1)
    assert AdjudicationDecision.objects.count() == 0


@pytest.mark.parametrize(
    ("decision", "reason", "field"),
    [("maybe", "a reason", "decision"), ("rejected", "   ", "reason")],
)
def test_it_refuses_an_unknown_decision_or_a_missing_reason(
    two_analysts_coded, reviewer, decision, reason, field
):
    with pytest.raises(ValidationError) as error:
        decide(
            annotation=two_analysts_coded["a_alone"],
            reviewer=reviewer,
            decision=decision,
            reason=reason,
        )
    assert field in error.value.message_dict
    assert AdjudicationDecision.objects.count() == 0


def test_repeating_the_latest_decision_is_refused(two_analysts_coded, reviewer):
    alone = two_analysts_coded["a_alone"]
    decide(annotation=alone, reviewer=reviewer, decision="rejected", reason="no")
    with pytest.raises(ValidationError, match="already rejected"):
        decide(annotation=alone, reviewer=reviewer, decision="rejected", reason="no again")
    assert AdjudicationDecision.objects.count() == 1


def test_a_deleted_annotation_cannot_be_adjudicated(two_analysts_coded, reviewer):
    alone = two_analysts_coded["a_alone"]
    Annotation.objects.filter(pk=alone.pk).update(deleted_at="2024-01-01T00:00:00Z")
    with pytest.raises(ValidationError, match="deleted"):
        decide(annotation=alone, reviewer=reviewer, decision="rejected", reason="x")
