"""Report figures on a small meeting, each counted by hand (see report_data.py)."""

import pytest
from django.utils import timezone

from annotations.coding.services import annotation_delete
from annotations.models import AdjudicationDecision, MissedOpportunity, SuggestionDecision
from annotations.reports import meeting_report
from tests.annotations.reports.report_data import small_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def small(codebook, analyst_a, analyst_b):
    return small_meeting(codebook, analyst_a, analyst_b)


def coverage(report, slug):
    return next(code for code in report.codes if code.slug == slug)


def test_the_overview_counts_a_speaker_once_and_a_delegation_without_a_name_as_one_speaker(small):
    overview = meeting_report(meeting=small.meeting).overview
    assert overview.statements == 6
    # Alice (twice), Mexico (twice), Grizelda, Bob.
    assert overview.speakers == 4
    assert overview.delegations == 3  # Namibia, Mexico, Freedom Network
    assert (overview.women, overview.share_women) == (2, 50.0)
    assert (overview.civil_society, overview.share_civil_society) == (1, 25.0)
    assert (overview.survivors, overview.share_survivors) == (1, 25.0)


def test_the_overview_breaks_speakers_and_statements_down_by_type_and_gender(small):
    overview = meeting_report(meeting=small.meeting).overview
    by_type = {b.key: (b.speakers, b.statements) for b in overview.speakers_by_type}
    assert by_type["member_state"] == (2, 4)
    assert by_type["survivor"] == (1, 1)
    assert by_type["civil_society"] == (1, 1)
    assert by_type["un_official"] == (0, 0)
    by_gender = {
        b.key: (b.speakers, b.statements, b.share_of_speakers) for b in overview.speakers_by_gender
    }
    assert by_gender == {"female": (2, 3, 50.0), "male": (1, 1, 25.0), "unknown": (1, 2, 25.0)}


def test_the_overview_names_each_analyst_with_their_totals(small):
    overview = meeting_report(meeting=small.meeting).overview
    assert [(a.username, a.annotations, a.statements_coded) for a in overview.analysts] == [
        ("amina", 10, 6),
        ("bruno", 6, 5),
    ]
    assert overview.annotations == 16
    assert overview.statements_coded == 6


def test_coverage_counts_statements_speakers_and_delegations_per_code(small):
    report = meeting_report(meeting=small.meeting)
    participation = coverage(report, "survivor-participation")
    # amina on statement 1 (Alice, Namibia), bruno on statement 4 (Mexico).
    assert (participation.statements, participation.speakers, participation.delegations) == (
        2,
        2,
        2,
    )
    assert participation.share_of_speakers == 50.0
    assert participation.share_of_statements == pytest.approx(100 / 3)
    assert participation.by_gender == {"female": 1, "male": 0, "unknown": 1}
    assert participation.by_speaker_type["member_state"] == 2
    assert sum(participation.by_speaker_type.values()) == 2
    assert participation.delegation_names == ["Mexico", "Namibia"]


def test_two_analysts_coding_the_same_statement_count_it_once(small):
    protection = coverage(meeting_report(meeting=small.meeting), "protection")
    assert (protection.statements, protection.speakers, protection.share_of_speakers) == (
        1,
        1,
        25.0,
    )
    assert len(protection.quotes) == 1


def test_codes_nobody_applied_are_listed_with_zeros(small):
    report = meeting_report(meeting=small.meeting)
    assert len(report.codes) == 27
    victim = coverage(report, "victim-centred")
    assert (victim.statements, victim.speakers, victim.share_of_speakers) == (0, 0, 0.0)
    assert victim.quotes == [] and victim.delegation_names == []


def test_coverage_is_grouped_as_in_the_codebook(small):
    report = meeting_report(meeting=small.meeting)
    assert [group.slug for group in report.groups] == [
        "approach",
        "root-causes",
        "four-ps",
        "framing-of-women",
        "missed-opportunity-indicators",
    ]
    assert [code.slug for code in report.groups[2].codes] == [
        "prevention",
        "protection",
        "prosecution",
        "partnership",
    ]
    assert report.groups[2].name == "The 4 P's"


def test_one_analysts_report_counts_only_their_annotations(small):
    report = meeting_report(meeting=small.meeting, analyst="bruno")
    assert report.source == "analyst" and report.analyst == "bruno"
    assert coverage(report, "survivor-participation").statements == 1
    assert coverage(report, "survivor-participation").delegation_names == ["Mexico"]
    assert coverage(report, "demand").statements == 0
    assert report.overview.annotations == 6
    # The meeting's speakers are the meeting's, whoever counts.
    assert report.overview.speakers == 4


def test_deleted_annotations_leave_the_report(small, analyst_a):
    training = small.annotations[("amina", 2, "training-officials")]
    annotation_delete(annotation=training, actor=analyst_a)
    report = meeting_report(meeting=small.meeting)
    assert coverage(report, "training-officials").statements == 0
    assert report.overview.annotations == 15


def test_the_adjudicated_set_leaves_out_what_a_reviewer_rejected_last(small, reviewer):
    unemployment = small.annotations[("bruno", 1, "unemployment-labour")]
    poverty = small.annotations[("bruno", 1, "poverty-inequality")]
    AdjudicationDecision.objects.create(
        annotation=unemployment, reviewer=reviewer, decision="rejected"
    )
    AdjudicationDecision.objects.create(annotation=poverty, reviewer=reviewer, decision="rejected")
    AdjudicationDecision.objects.create(annotation=poverty, reviewer=reviewer, decision="accepted")
    report = meeting_report(meeting=small.meeting, source="adjudicated")
    assert report.source == "adjudicated"
    assert coverage(report, "unemployment-labour").statements == 0
    assert coverage(report, "poverty-inequality").statements == 1
    assert report.overview.annotations == 15
    assert report.warnings == []


def test_the_adjudicated_set_before_any_review_says_it_is_everything(small):
    report = meeting_report(meeting=small.meeting, source="adjudicated")
    assert report.overview.annotations == 16
    assert any("No annotation of this meeting has been reviewed" in w for w in report.warnings)


def test_quotes_come_in_reading_order_one_per_passage_with_a_link_to_it(small):
    report = meeting_report(meeting=small.meeting)
    poverty = coverage(report, "poverty-inequality")
    assert [q.quote for q in poverty.quotes] == ["Poverty"]  # amina and bruno: one passage
    participation = coverage(report, "survivor-participation")
    assert [(q.statement_order, q.quote, q.analyst) for q in participation.quotes] == [
        (1, "survivors must help shape policy", "amina"),
        (4, "Survivors should sit at the table", "bruno"),
    ]
    first = participation.quotes[0]
    assert first.speaker == "Alice Nangolo" and first.delegation == "Namibia"
    statement = small.statements[1]
    assert first.url == (
        f"/meetings/{small.meeting.pk}/?annotation={first.annotation_id}#statement-{statement.pk}"
    )


def test_quotes_stop_at_the_number_asked_for(small):
    report = meeting_report(meeting=small.meeting, quotes=1)
    assert [q.statement_order for q in coverage(report, "survivor-participation").quotes] == [1]
    report = meeting_report(meeting=small.meeting, quotes=0)
    assert all(code.quotes == [] for code in report.codes)


def test_a_statement_level_code_quotes_the_statement(small):
    testimony = coverage(meeting_report(meeting=small.meeting), "survivor-testimony")
    assert testimony.statements == 1
    assert testimony.by_speaker_type["survivor"] == 1
    [quote] = testimony.quotes
    assert quote.statement_level is True
    assert quote.quote == "I was trafficked at sixteen."
    assert quote.speaker == "Grizelda Grootboom"


def test_the_survivors_claim_counts_speakers_of_either_code_once(small):
    report = meeting_report(meeting=small.meeting)
    claim = next(c for c in report.claims if c.key == "survivors-role")
    assert claim.codes == ["survivor-participation", "survivor-policy-role"]
    assert "role of survivors" in claim.claim
    # Statement 1 (Alice) and statement 4 (Mexico, coded with both codes): two speakers.
    assert (claim.statements, claim.speakers, claim.share_of_speakers) == (2, 2, 50.0)
    assert [(q.statement_order, q.code) for q in claim.quotes] == [
        (1, "survivor-participation"),
        (4, "survivor-participation"),
        (4, "survivor-policy-role"),
    ]


def test_the_other_peacewomen_claims_get_their_figures(small):
    claims = {c.key: c for c in meeting_report(meeting=small.meeting).claims}
    assert (
        claims["women-as-vulnerable"].speakers,
        claims["women-as-vulnerable"].share_of_speakers,
    ) == (1, 25.0)
    assert claims["women-led-initiatives"].speakers == 0
    assert claims["women-led-initiatives"].quotes == []
    assert claims["justice-for-women"].share_of_speakers == 0.0


def test_the_four_ps_balance_shares_the_pillars_codings(small):
    report = meeting_report(meeting=small.meeting)
    sections = {s.key: s for s in report.sections}
    assert list(sections) == ["four-ps", "gender-analysis", "root-causes"]
    balance = {row.code.slug: row.share_of_section for row in sections["four-ps"].rows}
    # Protection, prosecution and partnership: one statement each, prevention none.
    assert balance["prevention"] == 0.0
    assert balance["protection"] == pytest.approx(100 / 3)
    assert sum(balance.values()) == pytest.approx(100)


def test_the_gender_analysis_gathers_framing_and_gender_specific_approaches(small):
    sections = {s.key: s for s in meeting_report(meeting=small.meeting).sections}
    slugs = [row.code.slug for row in sections["gender-analysis"].rows]
    assert slugs[:4] == [
        "women-as-vulnerable",
        "women-as-agents",
        "gender-specific-assistance",
        "access-to-justice",
    ]
    assert set(slugs[4:]) == {"gender-specific", "gender-inequality"}
    root_causes = [row.code.slug for row in sections["root-causes"].rows]
    assert root_causes[0] == "poverty-inequality" and len(root_causes) == 8


def test_missed_opportunity_candidates_are_under_the_threshold_indicators_first(small):
    missed = meeting_report(meeting=small.meeting, threshold=30).missed_opportunities
    slugs = [c.slug for c in missed.candidates]
    # All five indicators are under 30% (training and policy role: 25%; the rest 0%).
    assert slugs[:5] == [
        "training-officials",
        "survivor-policy-role",
        "disaggregated-data",
        "judicial-cooperation",
        "safe-migration-channels",
    ]
    assert all(c.indicator for c in missed.candidates[:5])
    assert not any(c.indicator for c in missed.candidates[5:])
    assert "survivor-participation" not in slugs  # 50% of speakers
    assert "protection" in slugs  # 25%
    assert missed.candidates[0].share_of_speakers == 25.0
    assert missed.threshold == 30


def test_the_threshold_moves_the_candidates(small):
    assert meeting_report(meeting=small.meeting, threshold=0).missed_opportunities.candidates == []
    everything = meeting_report(meeting=small.meeting, threshold=100).missed_opportunities
    assert len(everything.candidates) == 27
    default = meeting_report(meeting=small.meeting).missed_opportunities
    assert default.threshold == 10
    assert "training-officials" not in [c.slug for c in default.candidates]
    assert [c.slug for c in default.candidates][:3] == [
        "disaggregated-data",
        "judicial-cooperation",
        "safe-migration-channels",
    ]


def test_recorded_missed_opportunities_show_with_their_rationale(
    small, analyst_a, analyst_b, codebook
):
    training = MissedOpportunity.objects.create(
        meeting=small.meeting,
        analyst=analyst_a,
        title="Police and border officer training",
        rationale="Only Namibia mentioned training.",
    )
    training.codes.add(codebook.codes.get(slug="training-officials"))
    MissedOpportunity.objects.create(
        meeting=small.meeting, analyst=analyst_b, title="Safe migration", rationale="Nobody did."
    )
    MissedOpportunity.objects.create(
        meeting=small.meeting,
        analyst=analyst_b,
        title="Withdrawn",
        rationale="Deleted.",
        deleted_at=timezone.now(),
    )
    missed = meeting_report(meeting=small.meeting, threshold=30).missed_opportunities
    assert [(r.title, r.analyst, r.rationale, r.codes) for r in missed.recorded] == [
        (
            "Police and border officer training",
            "amina",
            "Only Namibia mentioned training.",
            ["training-officials"],
        ),
        ("Safe migration", "bruno", "Nobody did.", []),
    ]
    assert missed.candidates[0].recorded_by == ["amina"]
    own = meeting_report(meeting=small.meeting, analyst="bruno").missed_opportunities
    assert [r.title for r in own.recorded] == ["Safe migration"]


def test_co_occurrence_counts_statements_coded_with_both_codes(small):
    co = meeting_report(meeting=small.meeting).co_occurrence
    index = {slug: i for i, slug in enumerate(co.codes)}

    def both(a, b):
        return co.matrix[index[a]][index[b]]

    assert "victim-centred" not in index  # only applied codes
    assert both("poverty-inequality", "survivor-participation") == 1  # statement 1
    assert both("poverty-inequality", "unemployment-labour") == 1  # amina's and bruno's codes
    assert both("survivor-participation", "survivor-policy-role") == 1  # statement 4
    assert both("prosecution", "partnership") == 1
    assert both("protection", "demand") == 0
    assert both("survivor-participation", "survivor-participation") == 2
    assert co.matrix == [list(row) for row in zip(*co.matrix, strict=True)]  # symmetric
    assert co.maximum == 1


def test_one_analysts_co_occurrence_pairs_only_their_own_codes(small):
    co = meeting_report(meeting=small.meeting, analyst="amina").co_occurrence
    assert "unemployment-labour" not in co.codes


def test_suggestion_usefulness_counts_accepted_and_dismissed_per_code(
    small, analyst_a, analyst_b, codebook
):
    protection = codebook.codes.get(slug="protection")
    demand = codebook.codes.get(slug="demand")
    s2, s3 = small.statements[2], small.statements[3]
    SuggestionDecision.objects.create(
        statement=s2, code=protection, analyst=analyst_a, start=0, end=2, decision="accepted"
    )
    SuggestionDecision.objects.create(
        statement=s2, code=protection, analyst=analyst_b, start=0, end=2, decision="dismissed"
    )
    SuggestionDecision.objects.create(
        statement=s3, code=demand, analyst=analyst_a, start=0, end=5, decision="dismissed"
    )
    suggestions = {s.slug: s for s in meeting_report(meeting=small.meeting).suggestions}
    assert (suggestions["protection"].accepted, suggestions["protection"].dismissed) == (1, 1)
    assert suggestions["protection"].acceptance_rate == 50.0
    assert suggestions["demand"].acceptance_rate == 0.0
    assert set(suggestions) == {"protection", "demand"}
    own = meeting_report(meeting=small.meeting, analyst="bruno").suggestions
    assert [(s.slug, s.accepted, s.dismissed) for s in own] == [("protection", 0, 1)]


def test_a_meeting_nobody_coded_reports_zeros_and_says_why(meeting, codebook):
    report = meeting_report(meeting=meeting)
    assert report.overview.statements == 3
    assert report.overview.annotations == 0
    assert all(code.statements == 0 for code in report.codes)
    assert report.warnings == [
        "Nobody has coded GA/TEST-1 yet: every figure below is zero until analysts annotate "
        "its statements."
    ]
    assert report.agreement.computable is False
    assert "No analyst has coded" in report.agreement.reason


def test_an_analyst_who_has_not_coded_the_meeting_gets_an_empty_report_with_a_note(small, reviewer):
    report = meeting_report(meeting=small.meeting, analyst=reviewer.username)
    assert report.overview.annotations == 0
    assert report.warnings == [f"rosa has not coded {small.meeting.symbol} yet."]


def test_a_meeting_without_statements_says_so(codebook):
    from tracker.models import Meeting

    empty = Meeting.objects.create(symbol="GA/EMPTY")
    report = meeting_report(meeting=empty)
    assert report.overview.speakers == 0
    assert report.overview.share_women is None
    assert report.warnings == ["GA/EMPTY has no statements yet: import its record first."]
