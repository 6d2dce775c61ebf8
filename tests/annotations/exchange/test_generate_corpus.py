"""generate_corpus: a realistic, valid, deterministic synthetic corpus."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from annotations.models import Annotation
from tracker.models import Meeting, Speaker, Statement

pytestmark = pytest.mark.django_db


def generate(seed=7, meetings=2, statements=5, annotations=4, analysts=3) -> str:
    out = io.StringIO()
    call_command(
        "generate_corpus",
        "--meetings", str(meetings),
        "--statements-per-meeting", str(statements),
        "--annotations-per-statement", str(annotations),
        "--analysts", str(analysts),
        "--seed", str(seed),
        "--batch-size", "7",
        stdout=out,
    )  # fmt: skip
    return out.getvalue()


def snapshot() -> list[tuple]:
    return list(
        Annotation.objects.order_by("statement__meeting__symbol", "statement__order", "id")
        .values_list(
            "statement__meeting__symbol", "statement__order", "analyst__username",
            "code__slug", "start", "end", "quote", "memo",
        )
    )  # fmt: skip


def test_it_creates_the_requested_corpus(codebook):
    output = generate()
    assert "Created 2 meetings, 10 statements and 40 annotations" in output
    assert Meeting.objects.filter(symbol__startswith="SYN/7/").count() == 2
    assert Statement.objects.count() == 10
    assert Annotation.objects.live().count() == 40
    usernames = set(Annotation.objects.values_list("analyst__username", flat=True))
    assert usernames <= {"analyst1", "analyst2", "analyst3"}
    assert len(usernames) > 1
    analyst = get_user_model().objects.get(username="analyst2")
    assert analyst.groups.filter(name="analyst").exists()
    assert not analyst.has_usable_password()


def test_every_quote_prefix_and_suffix_match_the_text(codebook):
    generate(annotations=6)
    for annotation in Annotation.objects.select_related("statement"):
        text = annotation.statement.text
        if annotation.start is None:
            assert (annotation.end, annotation.quote) == (None, "")
            assert annotation.code.statement_level
            continue
        assert 0 <= annotation.start < annotation.end <= len(text)
        assert annotation.quote == text[annotation.start : annotation.end]
        assert text[: annotation.start].endswith(annotation.prefix)
        assert text[annotation.end :].startswith(annotation.suffix)
        assert annotation.quote == annotation.quote.strip()


def test_the_same_seed_gives_the_same_corpus(codebook):
    generate(seed=11)
    first = snapshot()
    texts = list(Statement.objects.order_by("meeting__symbol", "order").values_list("text"))
    Annotation.objects.all().delete()
    Statement.objects.all().delete()
    Meeting.objects.all().delete()
    Speaker.objects.all().delete()
    generate(seed=11)
    assert snapshot() == first
    assert list(Statement.objects.order_by("meeting__symbol", "order").values_list("text")) == texts
    generate(seed=12)
    assert snapshot()[len(first) :] != first


def test_it_refuses_a_seed_already_used(codebook):
    generate(seed=3)
    with pytest.raises(CommandError, match="seed 3 exists already"):
        generate(seed=3)
    assert Meeting.objects.count() == 2


@pytest.mark.parametrize("option", ["--meetings", "--statements-per-meeting", "--analysts"])
def test_it_refuses_sizes_below_one(codebook, option):
    args = ["--meetings", "1", "--statements-per-meeting", "1", "--annotations-per-statement", "1"]
    args += [option, "0"]
    with pytest.raises(CommandError):
        call_command("generate_corpus", *args, stdout=io.StringIO())
    assert not Meeting.objects.exists()


def test_it_loads_the_default_codebook_when_there_is_none(db):
    output = generate(meetings=1, statements=2, annotations=1, analysts=1)
    assert "Loaded the default codebook" in output
    assert Annotation.objects.count() == 2


def test_an_export_of_the_corpus_round_trips_every_quote(codebook, analyst_a):
    generate(meetings=3, statements=4, annotations=5)
    client = APIClient()
    client.force_authenticate(analyst_a)
    response = client.get("/api/export/annotations.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 60
    texts = dict(Statement.objects.values_list("id", "text"))
    for row in rows:
        if row["start"]:
            text = texts[int(row["statement_id"])]
            expected = text[int(row["start"]) : int(row["end"])]
            # The CSV neutralises cells a spreadsheet would run as formulas.
            assert row["quote"] in (expected, "'" + expected)
            assert row["quote"] == expected or expected[0] in "=+-@\t\r"
