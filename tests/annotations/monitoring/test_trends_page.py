"""The trends page, its CSVs, the passages page and the chart images (hand counts of
corpus.py; the API's figures are in test_trends.py)."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client


@pytest.fixture
def client(analyst_a) -> Client:
    c = Client()
    c.force_login(analyst_a)
    return c


def rows_of(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def test_the_page_writes_debate_watchs_sentence_with_the_delegations(client, coded):
    response = client.get("/monitoring/trends/", {"code": "protection"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "2 out of 4 statements mentioned Protection" in html
    assert "0 out of 4 statements mentioned Protection" in html
    assert 'href="/monitoring/delegations/kenya/"' in html
    assert (
        "/monitoring/passages/?body=Security+Council&amp;coded=protection&amp;meeting=S%2FPV.8886"
        in html
    )


def test_each_chart_is_an_svg_image_with_its_text_alternative_and_table(client, coded):
    html = client.get("/monitoring/trends/", {"code": "protection", "by": "year"}).content.decode()
    assert html.count('<figure class="chart"') == 5
    assert 'src="/monitoring/charts/trends.svg?by=year&amp;code=protection"' in html
    assert (
        'alt="Protection: share of statements coded, by year. General Assembly: 2017 0%; '
        'Security Council: 2021 50%."' in html
    )
    assert 'href="/monitoring/charts/four-ps.png?by=year&amp;code=protection"' in html


def test_a_bad_parameter_is_named_on_the_page(client, coded):
    response = client.get("/monitoring/trends/", {"code": "protection", "by": "week"})
    assert response.status_code == 400
    assert "by must be one of meeting, year" in response.content.decode()


def test_the_csv_has_every_point_with_its_passages(client, coded):
    rows = rows_of(client.get("/monitoring/trends.csv", {"code": "protection", "by": "year"}))
    assert [(r["body"], r["period"], r["statements_coded"], r["statements"],
             r["share_of_statements"], r["delegations"]) for r in rows] == [
        ("General Assembly", "2017", "0", "4", "0.0", ""),
        ("Security Council", "2021", "2", "4", "50.0", "Kenya; United Kingdom"),
    ]  # fmt: skip
    assert rows[1]["passages"].startswith("http://testserver/monitoring/passages/?body=")


def test_the_briefers_csv(client, coded):
    rows = rows_of(client.get("/monitoring/trends/briefers.csv", {"code": "protection"}))
    assert [(r["year"], r["women"], r["civil_society_briefers"]) for r in rows] == [
        ("2017", "1", "1"),
        ("2021", "1", "1"),
    ]


def test_the_passages_page_shows_the_coded_quotes(client, coded):
    response = client.get("/monitoring/passages/", {"coded": "protection"})
    html = response.content.decode()
    assert '<span id="passage-count">2</span>' in html
    assert "“protect women and girls”" in html and "“protection of women”" in html
    assert "victim" not in html.split('id="passages"')[1]  # only the codes asked for


def test_the_passages_csv_holds_what_the_page_shows_every_page_of_it(client, coded):
    params = {"coded": "protection", "page_size": "1"}
    page = client.get("/monitoring/passages/", params).content.decode()
    assert 'href="/monitoring/passages.csv?coded=protection&amp;page_size=1"' in page
    rows = rows_of(client.get("/monitoring/passages.csv", params))
    assert [(r["symbol"], r["order"], r["code"], r["analyst"], r["quote"]) for r in rows] == [
        ("S/PV.8886", "1", "protection", "amina", "protect women and girls"),
        ("S/PV.8886", "3", "protection", "amina", "protection of women"),
        ("S/PV.8886", "3", "protection", "bruno", "protection"),
    ]  # the page's quotes, in its order, from both pages (page_size does not cut it)
    assert rows[0]["url"] == (
        f"http://testserver/meetings/{coded.sc.pk}/?annotation={rows[0]['annotation']}"
        f"#statement-{coded.s('sc', 1).pk}"
    )


def test_a_statement_without_annotations_is_one_row_without_a_quote(client, coded):
    rows = rows_of(client.get("/monitoring/passages.csv", {"speaker_type": "civil_society"}))
    assert [(r["symbol"], r["order"], r["speaker"], r["code"]) for r in rows] == [
        ("GA/11955", "4", "Mira Sorvino", "victim-centred"),
        ("S/PV.8886", "4", "Zarqa Yaftali", ""),
    ]
    assert rows[1]["url"].endswith(f"#statement-{coded.s('sc', 4).pk}")


@pytest.mark.parametrize("gender, rows", [("female", 4), ("male", 4)])
def test_the_passages_csv_costs_fixed_queries(client, coded, gender, rows,
                                              django_assert_num_queries):  # fmt: skip
    # session, user, statements, their annotations; the viewer's permissions ×2 (blind coding)
    with django_assert_num_queries(6):
        assert len(rows_of(client.get("/monitoring/passages.csv", {"gender": gender}))) == rows


def test_the_passages_csv_refuses_a_bad_filter(client, coded):
    response = client.get("/monitoring/passages.csv", {"gender": "neutral"})
    assert response.status_code == 400
    assert "gender must be one of" in response.content.decode()


def test_the_passages_page_names_a_bad_filter(client, coded):
    response = client.get("/monitoring/passages/", {"gender": "neutral"})
    assert response.status_code == 400
    assert "gender must be one of" in response.content.decode()


@pytest.mark.parametrize("name", ["trends", "four-ps", "speaker-types", "genders", "gender-index"])
def test_every_chart_draws_as_svg_and_png(client, coded, name):
    params = {} if name == "gender-index" else {"code": "protection"}
    svg = client.get(f"/monitoring/charts/{name}.svg", params)
    assert svg.status_code == 200 and svg["Content-Type"].startswith("image/svg+xml")
    assert svg.content.startswith(b"<?xml") and b"<script" not in svg.content
    assert "'unsafe-inline'" in svg["Content-Security-Policy"]
    assert "script-src 'none'" in svg["Content-Security-Policy"]
    png = client.get(f"/monitoring/charts/{name}.png", params)
    assert png.content[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_pages_keep_the_strict_policy(client, coded):
    policy = client.get("/monitoring/trends/", {"code": "protection"})["Content-Security-Policy"]
    assert "unsafe-inline" not in policy


def test_a_chart_that_does_not_exist_or_a_bad_parameter(client, coded):
    assert client.get("/monitoring/charts/pie.svg").status_code == 404
    assert client.get("/monitoring/charts/trends.gif", {"code": "protection"}).status_code == 404
    bad = client.get("/monitoring/charts/trends.svg", {"code": "protection", "measure": "x"})
    assert bad.status_code == 400 and b"measure must be one of" in bad.content
