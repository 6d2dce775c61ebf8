import pytest
from django.core.management import CommandError, call_command

from annotations.coding.services import annotation_create
from annotations.models import Annotation
from tracker.models import Statement

pytestmark = pytest.mark.django_db


def coded(statement, code, analyst, phrase):
    start = statement.text.index(phrase)
    return annotation_create(
        statement=statement, code=code, analyst=analyst, start=start, end=start + len(phrase)
    )


def test_it_passes_when_every_quote_matches(meeting, code, analyst_a, capsys):
    coded(meeting.statements.get(order=1), code, analyst_a, "victim-centred approach")
    coded(meeting.statements.get(order=3), code, analyst_a, "positive role")  # after an emoji
    call_command("check_annotations")
    assert "All 2 annotation(s) match" in capsys.readouterr().out


def test_it_fails_and_lists_a_quote_the_text_no_longer_holds(meeting, code, analyst_a, capsys):
    statement = meeting.statements.get(order=1)
    good = coded(statement, code, analyst_a, "Human trafficking")
    bad = coded(statement, code, analyst_a, "victim-centred approach")
    # A change that bypassed the services: exactly what the command is for.
    Statement.objects.filter(pk=statement.pk).update(
        text=statement.text.replace("victim-centred", "victim-centered")
    )
    with pytest.raises(CommandError) as error:
        call_command("check_annotations")
    assert "1 of 2 annotation(s) do not match" in str(error.value)
    out = capsys.readouterr().out
    assert f"annotation {bad.pk}," in out
    assert "'victim-centred approach'" in out
    assert f"annotation {good.pk}," not in out


def test_it_counts_code_points_so_emoji_and_combining_marks_do_not_shift_it(
    meeting, code, analyst_a, capsys
):
    statement = Statement.objects.create(
        meeting=meeting, order=4, text="👩🏽‍⚖️ Cafe\u0301 owners, \r\nנשים and النساء spoke."
    )
    for phrase in ("Cafe\u0301", "נשים", "النساء spoke"):
        coded(statement, code, analyst_a, phrase)
    call_command("check_annotations")
    assert "All 3 annotation(s) match" in capsys.readouterr().out


def test_it_fails_for_offsets_past_the_end_of_a_shortened_text(meeting, code, analyst_a):
    statement = meeting.statements.get(order=2)
    annotation = coded(statement, code, analyst_a, "addressed as such")
    Statement.objects.filter(pk=statement.pk).update(text="Trafficking.")
    with pytest.raises(CommandError):
        call_command("check_annotations")
    Annotation.objects.filter(pk=annotation.pk).delete()
    call_command("check_annotations")


def test_it_can_check_one_meeting(meeting, code, analyst_a, capsys):
    coded(meeting.statements.get(order=1), code, analyst_a, "serious crime")
    call_command("check_annotations", "--meeting", "GA/NO-SUCH")
    assert "All 0 annotation(s)" in capsys.readouterr().out
    call_command("check_annotations", "--meeting", meeting.symbol)
    assert "All 1 annotation(s)" in capsys.readouterr().out


def test_it_mentions_annotations_awaiting_review(meeting, code, analyst_a, capsys):
    annotation = coded(meeting.statements.get(order=1), code, analyst_a, "serious crime")
    Annotation.objects.filter(pk=annotation.pk).update(needs_review=True)
    call_command("check_annotations")
    assert "1 annotation(s) were re-anchored" in capsys.readouterr().out
