"""Checks other apps register for their models' records (see register_record_check)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from django.db import models

from .reading import Record
from .report import FixtureReport
from .saving import fail

RecordCheck = Callable[[Sequence[models.Model]], Iterable[tuple[models.Model, str]]]
_record_checks: dict[str, list[RecordCheck]] = defaultdict(list)


def register_record_check(model_label: str) -> Callable[[RecordCheck], RecordCheck]:
    """Register a check that runs on the fixture's records of one model, after all are saved.

    The check receives the saved instances ("app_label.modelname" in lower case) and
    yields (instance, message) for each one that must not be loaded. Apps register
    their checks in `AppConfig.ready()`.
    """

    def decorator(check: RecordCheck) -> RecordCheck:
        if check not in _record_checks[model_label]:
            _record_checks[model_label].append(check)
        return check

    return decorator


def run_record_checks(records: list[Record], report: FixtureReport) -> None:
    by_label: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        by_label[record.label].append(record)
    for label, checks in _record_checks.items():
        label_records = by_label.get(label)
        if not label_records:
            continue
        by_instance = {id(r.instance): r for r in label_records}
        for check in checks:
            for instance, message in check([r.instance for r in label_records]):
                fail(by_instance[id(instance)], message, report)
