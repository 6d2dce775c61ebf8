"""Import of GA/11955: parsing the release, and saving it into the database.

The save runs as the importer's own dry run (the whole save, then rolled back),
so it can be repeated and leaves the database exactly as it was. "Into an empty
database" and "into the loaded one" are timed turn about, run after run: a copy
of the benchmark database taken before any corpus was loaded, and the benchmark
database itself.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from django.db import connection

from tracker.imports.parsing.press_release import parse_press_release
from tracker.imports.saving import record_save

from .databases import database
from .stats import Sample, timed

ROOT = Path(__file__).resolve().parent.parent
SEED_NAME = "002_c8db3da65464a602.txt"


def find_ga_11955() -> Path:
    """The GA/11955 release: the shared seeds next to the repository, else a copy in tests."""
    candidates = [ROOT.parent / "shared" / "seeds" / SEED_NAME]
    candidates += sorted((ROOT / "tests").rglob(SEED_NAME))
    candidates += sorted(
        path
        for path in (ROOT / "tests").rglob("*11955*")
        if path.suffix in {".txt", ".html", ".htm"}
    )
    for path in candidates:
        if path.is_file():
            return path
    raise FileNotFoundError(
        f"GA/11955 not found: looked for ../shared/seeds/{SEED_NAME} and tests/**/*11955*.txt"
    )


def release_text() -> str:
    return find_ga_11955().read_text(encoding="utf-8")


def parse_time(*, text: str, repeat: int) -> Sample:
    return timed(lambda: parse_press_release(text), repeat=repeat)


@dataclass(frozen=True)
class SaveTimes:
    empty: Sample
    loaded: Sample
    statements: int


def _save_once(release) -> tuple[float, int]:
    started = time.perf_counter()
    outcome = record_save(release=release, dry_run=True)
    elapsed = time.perf_counter() - started
    if not outcome.created:
        raise RuntimeError(f"{outcome.meeting.symbol} is already in the benchmark database")
    return elapsed, outcome.statements_created


def save_times(*, text: str, repeat: int, empty_database: str) -> SaveTimes:
    """Save the parsed release into the empty and the loaded database, turn about."""
    release = parse_press_release(text)
    empty, loaded = [], []
    statements = 0
    for n in range(repeat + 1):  # the first round warms both up and is not counted
        with database(empty_database):
            seconds, statements = _save_once(release)
            if n:
                empty.append(seconds)
        connection.ensure_connection()
        seconds, _ = _save_once(release)
        if n:
            loaded.append(seconds)
    return SaveTimes(
        empty=Sample(tuple(empty)), loaded=Sample(tuple(loaded)), statements=statements
    )
