"""Agreement in the report and the analysts side by side, counted by hand on the
small meeting (report_data.py): six statements are the units."""

import pytest
from django.core.exceptions import ValidationError

from annotations.reports import meeting_report
from annotations.review.side_by_side import analyst_comparison
from tests.annotations.reports.report_data import code, small_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def small(codebook, analyst_a, analyst_b):
    return small_meeting(codebook, analyst_a, analyst_b)


def agreement_of(report, slug):
    return next(code for code in report.agreement.codes if code.slug == slug)


def test_codes_both_analysts_applied_alike_agree_perfectly(small):
    poverty = agreement_of(meeting_report(meeting=small.meeting), "poverty-inequality")
    assert poverty.percent_agreement == 100
    assert poverty.cohen_kappa == pytest.approx(1)
    assert poverty.krippendorff_alpha == pytest.approx(1)
    assert poverty.disagreements == []
    assert poverty.statements_coded == {"amina": 1, "bruno": 1}


def test_a_code_each_analyst_put_on_a_different_statement(small):
    participation = agreement_of(meeting_report(meeting=small.meeting), "survivor-participation")
    # amina: statement 1; bruno: statement 4. Agreement on 4 of 6 statements.
    assert participation.percent_agreement == pytest.approx(400 / 6)
    # Chance agreement (1/6)² + (5/6)² = 26/36, so kappa = (24/36 − 26/36) / (10/36) = −0.2.
    assert participation.cohen_kappa == pytest.approx(-0.2)
    # Alpha: 12 values (2 ones), 4 disagreeing ordered pairs: 1 − 11·4 / (2·10·2) = −0.1.
    assert participation.krippendorff_alpha == pytest.approx(-0.1)
    assert participation.statements_with_code == 2
    assert [
        (d.statement_order, d.applied_by, d.not_applied_by) for d in participation.disagreements
    ] == [
        (1, ["amina"], ["bruno"]),
        (4, ["bruno"], ["amina"]),
    ]
    first = participation.disagreements[0]
    statement = small.statements[1]
    assert first.speaker == "Alice Nangolo"
    assert first.url == (
        f"/meetings/{small.meeting.pk}/compare-analysts/?statement={statement.pk}"
        f"&code=survivor-participation#statement-{statement.pk}"
    )


def test_a_code_only_one_analyst_applied_once_has_kappa_and_alpha_zero(small):
    report = meeting_report(meeting=small.meeting)
    unemployment = agreement_of(report, "unemployment-labour")
    assert unemployment.percent_agreement == pytest.approx(500 / 6)
    assert unemployment.cohen_kappa == pytest.approx(0)
    assert unemployment.krippendorff_alpha == pytest.approx(0)
    # A statement-level code is a unit value like any other.
    testimony = agreement_of(report, "survivor-testimony")
    assert testimony.statements_coded == {"amina": 1, "bruno": 0}
    assert testimony.cohen_kappa == pytest.approx(0)


def test_rare_codes_carry_a_warning_and_unused_codes_say_there_is_nothing_to_agree_on(small):
    report = meeting_report(meeting=small.meeting)
    participation = agreement_of(report, "survivor-participation")
    assert participation.rare is True
    assert (
        participation.warning
        == "Applied to only 2 statements: too rare for the figures to mean much."
    )
    victim = agreement_of(report, "victim-centred")
    assert victim.percent_agreement == 100
    assert victim.cohen_kappa is None and victim.krippendorff_alpha is None
    assert victim.warning == "No analyst applied this code: there is nothing to agree on."


def test_a_code_applied_often_enough_is_not_flagged(codebook, analyst_a, analyst_b):
    from tests.annotations.reports.report_data import make_meeting

    meeting, statements = make_meeting("GA/OFTEN")
    for order in range(1, 6):
        code(statements[order], codebook, "prevention", analyst_a, statements[order].text[:5])
    for order in range(1, 5):
        code(statements[order], codebook, "prevention", analyst_b, statements[order].text[:5])
    prevention = agreement_of(meeting_report(meeting=meeting), "prevention")
    assert prevention.statements_with_code == 5
    assert prevention.statements_coded == {"amina": 5, "bruno": 4}
    assert prevention.rare is False and prevention.warning == ""
    assert prevention.percent_agreement == pytest.approx(500 / 6)


def test_agreement_uses_every_analyst_whatever_the_report_counts(small):
    report = meeting_report(meeting=small.meeting, analyst="bruno")
    assert report.agreement.computable is True
    assert [a.username for a in report.agreement.analysts] == ["amina", "bruno"]
    assert report.agreement.units == 6


def test_one_analyst_only_makes_agreement_not_computable_and_says_so(codebook, analyst_a):
    from tests.annotations.reports.report_data import make_meeting

    meeting, statements = make_meeting("GA/ALONE")
    code(statements[1], codebook, "poverty-inequality", analyst_a, "Poverty")
    agreement = meeting_report(meeting=meeting).agreement
    assert agreement.computable is False
    assert agreement.codes == []
    assert agreement.reason.startswith("Only one analyst (amina) has coded this meeting")


def test_three_analysts_get_alpha_and_pairwise_agreement_but_no_cohens_kappa(
    small, codebook, reviewer
):
    code(small.statements[1], codebook, "poverty-inequality", reviewer, "Poverty")
    report = meeting_report(meeting=small.meeting)
    assert [a.username for a in report.agreement.analysts] == ["amina", "bruno", "rosa"]
    poverty = agreement_of(report, "poverty-inequality")
    assert poverty.cohen_kappa is None
    assert poverty.krippendorff_alpha == pytest.approx(1)
    participation = agreement_of(report, "survivor-participation")
    # Statements 1 and 4: one of three pairs agrees; the other four statements: all three.
    assert participation.percent_agreement == pytest.approx(100 * (4 * 3 + 2 * 1) / 18)


def test_the_side_by_side_view_lists_every_disputed_statement(small):
    comparison = analyst_comparison(meeting=small.meeting)
    assert comparison.analysts == ["amina", "bruno"]
    # Agreement everywhere but statements 1–6 each hold a disputed code.
    assert [s.order for s in comparison.statements] == [1, 2, 3, 4, 5, 6]
    first = comparison.statements[0]
    rows = {c.slug: c for c in first.codes}
    assert rows["poverty-inequality"].agreed is True
    assert rows["survivor-participation"].agreed is False
    amina, bruno = rows["survivor-participation"].cells
    assert [a.quote for a in amina] == ["survivors must help shape policy"] and bruno == []


def test_the_side_by_side_view_of_one_statement_and_one_code(small):
    statement = small.statements[4]
    comparison = analyst_comparison(
        meeting=small.meeting, statement=str(statement.pk), code="survivor-participation"
    )
    assert comparison.code_name == "Survivor participation"
    [shown] = comparison.statements
    assert shown.text == statement.text
    [row] = shown.codes
    assert row.slug == "survivor-participation"
    assert [[a.quote for a in cell] for cell in row.cells] == [
        [],
        ["Survivors should sit at the table"],
    ]


def test_the_side_by_side_view_can_narrow_disputes_to_one_code(small):
    comparison = analyst_comparison(meeting=small.meeting, code="survivor-participation")
    assert [s.order for s in comparison.statements] == [1, 4]


def test_the_side_by_side_view_refuses_a_statement_of_another_meeting_or_an_unknown_code(
    small, meeting
):
    other = meeting.statements.first()
    with pytest.raises(ValidationError) as error:
        analyst_comparison(meeting=small.meeting, statement=other.pk)
    assert "has no statement" in error.value.message_dict["statement"][0]
    with pytest.raises(ValidationError) as error:
        analyst_comparison(meeting=small.meeting, statement="first")
    assert "statement" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        analyst_comparison(meeting=small.meeting, code="no-such-code")
    assert 'There is no code "no-such-code"' in error.value.message_dict["code"][0]


def test_the_side_by_side_view_marks_every_coded_passage_in_the_text(small):
    statement = small.statements[1]
    [shown] = analyst_comparison(meeting=small.meeting, statement=statement.pk).statements
    assert "".join(text for text, _ in shown.segments) == statement.text
    assert shown.segments == [
        (
            "Poverty",
            ["amina: Poverty and economic inequality", "bruno: Poverty and economic inequality"],
        ),
        (" and ", []),
        ("unemployment", ["bruno: Unemployment and labour markets"]),
        (" drive trafficking; ", []),
        ("survivors must help shape policy", ["amina: Survivor participation"]),
        (".", []),
    ]
