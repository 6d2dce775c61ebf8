"""Saving a parse: all-or-nothing, no duplicates on re-import, analysts' work protected."""

from dataclasses import replace

import pytest
from django.core.exceptions import ValidationError

from annotations.coding.services import annotation_create
from annotations.models import Annotation
from tests.conftest import GA_11955_RELEASE
from tests.tracker.imports import press_release_samples as samples
from tracker.imports.parsing.corrections import apply_corrections
from tracker.imports.parsing.press_release import parse_press_release
from tracker.imports.saving import ImportConflict, record_save
from tracker.models import Meeting, Speaker, Statement

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def ga_11955():
    return apply_corrections(
        parse_press_release(GA_11955_RELEASE.read_bytes()), meeting={"date": "2017-09-27"}
    )


def snapshot():
    return sorted(
        Statement.objects.values_list("pk", "meeting__symbol", "order", "speaker__name", "text")
    )


def test_it_saves_a_release_as_a_meeting_with_attributed_statements(ga_11955, administrator):
    outcome = record_save(release=ga_11955, imported_by=administrator)
    meeting = Meeting.objects.get(symbol="GA/11955")
    assert outcome.created and outcome.meeting == meeting
    assert outcome.statements_created == 58
    assert meeting.statements.count() == 58
    assert meeting.session == "Seventy-second Session"
    assert str(meeting.date) == "2017-09-27"
    assert meeting.summary.startswith("Survivors of human trafficking")
    assert "Also speaking were representatives of the Dominican Republic" in meeting.notes
    masutha = Speaker.objects.get(name="Michael Masutha")
    assert masutha.statements.count() == 2
    assert Speaker.objects.count() == outcome.speakers_created == 38
    ethiopia = meeting.statements.get(delegation="Ethiopia")
    assert ethiopia.speaker is None and ethiopia.speaker_type == "member_state"
    first = meeting.statements.get(order=1)
    assert first.history.get().history_user == administrator


def test_saving_costs_a_handful_of_queries_not_one_per_statement(
    ga_11955, django_assert_max_num_queries
):
    with django_assert_max_num_queries(25):
        record_save(release=ga_11955)


def test_reimporting_the_same_release_never_duplicates(ga_11955):
    record_save(release=ga_11955)
    before = snapshot()
    outcome = record_save(release=ga_11955)
    assert not outcome.created
    assert outcome.statements_unchanged == 58
    assert outcome.statements_created == outcome.statements_removed == 0
    assert Meeting.objects.filter(symbol="GA/11955").count() == 1
    assert snapshot() == before
    assert Speaker.objects.count() == 38


def test_reimport_corrects_attribution_and_keeps_annotations_on_unchanged_text(
    ga_11955, codebook, code, analyst_a
):
    record_save(release=ga_11955)
    statement = Statement.objects.get(meeting__symbol="GA/11955", order=38)
    annotation = annotation_create(
        statement=statement, code=code, analyst=analyst_a, start=0, end=18
    )
    corrected = apply_corrections(
        ga_11955, statements={38: {"speaker_name": "Taye Atske Selassie", "gender": "male"}}
    )
    outcome = record_save(release=corrected)
    assert outcome.statements_updated == 1
    statement.refresh_from_db()
    assert statement.speaker.name == "Taye Atske Selassie"
    assert Annotation.objects.get(pk=annotation.pk).statement_id == statement.pk
    assert statement.text[annotation.start : annotation.end] == annotation.quote


def test_reimport_refuses_to_reword_annotated_statements_and_names_them(
    ga_11955, codebook, code, analyst_a
):
    record_save(release=ga_11955)
    target = Statement.objects.get(meeting__symbol="GA/11955", order=31)
    annotation_create(statement=target, code=code, analyst=analyst_a, start=0, end=10)
    before = snapshot()
    reworded = list(ga_11955.statements)
    reworded[30] = replace(reworded[30], text=reworded[30].text + " (corrected)")
    with pytest.raises(ImportConflict) as refused:
        record_save(release=replace(ga_11955, statements=tuple(reworded)))
    message = refused.value.messages[0]
    assert "statement 31 (Purna Sen): 1 annotations" in message
    assert "Nothing was saved" in message
    assert refused.value.statements == [
        {
            "id": target.pk,
            "order": 31,
            "speaker": "Purna Sen",
            "segment": "Panel Discussion I",
            "carries": "1 annotations",
        }
    ]
    assert snapshot() == before


def test_reimport_refuses_to_drop_annotated_statements(ga_11955, codebook, code, analyst_a):
    record_save(release=ga_11955)
    last = Statement.objects.get(meeting__symbol="GA/11955", order=58)
    annotation_create(statement=last, code=code, analyst=analyst_a, start=0, end=10)
    shorter = replace(ga_11955, statements=ga_11955.statements[:57])
    with pytest.raises(ImportConflict, match="statement 58 \\(Joy Ezeilo\\)"):
        record_save(release=shorter)
    assert Statement.objects.filter(meeting__symbol="GA/11955").count() == 58


def test_reimport_removes_and_renumbers_statements_nobody_worked_on(ga_11955):
    record_save(release=ga_11955)
    kept = Statement.objects.get(meeting__symbol="GA/11955", order=3)
    # The second release drops the first two statements: the rest move up.
    later = tuple(replace(s, order=s.order - 2) for s in ga_11955.statements[2:])
    outcome = record_save(release=replace(ga_11955, statements=later))
    assert outcome.statements_removed == 2
    assert outcome.statements_updated == 56
    kept.refresh_from_db()
    assert kept.order == 1
    orders = list(
        Statement.objects.filter(meeting__symbol="GA/11955").values_list("order", flat=True)
    )
    assert orders == list(range(1, 57))


def test_statements_can_swap_places_on_reimport(ga_11955):
    record_save(release=ga_11955)
    first, second = ga_11955.statements[:2]
    swapped = (replace(second, order=1), replace(first, order=2), *ga_11955.statements[2:])
    record_save(release=replace(ga_11955, statements=swapped))
    assert Statement.objects.get(meeting__symbol="GA/11955", order=1).text == second.text
    assert Statement.objects.get(meeting__symbol="GA/11955", order=2).text == first.text


def test_a_release_without_statements_is_refused_and_nothing_is_saved():
    text = GA_11955_RELEASE.read_text(encoding="utf-8")
    truncated = parse_press_release(text[: text.index("Opening Remarks")])
    with pytest.raises(ValidationError) as refused:
        record_save(release=truncated)
    assert "no statements" in refused.value.message_dict["statements"][0]
    assert not Meeting.objects.exists()


def test_a_release_without_a_symbol_is_refused():
    release = parse_press_release(samples.SECURITY_COUNCIL.replace("SC/13553\n", ""))
    with pytest.raises(ValidationError) as refused:
        record_save(release=release)
    assert "symbol" in refused.value.message_dict
    assert not Meeting.objects.exists()


def test_bad_values_are_refused_naming_the_statement_and_nothing_is_half_written(ga_11955):
    too_long = apply_corrections(ga_11955, statements={7: {"role": "x" * 501}})
    with pytest.raises(ValidationError) as refused:
        record_save(release=too_long)
    (message,) = refused.value.message_dict["statements"]
    assert message.startswith("Statement 7 (Retno Lestari Priansari Marsudi): role:")
    assert not Meeting.objects.exists()
    assert not Speaker.objects.exists()


def test_one_speaker_cannot_be_given_two_genders(ga_11955):
    contradictory = apply_corrections(ga_11955, statements={31: {"gender": "male"}})
    with pytest.raises(ValidationError, match="Purna Sen is given different genders"):
        record_save(release=contradictory)


def test_a_dry_run_checks_everything_and_saves_nothing(ga_11955):
    outcome = record_save(release=ga_11955, dry_run=True)
    assert outcome.dry_run and outcome.created and outcome.statements_created == 58
    assert "Would import GA/11955" in outcome.summary
    assert not Meeting.objects.exists()
    assert not Speaker.objects.exists()


def test_existing_speakers_are_reused_and_get_the_gender_the_import_states(ga_11955):
    Speaker.objects.create(name="António Guterres", gender="unknown")
    outcome = record_save(release=ga_11955)
    assert Speaker.objects.filter(name="António Guterres").count() == 1
    assert Speaker.objects.get(name="António Guterres").gender == "male"
    assert outcome.speakers_created == 37


def test_a_second_meeting_shares_speakers_with_the_first(ga_11955):
    record_save(release=ga_11955)
    outcome = record_save(release=parse_press_release(samples.COMMISSION_ON_THE_STATUS_OF_WOMEN))
    assert Meeting.objects.count() == 2
    guterres = Speaker.objects.get(name="António Guterres")
    assert guterres.statements.count() == 2
    assert outcome.speakers_created == 4
