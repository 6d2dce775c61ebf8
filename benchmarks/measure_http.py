"""Figures over real HTTP against the gunicorn server: list endpoints and exports."""

from __future__ import annotations

import base64
import time
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings

from annotations.models import Annotation
from tracker.models import Meeting, Statement
from tracker.web.pagination import KeysetPagination

from .server import Client, PeakRss, Server
from .sql import copy_select, export_select
from .stats import Sample

PAGE_SIZE = settings.REST_FRAMEWORK["PAGE_SIZE"]


def cursor_at(position: int) -> str:
    """A DRF cursor pointing into the middle of an id-ordered list."""
    return base64.b64encode(urlencode({"p": str(position)}).encode("ascii")).decode("ascii")


def statement_cursor_at(position: int) -> str:
    """A keyset cursor (tracker.web.pagination) after the statement at `position`."""
    keys = Statement.objects.order_by("meeting_id", "order").values_list("meeting_id", "order")
    position = max(0, min(position, keys.count() - 1))
    return KeysetPagination().encode(list(keys[position]))


def list_paths(*, meeting: Meeting) -> dict[str, str]:
    """The list endpoints measured: first pages, one meeting's rows, and deep pages.

    `meeting` is the 200-statement meeting (loaded first, so its rows have the
    lowest ids); the newest meeting's annotations sit at the other end.
    """
    middle_page = max(1, Statement.objects.count() // PAGE_SIZE // 2)
    live = Annotation.objects.live()
    middle_id = live.order_by("id").values_list("id", flat=True)[live.count() // 2]
    newest = Meeting.objects.order_by("-pk").values_list("pk", flat=True)[0]
    return {
        "meeting list page /meetings/": "/meetings/",
        "meetings, page 1": "/api/meetings/",
        # S holds two meetings: the same two-row page at every size isolates the corpus.
        "meetings, 2 a page": "/api/meetings/?page_size=2",
        "statements of one meeting, page 1": f"/api/statements/?meeting={meeting.pk}",
        "statements, middle page": f"/api/statements/?page={middle_page}",
        "statements, first cursor page": "/api/statements/?cursor=",
        "statements, middle cursor": (
            f"/api/statements/?cursor={statement_cursor_at(Statement.objects.count() // 2)}"
        ),
        "annotations, first page": "/api/annotations/",
        "annotations, middle cursor": f"/api/annotations/?cursor={cursor_at(middle_id)}",
        "annotations of one meeting": f"/api/annotations/?meeting={meeting.pk}",
        "annotations of the newest meeting": f"/api/annotations/?meeting={newest}",
    }


def _get(client: Client, path: str) -> float:
    started = time.perf_counter()
    status, body = client.get(path)
    elapsed = time.perf_counter() - started
    if status != 200:
        raise RuntimeError(f"GET {path} answered {status}: {body[:300]!r}")
    return elapsed


def latencies(*, client: Client, path: str, requests: int, warmup: int = 3) -> Sample:
    """Time of each of `requests` GETs of one path, over a keep-alive connection."""
    for _ in range(warmup):
        _get(client, path)
    return Sample(tuple(_get(client, path) for _ in range(requests)))


def paired_latencies(
    *, first: tuple[Client, str], second: tuple[Client, str], requests: int, warmup: int = 3
) -> tuple[Sample, Sample]:
    """Latencies of two (server, path) pairs, requested turn about."""
    for _ in range(warmup):
        _get(*first), _get(*second)
    pairs = [(_get(*first), _get(*second)) for _ in range(requests)]
    return Sample(tuple(a for a, _ in pairs)), Sample(tuple(b for _, b in pairs))


@dataclass(frozen=True)
class ExportRun:
    seconds: float
    bytes: int
    lines: int
    rss_before: int
    rss_peak: int
    rss_after: int


def export_once(*, server: Server, client: Client, path: str) -> ExportRun:
    with PeakRss(server.worker_pid) as memory:
        started = time.perf_counter()
        status, size, lines = client.stream(path)
        elapsed = time.perf_counter() - started
    if status != 200:
        raise RuntimeError(f"GET {path} answered {status}")
    return ExportRun(
        seconds=elapsed,
        bytes=size,
        lines=lines,
        rss_before=memory.before,
        rss_peak=memory.peak,
        rss_after=memory.after,
    )


@dataclass(frozen=True)
class ExportFigures:
    runs: tuple[ExportRun, ...]

    @property
    def time(self) -> Sample:
        return Sample(tuple(run.seconds for run in self.runs))

    @property
    def growth(self) -> int:
        """The largest RSS growth of the worker during any one export."""
        return max(run.rss_peak - run.rss_before for run in self.runs)

    @property
    def retained(self) -> int:
        """RSS the worker kept after the last export, against before the first."""
        return self.runs[-1].rss_after - self.runs[0].rss_before


def copy_once() -> tuple[float, int]:
    """COPY of the export's own SELECT: (seconds, rows)."""
    sql, params = export_select()
    started = time.perf_counter()
    rows = copy_select(sql, params).rows
    return time.perf_counter() - started, rows
