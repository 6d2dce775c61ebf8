"""Reference levels and the Gender Index on the two small meetings, counted by hand."""

import pytest
from rest_framework.test import APIClient

from annotations.coding.services import annotation_create
from annotations.monitoring.reference_levels import reference_level_declare
from annotations.reports.agreement import krippendorff_alpha_ordinal


@pytest.fixture
def levels(corpus, codebook, analyst_a, analyst_b):
    none, general, specific = reference_level_declare(scheme=codebook)

    def rate(meeting, order, code, analyst):
        annotation_create(statement=corpus.s(meeting, order), code=code, analyst=analyst)

    rate("ga", 2, specific, analyst_a)
    rate("ga", 2, general, analyst_b)  # B thinks it only general
    rate("ga", 3, none, analyst_a)
    rate("ga", 3, none, analyst_b)
    rate("sc", 1, specific, analyst_a)
    rate("sc", 2, none, analyst_a)
    rate("sc", 3, general, analyst_a)
    return corpus


def test_ordinal_alpha_weighs_a_two_step_disagreement_more():
    one_step = krippendorff_alpha_ordinal([[0, 1, 2, 2], [0, 1, 2, 1]])
    two_steps = krippendorff_alpha_ordinal([[0, 1, 2, 2], [0, 1, 2, 0]])
    assert one_step > two_steps
    assert krippendorff_alpha_ordinal([[0, 0], [0, 0]]) is None  # no variation


def test_declaring_the_family_is_idempotent(codebook):
    first = reference_level_declare(scheme=codebook)
    assert [c.slug for c in reference_level_declare(scheme=codebook)] == [c.slug for c in first]
    assert {"slug": "reference-level"}.items() <= next(
        g for g in codebook.groups if g["slug"] == "reference-level"
    ).items()


@pytest.fixture
def api(analyst_a):
    client = APIClient()
    client.force_authenticate(analyst_a)
    return client


def test_the_gender_index_of_the_2017_meeting(api, levels):
    body = api.get("/api/gender-index/", {"meeting": "GA/11955"}).json()
    rows = {r["delegation"]: r["level"] for r in body["delegations"]}
    # Statements without a delegation (Sorvino) are not rows, nor is the chair's: Lajčák
    # presided, and the record's "Slovakia" is his country, not a delegation speaking.
    assert rows == {
        "Ethiopia": "No reference",
        "United Kingdom": "Specific reference",  # the higher of A's and B's
    }
    assert body["per_level"] == [
        {"level": "No reference", "delegations": 1},
        {"level": "General reference", "delegations": 0},
        {"level": "Specific reference", "delegations": 1},
        {"level": "Not rated", "delegations": 0},
    ]
    # Named speakers: Lajčák, Rudd, Sorvino; women: Rudd, Sorvino.
    assert (body["speakers"], body["women_speakers"]) == (3, 2)
    assert body["women_share"] == pytest.approx(200 / 3)
    assert body["rated_statements"] == 2
    assert body["krippendorff_alpha_ordinal"] == pytest.approx(
        krippendorff_alpha_ordinal([[2, 0], [1, 0]])
    )


def test_the_gender_index_over_a_period_joins_printed_names(api, levels):
    body = api.get("/api/gender-index/", {"date_from": "2017-01-01"}).json()
    uk = next(r for r in body["delegations"] if r["slug"] == "united-kingdom")
    assert uk == {
        "delegation": "United Kingdom", "slug": "united-kingdom", "statements": 2,
        "level": "Specific reference", "rank": 2,
        "passages": "/monitoring/passages/?coded=no-reference%2Cgeneral-reference%2C"
                    "specific-reference&date_from=2017-01-01&delegation=united-kingdom",
    }  # fmt: skip
    passages = api.get(uk["passages"].replace("/monitoring/", "/api/")).json()
    # GA 2 rated by A (specific) and B (general); SC 1 by A (specific).
    assert passages["count"] == 2
    assert [len(r["annotations"]) for r in passages["results"]] == [2, 1]


def test_the_gender_index_refuses_bad_input(api, levels):
    response = api.get("/api/gender-index/", {"group": "nowhere"})
    assert response.status_code == 400 and "group" in response.json()


def test_the_gender_index_page_and_csv(levels, analyst_a, client):
    client.force_login(analyst_a)
    page = client.get("/monitoring/gender-index/", {"meeting": "GA/11955"})
    assert page.status_code == 200
    assert "<strong>2</strong> of 3 named speakers were women (66.7%)" in page.content.decode()
    csv = b"".join(
        client.get("/monitoring/gender-index.csv", {"meeting": "GA/11955"}).streaming_content
    )
    assert "United Kingdom,united-kingdom,1,Specific reference" in csv.decode()
    html = page.content.decode()
    assert 'src="/monitoring/charts/gender-index.svg?meeting=GA%2F11955"' in html
    assert 'delegation=united-kingdom&amp;meeting=GA%2F11955">Specific reference</a>' in html


def test_the_heat_map_has_a_row_per_rated_delegation_and_a_column_per_meeting(levels):
    from annotations.monitoring.chart_catalog import gender_index_chart

    chart = gender_index_chart({}, None)
    assert chart.categories == ("GA/11955", "S/PV.8886")
    rows = {s.label: s.values for s in chart.series}
    assert rows["United Kingdom"][chart.categories.index("GA/11955")] == 2
    assert rows["Ethiopia"][chart.categories.index("GA/11955")] == 0
    assert rows["China"] == (None, 0)
    assert "Slovakia" not in rows  # not rated


@pytest.mark.parametrize("extra", [0, 200])
def test_the_gender_index_costs_constant_queries(api, levels, django_assert_num_queries, extra):
    from tracker.models import Statement

    Statement.objects.bulk_create(
        Statement(meeting=levels.sc, order=100 + i, delegation="France", text="x")
        for i in range(extra)
    )
    # The meeting look-up; level codes; per-delegation counts; levels; names; speakers;
    # the analysts' levels for alpha (and the level codes again for it);
    # the viewer's permissions ×2 (blind coding: does she see every analyst's work).
    with django_assert_num_queries(10):
        assert api.get("/api/gender-index/", {"meeting": "S/PV.8886"}).status_code == 200
