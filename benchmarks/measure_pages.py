"""The workspace and the report, measured in-process (server time, no network).

Django's test client runs the whole request — middleware, view, template — in
this process, so the time is the server's own; the SQL queries are counted
with Django's CaptureQueriesContext.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import SimpleNamespace

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from annotations.codebook.selectors import scheme_for_meeting
from annotations.models import Annotation
from annotations.reports import meeting_report
from annotations.reports.coverage import code_coverage, scheme_codes
from tracker.models import Meeting

from .sql import coverage_by_code
from .stats import Sample, timed


@dataclass(frozen=True)
class Page:
    path: str
    time: Sample
    queries: int
    bytes: int


def logged_in_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def page(*, client: Client, path: str, repeat: int) -> Page:
    """Server time of a GET and the number of SQL queries it runs."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"GET {path} answered {response.status_code}")
    # Counted now: every request starts by clearing the connection's query log.
    count = len(queries.captured_queries)
    return Page(
        path=path,
        time=timed(lambda: client.get(path), repeat=repeat),
        queries=count,
        bytes=len(response.content),
    )


def queries_of(fn) -> int:
    with CaptureQueriesContext(connection) as queries:
        fn()
    return len(queries.captured_queries)


@dataclass(frozen=True)
class ReportTimes:
    report: Sample  # the whole report (every section), as the page and API build it
    coverage: Sample  # the ORM query behind the coverage table only
    sql: Sample  # the hand-written GROUP BY giving the same numbers
    report_queries: int


def report_times(*, meeting: Meeting, repeat: int) -> ReportTimes:
    scheme = scheme_for_meeting(meeting)
    annotations = Annotation.objects.live().for_meeting(meeting)
    codes = scheme_codes(scheme, annotations)
    # code_coverage needs the meeting's totals only for the shares.
    totals = SimpleNamespace(speakers=1, statements=1)
    return ReportTimes(
        report=timed(lambda: meeting_report(meeting=meeting), repeat=repeat),
        coverage=timed(
            lambda: code_coverage(
                codes=codes, scheme=scheme, annotations=annotations, totals=totals
            ),
            repeat=repeat,
        ),
        sql=timed(lambda: coverage_by_code(meeting_id=meeting.pk), repeat=repeat),
        report_queries=queries_of(lambda: meeting_report(meeting=meeting)),
    )
