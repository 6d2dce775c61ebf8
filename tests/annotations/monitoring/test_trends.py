"""Trends on the two small meetings, counted by hand (corpus.py): victim-centred on
GA 2 (United Kingdom) and GA 4 (Mira Sorvino, civil society); protection on SC 1
(the United Kingdom) and SC 3 (Kenya, by both analysts)."""

from __future__ import annotations

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from rest_framework.test import APIClient

from annotations.coding.services import annotation_create
from annotations.models import Code
from tracker.models import Gender, Meeting, Speaker, SpeakerType, Statement

GA, SC = "General Assembly", "Security Council"


@pytest.fixture
def api(analyst_a) -> APIClient:
    client = APIClient()
    client.force_authenticate(analyst_a)
    return client


def trends(api, **params) -> dict:
    response = api.get("/api/trends/", params)
    assert response.status_code == 200, response.json()
    return response.json()


def figures(body: dict) -> dict:
    return {
        (p["body"], p["period"]): (p["statements_coded"], p["statements"],
                                   p["speakers_coded"], p["speakers"])
        for p in body["points"]
    }  # fmt: skip


def test_by_meeting_each_body_has_its_share_of_statements_and_speakers(api, coded):
    body = trends(api, code="victim-centred")
    assert figures(body) == {(GA, "GA/11955"): (2, 4, 2, 4), (SC, "S/PV.8886"): (0, 4, 0, 4)}
    ga = body["points"][0]
    assert ga["share_of_statements"] == 50.0
    assert ga["sentence"] == "2 out of 4 statements mentioned Victim-centred approach"
    # Sorvino speaks for no delegation: only the United Kingdom is listed.
    assert ga["delegations"] == [{"name": "United Kingdom", "slug": "united-kingdom"}]


def test_a_code_group_counts_a_statement_once_whatever_its_codes(api, coded, analyst_a):
    prevention = Code.objects.get(slug="prevention")
    annotation_create(statement=coded.s("sc", 1), code=prevention, analyst=analyst_a,
                      start=0, end=5)  # SC 1 now has two of the 4 P's  # fmt: skip
    body = trends(api, code_group="four-ps", by="year")
    assert body["label"] == "The 4 P's"
    assert figures(body) == {(GA, "2017"): (0, 4, 0, 4), (SC, "2021"): (2, 4, 2, 4)}
    names = [d["name"] for d in body["points"][1]["delegations"]]
    assert names == ["Kenya", "United Kingdom"]  # "the United Kingdom" as printed, linked


def test_a_country_group_narrows_every_figure(api, coded):
    body = trends(api, code="protection", group="p5")
    # P5 in these meetings: the United Kingdom (GA 2, SC 1) and China (SC 2).
    assert figures(body) == {(GA, "GA/11955"): (0, 1, 0, 1), (SC, "S/PV.8886"): (1, 2, 1, 2)}


def test_every_figure_links_to_exactly_the_passages_it_counts(api, coded):
    point = trends(api, code="protection", by="year")["points"][1]
    query = parse_qs(urlsplit(point["passages"]).query)
    assert query == {"body": [SC], "coded": ["protection"],
                     "date_from": ["2021-01-01"], "date_to": ["2021-12-31"]}  # fmt: skip
    passages = api.get("/api/passages/", {k: v[0] for k, v in query.items()}).json()
    assert passages["count"] == point["statements_coded"] == 2
    orders = [Statement.objects.get(pk=r["statement"]).order for r in passages["results"]]
    assert orders == [1, 3]
    assert [len(r["annotations"]) for r in passages["results"]] == [1, 2]  # both analysts on SC 3
    everything = api.get("/api/passages/?" + urlsplit(point["all_passages"]).query).json()
    assert everything["count"] == point["statements"] == 4


def test_a_year_link_keeps_a_narrower_date_range(api, coded):
    point = trends(api, code="protection", by="year", date_from="2021-06-01")["points"][0]
    query = parse_qs(urlsplit(point["passages"]).query)
    assert query["date_from"] == ["2021-06-01"] and query["date_to"] == ["2021-12-31"]


def test_women_civil_society_briefers_per_year(api, coded):
    briefers = trends(api, code="protection", by="year")["civil_society_briefers"]
    rows = [(b["body"], b["year"], b["women"], b["briefers"]) for b in briefers]
    assert rows == [(GA, 2017, 1, 1), (SC, 2021, 1, 1)]
    # A man briefing and a woman briefing twice in one meeting: 3 briefings, 2 by women.
    man = Speaker.objects.create(name="A. Briefer", gender=Gender.MALE)
    sc = coded.sc
    for order, speaker in ((5, man), (6, coded.s("sc", 4).speaker)):
        Statement.objects.create(meeting=sc, order=order, speaker=speaker, text="Thank you.",
                                 speaker_type=SpeakerType.CIVIL_SOCIETY)  # fmt: skip
    briefers = trends(api, code="protection", by="year")["civil_society_briefers"]
    assert [(b["women"], b["briefers"]) for b in briefers] == [(1, 1), (1, 2)]


@pytest.mark.parametrize(
    "params, problem",
    [
        ({}, "code"),
        ({"code": "protection", "code_group": "four-ps"}, "code"),
        ({"code": "no-such-code"}, "code"),
        ({"code_group": "no-such-group"}, "code_group"),
        ({"code": "protection", "by": "decade"}, "by"),
        ({"code": "protection", "group": "g1000"}, "group"),
        ({"code": "protection", "date_from": "2021-01-01", "date_to": "2017-01-01"}, "date_to"),
        ({"code": "protection", "colour": "red"}, "colour"),
    ],
)
def test_bad_parameters_are_named_with_400(api, coded, params, problem):
    response = api.get("/api/trends/", params)
    assert response.status_code == 400
    assert problem in response.json()


def _more_meetings(count: int, statements: int, analyst) -> None:
    code = Code.objects.get(slug="protection")
    for n in range(count):
        meeting = Meeting.objects.create(
            symbol=f"S/PV.{9000 + n}",
            body="Security Council",
            date=datetime.date(2015 + n % 8, 3, 1),
        )
        for order in range(1, statements + 1):
            s = Statement.objects.create(
                meeting=meeting,
                order=order,
                delegation="China",
                speaker_type=SpeakerType.MEMBER_STATE,
                text="Protection.",
            )
            if order % 2:
                annotation_create(statement=s, code=code, analyst=analyst, start=0, end=10)


@pytest.mark.parametrize("by", ["meeting", "year"])
def test_the_number_of_queries_does_not_grow_with_the_corpus(
    api, coded, analyst_a, django_assert_num_queries, by
):
    params = {"code": "protection", "by": by, "group": "p5"}
    # The code, the group, the figures, the delegations, their names, the briefers;
    # the user's permissions (2: blind coding asks whether she sees everyone's), read
    # afresh as in a real request, not cached on the object by an earlier one.
    api.force_authenticate(type(analyst_a).objects.get(pk=analyst_a.pk))
    with django_assert_num_queries(8):
        small = trends(api, **params)
    _more_meetings(12, 15, analyst_a)
    api.force_authenticate(type(analyst_a).objects.get(pk=analyst_a.pk))
    with django_assert_num_queries(8):
        large = trends(api, **params)
    assert len(large["points"]) > len(small["points"])
    if by == "meeting":
        assert large["points"][0]["statements_coded"] == 8  # orders 1, 3, …, 15


def test_the_chairs_statement_counts_but_lists_no_delegation(api, coded, analyst_a):
    chair = coded.s("ga", 1)  # Lajčák presided; the record prints Slovakia
    victim = Code.objects.get(slug="victim-centred")
    annotation_create(statement=chair, code=victim, analyst=analyst_a, start=0, end=11)
    ga = trends(api, code="victim-centred")["points"][0]
    assert ga["sentence"] == "3 out of 4 statements mentioned Victim-centred approach"
    assert ga["delegations"] == [{"name": "United Kingdom", "slug": "united-kingdom"}]


@pytest.mark.parametrize(
    "params, problem",
    [
        ({"code": "\x00"}, "code"),
        ({"code": "protection\x00"}, "code"),
        ({"code_group": "\x00"}, "code_group"),
    ],
)
@pytest.mark.parametrize(
    "path", ["/api/trends/", "/monitoring/trends/", "/monitoring/trends.csv",
             "/monitoring/trends/briefers.csv", "/monitoring/charts/trends.svg"],
)  # fmt: skip
def test_a_null_character_in_the_codes_is_named_with_400(
    api, coded, analyst_a, path, params, problem
):
    # The audit (benchmarks/audit.py) found these a 500 on PostgreSQL, which refuses a NUL
    # in a query's text; on SQLite the same request said no such code.
    client = api if path.startswith("/api/") else Client()
    client.force_login(analyst_a)
    response = client.get(path, params)
    assert response.status_code == 400
    body = response.content.decode()
    assert problem in body and "cannot contain a null character" in body
