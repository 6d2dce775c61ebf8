"""tracker/migrations/0004_record_kinds: the kind of the meetings already there, decided
from their data, and each statement's gender from its speaker."""

import importlib

from django.apps import apps

from tracker.models import Meeting, Speaker, Statement

migration = importlib.import_module("tracker.migrations.0004_record_kinds")


def test_a_meeting_of_one_bare_statement_is_a_speech_and_a_release_stays_one(meeting):
    speech = Meeting.objects.create(symbol="DSG/SM/1700")
    guterres = Speaker.objects.create(name="António Guterres", gender="male")
    Statement.objects.create(meeting=speech, order=1, speaker=guterres, text="I thank you.")
    summarised = Meeting.objects.create(symbol="GA/1", summary="A summary.")
    Statement.objects.create(meeting=summarised, order=1, text="One statement.")
    migration.kinds_and_genders(apps, None)
    kinds = dict(Meeting.objects.values_list("symbol", "record_kind"))
    assert kinds == {
        "DSG/SM/1700": "speech",
        "GA/1": "press_release",
        "GA/TEST-1": "press_release",
    }
    genders = dict(Statement.objects.values_list("text", "gender"))
    assert genders["I thank you."] == "male"
    assert genders["One statement."] == "unknown"
    assert meeting.statements.get(order=2).gender == "female"
