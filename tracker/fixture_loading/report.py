"""What a fixture load found: counts per model, and the problems that stop it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import NoReturn

# Told (phase, records done, records in the file) as the load goes; the background job
# writes it where its progress page reads it (jobs.py).
Progress = Callable[[str, int, int], None]


def no_progress(phase: str, done: int, total: int) -> None:
    """The loader's progress when nobody follows it."""


# A summary with more problems than this lists the first ones and counts the rest.
MAX_PROBLEMS = 100


@dataclass(frozen=True)
class RecordProblem:
    """Why a record (or the whole file, when `number` is None) cannot be loaded."""

    message: str
    number: int | None = None  # position of the record in the file, from 1
    model: str = ""
    pk: str = ""

    def __str__(self) -> str:
        if self.number is None:
            return self.message
        return f"Record {self.number} ({self.model}, pk {self.pk}): {self.message}"


@dataclass(frozen=True)
class ModelSummary:
    label: str
    name: str
    created: int
    updated: int


@dataclass
class FixtureReport:
    name: str
    records: int = 0
    models: list[ModelSummary] = field(default_factory=list)
    problems: list[RecordProblem] = field(default_factory=list)
    more_problems: int = 0
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def created(self) -> int:
        return sum(summary.created for summary in self.models)

    @property
    def updated(self) -> int:
        return sum(summary.updated for summary in self.models)

    def as_dict(self) -> dict:
        """The report as JSON data, for a background job to keep."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> FixtureReport:
        return cls(
            **{
                **data,
                "models": [ModelSummary(**summary) for summary in data.get("models", [])],
                "problems": [RecordProblem(**problem) for problem in data.get("problems", [])],
            }
        )

    def add_problem(self, problem: RecordProblem) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
        else:
            self.more_problems += 1


class Rejected(Exception):
    """The file cannot be read at all: the report already says why."""


def reject(report: FixtureReport, message: str) -> NoReturn:
    report.add_problem(RecordProblem(message))
    raise Rejected
