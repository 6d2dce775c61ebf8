"""An export that fails is an error the client sees: before the first byte as a JSON
error, part way as an error marker at the end of the body and an aborted response."""

import csv
import dataclasses
import io
import json

import pytest
from django.db import OperationalError
from django.test import Client

from annotations.coding.services import annotation_create
from annotations.exchange import api as exchange_api
from annotations.exchange.tabular import with_heading
from tracker.web.streaming import start_stream

pytestmark = pytest.mark.django_db


@pytest.fixture
def coded(statement, code, analyst_a):
    annotation_create(statement=statement, code=code, analyst=analyst_a, start=0, end=5)
    return statement


@pytest.fixture
def api(analyst_a):
    client = Client(raise_request_exception=False)
    client.force_login(analyst_a)
    return client


def use_writer(monkeypatch, view, writer):
    monkeypatch.setattr(view, "format", dataclasses.replace(view.format, writer=writer))


def test_a_query_that_fails_at_once_is_a_json_500_not_a_200(api, coded, monkeypatch):
    def failing(annotations, **options):
        raise OperationalError("canceling statement due to statement timeout")
        yield b""

    use_writer(monkeypatch, exchange_api.AnnotationCsvView, failing)
    response = api.get("/api/export/annotations.csv")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"


def test_the_csv_heading_goes_out_with_the_first_rows():
    assert list(with_heading(b"h\r\n", iter([b"1\r\n", b"2\r\n"]))) == [b"h\r\n1\r\n", b"2\r\n"]
    assert list(with_heading(b"h\r\n", iter([]))) == [b"h\r\n"]


def test_the_stream_runs_to_its_first_chunk_before_the_response_is_made():
    ran = []

    def chunks():
        ran.append(True)
        yield b"first"

    body = start_stream(chunks(), error_marker=lambda message: b"")
    assert ran == [True]
    assert list(body) == [b"first"]


@pytest.mark.parametrize(
    ("url", "view"),
    [
        ("/api/export/annotations.csv", exchange_api.AnnotationCsvView),
        ("/api/export/annotations.jsonl", exchange_api.AnnotationJsonLinesView),
    ],
)
def test_a_failure_part_way_ends_the_body_with_an_error(api, coded, monkeypatch, url, view):
    real = view.format.writer

    def failing_after_the_first_piece(annotations, **options):
        yield from real(annotations, **options)
        raise OperationalError("server closed the connection unexpectedly")

    use_writer(monkeypatch, view, failing_after_the_first_piece)
    response = api.get(url)
    assert response.status_code == 200  # the status went out with the first rows
    body = b""
    with pytest.raises(OperationalError):
        for chunk in response.streaming_content:
            body += chunk
    last = body.decode().strip().splitlines()[-1]
    assert "this file is incomplete" in last
    if url.endswith(".jsonl"):
        assert "error" in json.loads(last)
    else:
        assert last.startswith("#ERROR:")
        assert list(csv.reader(io.StringIO(body.decode())))[0][0] == "annotation_id"
