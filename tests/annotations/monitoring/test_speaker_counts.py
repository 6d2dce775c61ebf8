"""Speakers counted by GROUP BY (group, speaker), checked against counts made by hand.

The corpus has every kind of speaker identity (reports/speakers.py): one Speaker who
speaks for two delegations and in two capacities, a delegation without a named speaker
on several statements, and statements with neither (each a speaker of its own). A
rewrite that grouped by the printed delegation, or folded the anonymous statements
into one speaker, or summed rows per gender, gets a figure below wrong.

    GA meeting A (2020-03-01)          coded   GA meeting B (2020-06-01)       coded
      1 Amina for Kenya, member state    yes     7 Amina for Kenya, civil soc.   no
      2 Amina for Uganda, member state   no      8 Bo, no delegation, civil soc. yes
      3 Chile (no speaker)               no    SC meeting C (2021-01-01)
      4 Chile (no speaker)               yes     9 Bo for Chile, member state    no
      5 nobody, civil society            yes
      6 nobody, civil society            no
"""

from __future__ import annotations

import datetime

import pytest

from annotations.coding.services import annotation_create
from annotations.models import Code
from annotations.monitoring.chart_catalog import coverage
from annotations.monitoring.trends import civil_society_briefers, trend_spec, trends
from tracker.models import Gender, Meeting, Speaker, SpeakerType, Statement

pytestmark = pytest.mark.django_db

GA, SC = "General Assembly", "Security Council"
MEMBER, CIVIL = SpeakerType.MEMBER_STATE, SpeakerType.CIVIL_SOCIETY


@pytest.fixture
def identities(codebook, analyst_a):
    amina = Speaker.objects.create(name="Amina", gender=Gender.FEMALE)
    bo = Speaker.objects.create(name="Bo", gender=Gender.MALE)
    meetings = {
        "A": Meeting.objects.create(symbol="A/1", body=GA, date=datetime.date(2020, 3, 1)),
        "B": Meeting.objects.create(symbol="A/2", body=GA, date=datetime.date(2020, 6, 1)),
        "C": Meeting.objects.create(symbol="S/1", body=SC, date=datetime.date(2021, 1, 1)),
    }
    rows = [
        ("A", amina, "Kenya", MEMBER, True),
        ("A", amina, "Uganda", MEMBER, False),
        ("A", None, "Chile", MEMBER, False),
        ("A", None, "Chile", MEMBER, True),
        ("A", None, "", CIVIL, True),
        ("A", None, "", CIVIL, False),
        ("B", amina, "Kenya", CIVIL, False),
        ("B", bo, "", CIVIL, True),
        ("C", bo, "Chile", MEMBER, False),
    ]
    code = Code.objects.get(slug="protection")
    for order, (meeting, speaker, delegation, kind, is_coded) in enumerate(rows, 1):
        statement = Statement.objects.create(
            meeting=meetings[meeting], order=order, speaker=speaker, delegation=delegation,
            speaker_type=kind, text="Protection of women.",
        )  # fmt: skip
        if is_coded:
            annotation_create(statement=statement, code=code, analyst=analyst_a, start=0, end=10)
    return analyst_a


def spec(viewer, by: str):
    return trend_spec({"code": "protection", "by": by}, viewer=viewer)


def figures(result) -> dict:
    return {
        (p.body, p.period): (p.statements, p.coded_statements, p.speakers, p.coded_speakers)
        for p in result.points
    }


def test_by_year_a_speaker_counts_once_whatever_delegation_and_nobody_counts_each_time(
    identities,
):
    # GA 2020: Amina (1, 2, 7), Chile (3, 4), statement 5, statement 6, Bo (8) = 5
    # speakers; coded: Amina (1), Chile (4), statement 5, Bo (8) = 4.
    assert figures(trends(spec(identities, "year"))) == {
        (GA, "2020"): (8, 4, 5, 4),
        (SC, "2021"): (1, 0, 1, 0),
    }


def test_by_meeting_each_meeting_counts_its_own_speakers(identities):
    # A: Amina, Chile, statement 5, statement 6; coded Amina, Chile, statement 5.
    assert figures(trends(spec(identities, "meeting"))) == {
        (GA, "A/1"): (6, 3, 4, 3),
        (GA, "A/2"): (2, 1, 2, 1),
        (SC, "S/1"): (1, 0, 1, 0),
    }


def test_the_coverage_charts_count_a_speaker_once_per_type_and_per_gender(identities):
    figures = coverage(spec(identities, "year"))
    # Member states: Amina (1, 2), Chile (3, 4), Bo (9); civil society: statements 5
    # and 6, Amina (7), Bo (8). (speakers, speakers coded)
    assert figures["kind"] == {MEMBER: (3, 2), CIVIL: (4, 2)}
    # Amina speaks in two capacities and is one woman; Chile and the two statements
    # without a speaker are of unknown gender.
    assert figures["gender_key"] == {
        Gender.FEMALE: (1, 1),
        Gender.MALE: (1, 1),
        Gender.UNKNOWN: (3, 2),
    }


def test_a_briefer_counts_once_per_meeting_and_women_by_the_speakers_gender(identities):
    briefers = civil_society_briefers(spec(identities, "year"))
    # A: statements 5 and 6 (two anonymous briefers); B: Amina and Bo. Women: Amina.
    assert [(b.body, b.year, b.briefers, b.women) for b in briefers] == [(GA, 2020, 4, 1)]


def test_the_chart_and_the_briefers_csv_leave_out_what_they_do_not_show(identities):
    result = trends(spec(identities, "year"), delegations=False, briefers=False)
    assert result.briefers == []
    assert all(p.delegations == [] for p in result.points)
    assert figures(result)[(GA, "2020")] == (8, 4, 5, 4)
