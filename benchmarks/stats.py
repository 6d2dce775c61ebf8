"""Repeated measurements summarised as a median with its spread.

The machines are shared and noisy, so every figure is the median of several
runs, shown with the smallest and largest run; the claims are ratios of two
medians taken in the same run.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sample:
    """Several runs of one measurement, in seconds (or any one unit)."""

    values: tuple[float, ...]

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def low(self) -> float:
        return min(self.values)

    @property
    def high(self) -> float:
        return max(self.values)

    def percentile(self, p: float) -> float:
        """The p-th percentile (0–100), interpolated between the nearest runs."""
        ordered = sorted(self.values)
        if len(ordered) == 1:
            return ordered[0]
        rank = (len(ordered) - 1) * p / 100
        below = int(rank)
        above = min(below + 1, len(ordered) - 1)
        return ordered[below] + (ordered[above] - ordered[below]) * (rank - below)


def timed(fn: Callable[[], object], *, repeat: int, warmup: int = 1) -> Sample:
    """Run fn warmup times unmeasured, then repeat times measured."""
    for _ in range(warmup):
        fn()
    values = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        values.append(time.perf_counter() - started)
    return Sample(tuple(values))


def timed_turns(
    fns: dict[str, Callable[[], object]], *, repeat: int, warmup: int = 1
) -> dict[str, Sample]:
    """Run every fn once per round, round after round, so the machine's load hits all alike."""
    for _ in range(warmup):
        for fn in fns.values():
            fn()
    values: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(repeat):
        for name, fn in fns.items():
            started = time.perf_counter()
            fn()
            values[name].append(time.perf_counter() - started)
    return {name: Sample(tuple(v)) for name, v in values.items()}


def ratio(numerator: Sample, denominator: Sample) -> float:
    return numerator.median / denominator.median if denominator.median else float("inf")


@dataclass
class Row:
    """One line of the results table, under one of the table's sections."""

    section: str
    figure: str
    size: str
    value: str
    spread: str = ""
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    verdict: str = ""


@dataclass
class Table:
    """Rows grouped by section (in the order sections first appear), sizes in order."""

    rows: list[Row] = field(default_factory=list)

    HEADERS = ("figure", "size", "median", "spread", "baseline", "ratio", "target", "")

    def add(self, **fields: str) -> Row:
        row = Row(**fields)
        self.rows.append(row)
        return row

    def sections(self) -> dict[str, list[Row]]:
        grouped: dict[str, list[Row]] = {}
        for row in self.rows:
            grouped.setdefault(row.section, []).append(row)
        return grouped

    @staticmethod
    def _cells(row: Row) -> tuple[str, ...]:
        return (
            row.figure,
            row.size,
            row.value,
            row.spread,
            row.baseline,
            row.ratio,
            row.target,
            row.verdict,
        )

    def as_text(self) -> str:
        every = [self.HEADERS, *(self._cells(r) for r in self.rows)]
        widths = [max(len(cells[i]) for cells in every) for i in range(len(self.HEADERS))]

        def line(cells: tuple[str, ...]) -> str:
            return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

        lines = [line(self.HEADERS), "  ".join("-" * w for w in widths)]
        for section, rows in self.sections().items():
            lines.append(f"[{section}]")
            lines += [line(self._cells(r)) for r in rows]
        return "\n".join(lines)

    def as_markdown(self) -> str:
        def line(cells: tuple[str, ...]) -> str:
            return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

        lines = [line(self.HEADERS), "|" + "---|" * len(self.HEADERS)]
        for section, rows in self.sections().items():
            lines.append(line((f"**{section}**",) + ("",) * (len(self.HEADERS) - 1)))
            lines += [line(self._cells(r)) for r in rows]
        return "\n".join(lines)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def spread_ms(sample: Sample) -> str:
    return f"{ms(sample.low)} – {ms(sample.high)}"


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"
