"""Malformed input to the API gets a 400 (or a 413) naming the problem, never a 500:
JSON bodies too deep, too big or not text; time-zone offsets no database takes;
cursors the list never gave. API answers are never cached, and a 500 is JSON."""

import base64
import json

import pytest
from django.db import OperationalError
from django.test import Client, override_settings

from tracker.web import json_input

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client, analyst_a):
    client.force_login(analyst_a)
    return client


def post_json(client, body: bytes):
    return client.post("/api/annotations/", body, content_type="application/json")


def test_a_body_nested_ten_thousand_deep_is_a_400(api, statement):
    response = post_json(api, b"[" * 10_000 + b"]" * 10_000)
    assert response.status_code == 400
    assert response.json() == {
        "detail": "JSON parse error - The request body is nested deeper than 32 levels."
    }


def test_a_lone_surrogate_in_a_body_is_a_400(api, statement, code):
    body = b'{"statement": %d, "code": %d, "memo": "x\\udc00"}' % (statement.pk, code.pk)
    response = post_json(api, body)
    assert response.status_code == 400
    assert "lone surrogate (\\udc00)" in response.json()["detail"]


def test_nan_is_not_a_number(api, statement):
    response = post_json(api, b'{"start": NaN}')
    assert response.status_code == 400
    assert response.json() == {"detail": "JSON parse error - NaN is not a JSON number."}


def test_a_number_too_long_to_read_is_a_400(api, statement):
    # The audit (benchmarks/audit.py) found this a 500: Python refuses to turn more than
    # 4,300 digits into an int, with a ValueError json.loads does not catch.
    response = post_json(api, b'{"start": 1' + b"0" * 5000 + b"}")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "JSON parse error - A number of 5,001 characters is longer than the "
        "100 the workbench reads."
    }


@pytest.mark.parametrize("number", [b"1e999", b"-1e999"])
def test_a_number_beyond_the_range_of_a_float_is_a_400(api, statement, number):
    # Read as infinity before, and taken wherever the field was not a number.
    response = post_json(api, b'{"start": ' + number + b"}")
    assert response.status_code == 400
    assert response.json() == {
        "detail": f"JSON parse error - {number.decode()} is beyond the range of a JSON number."
    }


def test_long_and_large_numbers_within_the_limits_still_read():
    assert json_input.loads("[1" + "0" * 99 + ", 1e308, -2.5]") == [10**99, 1e308, -2.5]


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024 * 1024)
def test_a_body_over_the_size_limit_is_a_413(api, statement):
    response = post_json(api, b'{"memo": "' + b"x" * (1024 * 1024) + b'"}')
    assert response.status_code == 413
    assert "larger than 1 MB" in response.json()["detail"]


def test_a_body_that_is_not_utf8_is_a_400(api, statement):
    response = post_json(api, b'{"memo": "\xff"}')
    assert response.status_code == 400


def test_the_depth_check_walks_wide_documents_without_recursing():
    json_input.check([[1, {"a": ["b"]}]] * 1000)
    with pytest.raises(json_input.JSONInputError):
        json_input.check(json.loads("[" * 33 + "]" * 33))


@pytest.mark.parametrize("offset", ["+16:00", "-16:00", "+23:59"])
@pytest.mark.parametrize("url", ["/api/annotations/", "/api/export/annotations.csv"])
def test_a_time_zone_offset_beyond_15_59_is_a_400(api, statement, url, offset):
    response = api.get(url, {"created_before": f"2026-01-01T00:00:00{offset}"})
    assert response.status_code == 400, response.content[:200]
    assert "beyond ±15:59" in response.json()["created_before"][0]


@pytest.mark.parametrize("url", ["/api/annotations/", "/api/export/annotations.csv"])
def test_offsets_within_15_59_are_read_in_utc(api, statement, code, analyst_a, url):
    from annotations.coding.services import annotation_create

    annotation_create(statement=statement, code=code, analyst=analyst_a, start=0, end=5)
    response = api.get(url, {"created_after": "2000-01-01T00:00:00+15:59"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"Human" in body


def test_a_date_that_leaves_the_calendar_in_utc_is_a_400(api, statement):
    response = api.get("/api/annotations/", {"created_after": "0001-01-01T00:00:00+01:00"})
    assert response.status_code == 400


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        base64.b64encode(b"x=1").decode(),
        base64.b64encode(b"p=abc").decode(),
        base64.b64encode(b"o=-1").decode(),
        "@@@",
    ],
)
def test_a_cursor_the_list_never_gave_is_refused(api, statement, cursor):
    response = api.get("/api/annotations/", {"cursor": cursor})
    assert response.status_code == 400
    assert "This cursor is not one this list gave" in response.json()["cursor"]


def test_a_cursor_the_list_gave_still_works(api, statement, code, analyst_a):
    from annotations.coding.services import annotation_create

    for start in range(3):
        annotation_create(statement=statement, code=code, analyst=analyst_a, start=start, end=9)
    first = api.get("/api/annotations/", {"page_size": 2}).json()
    second = api.get(first["next"])
    assert second.status_code == 200
    assert len(second.json()["results"]) == 1


def test_api_answers_are_never_cached(api, statement):
    assert api.get("/api/meetings/")["Cache-Control"] == "no-store"
    assert api.get("/api/meetings/?nonsense=1")["Cache-Control"] == "no-store"


def test_api_clients_get_a_json_500_during_a_database_outage(analyst_a, monkeypatch):
    client = Client(raise_request_exception=False)
    client.force_login(analyst_a)

    def down(*args, **kwargs):
        raise OperationalError("connection refused")

    from django.contrib.sessions.backends.db import SessionStore

    monkeypatch.setattr(SessionStore, "load", down)
    api = client.get("/api/meetings/")
    page = client.get("/meetings/")
    assert api.status_code == 500
    assert api["Content-Type"] == "application/json"
    assert "Server error" in api.json()["detail"]
    assert page.status_code == 500
    assert "text/html" in page["Content-Type"]


def test_an_import_body_nested_ten_thousand_deep_is_a_400(administrator):
    client = Client()
    client.force_login(administrator)
    response = client.post(
        "/api/imports/", b"[" * 10_000 + b"]" * 10_000, content_type="application/json"
    )
    assert response.status_code == 400
    assert "nested deeper than 32 levels" in response.json()["detail"]
