"""Figures over real HTTP against the gunicorn server: list endpoints and exports."""

from __future__ import annotations

import base64
import time
from dataclasses import dataclass
from urllib.parse import urlencode

from .server import Client, PeakRss, Server
from .sql import copy_select, export_select
from .stats import Sample, timed


def cursor_at(position: int) -> str:
    """A DRF cursor pointing into the middle of an id-ordered list."""
    return base64.b64encode(urlencode({"p": str(position)}).encode("ascii")).decode("ascii")


def latencies(*, client: Client, path: str, requests: int, warmup: int = 3) -> Sample:
    """Time of each of `requests` GETs of one path, over a keep-alive connection."""
    values = []
    for n in range(warmup + requests):
        started = time.perf_counter()
        status, body = client.get(path)
        elapsed = time.perf_counter() - started
        if status != 200:
            raise RuntimeError(f"GET {path} answered {status}: {body[:300]!r}")
        if n >= warmup:
            values.append(elapsed)
    return Sample(tuple(values))


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


def export_figures(*, server: Server, client: Client, path: str, repeat: int) -> ExportFigures:
    return ExportFigures(
        runs=tuple(export_once(server=server, client=client, path=path) for _ in range(repeat))
    )


def copy_figures(*, repeat: int) -> tuple[Sample, int]:
    """COPY of the export's own SELECT: (time, rows)."""
    sql, params = export_select()
    rows = copy_select(sql, params).rows
    return timed(lambda: copy_select(sql, params), repeat=repeat, warmup=0), rows
