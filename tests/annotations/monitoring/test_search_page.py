import csv
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tracker.models import Statement


@pytest.fixture
def client(analyst_a) -> Client:
    client = Client()
    client.force_login(analyst_a)
    return client


def test_the_concordance_shows_before_match_after_and_links_to_the_passage(client, corpus):
    response = client.get("/monitoring/search/", {"q": "victim-centred"})
    assert response.status_code == 200
    page = response.content.decode()
    statement = corpus.s("ga", 2)
    assert 'id="hit-count">2<' in page
    workspace = f"/meetings/{corpus.ga.pk}/?statement={statement.pk}#statement-{statement.pk}"
    assert f'href="{workspace}"' in page
    assert "<mark>victim‑centred</mark>" in page
    assert '<td class="before">A </td>' in page


def test_the_empty_form_is_not_an_error(client, corpus):
    response = client.get("/monitoring/search/")
    assert response.status_code == 200
    assert "match" not in response.context or response.context.get("hits") is None


def test_bad_input_is_named_on_the_page_with_400(client, corpus):
    response = client.get("/monitoring/search/", {"q": "women", "group": "nowhere"})
    assert response.status_code == 400
    assert "There is no country group" in response.content.decode()
    assert "No statement matches" not in response.content.decode()


def test_the_csv_has_every_hit_with_its_link(client, corpus):
    response = client.get("/monitoring/search.csv", {"q": "women", "page_size": "1"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["statement", "meeting", "symbol"]
    assert len(rows) == 1 + 2  # SC 1 and SC 3; page_size does not cut the download
    for row in rows[1:]:
        text = Statement.objects.get(pk=int(row[0])).text
        assert text[int(row[9]) : int(row[10])] == row[7]
        assert row[11].endswith(f"#statement-{row[0]}")


def test_the_csv_refuses_bad_input(client, corpus):
    response = client.get("/monitoring/search.csv", {"q": "(women"})
    assert response.status_code == 400
    assert "bracket" in response.content.decode()


def test_the_csv_neutralises_formulas_in_speakers_and_delegations(client, corpus):
    from tracker.models import Speaker

    hyperlink = '=HYPERLINK("http://evil.example","x")'
    statement = corpus.s("sc", 1)
    statement.speaker = Speaker.objects.create(name="@SUM(1+1)")
    statement.delegation = hyperlink
    statement.save()
    response = client.get("/monitoring/search.csv", {"q": "women"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    row = next(r for r in rows[1:] if r[0] == str(statement.pk))
    assert row[rows[0].index("delegation")] == "'" + hyperlink
    assert row[rows[0].index("speaker")].startswith("'@SUM(1+1)")


def _page_queries(client, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/monitoring/search/", params).status_code == 200
    return len(queries)


def test_past_the_pages_cap_the_count_says_more_than_and_the_api_stays_exact(
    client, corpus, monkeypatch
):
    from annotations.monitoring.views import search as views

    params = {"q": "women", "page_size": "1"}
    client.get("/monitoring/search/", params)  # the session and the user, once
    uncapped = _page_queries(client, params)
    monkeypatch.setattr(views, "PAGE_COUNT_UP_TO", 1)  # "women": SC 1 and SC 3, 2 hits
    assert _page_queries(client, params) == uncapped  # still one COUNT and one page
    html = client.get("/monitoring/search/", params).content.decode()
    assert 'More than <span id="hit-count">1</span> statements match' in html
    assert "Page 1 of more than 1" in html and "page=2" in html  # the next page is offered
    last = client.get("/monitoring/search/", {"q": "women", "page_size": "1", "page": "2"})
    assert "<mark>women</mark>" in last.content.decode()
    assert client.get("/api/search/", {"q": "women"}).json()["count"] == 2  # exact
    monkeypatch.setattr(views, "PAGE_COUNT_UP_TO", 2)  # at the cap: exact, as before
    html = client.get("/monitoring/search/", {"q": "women"}).content.decode()
    assert 'id="hit-count">2<' in html and "More than" not in html and "Page 1 of 1" in html
