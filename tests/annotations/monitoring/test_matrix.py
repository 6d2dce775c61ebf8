"""The code × attribute matrix on the two small meetings, counted by hand (corpus.py):
victim-centred on GA 2 (Rudd, United Kingdom) and GA 4 (Sorvino, civil society, no
delegation); protection on SC 1 (Woodward, "the United Kingdom") and SC 3 (Kimani, Kenya)."""

from __future__ import annotations

import csv
import io
from urllib.parse import urlsplit

import pytest
from django.test import Client
from rest_framework.test import APIClient

from tracker.models import Statement

CODES = "victim-centred,protection"


@pytest.fixture
def api(analyst_a) -> APIClient:
    client = APIClient()
    client.force_authenticate(analyst_a)
    return client


def grid(api, **params) -> dict:
    response = api.get("/api/matrix/", {"code": CODES, **params})
    assert response.status_code == 200, response.json()
    body = response.json()
    labels = [c["label"] for c in body["columns"]]
    return {
        "totals": {c["label"]: (c["statements"], c["speakers"]) for c in body["columns"]},
        "cells": {
            (row["code"], label): cell
            for row in body["rows"]
            for label, cell in zip(labels, row["cells"], strict=True)
        },
    }


def test_codes_by_gender_count_statements_and_speakers_with_their_shares(api, coded):
    m = grid(api, columns="gender")
    # Women: Rudd, Sorvino, Woodward, Yaftali; men: Lajčák, Zhang, Kimani; Ethiopia unnamed.
    assert m["totals"] == {"Woman": (4, 4), "Man": (3, 3), "Unknown": (1, 1)}
    assert m["cells"][("protection", "Woman")]["statements"] == 1
    assert m["cells"][("protection", "Man")]["share_of_statements"] == pytest.approx(100 / 3)
    assert m["cells"][("victim-centred", "Woman")]["share_of_speakers"] == 50.0
    assert m["cells"][("victim-centred", "Man")]["statements"] == 0


def test_codes_by_delegation_join_the_printed_names(api, coded):
    m = grid(api, columns="delegation")
    # "United Kingdom" (GA 2) and "the United Kingdom" (SC 1) are one column.
    assert m["totals"]["United Kingdom"] == (2, 2)
    # Sorvino, Yaftali and the chair: Lajčák presided, speaking for no delegation.
    assert m["totals"]["(no delegation)"] == (3, 3)
    assert "Slovakia" not in m["totals"]
    uk = m["cells"][("protection", "United Kingdom")]
    assert (uk["statements"], uk["share_of_statements"]) == (1, 50.0)
    assert m["cells"][("victim-centred", "(no delegation)")]["passages"] is None


def test_codes_by_country_group_by_year_of_membership(api, coded):
    m = grid(api, columns="group")
    p5 = next(label for label in m["totals"] if label.startswith("P5"))
    # P5 here: the United Kingdom (GA 2, SC 1) and China (SC 2).
    assert m["totals"][p5] == (3, 3)
    assert m["cells"][("protection", p5)]["statements"] == 1
    assert m["cells"][("victim-centred", p5)]["statements"] == 1


def group_names() -> dict[str, str]:
    from tracker.models import CountryGroup

    return dict(CountryGroup.objects.values_list("slug", "name"))


def test_each_group_counts_its_members_in_their_years_and_never_the_chair(api, coded):
    m, name = grid(api, columns="group"), group_names()
    # African Group: Ethiopia (GA 3, no speaker named) and Kenya (SC 3, Kimani). E10 the
    # same: Ethiopia elected for 2017–2018, Kenya for 2021–2022. EU: the United Kingdom
    # until 2019, so GA 2 (2017) but not SC 1 (2021); Slovakia (GA 1) presided.
    assert m["totals"] == {
        name["african-group"]: (2, 2),
        name["e10"]: (2, 2),
        name["eu"]: (1, 1),
        name["p5"]: (3, 3),
    }
    cells = {(code, label): c["statements"] for (code, label), c in m["cells"].items()}
    assert cells == {
        ("victim-centred", name["african-group"]): 0,
        ("victim-centred", name["e10"]): 0,
        ("victim-centred", name["eu"]): 1,  # GA 2, Rudd, 2017
        ("victim-centred", name["p5"]): 1,
        ("protection", name["african-group"]): 1,  # SC 3 once, though coded by two analysts
        ("protection", name["e10"]): 1,
        ("protection", name["eu"]): 0,  # SC 1 is of 2021: the United Kingdom had left
        ("protection", name["p5"]): 1,
    }
    assert m["cells"][("protection", name["e10"])]["share_of_statements"] == 50.0


def test_a_statement_counts_once_for_a_group_whose_terms_overlap(api, coded):
    from tracker.models import CountryGroup, Delegation

    friends = CountryGroup.objects.create(slug="friends", name="Friends")
    uk = Delegation.objects.get(slug="united-kingdom")
    friends.memberships.create(delegation=uk)  # always, and again for 2015–2020
    friends.memberships.create(delegation=uk, first_year=2015, last_year=2020)
    friends.memberships.create(delegation=Delegation.objects.get(slug="slovakia"))
    m = grid(api, columns="group")
    assert m["totals"]["Friends"] == (2, 2)  # GA 2 and SC 1; GA 1 is the chair's
    assert m["cells"][("victim-centred", "Friends")]["statements"] == 1
    assert m["cells"][("protection", "Friends")]["statements"] == 1


def test_a_group_with_no_statement_is_no_column(api, coded):
    from tracker.models import CountryGroup, Delegation

    empty = CountryGroup.objects.create(slug="empty", name="Empty")
    empty.memberships.create(delegation=Delegation.objects.get(slug="france"))
    assert "Empty" not in grid(api, columns="group")["totals"]


def test_a_printed_name_not_linked_is_its_own_column(api, coded):
    Statement.objects.create(
        meeting=coded.sc, order=9, delegation="Atlantis", speaker_type="member_state", text="x"
    )
    m = grid(api, columns="delegation")
    assert m["totals"]["Atlantis"] == (1, 1)
    assert m["totals"]["United Kingdom"] == (2, 2)
    assert m["cells"][("protection", "Atlantis")]["passages"] is None


def test_every_cell_links_to_its_passages(api, coded):
    cell = grid(api, columns="year")["cells"][("protection", "2021")]
    assert cell["statements"] == 2
    passages = api.get("/api/passages/?" + urlsplit(cell["passages"]).query).json()
    assert sorted(Statement.objects.get(pk=r["statement"]).order for r in passages["results"]) == [
        1,
        3,
    ]


def test_by_meeting_in_date_order(api, coded):
    assert list(grid(api, columns="meeting")["totals"]) == ["GA/11955", "S/PV.8886"]


@pytest.mark.parametrize(
    "params, problem",
    [
        ({"columns": "colour"}, "columns"),
        ({"measure": "words"}, "measure"),
        ({"value": "ratio"}, "value"),
        ({"code": "nothing"}, "code"),
        ({"code_group": "nothing"}, "code_group"),
        ({"group": "nothing"}, "group"),
        ({"rows": "codes"}, "rows"),
    ],
)
def test_bad_parameters_are_named_with_400(api, coded, params, problem):
    response = api.get("/api/matrix/", params)
    assert response.status_code == 400 and problem in response.json()


@pytest.mark.parametrize("columns, queries", [("gender", 5), ("delegation", 6), ("group", 6)])
def test_constant_queries(api, coded, analyst_a, django_assert_num_queries, columns, queries):
    from tests.annotations.monitoring.test_trends import _more_meetings

    # Each request with the user fresh from the database, as a real one has it: her
    # permissions (2 queries: blind coding asks whether she sees everyone's) are not
    # cached on the object from an earlier request or fixture.
    api.force_authenticate(type(analyst_a).objects.get(pk=analyst_a.pk))
    with django_assert_num_queries(queries):
        grid(api, columns=columns)
    _more_meetings(6, 10, analyst_a)
    api.force_authenticate(type(analyst_a).objects.get(pk=analyst_a.pk))
    with django_assert_num_queries(queries):
        assert grid(api, columns=columns)["totals"]


def test_the_page_and_the_csv(coded, analyst_a):
    client = Client()
    client.force_login(analyst_a)
    params = {"code": CODES, "columns": "gender", "value": "share"}
    html = client.get("/monitoring/matrix/", params).content.decode()
    assert ">33.3</a>" in html  # protection among the men
    assert "coded=protection&amp;gender=male" in html
    text = b"".join(client.get("/monitoring/matrix.csv", params).streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["code", "name", "Woman", "Man", "Unknown"]
    assert rows[1] == ["", "all (statements)", "4", "3", "1"]
    assert rows[3] == ["protection", "Protection", "25.0", "33.3", "0.0"]
    assert client.get("/monitoring/matrix/", {"columns": "x"}).status_code == 400


@pytest.mark.parametrize(
    "params, problem",
    [({"code": "\x00"}, "code"), ({"code": "protection,\x00"}, "code"),
     ({"code_group": "four\x00ps"}, "code_group")],
)  # fmt: skip
@pytest.mark.parametrize("path", ["/api/matrix/", "/monitoring/matrix/", "/monitoring/matrix.csv"])
def test_a_null_character_in_the_codes_is_named_with_400(
    api, coded, analyst_a, path, params, problem
):
    # A 500 on PostgreSQL before (the audit, benchmarks/audit.py, found it).
    client = api if path.startswith("/api/") else Client()
    client.force_login(analyst_a)
    response = client.get(path, {"columns": "gender", **params})
    assert response.status_code == 400
    body = response.content.decode()
    assert problem in body and "cannot contain a null character" in body
