"""The demo coding: it loads once, its quotes are their statements' text, and it is
labelled as demo data."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from annotations.analysis.demo import DEMO_FIXTURE, load_demo_coding
from annotations.models import Annotation, MissedOpportunity

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]


def test_the_fixture_sits_outside_the_default_glob():
    assert DEMO_FIXTURE.parent != ROOT / "fixtures"
    assert not list((ROOT / "fixtures").glob("*demo*.json"))


def test_every_quote_of_the_fixture_is_its_statement_text():
    statements = {
        r["pk"]: r["fields"]["text"]
        for r in json.loads((ROOT / "fixtures" / "ga-11955.json").read_text(encoding="utf-8"))
        if r["model"] == "tracker.statement"
    }
    records = json.loads(DEMO_FIXTURE.read_text(encoding="utf-8"))
    spans = [r["fields"] for r in records if r["model"] == "annotations.annotation"]
    assert len(spans) > 300
    for span in spans:
        if span["start"] is not None:
            assert statements[span["statement"]][span["start"] : span["end"]] == span["quote"]


def test_it_loads_once_with_two_analysts_who_partly_disagree(ga_11955):
    assert load_demo_coding().loaded
    again = load_demo_coding()
    assert not again.loaded and "already" in again.message
    live = Annotation.objects.live().for_meeting(ga_11955)
    by = {
        name: set(live.filter(analyst__username=name).values_list("statement", "code"))
        for name in ("demo-analyst-1", "demo-analyst-2")
    }
    shared = by["demo-analyst-1"] & by["demo-analyst-2"]
    assert shared and by["demo-analyst-1"] - shared and by["demo-analyst-2"] - shared
    assert live.filter(start__isnull=True).exists()  # statement-level codes
    assert MissedOpportunity.objects.filter(meeting=ga_11955).count() == 6
    for annotation in live.select_related("statement"):
        if annotation.start is not None:
            assert annotation.statement.text[annotation.start : annotation.end] == annotation.quote


def test_setup_workbench_loads_it_on_request(db):
    out = StringIO()
    call_command("setup_workbench", "--demo-coding", "--no-demo-users", stdout=out)
    call_command("setup_workbench", "--demo-coding", "--no-demo-users", stdout=out)
    assert "Loaded the demo coding of GA/11955" in out.getvalue()
    assert "loaded already" in out.getvalue()
    assert Annotation.objects.filter(analyst__username__startswith="demo-analyst-").count() > 300


def test_the_demo_analysts_cannot_log_in(ga_11955, django_user_model):
    load_demo_coding()
    assert not django_user_model.objects.get(username="demo-analyst-1").has_usable_password()
