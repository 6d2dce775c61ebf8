"""Filling the benchmark database with `generate_corpus`, size by size.

Each step adds meetings with a seed of its own (the generator names meetings
SYN/<seed>/<n>, so steps never collide); sizes are cumulative: M is S plus
the M step, L is M plus the L step.
"""

from __future__ import annotations

import dataclasses
import io
import time
from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command
from django.db import connection

from annotations.models import Annotation
from tracker.models import Meeting, Statement

CODEBOOK = Path(__file__).resolve().parent.parent / "fixtures" / "codebook.json"
ANALYSTS = 3
ANNOTATIONS_PER_STATEMENT = 10
STATEMENTS_PER_MEETING = 150  # M: 400 meetings, 60,000 statements, 600,000 annotations


@dataclass(frozen=True)
class Step:
    name: str
    seed: int
    meetings: int
    statements_per_meeting: int
    annotations_per_statement: int = ANNOTATIONS_PER_STATEMENT

    @property
    def annotations(self) -> int:
        return self.meetings * self.statements_per_meeting * self.annotations_per_statement


# The meeting the workspace and report figures use, and a small one to compare it with.
WORKSPACE_MEETING = Step("S", seed=1, meetings=1, statements_per_meeting=200)
SMALL_MEETING = Step("S (10-statement meeting)", seed=2, meetings=1, statements_per_meeting=10)
SIZE_STEPS = {
    "S": (WORKSPACE_MEETING, SMALL_MEETING),
    # Up to ~600,000 annotations in all.
    "M": (Step("M", seed=3, meetings=399, statements_per_meeting=STATEMENTS_PER_MEETING),),
    # Up to ~1,000,000 annotations in all.
    "L": (Step("L", seed=4, meetings=267, statements_per_meeting=STATEMENTS_PER_MEETING),),
}
SIZES = tuple(SIZE_STEPS)


def symbol(step: Step, number: int = 1) -> str:
    return f"SYN/{step.seed}/{number:06d}"


def add(step: Step) -> float:
    """Run generate_corpus for one step; returns the seconds it took."""
    started = time.perf_counter()
    call_command(
        "generate_corpus",
        meetings=step.meetings,
        statements_per_meeting=step.statements_per_meeting,
        annotations_per_statement=step.annotations_per_statement,
        analysts=ANALYSTS,
        seed=step.seed,
        stdout=io.StringIO(),
    )
    return time.perf_counter() - started


def settle() -> None:
    """VACUUM ANALYZE, as autovacuum would after a bulk load, so plans see real statistics."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


@dataclass(frozen=True)
class Counts:
    meetings: int
    statements: int
    annotations: int

    def describe(self) -> str:
        return (
            f"{self.meetings:,} meetings, {self.statements:,} statements, "
            f"{self.annotations:,} annotations"
        )


def counts() -> Counts:
    return Counts(
        meetings=Meeting.objects.count(),
        statements=Statement.objects.count(),
        annotations=Annotation.objects.count(),
    )


def scaled(step: Step, scale: float) -> Step:
    """The step with `scale` times its meetings (at least one), for a quick trial run."""
    return dataclasses.replace(step, meetings=max(1, round(step.meetings * scale)))


def grow_to(size: str, *, scale: float = 1.0) -> float:
    """Add the steps of `size` (the previous sizes must be loaded); returns seconds.

    The S steps are never scaled: the workspace and report figures need them as they are.
    """
    steps = SIZE_STEPS[size] if size == "S" else [scaled(s, scale) for s in SIZE_STEPS[size]]
    seconds = sum(add(step) for step in steps)
    settle()
    return seconds
