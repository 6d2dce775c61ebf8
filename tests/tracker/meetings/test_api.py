"""The meeting record over the API: meetings, statements, speakers and their filters."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from tracker.models import Meeting, Speaker, Statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(analyst_a) -> APIClient:
    client = APIClient()
    client.force_authenticate(analyst_a)
    return client


@pytest.fixture
def two_meetings(meeting):
    meeting.date = datetime.date(2017, 9, 27)
    meeting.save()
    later = Meeting.objects.create(
        symbol="GA/12390",
        body="General Assembly",
        title="High-level meeting on the Global Plan of Action, 2021",
        summary="Speakers reviewed progress against trafficking since 2017.",
        date=datetime.date(2021, 11, 22),
    )
    Statement.objects.create(meeting=later, order=1, text="Opening words.")
    return meeting, later


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_meetings_list_newest_first_with_statement_counts(api, two_meetings):
    older, later = two_meetings
    response = api.get("/api/meetings/")
    assert ids(response) == [later.pk, older.pk]
    rows = response.json()["results"]
    assert [row["statement_count"] for row in rows] == [1, 3]
    assert response.json()["count"] == 2


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("symbol=ga/12390", ["GA/12390"]),
        ("body=assembly", ["GA/12390", "GA/TEST-1"]),
        ("date_after=2018-01-01", ["GA/12390"]),
        ("date_before=2018-01-01", ["GA/TEST-1"]),
        ("date_after=2017-01-01&date_before=2021-12-31", ["GA/12390", "GA/TEST-1"]),
        ("text=progress", ["GA/12390"]),
        ("text=test meeting", ["GA/TEST-1"]),
    ],
)
def test_meetings_filter_by_symbol_body_date_and_text(api, two_meetings, query, expected):
    response = api.get(f"/api/meetings/?{query}")
    assert response.status_code == 200
    assert [row["symbol"] for row in response.json()["results"]] == expected


def test_a_meeting_reads_in_detail(api, meeting):
    response = api.get(f"/api/meetings/{meeting.pk}/")
    assert response.status_code == 200
    assert response.json()["symbol"] == "GA/TEST-1"
    assert api.get("/api/meetings/999999/").status_code == 404


def test_statements_come_in_reading_order_with_speaker_attributes(api, meeting):
    response = api.get(f"/api/statements/?meeting={meeting.pk}")
    rows = response.json()["results"]
    assert [row["order"] for row in rows] == [1, 2, 3]
    assert (rows[0]["speaker_name"], rows[0]["gender"]) == ("Félix Braz", "male")
    assert (rows[2]["speaker_label"], rows[2]["gender"]) == (
        "Representative of Ethiopia",
        "unknown",
    )
    assert rows[2]["text"].startswith("The representative 🙂")


@pytest.mark.parametrize(
    ("query", "expected_orders"),
    [
        ("segment=panel discussion i", [2, 3]),
        ("delegation=luxem", [1]),
        ("speaker_type=un_official", [2]),
        ("gender=female", [2]),
        ("gender=male", [1]),
        ("gender=unknown", [3]),
        ("text=MIGRATION", [3]),
    ],
)
def test_statements_filter_by_every_listed_field(api, meeting, query, expected_orders):
    response = api.get(f"/api/statements/?meeting={meeting.pk}&{query}")
    assert [row["order"] for row in response.json()["results"]] == expected_orders


def test_statements_filter_by_speaker(api, meeting):
    sen = Speaker.objects.get(name="Purna Sen")
    response = api.get(f"/api/statements/?speaker={sen.pk}")
    assert [row["delegation"] for row in response.json()["results"]] == ["UN-Women"]


def test_speakers_list_with_statement_counts_and_filters(api, meeting):
    response = api.get("/api/speakers/?gender=female")
    assert [(row["name"], row["statement_count"]) for row in response.json()["results"]] == [
        ("Purna Sen", 1)
    ]
    assert ids(api.get("/api/speakers/?name=braz")) == [Speaker.objects.get(name="Félix Braz").pk]


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/meetings/?statements__text=x", "statements__text"),
        ("/api/statements/?speaker__name=x", "speaker__name"),
        ("/api/statements/?meeting__created__gte=2020-01-01", "meeting__created__gte"),
        ("/api/meetings/?date_after=yesterday", "date_after"),
        ("/api/statements/?gender=other", "gender"),
        ("/api/statements/?meeting=999999", "meeting"),
        ("/api/statements/?speaker_type=president", "speaker_type"),
        ("/api/meetings/?page_size=501", "page_size"),
        ("/api/meetings/?page_size=0", "page_size"),
        ("/api/speakers/?page_size=lots", "page_size"),
    ],
)
def test_unknown_filters_bad_values_and_huge_pages_get_400(api, meeting, url, field):
    response = api.get(url)
    assert response.status_code == 400, response.content
    assert field in response.json()


def test_page_size_goes_up_to_500(api, meeting):
    response = api.get("/api/statements/?page_size=500")
    assert response.status_code == 200
    assert len(response.json()["results"]) == 3


def test_the_meeting_record_is_read_only_over_the_api(api, administrator, meeting):
    statement = meeting.statements.first()
    for client in (api, _client(administrator)):
        assert client.post("/api/meetings/", {"symbol": "X"}, format="json").status_code == 405
        response = client.patch(f"/api/statements/{statement.pk}/", {"text": "x"}, format="json")
        assert response.status_code == 405
        assert client.delete(f"/api/speakers/{statement.speaker_id}/").status_code == 405
    statement.refresh_from_db()
    assert statement.text.startswith("Human trafficking")


def test_anonymous_visitors_get_nothing(meeting):
    client = APIClient()
    for url in ("/api/meetings/", "/api/statements/", "/api/speakers/"):
        assert client.get(url).status_code in (401, 403)


def test_the_statement_list_costs_a_fixed_number_of_queries(
    api, meeting, django_assert_max_num_queries
):
    for order in range(4, 40):
        Statement.objects.create(
            meeting=meeting,
            order=order,
            speaker=Speaker.objects.create(name=f"Speaker {order}"),
            text="Words.",
        )
    with django_assert_max_num_queries(4):
        response = api.get("/api/statements/?page_size=100")
    assert len(response.json()["results"]) == 39


def _client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def walk(api, url: str) -> list[int]:
    seen = []
    while url:
        response = api.get(url)
        assert response.status_code == 200, response.content
        seen += [row["id"] for row in response.json()["results"]]
        url = response.json()["next"]
    return seen


def test_statement_cursor_pages_walk_the_reading_order_like_page_numbers(api, two_meetings):
    by_page = walk(api, "/api/statements/?page_size=2")
    by_cursor = walk(api, "/api/statements/?cursor=&page_size=2")
    assert len(by_cursor) == 4
    assert by_cursor == by_page
    assert by_cursor == list(
        Statement.objects.order_by("meeting_id", "order").values_list("id", flat=True)
    )


def test_statement_cursor_pages_take_the_filters(api, two_meetings):
    older, _ = two_meetings
    assert walk(api, f"/api/statements/?meeting={older.pk}&cursor=&page_size=1") == list(
        older.statements.order_by("order").values_list("id", flat=True)
    )


def test_statement_page_numbers_answer_as_before(api, two_meetings):
    body = api.get("/api/statements/?page_size=2").json()
    assert list(body) == ["count", "next", "previous", "results"]
    assert body["count"] == 4
    keyset = api.get("/api/statements/?cursor=&page_size=2").json()
    assert list(keyset) == ["next", "results"]


def test_a_deep_statement_cursor_reads_by_key_not_by_offset(api, two_meetings):
    first = api.get("/api/statements/?cursor=&page_size=3").json()
    with CaptureQueriesContext(connection) as queries:
        second = api.get(first["next"]).json()
    assert len(second["results"]) == 1
    (select,) = [q["sql"] for q in queries if "tracker_statement" in q["sql"]]
    assert "OFFSET" not in select.upper()
    assert '"meeting_id" >=' in select


@pytest.mark.parametrize(
    "query",
    ["cursor=not-ours", "cursor=W10=", "cursor=WzEsICJ4Il0=", "cursor=&page=2"],
)
def test_a_bad_statement_cursor_is_a_400(api, two_meetings, query):
    response = api.get(f"/api/statements/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"


def test_a_meeting_carries_its_record_kind_and_the_verbatim_cover(api, two_meetings):
    older, later = two_meetings
    later.record_kind = "verbatim_record"
    later.president = "Mr. Shahid (Maldives)"
    later.provisional = True
    later.agenda = ["Agenda item 7"]
    later.members = [
        {"country": "Denmark", "name": "Lassen", "honorific": "Ms", "gender": "female"}
    ]
    later.same_meeting_as = older
    later.save()
    row = api.get(f"/api/meetings/{later.pk}/").json()
    assert (row["record_kind"], row["president"], row["provisional"]) == (
        "verbatim_record",
        "Mr. Shahid (Maldives)",
        True,
    )
    assert (row["agenda"], row["members"][0]["country"]) == (["Agenda item 7"], "Denmark")
    assert row["same_meeting_as"] == older.pk
    assert api.get(f"/api/meetings/{older.pk}/").json()["record_kind"] == "press_release"
    assert ids(api.get("/api/meetings/?record_kind=verbatim_record")) == [later.pk]


def test_an_unnamed_representative_has_the_gender_the_record_gives(api, meeting):
    unnamed = meeting.statements.get(order=3)
    unnamed.gender = "female"
    unnamed.language = "French"
    unnamed.save()
    rows = api.get(f"/api/statements/?meeting={meeting.pk}").json()["results"]
    assert (rows[2]["gender"], rows[2]["language"], rows[2]["from_summary"]) == (
        "female",
        "French",
        False,
    )
    female = api.get(f"/api/statements/?meeting={meeting.pk}&gender=female").json()["results"]
    assert [row["order"] for row in female] == [2, 3]
