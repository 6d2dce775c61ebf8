"""Exports: CSV, JSON Lines and W3C Web Annotation, streamed, with the list's filters."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from rest_framework.test import APIClient

from annotations.coding import services
from annotations.exchange.formula import neutralise_formula
from annotations.exchange.rows import HEADINGS
from tracker.models import Statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(analyst_b) -> APIClient:
    client = APIClient()
    client.force_authenticate(analyst_b)
    return client


@pytest.fixture
def coded(codebook, meeting, analyst_a, analyst_b):
    """Passages and a statement-level code by two analysts, one deleted, one risky memo."""
    first, second, third = meeting.statements.order_by("order")
    code = codebook.codes.get
    start = first.text.index("victim-centred")
    made = [
        services.annotation_create(
            statement=first,
            code=code(slug="victim-centred"),
            analyst=analyst_a,
            start=start,
            end=start + 23,
            memo='=HYPERLINK("http://evil")',
        ),
        services.annotation_create(
            statement=third,
            code=code(slug="migration-displacement"),
            analyst=analyst_b,
            start=third.text.index("🙂"),
            end=len(third.text) - 1,
        ),
        services.annotation_create(
            statement=second, code=code(slug="survivor-testimony"), analyst=analyst_a
        ),
    ]
    gone = services.annotation_create(
        statement=second, code=code(slug="prevention"), analyst=analyst_a, start=0, end=11
    )
    services.annotation_delete(annotation=gone, actor=analyst_a)
    return made


def body_of(response) -> bytes:
    assert response.status_code == 200, getattr(response, "content", b"")
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content)


def csv_rows(response) -> list[dict]:
    text = body_of(response).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_one_row_per_live_annotation_with_every_column(api, coded, meeting):
    response = api.get("/api/export/annotations.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'attachment; filename="annotations-' in response["Content-Disposition"]
    rows = csv_rows(response)
    assert len(rows) == 3
    assert list(rows[0]) == list(HEADINGS)
    first = rows[0]
    assert first["meeting_symbol"] == "GA/TEST-1"
    assert (first["speaker"], first["gender"], first["speaker_type"]) == (
        "Félix Braz",
        "male",
        "member_state",
    )
    assert (first["code_slug"], first["code_group"], first["analyst"]) == (
        "victim-centred",
        "approach",
        "amina",
    )
    unnamed = rows[1]
    assert (unnamed["speaker"], unnamed["gender"], unnamed["delegation"]) == (
        "",
        "unknown",
        "Ethiopia",
    )
    whole = rows[2]
    assert (whole["start"], whole["end"], whole["quote"]) == ("", "", "")


def test_every_exported_quote_is_the_statement_text_at_its_offsets(api, coded):
    texts = dict(Statement.objects.values_list("id", "text"))
    rows = csv_rows(api.get("/api/export/annotations.csv"))
    spans = [row for row in rows if row["start"]]
    assert len(spans) == 2
    for row in spans:
        text = texts[int(row["statement_id"])]
        assert row["quote"] == text[int(row["start"]) : int(row["end"])]
    lines = body_of(api.get("/api/export/annotations.jsonl")).decode().splitlines()
    for record in map(json.loads, lines):
        if record["start"] is not None:
            expected = texts[record["statement_id"]][record["start"] : record["end"]]
            assert record["quote"] == expected


def test_csv_neutralises_formulas_and_says_so_in_the_readme(api, coded):
    rows = csv_rows(api.get("/api/export/annotations.csv"))
    assert rows[0]["memo"] == '\'=HYPERLINK("http://evil")'
    readme = (Path(__file__).parents[3] / "README.md").read_text(encoding="utf-8")
    assert "formula injection" in readme.lower()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20", "'+44 20"),
        ("- the Assembly", "'- the Assembly"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Human trafficking", "Human trafficking"),
        ("a=b", "a=b"),
    ],
)
def test_formula_neutralisation(value, expected):
    assert neutralise_formula(value) == expected


def test_bom_option_for_excel(api, coded):
    with_bom = body_of(api.get("/api/export/annotations.csv?bom=1"))
    without = body_of(api.get("/api/export/annotations.csv"))
    assert with_bom.startswith("\ufeff".encode())
    assert not without.startswith("\ufeff".encode())
    assert with_bom[3:] == without
    assert api.get("/api/export/annotations.csv?bom=maybe").status_code == 400


def test_exports_take_the_annotation_filters(api, coded, meeting):
    rows = csv_rows(api.get("/api/export/annotations.csv?analyst=bruno"))
    assert [row["code_slug"] for row in rows] == ["migration-displacement"]
    rows = csv_rows(api.get("/api/export/annotations.csv?code_group=approach"))
    assert {row["code_slug"] for row in rows} == {"victim-centred", "survivor-testimony"}
    lines = body_of(api.get(f"/api/export/annotations.jsonl?meeting={meeting.pk}&code_slug=x"))
    assert lines == b""


@pytest.mark.parametrize(
    "url",
    [
        "/api/export/annotations.csv?analyst__password=x",
        "/api/export/annotations.jsonl?meeting=abc",
        "/api/export/annotations.jsonld?created_after=soon",
    ],
)
def test_exports_refuse_bad_filters_with_json_400(api, coded, url):
    response = api.get(url, HTTP_ACCEPT="text/csv")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"


def test_anonymous_visitors_cannot_export(coded):
    client = APIClient()
    for extension in ("csv", "jsonl", "jsonld"):
        assert client.get(f"/api/export/annotations.{extension}").status_code in (401, 403)


def test_json_lines_keep_types_and_text_as_stored(api, coded):
    lines = body_of(api.get("/api/export/annotations.jsonl")).decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 3
    assert records[0]["memo"] == '=HYPERLINK("http://evil")'
    assert isinstance(records[0]["start"], int)
    assert records[1]["quote"].startswith("🙂")
    assert records[0]["created"].endswith("+00:00")


def test_web_annotation_export_has_quote_and_position_selectors(api, coded):
    response = api.get("/api/export/annotations.jsonld")
    assert response["Content-Type"].startswith("application/ld+json")
    document = json.loads(body_of(response))
    assert document["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert document["type"] == "AnnotationCollection"
    assert document["total"] == 3
    page = document["first"]
    assert page["id"] == document["id"] + "#page1" == document["last"]
    assert (page["type"], page["partOf"], page["startIndex"]) == (
        "AnnotationPage",
        document["id"],
        0,
    )
    items = page["items"]
    passage = items[0]
    assert passage["type"] == "Annotation"
    assert passage["target"]["source"].endswith(f"/api/statements/{coded[0].statement_id}/")
    quote, position = passage["target"]["selector"]
    statement = coded[0].statement
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": "victim-centred approach",
        "prefix": statement.text[: coded[0].start][-32:],
        "suffix": statement.text[coded[0].end :][:32],
    }
    assert position == {
        "type": "TextPositionSelector",
        "start": coded[0].start,
        "end": coded[0].end,
    }
    assert {"purpose": "tagging", "type": "TextualBody", "value": "victim-centred"} in passage[
        "body"
    ]
    assert passage["creator"]["nickname"] == "amina"
    emoji = items[1]["target"]["selector"][1]
    assert (
        items[1]["target"]["selector"][0]["exact"]
        == statement_text(coded[1])[emoji["start"] : emoji["end"]]
    )
    whole = items[2]
    assert isinstance(whole["target"], str)


def statement_text(annotation) -> str:
    return Statement.objects.get(pk=annotation.statement_id).text


def test_an_empty_web_annotation_export_is_still_valid_json(api, codebook):
    document = json.loads(body_of(api.get("/api/export/annotations.jsonld")))
    assert (document["total"], document["first"]["items"]) == (0, [])


def test_the_export_costs_a_fixed_number_of_queries(
    api, coded, meeting, analyst_a, codebook, django_assert_max_num_queries
):
    statement = meeting.statements.get(order=1)
    for start in range(0, 40):
        services.annotation_create(
            statement=statement,
            code=codebook.codes.get(slug="protection"),
            analyst=analyst_a,
            start=start,
            end=start + 4,
        )
    # COPY on PostgreSQL is not counted: it is one. PostgreSQL's 5: the user's permissions
    # (2: blind coding asks whether she sees everyone's), and the savepoint around the
    # COPY's settings, DateStyle and JIT, set in one query (3).
    with django_assert_max_num_queries(5):
        rows = csv_rows(api.get("/api/export/annotations.csv"))
    assert len(rows) == 43


@pytest.fixture
def fifty(codebook, meeting, analyst_a):
    statement = meeting.statements.get(order=1)
    for start in range(0, 50):
        services.annotation_create(
            statement=statement,
            code=codebook.codes.get(slug="protection"),
            analyst=analyst_a,
            start=start,
            end=start + 4,
        )


@pytest.mark.parametrize("extension", ["csv", "jsonl"])
def test_exports_stream_in_pieces_not_the_whole_table(api, fifty, monkeypatch, extension):
    # SQLite fetches BATCH_ROWS a time; PostgreSQL joins PIECE_ROWS of COPY's rows.
    monkeypatch.setattr("annotations.exchange.streaming.BATCH_ROWS", 10)
    monkeypatch.setattr("annotations.exchange.streaming.PIECE_ROWS", 10)
    response = api.get(f"/api/export/annotations.{extension}")
    pieces = list(response.streaming_content)
    rows = [piece.count(b"\n") for piece in pieces]
    if extension == "csv":
        # The heading rides with the first rows: the query has run before the status.
        assert pieces[0].startswith(b"annotation_id,") and pieces[0].count(b"\n") > 1
        rows[0] -= 1
    assert sum(rows) == 50
    assert len(rows) >= 3 and max(rows) <= 20


@pytest.mark.parametrize("extension", ["csv", "jsonl"])
def test_a_client_that_goes_away_leaves_the_connection_usable(api, fifty, monkeypatch, extension):
    monkeypatch.setattr("annotations.exchange.streaming.BATCH_ROWS", 10)
    monkeypatch.setattr("annotations.exchange.streaming.PIECE_ROWS", 5)
    response = api.get(f"/api/export/annotations.{extension}")
    pieces = iter(response.streaming_content)
    next(pieces), next(pieces)
    # What the WSGI server does when the client disconnects. (request_finished would
    # also close the test's own database connection, which the test client avoids.)
    monkeypatch.setattr(connection, "close_if_unusable_or_obsolete", lambda: None)
    response.close()
    assert Statement.objects.filter(annotations__isnull=False).distinct().count() == 1
    again = b"".join(api.get(f"/api/export/annotations.{extension}").streaming_content)
    assert again.count(b"\n") == 50 + (extension == "csv")


TRICKY = [
    'He said "no", then\nleft',
    "\tTabbed",
    "\rCarriage return",
    "+44 20 7946 0000",
    "@everyone",
    "- the Assembly decided",
    "=1+1",
    "Survivors 🙏, commas, and ; semicolons",
    "",
]


@pytest.mark.parametrize("memo", TRICKY)
def test_the_database_made_csv_quotes_and_neutralises_like_the_python_rule(
    api, codebook, statement, analyst_a, memo
):
    statement.delegation = memo or "Luxembourg"
    statement.save()
    start = statement.text.index("serious crime")
    services.annotation_create(
        statement=statement,
        code=codebook.codes.get(slug="protection"),
        analyst=analyst_a,
        start=start,
        end=start + 13,
        memo=memo,
    )
    (row,) = csv_rows(api.get("/api/export/annotations.csv"))
    assert row["memo"] == neutralise_formula(memo)
    assert row["delegation"] == neutralise_formula(memo or "Luxembourg")
    assert row["quote"] == "serious crime"
    (record,) = [
        json.loads(line) for line in body_of(api.get("/api/export/annotations.jsonl")).splitlines()
    ]
    assert record["memo"] == memo
    assert row["created"] == record["created"]
    assert row["annotation_id"] == str(record["annotation_id"])


# Around the formula rule's first test in SQL (a code point below 65, then the six):
# every start, the characters next to them, the first letter, digits, accents, emoji.
FORMULA_EDGES = [
    *(start + "x" for start in ("=", "+", "-", "@", "\t", "\r")),
    "?x", "Ax", "Zx", "0x", " x", "'x", '"x', ",x", ".x", "<x", ">x", "\nx", "\x01x",
    "éx", "🙂x", "", "=", "@",
]  # fmt: skip


@pytest.mark.parametrize("text", FORMULA_EDGES)
def test_the_formula_rule_in_sql_is_the_python_rule(text):
    """formula_safe_sql, as both databases run it, gives what neutralise_formula does."""
    from django.db import connection

    from annotations.exchange.formula import formula_safe_sql

    function = "ascii" if connection.vendor == "postgresql" else "unicode"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {formula_safe_sql('CAST(%s AS TEXT)', function)}", [text] * 4)
        assert cursor.fetchone()[0] == neutralise_formula(text)
