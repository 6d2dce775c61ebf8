"""Retrieved segments (annotations/monitoring/segments.py): the API, the page and the CSV,
counted by hand on corpus.py's two meetings (victim-centred on GA 2 and GA 4 by amina;
protection on SC 1 and SC 3 by amina, SC 3 by bruno)."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from annotations.coding.services import annotation_create, annotation_delete
from annotations.models import Code
from annotations.monitoring.segments import CONTEXT, _after, _before


@pytest.fixture
def client(analyst_a) -> Client:
    c = Client()
    c.force_login(analyst_a)
    return c


def segments(client, **params) -> list[dict]:
    response = client.get("/api/segments/", params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def code(statement, slug, analyst, phrase=None):
    start = None if phrase is None else statement.text.index(phrase)
    return annotation_create(
        statement=statement,
        code=Code.objects.get(slug=slug),
        analyst=analyst,
        start=start,
        end=None if phrase is None else start + len(phrase),
    )


def test_every_passage_of_a_code_across_meetings_with_its_context_and_source(client, coded):
    found = segments(client, code="protection")
    rows = [(r["meeting_symbol"], r["statement_order"], r["analyst"], r["quote"]) for r in found]
    assert rows == [
        ("S/PV.8886", 1, "amina", "protect women and girls"),
        ("S/PV.8886", 3, "amina", "protection of women"),
        ("S/PV.8886", 3, "bruno", "protection"),
    ]  # fmt: skip
    first = found[0]
    assert first["speaker"] == "Barbara Woodward" and first["delegation"] == "the United Kingdom"
    assert first["before"] == "Women\u00a0peacebuilders were threatened; the Council must "
    assert first["after"] == "."
    assert first["gender"] == "female" and first["speaker_type"] == "member_state"
    assert (first["code_slug"], first["meeting_date"]) == ("protection", "2021-10-21")
    text = coded.s("sc", 1).text
    assert first["before"] + first["quote"] + first["after"] == text


def test_several_codes_come_in_reading_order_across_meetings(client, coded):
    found = segments(client, code="protection,victim-centred")
    assert [(r["meeting_symbol"], r["statement_order"], r["code_slug"]) for r in found] == [
        ("GA/11955", 2, "victim-centred"),
        ("GA/11955", 4, "victim-centred"),
        ("S/PV.8886", 1, "protection"),
        ("S/PV.8886", 3, "protection"),
        ("S/PV.8886", 3, "protection"),
    ]


def test_code_a_and_not_code_b_by_speaker_type_and_analyst(client, coded, analyst_a):
    code(coded.s("sc", 3), "women-as-agents", analyst_a, "women's participation")
    assert [r["statement_order"] for r in segments(client, code="protection")] == [1, 3, 3]
    assert [r["statement_order"] for r in segments(
        client, code="protection", not_coded="women-as-agents"
    )] == [1]  # fmt: skip
    assert [r["quote"] for r in segments(
        client, code="protection", coded="women-as-agents", analyst="bruno"
    )] == ["protection"]  # fmt: skip
    civil = segments(client, code="victim-centred", speaker_type="civil_society")
    assert [r["speaker"] for r in civil] == ["Mira Sorvino"]
    assert [r["statement_order"] for r in segments(
        client, code="victim-centred", meeting="GA/11955", gender="female"
    )] == [2, 4]  # fmt: skip


def test_a_deleted_passage_is_not_retrieved(client, coded, analyst_b):
    theirs = coded.s("sc", 3).annotations.get(analyst=analyst_b)
    annotation_delete(annotation=theirs, actor=analyst_b)
    assert [r["analyst"] for r in segments(client, code="protection")] == ["amina", "amina"]


def test_a_statement_level_code_comes_first_with_the_statements_opening(client, coded, analyst_a):
    whole = code(coded.s("ga", 4), "survivor-testimony", analyst_a)
    found = segments(client, code="survivor-testimony,victim-centred", meeting="GA/11955")
    assert [r["annotation_id"] for r in found][1] == whole.pk
    level = found[1]
    assert (level["start"], level["end"], level["quote"], level["before"]) == (None, None, "", "")
    assert level["after"] == coded.s("ga", 4).text


def test_context_is_cut_at_a_word_and_marked():
    text = "word " * 100 + "QUOTE" + " more" * 100
    start = text.index("QUOTE")
    before, after = _before(text, start), _after(text, start + 5)
    assert before.startswith("…word") and before.endswith("word ")
    assert after.startswith(" more") and after.endswith("more…")
    assert len(before) <= CONTEXT + 1 and len(after) <= CONTEXT + 1
    assert text[start - len(before) + 1 : start] == before[1:]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({}, "code", "Choose at least one code"),
        ({"code": "protection,nonesuch"}, "code", "No code with the slug nonesuch"),
        ({"code": "protection", "analyst": "nobody"}, "analyst", "There is no analyst"),
        ({"code": "protection", "analyst": "a\x00b"}, "analyst", "There is no analyst"),
        ({"code": "pro\x00tection"}, "code", "No code with the slug"),
        ({"code": "protection", "coded": "x\x00"}, "coded", "cannot contain a null character"),
        ({"code": "protection", "gender": "neutral"}, "gender", "gender must be one of"),
        ({"code": "protection", "colour": "red"}, "colour", "is not a filter here"),
        ({"code": "protection", "page_size": "0"}, "page_size", "from 1 to 500"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(client, coded, params, field, message):
    response = client.get("/api/segments/", params)
    assert response.status_code == 400
    assert message in " ".join(response.json()[field])


def test_the_api_pages_segments(client, coded):
    response = client.get("/api/segments/", {"code": "protection", "page_size": 2, "page": 2})
    assert response.json()["count"] == 3
    assert [r["analyst"] for r in response.json()["results"]] == ["bruno"]


def test_the_page_lists_each_segment_in_context_with_its_link(client, coded):
    response = client.get("/monitoring/segments/", {"code": ["protection", "victim-centred"]})
    html = response.content.decode()
    assert '<span id="segment-count">5</span>' in html
    assert "<mark>protect women and girls</mark>." in html
    sc1 = coded.s("sc", 1)
    annotation = sc1.annotations.get()
    href = f'href="/meetings/{sc1.meeting_id}/?annotation={annotation.pk}#statement-{sc1.pk}"'
    assert href in html
    assert "Protection, coded by bruno" in html
    assert 'value="protection" selected' in html and 'value="victim-centred" selected' in html
    assert "code=protection%2Cvictim-centred" in html  # the downloads keep both codes


def test_the_page_without_parameters_is_the_form_and_a_bad_one_is_named(client, coded):
    empty = client.get("/monitoring/segments/")
    assert empty.status_code == 200 and 'id="segments"' not in empty.content.decode()
    bad = client.get("/monitoring/segments/", {"code": "nonesuch"})
    assert bad.status_code == 400 and "No code with the slug nonesuch" in bad.content.decode()


def test_the_csv_has_every_segment_with_its_link(client, coded, analyst_a):
    code(coded.s("sc", 2), "protection", analyst_a, "Development")
    response = client.get("/monitoring/segments.csv", {"code": "protection", "page_size": 1})
    assert response.status_code == 400  # paging is the page's and the API's, not the CSV's
    response = client.get("/monitoring/segments.csv", {"code": "protection"})
    assert response["Content-Disposition"] == 'attachment; filename="segments.csv"'
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(r["statement_order"], r["analyst"], r["quote"]) for r in rows] == [
        ("1", "amina", "protect women and girls"),
        ("2", "amina", "Development"),
        ("3", "amina", "protection of women"),
        ("3", "bruno", "protection"),
    ]
    assert rows[1]["before"] == "" and rows[1]["after"].startswith(" was the master key")
    assert rows[0]["url"].startswith("http://testserver/meetings/")
    assert list(rows[0])[-4:] == ["quote", "after", "memo", "url"]


def _queries(client, path, params) -> int:
    client.get(path, params)  # the session and the user, read once per client
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("path", "expected"),
    # The API and the CSV ask the viewer's permissions (2 queries) for blind coding; the
    # page asked them already for its navigation.
    [("/api/segments/", 8), ("/monitoring/segments/", 12), ("/monitoring/segments.csv", 7)],
)
def test_the_queries_do_not_grow_with_segments(client, coded, analyst_a, analyst_b, path, expected):
    params = {"code": "protection", "analyst": "amina"}
    few = _queries(client, path, params)
    for order in (1, 2, 3, 4):
        statement = coded.s("ga", order)
        for analyst in (analyst_a, analyst_b):
            code(statement, "protection", analyst, statement.text.split()[0])
    assert len(segments(client, **params)) == 6
    many = _queries(client, path, params)
    assert (few, many) == (expected, expected)
