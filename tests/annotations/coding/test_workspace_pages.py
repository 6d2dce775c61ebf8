"""A long meeting's workspace in pages of statements: the pager, the addresses that
land on the right page, bad addresses refused by name, and a page's queries that do
not grow with the meeting. PAGE_SIZE is 5 here, so a meeting of 12 has 3 pages."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from annotations.coding import paging
from annotations.coding.meetings import workspace_url
from annotations.coding.services import annotation_create
from annotations.models import StatementProgress
from tests.annotations.coding.test_workspace_views import make_meeting, span

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def pages_of_five(monkeypatch):
    monkeypatch.setattr(paging, "PAGE_SIZE", 5)


@pytest.fixture
def signed_in(client, analyst_a):
    client.force_login(analyst_a)
    return client


@pytest.fixture
def long_meeting(db):
    return make_meeting("GA/LONG", 12)


def statement(meeting, order):
    return meeting.statements.get(order=order)


def code_of(meeting, order, code, analyst):
    """Code "victim-centred" in the statement of `order`."""
    start, end = span(statement(meeting, order), "victim-centred")
    return annotation_create(
        statement=statement(meeting, order), code=code, analyst=analyst, start=start, end=end
    )


def orders_on(response) -> list[int]:
    return [s.order for s in response.context["space"].statements]


def config_of(response) -> dict:
    return response.context["config"]


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(queries)


# The pages


def test_a_long_meeting_opens_on_its_first_page_with_a_pager(signed_in, long_meeting, codebook):
    response = signed_in.get(f"/meetings/{long_meeting.pk}/")
    assert orders_on(response) == [1, 2, 3, 4, 5]
    page = response.content.decode()
    assert page.count('class="statement-pager"') == 2  # above and below the statements
    assert "Page 1 of 3: statements 1–5 of 12" in page
    assert 'href="?page=3">Statements 11–12</a>' in page
    assert "Speaker of GA/LONG … Representative of Namibia" in page  # statement 1 … 3
    assert 'rel="next" href="?page=2">Statements 6–10 →' in page
    assert 'rel="prev"' not in page
    assert config_of(response)["statementCount"] == 12


def test_a_page_is_chosen_by_its_number(signed_in, long_meeting, codebook):
    response = signed_in.get(f"/meetings/{long_meeting.pk}/", {"page": 3})
    assert orders_on(response) == [11, 12]
    assert b'rel="prev" href="?page=2"' in response.content
    assert b'rel="next"' not in response.content
    assert b'aria-current="page">Statements 11\xe2\x80\x9312</a>' in response.content


def test_a_statement_link_opens_the_page_that_holds_it(signed_in, long_meeting, codebook):
    eighth = statement(long_meeting, 8)
    response = signed_in.get(f"/meetings/{long_meeting.pk}/", {"statement": eighth.pk})
    assert orders_on(response) == [6, 7, 8, 9, 10]
    assert f'id="statement-{eighth.pk}"'.encode() in response.content


def test_a_quote_link_opens_the_page_of_its_annotation(
    signed_in, long_meeting, code, analyst_b, codebook
):
    theirs = code_of(long_meeting, 12, code, analyst_b)
    response = signed_in.get(workspace_url(long_meeting.pk, theirs.statement_id, theirs.pk))
    assert orders_on(response) == [11, 12]


def test_a_quote_link_to_another_meeting_opens_the_first_page(
    signed_in, long_meeting, code, analyst_a, codebook
):
    elsewhere = code_of(make_meeting("GA/OTHER", 3), 2, code, analyst_a)
    response = signed_in.get(f"/meetings/{long_meeting.pk}/", {"annotation": elsewhere.pk})
    assert response.status_code == 200  # the page's script says where the link points
    assert orders_on(response) == [1, 2, 3, 4, 5]


def test_statement_links_name_the_statement_for_the_page(long_meeting):
    sixth = statement(long_meeting, 6)
    assert workspace_url(long_meeting.pk, sixth.pk) == (
        f"/meetings/{long_meeting.pk}/?statement={sixth.pk}#statement-{sixth.pk}"
    )


def test_a_page_carries_only_its_own_annotations_and_done_marks(
    signed_in, long_meeting, code, analyst_a, codebook
):
    first = code_of(long_meeting, 2, code, analyst_a)
    code_of(long_meeting, 9, code, analyst_a)
    for order in (2, 9, 10):
        StatementProgress.objects.create(
            statement=statement(long_meeting, order), analyst=analyst_a
        )
    response = signed_in.get(f"/meetings/{long_meeting.pk}/")
    assert [a["id"] for a in response.context["annotations"]] == [first.pk]
    config = config_of(response)
    assert config["doneStatements"] == [statement(long_meeting, 2).pk]
    assert config["doneCount"] == 3  # the meeting's, for the progress bar
    assert b"3 of 12 statements done" in response.content
    assert response.context["space"].counts_by_code == {code.pk: 1}
    assert b"Counts are the annotations shown on this page" in response.content
    annotations = json.loads(
        response.content.decode()
        .split('id="workspace-annotations" type="application/json">')[1]
        .split("</script>")[0]
    )
    assert [a["id"] for a in annotations] == [first.pk]


def test_the_find_box_says_it_searches_this_page_and_links_to_the_corpus_search(
    signed_in, long_meeting, codebook
):
    page = signed_in.get(f"/meetings/{long_meeting.pk}/", {"page": 2}).content.decode()
    assert "Find on this page" in page
    assert "Searches the statements of this page (6–10)." in page
    assert f'href="/monitoring/search/?meeting={long_meeting.pk}">Search the whole meeting' in page


def test_a_meeting_that_fits_on_one_page_has_no_pager(signed_in, codebook):
    meeting = make_meeting("GA/SHORT", 5)
    response = signed_in.get(f"/meetings/{meeting.pk}/")
    assert orders_on(response) == [1, 2, 3, 4, 5]
    assert b"statement-pager" not in response.content
    assert b"Find in meeting" in response.content and b"Find on this page" not in response.content


# Bad addresses: a 400 that names the problem


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"page": "two"}, "page must be a whole number from 1 (got &#x27;two&#x27;)."),
        ({"page": "0"}, "page must be a whole number from 1"),
        ({"page": "4"}, "Page 4 does not exist: GA/LONG has 3 pages of 5 statements."),
        ({"statement": "x"}, "statement must be a whole number from 1"),
        ({"annotation": "-3"}, "annotation must be a whole number from 1"),
    ],
)
def test_a_bad_address_is_refused_by_name(signed_in, long_meeting, codebook, params, message):
    response = signed_in.get(f"/meetings/{long_meeting.pk}/", params)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_a_statement_of_another_meeting_is_refused_by_name(signed_in, long_meeting, codebook):
    other = statement(make_meeting("GA/OTHER", 2), 1)
    response = signed_in.get(f"/meetings/{long_meeting.pk}/", {"statement": other.pk})
    assert response.status_code == 400
    assert f"Statement {other.pk} is not in GA/LONG.".encode() in response.content


def test_a_second_page_of_a_short_meeting_does_not_exist(signed_in, codebook):
    meeting = make_meeting("GA/SHORT", 3)
    response = signed_in.get(f"/meetings/{meeting.pk}/", {"page": 2})
    assert response.status_code == 400
    assert b"Page 2 does not exist: GA/SHORT has 1 pages" in response.content


# Queries


def test_a_page_costs_the_same_queries_for_12_and_60_statements(
    signed_in, code, analyst_a, analyst_b, codebook
):
    short, long = make_meeting("GA/12", 12), make_meeting("GA/60", 60)
    for meeting in (short, long):
        for each in meeting.statements.all():
            start, end = span(each, "victim-centred")
            for analyst in (analyst_a, analyst_b):
                annotation_create(statement=each, code=code, analyst=analyst, start=start, end=end)
            StatementProgress.objects.create(statement=each, analyst=analyst_a)
    for params in ("", "?page=2"):
        assert queries_for(signed_in, f"/meetings/{short.pk}/{params}") == queries_for(
            signed_in, f"/meetings/{long.pk}/{params}"
        )
    last_short, last_long = (m.statements.order_by("-order").first() for m in (short, long))
    assert queries_for(signed_in, f"/meetings/{short.pk}/?statement={last_short.pk}") == (
        queries_for(signed_in, f"/meetings/{long.pk}/?statement={last_long.pk}")
    )
