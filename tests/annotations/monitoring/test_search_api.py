"""GET /api/search/ on the two small meetings, counted by hand (runs on both databases)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from annotations.monitoring.query import matches, parse
from tracker.models import Meeting, Statement

KEYS = {"statement", "meeting", "symbol", "date", "speaker", "delegation",
        "before", "match", "after", "start", "end"}  # fmt: skip


@pytest.fixture
def api(analyst_a) -> APIClient:
    client = APIClient()
    client.force_authenticate(analyst_a)
    return client


def search(api, **params):
    response = api.get("/api/search/", params)
    assert response.status_code == 200, response.json()
    return response.json()


def found(api, **params) -> set[tuple[str, int]]:
    body = search(api, **params)
    assert body["count"] == len(body["results"])
    return {(r["symbol"], Statement.objects.get(pk=r["statement"]).order) for r in body["results"]}


GA, SC = "GA/11955", "S/PV.8886"


def test_every_result_has_the_promised_keys_and_offsets(api, corpus):
    body = search(api, q="victim-centred")
    assert body["count"] == 2
    for result in body["results"]:
        assert set(result) == KEYS
        text = Statement.objects.get(pk=result["statement"]).text
        assert text[result["start"] : result["end"]] == result["match"]
        assert (result["before"] + result["match"] + result["after"]) in text
    assert [r["match"] for r in body["results"]] == ["victim‑centred", "victim centred"]
    assert body["results"][0]["speaker"] == "Amber Rudd"
    assert body["results"][0]["date"] == "2017-09-27"


@pytest.mark.parametrize(
    "q, expected",
    [
        ("victim‑centred", {(GA, 2), (GA, 4)}),  # U+2011 in the query too
        ('"women peacebuilders"', {(SC, 1)}),  # a no-break space in the text
        ('"global plan"', {(GA, 2)}),  # inside curly quotes
        ("lajcak", {(GA, 1)}),  # accents optional
        ("LAJČÁK", {(GA, 1)}),
        ("traffick*", {(GA, 1), (SC, 2), (SC, 4)}),
        ("poverty OR migration", {(GA, 3), (SC, 2)}),
        ("women -girls", {(SC, 3)}),
        ("women NOT girls", {(SC, 3)}),
        ("(survivors OR girls) trafficking", {(SC, 4)}),
        ('"role migration"', set()),  # a phrase is words side by side
        ("women's", {(SC, 3)}),
    ],
)
def test_queries_find_what_a_reader_would(api, corpus, q, expected):
    assert found(api, q=q) == expected


@pytest.mark.parametrize(
    "q", ["women", "traffick* OR survivor*", '"victim centred" -guide', "the OR a", "s"]
)
def test_the_database_agrees_with_the_reference_matcher(api, corpus, q):
    tree = parse(q)
    expected = {
        (s.meeting.symbol, s.order)
        for s in Statement.objects.select_related("meeting")
        if matches(tree, s.text)
    }
    assert found(api, q=q) == expected


BROAD = "the OR a OR of OR was"  # matches most statements of the two meetings


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({"body": "Security Council"}, {(SC, 1), (SC, 2), (SC, 3), (SC, 4)}),
        ({"date_from": "2018-01-01"}, {(SC, 1), (SC, 2), (SC, 3), (SC, 4)}),
        ({"date_to": "2017-12-31"}, {(GA, 1), (GA, 2), (GA, 3), (GA, 4)}),
        ({"meeting": GA, "speaker_type": "civil_society"}, {(GA, 4)}),
        ({"delegation": "united-kingdom"}, {(GA, 2), (SC, 1)}),  # "the United Kingdom" too
        ({"delegation": "UK"}, {(GA, 2), (SC, 1)}),
        ({"group": "p5"}, {(GA, 2), (SC, 1), (SC, 2)}),
        # Elected members by year: Ethiopia sat in 2017, Kenya in 2021.
        ({"group": "e10"}, {(GA, 3), (SC, 3)}),
        ({"group": "african-group"}, {(GA, 3), (SC, 3)}),
        ({"gender": "unknown"}, {(GA, 3)}),
        ({"gender": "female", "body": "General Assembly"}, {(GA, 2), (GA, 4)}),
        ({"segment": "statements", "speaker_type": "presiding_officer"}, {(GA, 1)}),
        ({"record_kind": "verbatim_record"}, {(SC, 1), (SC, 2), (SC, 3), (SC, 4)}),
        ({"record_kind": "press_release"}, {(GA, 1), (GA, 2), (GA, 3), (GA, 4)}),
    ],
)
def test_filters_narrow_the_search(api, corpus, filters, expected):
    assert found(api, q=BROAD, **filters) == expected


def test_coded_and_not_coded(api, coded):
    assert found(api, q="victim* OR women", coded="victim-centred") == {(GA, 2), (GA, 4)}
    assert found(api, q="women", coded="protection") == {(SC, 1), (SC, 3)}
    assert found(api, q="women", not_coded="protection") == {(SC, 3)} - {(SC, 3)}
    assert found(api, q="victim* OR women", not_coded="victim-centred") == {(SC, 1), (SC, 3)}


@pytest.mark.parametrize(
    "params, field, words",
    [
        ({"q": "women", "colour": "red"}, "colour", "not a filter"),
        ({}, "q", "Type a word"),
        ({"q": ""}, "q", "Type a word"),
        ({"q": '"victim centred'}, "q", "not closed"),
        ({"q": "-women"}, "q", "leave out"),
        (
            {"q": "women", "date_from": "2021-01-01", "date_to": "2017-01-01"},
            "date_to",
            "before it starts",
        ),
        ({"q": "women", "date_from": "27/09/2017"}, "date_from", "must be a date"),
        ({"q": "women", "group": "g-nothing"}, "group", "no country group"),
        ({"q": "women", "delegation": "Atlantis"}, "delegation", "no delegation"),
        ({"q": "women", "meeting": "GA/0"}, "meeting", "no meeting"),
        ({"q": "women", "coded": "no-such-code"}, "coded", "No code"),
        ({"q": "women", "gender": "other"}, "gender", "must be one of"),
        ({"q": "women", "record_kind": "tweet"}, "record_kind", "must be one of"),
        ({"q": "women", "body": "Trusteeship Council"}, "body", "No meeting of the body"),
        ({"q": "women", "page_size": "0"}, "page_size", "whole number"),
    ],
)
def test_bad_input_is_a_400_naming_the_problem(api, corpus, params, field, words):
    response = api.get("/api/search/", params)
    assert response.status_code == 400
    assert words in " ".join(response.json()[field])


def test_the_index_follows_text_changes_and_deletions(api, corpus):
    statement = corpus.s("sc", 2)
    Statement.objects.filter(pk=statement.pk).update(text="Nothing about poverty remains.")
    assert found(api, q="master") == set()
    assert found(api, q="remains") == {(SC, 2)}
    statement.annotations.all().delete()
    Statement.objects.filter(pk=statement.pk).delete()
    assert found(api, q="remains") == set()


def test_paging(api, corpus):
    first = search(api, q=BROAD, page_size=3)
    second = search(api, q=BROAD, page_size=3, page=2)
    assert first["count"] == second["count"] == 8
    assert len(first["results"]) == 3 and len(second["results"]) == 3
    assert not {r["statement"] for r in first["results"]} & {
        r["statement"] for r in second["results"]
    }


def _grow(meeting: Meeting, n: int) -> None:
    Statement.objects.bulk_create(
        Statement(
            meeting=meeting,
            order=100 + i,
            delegation="China",
            text=f"Women and the role {i} of survivors.",
        )
        for i in range(n)
    )


@pytest.mark.parametrize("size", [0, 300])
def test_a_page_costs_the_same_queries_for_small_and_large_data(
    api, coded, django_assert_num_queries, size
):
    # The group and the code are looked up once each; then one COUNT and one page;
    # the viewer's permissions ×2 (blind coding: does she see every analyst's work).
    _grow(coded.sc, size)
    params = {"q": "women OR survivors", "group": "p5", "not_coded": "victim-centred"}
    with django_assert_num_queries(6):
        body = search(api, **params)
    assert body["count"] == 1 + size  # SC 1 (the United Kingdom) and the new ones (China)
