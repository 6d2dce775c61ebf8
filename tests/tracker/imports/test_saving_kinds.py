"""Saving every kind of record: the verbatim records as the UN publishes them, the 2021
summary with the Deputy Secretary-General's speech added to it, re-imports of a
provisional record, one speaker per person, and the link between two records of one
meeting."""

import datetime
import re
from dataclasses import replace

import pytest

from annotations.coding.services import annotation_create
from tests.tracker.imports import press_release_samples as samples
from tests.tracker.imports import real_records as real
from tracker.imports.parsing.catalogue import parse
from tracker.imports.parsing.records import Speaker as ParsedSpeaker
from tracker.imports.parsing.records import Statement as ParsedStatement
from tracker.imports.saving import ImportConflict, record_save
from tracker.models import Meeting, Speaker, Statement

pytestmark = pytest.mark.django_db

# Page furniture of the records: running heads ("S/PV.10100 The situation in Cyprus
# 30/01/2026") and job numbers with page counters ("26-01225 2/3").
RUNNING_HEAD = re.compile(r"\b[AS]/(?:\d+/)?PV\.\d+\s.{0,120}\d{2}/\d{2}/\d{4}")
JOB_NUMBER = re.compile(r"\b\d{2}-\d{5}\b(?:\s+\d+/\d+)?")


@pytest.fixture(scope="module")
def summary_2021():
    return parse(real.SUMMARY_2021.read_bytes(), symbol="GA/12387")


@pytest.fixture(scope="module")
def speech_2021():
    return parse(real.SPEECH_2021.read_bytes(), date=datetime.date(2021, 11, 22))


@pytest.mark.parametrize("name", real.RECORD_NAMES)
def test_every_real_record_saves_with_its_cover_and_every_statement(name):
    record = real.parsed_record(name)
    outcome = record_save(release=record)
    meeting = Meeting.objects.get(symbol=real.RECORD_SYMBOLS[name])
    assert outcome.created and meeting.record_kind == "verbatim_record"
    assert meeting.statements.count() == len(record.statements) == outcome.statements_created
    header = record.meeting
    assert (meeting.date, meeting.time, meeting.place) == (header.date, header.time, header.place)
    assert meeting.provisional == header.provisional
    assert header.president.name in meeting.president
    assert f"({header.president.country})" in meeting.president
    assert meeting.agenda == list(header.agenda)
    assert len(meeting.members) == len(header.members)
    stored = list(meeting.statements.order_by("order"))
    assert [s.text for s in stored] == [s.text for s in record.statements]
    assert [s.language for s in stored] == [s.language for s in record.statements]
    for statement in stored:
        assert not RUNNING_HEAD.search(statement.text), (statement.order, statement.text[:200])
        assert not JOB_NUMBER.search(statement.text), (statement.order, statement.text[:200])


def test_a_record_s_cover_president_and_languages_are_stored():
    record_save(release=real.parsed_record("S_PV.10100"))
    meeting = Meeting.objects.get(symbol="S/PV.10100")
    assert meeting.president == "Mr. Osman (Somalia)"
    assert meeting.provisional is True
    assert {"country": "Denmark"}.items() <= next(
        m for m in meeting.members if m["country"] == "Denmark"
    ).items()
    languages = set(meeting.statements.values_list("language", flat=True))
    assert languages and "" not in languages


def test_the_2021_summary_saves_as_summary_text_with_every_speakers_gender(summary_2021):
    record_save(release=summary_2021)
    meeting = Meeting.objects.get(symbol="GA/12387")
    assert (meeting.record_kind, meeting.date) == ("summary", datetime.date(2021, 11, 22))
    statements = list(meeting.statements.all())
    assert len(statements) == 12 and all(s.from_summary for s in statements)
    liechtenstein = meeting.statements.get(delegation="Liechtenstein")
    assert liechtenstein.speaker is None and liechtenstein.gender == "female"
    mohammed = meeting.statements.get(speaker__name="Amina Mohammed")
    assert mohammed.gender == "female" and mohammed.speaker_type == "un_official"


def test_a_speech_is_added_to_its_meeting_after_the_summary(summary_2021, speech_2021):
    record_save(release=summary_2021)
    meeting = Meeting.objects.get(symbol="GA/12387")
    outcome = record_save(release=speech_2021, into_meeting=meeting)
    assert outcome.added_from == "speech of Amina Mohammed"
    assert "Added speech of Amina Mohammed to GA/12387" in outcome.summary
    speech = meeting.statements.get(order=13)
    assert speech.added_from == "speech of Amina Mohammed" and not speech.from_summary
    assert speech.text.startswith("I thank the President of the General Assembly")
    assert Meeting.objects.count() == 1
    meeting.refresh_from_db()
    assert meeting.record_kind == "summary" and meeting.date == datetime.date(2021, 11, 22)
    # The same person: the summary's Amina Mohammed of the United Nations gave the speech.
    assert Speaker.objects.filter(name="Amina Mohammed").count() == 1


def test_adding_the_speech_again_changes_nothing(summary_2021, speech_2021):
    record_save(release=summary_2021)
    meeting = Meeting.objects.get(symbol="GA/12387")
    record_save(release=speech_2021, into_meeting=meeting)
    again = record_save(release=speech_2021, into_meeting=meeting)
    assert (again.statements_created, again.statements_unchanged) == (0, 1)
    assert meeting.statements.count() == 13


def test_reimporting_the_meeting_keeps_the_added_speech_after_its_own_statements(
    summary_2021, speech_2021
):
    record_save(release=summary_2021)
    meeting = Meeting.objects.get(symbol="GA/12387")
    record_save(release=speech_2021, into_meeting=meeting)
    shorter = replace(summary_2021, statements=summary_2021.statements[:10])
    outcome = record_save(release=shorter)
    assert outcome.statements_removed == 2
    orders = list(meeting.statements.order_by("order").values_list("order", "added_from"))
    assert orders[-1] == (11, "speech of Amina Mohammed")
    assert [o for o, _ in orders] == list(range(1, 12))
    longer = record_save(release=summary_2021)
    assert longer.statements_created == 2
    assert meeting.statements.get(order=13).added_from == "speech of Amina Mohammed"


def test_a_final_record_replaces_the_provisional_one_keeping_annotated_text(code, analyst_a):
    provisional = real.parsed_record("S_PV.10100")
    record_save(release=provisional)
    first = Statement.objects.get(meeting__symbol="S/PV.10100", order=1)
    annotation = annotation_create(statement=first, code=code, analyst=analyst_a, start=0, end=12)
    statements = list(provisional.statements)
    statements[1] = replace(statements[1], text=statements[1].text + " (final text)")
    final = replace(
        provisional,
        meeting=replace(provisional.meeting, provisional=False),
        statements=tuple(statements),
    )
    outcome = record_save(release=final)
    meeting = Meeting.objects.get(symbol="S/PV.10100")
    assert meeting.provisional is False and outcome.statements_removed == 1
    assert Statement.objects.get(pk=first.pk).annotations.get() == annotation
    statements[0] = replace(statements[0], text="Reworded " + statements[0].text)
    with pytest.raises(ImportConflict, match=r"statement 1 \(Osman\): 1 annotations"):
        record_save(release=replace(final, statements=tuple(statements)))
    assert Statement.objects.get(pk=first.pk).text == provisional.statements[0].text


def _turn(order, name, delegation, gender, text):
    return ParsedStatement(
        order=order,
        segment="",
        speaker=ParsedSpeaker(name, gender, "member_state"),
        delegation=delegation,
        role="",
        on_behalf_of="",
        speaker_type="member_state",
        text=text,
        gender=gender,
    )


def test_one_speaker_per_name_and_delegation(code):
    record = real.parsed_record("S_PV.10100")
    turns = (
        _turn(1, "Kim", "Republic of Korea", "male", "First."),
        _turn(2, "Kim", "Democratic People's Republic of Korea", "female", "Second."),
        _turn(3, "Kim", "Republic of Korea", "male", "Third."),
    )
    record_save(release=replace(record, statements=turns))
    assert Speaker.objects.filter(name="Kim").count() == 2
    korea = Statement.objects.filter(delegation="Republic of Korea")
    assert len({s.speaker_id for s in korea}) == 1
    again = replace(record, meeting=replace(record.meeting, symbol="S/PV.10101"), statements=turns)
    assert record_save(release=again).speakers_created == 0


def test_a_record_and_the_release_of_the_same_meeting_are_linked_both_ways():
    release = parse(samples.SECURITY_COUNCIL, kind="press_release")
    record_save(release=release)
    pressed = Meeting.objects.get(symbol=release.meeting.symbol)
    number = re.search(r"\d+", pressed.meeting_number).group(0)
    record = real.parsed_record("S_PV.10100")
    header = replace(
        record.meeting,
        symbol=f"S/PV.{number}",
        date=pressed.date,
        meeting_number=f"{number}th meeting",
    )
    outcome = record_save(release=replace(record, meeting=header))
    verbatim = Meeting.objects.get(symbol=f"S/PV.{number}")
    pressed.refresh_from_db()
    assert (verbatim.same_meeting_as, pressed.same_meeting_as) == (pressed, verbatim)
    assert outcome.linked_with == pressed.symbol
    assert f"Linked with {pressed.symbol}" in outcome.summary


def test_records_of_other_meetings_are_not_linked():
    record_save(release=parse(samples.SECURITY_COUNCIL, kind="press_release"))
    record_save(release=real.parsed_record("S_PV.10100"))
    assert not Meeting.objects.filter(same_meeting_as__isnull=False).exists()
