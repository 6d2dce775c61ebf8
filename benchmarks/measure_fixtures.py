"""The fixture loader's dry run at 1,000 and 10,000 records: time per record.

The dry run validates and saves every record inside a transaction it rolls back, so
its time should grow with the number of records and nothing more (issue 17: 1,000
records took 3 s and 10,000 took 50 s on the old layout). The fixture is a meeting
with N statements, as a dumpdata of one large verbatim record gives it; the figure is
one run each (the 10,000-record run alone takes tens of seconds).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from tracker.fixture_loading import preview_fixture

SIZES = (1_000, 10_000)
FIRST_PK = 5_000_000  # far above the corpus's own statements


@dataclass(frozen=True)
class DryRun:
    records: int
    seconds: float
    problems: int

    @property
    def per_record_ms(self) -> float:
        return 1000 * self.seconds / self.records


def fixture(statements: int) -> bytes:
    meeting = {
        "model": "tracker.meeting",
        "pk": FIRST_PK,
        "fields": {"symbol": "GA/FIXTURE-BENCH", "title": "A fixture's meeting"},
    }
    records = [meeting] + [
        {
            "model": "tracker.statement",
            "pk": FIRST_PK + order,
            "fields": {
                "meeting": FIRST_PK,
                "order": order,
                "delegation": "Namibia",
                "text": f"Statement {order}: trafficking in persons must end, said the speaker.",
            },
        }
        for order in range(1, statements)
    ]
    return json.dumps(records).encode("utf-8")


def dry_run(records: int) -> DryRun:
    user, _ = get_user_model().objects.get_or_create(
        username="fixture-bench", defaults={"is_staff": True, "is_superuser": True}
    )
    content = fixture(records)
    started = time.perf_counter()
    report = preview_fixture(content=content, name="bench.json", user=user)
    seconds = time.perf_counter() - started
    return DryRun(records=records, seconds=seconds, problems=len(report.problems))


def dry_runs(sizes: tuple[int, ...] = SIZES) -> list[DryRun]:
    return [dry_run(records) for records in sizes]
