"""Reading a fixture: the JSON, each record's model, fields and values, and what the
records would do — before anything is written."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.serializers import base as serializers_base
from django.core.serializers.python import Deserializer
from django.db import models

from tracker.web import json_input
from tracker.web.errors import validation_messages

from .loadable import model_problem
from .report import FixtureReport, ModelSummary, Progress, RecordProblem, Rejected, reject

# The upload is kept in its job row (jobs.py) between the dry run and the confirmation.
MAX_FIXTURE_BYTES = 10 * 1024 * 1024


@dataclass
class Record:
    """One record of the file, deserialized; `number` is its position, from 1."""

    number: int
    label: str
    pk_text: str
    item: serializers_base.DeserializedObject
    exists: bool = False
    failed: bool = False

    @property
    def instance(self) -> models.Model:
        return self.item.object


def parse_records(content: bytes, report: FixtureReport) -> list[dict]:
    if len(content) > MAX_FIXTURE_BYTES:
        reject(report, f"The file is larger than {MAX_FIXTURE_BYTES // (1024 * 1024)} MB.")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        reject(report, f"The file is not UTF-8 text (byte {exc.start} cannot be read).")
    try:
        # The API's rule: no nesting past 32 levels, no lone surrogate, no NaN.
        data = json_input.loads(text, subject="The file")
    except json_input.JSONInputError as exc:
        reject(report, str(exc))
    if not isinstance(data, list):
        reject(report, "A fixture is a JSON list of records, as `manage.py dumpdata` writes.")
    if not data:
        reject(report, "The fixture holds no records.")
    for number, record in enumerate(data, start=1):
        problem = _shape_problem(record)
        if problem:
            pk = str(record.get("pk", "")) if isinstance(record, dict) else ""
            model = str(record.get("model", "")) if isinstance(record, dict) else ""
            report.add_problem(RecordProblem(problem, number, model, pk))
    if report.problems:
        raise Rejected
    return data


def _shape_problem(record: object) -> str:
    if not isinstance(record, dict):
        return 'a record is a JSON object with "model" and "fields".'
    label = record.get("model")
    if not isinstance(label, str):
        return 'the record has no "model" such as "tracker.meeting".'
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return f'unknown model "{label}".'
    if problem := model_problem(model):
        return problem
    fields = record.get("fields")
    if not isinstance(fields, dict):
        return 'the record has no "fields" object.'
    known = {f.name for f in model._meta.concrete_fields}
    known |= {f.attname for f in model._meta.concrete_fields}
    known |= {f.name for f in model._meta.many_to_many}
    unknown = sorted(set(fields) - known)
    if unknown:
        return f"{model._meta.label} has no field {', '.join(map(repr, unknown))}."
    return _fraction_problem(model, fields)


def _fraction_problem(model: type[models.Model], fields: dict) -> str:
    """A whole-number field given 1.5: Django's int() would store 1 without a word."""
    for name, value in fields.items():
        if not isinstance(value, float) or value.is_integer():
            continue
        model_field = model._meta.get_field(name)
        target = model_field.target_field if model_field.is_relation else model_field
        if isinstance(target, models.IntegerField | models.AutoField):
            return f"{name}: {value!r} is not a whole number."
    return ""


def deserialize(raw_records: list[dict], report: FixtureReport, progress: Progress) -> list[Record]:
    records = []
    for number, raw in enumerate(raw_records, start=1):
        progress("reading records", number - 1, len(raw_records))
        label = apps.get_model(raw["model"])._meta.label_lower
        pk_text = "(new)" if raw.get("pk") is None else str(raw["pk"])
        try:
            (item,) = Deserializer([raw], handle_forward_references=True)
        except Exception as exc:  # any bad value: report it with its record
            report.add_problem(RecordProblem(_bad_value(raw, exc), number, label, pk_text))
            continue
        _stamp_missing_dates(item.object)
        if item.object.pk is not None:
            pk_text = str(item.object.pk)
        records.append(Record(number, label, pk_text, item))
    if report.problems:
        raise Rejected
    return records


def _stamp_missing_dates(instance: models.Model) -> None:
    """Fill the dates Django sets itself (auto_now, auto_now_add) when a hand-written
    record leaves them out; a raw save would otherwise store nothing there."""
    for model_field in instance._meta.concrete_fields:
        automatic = getattr(model_field, "auto_now", False) or getattr(
            model_field, "auto_now_add", False
        )
        if automatic and getattr(instance, model_field.attname) is None:
            setattr(instance, model_field.attname, model_field.pre_save(instance, add=True))


def _bad_value(raw: dict, exc: Exception) -> str:
    """Name the field whose value could not be read."""
    model = apps.get_model(raw["model"])
    for name, value in raw["fields"].items():
        model_field = model._meta.get_field(name)
        if model_field.is_relation:
            continue
        try:
            model_field.to_python(value)
        except ValidationError as error:
            return f"{name}: {' '.join(validation_messages(error))}"
    original = exc.__context__ or exc
    if isinstance(original, ValidationError):
        return " ".join(validation_messages(original))
    return str(original)


def mark_existing(records: list[Record], report: FixtureReport) -> None:
    """Whether each record updates a row that exists already (one query per model)."""
    by_model: dict[type[models.Model], list[Record]] = defaultdict(list)
    for record in records:
        by_model[type(record.instance)].append(record)
    for model, model_records in by_model.items():
        pks = [r.instance.pk for r in model_records if r.instance.pk is not None]
        existing = set(model._base_manager.filter(pk__in=pks).values_list("pk", flat=True))
        first_seen: dict[object, int] = {}
        for record in model_records:
            pk = record.instance.pk
            record.exists = pk in existing
            record.instance._state.adding = not record.exists
            if pk is None:
                continue
            if pk in first_seen:
                report.add_problem(
                    RecordProblem(
                        f"the same record appears twice in the file (first as record "
                        f"{first_seen[pk]}).",
                        record.number,
                        record.label,
                        record.pk_text,
                    )
                )
            first_seen.setdefault(pk, record.number)
    if report.problems:
        raise Rejected


def summarise(records: list[Record], report: FixtureReport) -> None:
    counts: dict[type[models.Model], list[int]] = {}
    for record in records:
        created_updated = counts.setdefault(type(record.instance), [0, 0])
        created_updated[1 if record.exists else 0] += 1
    report.models = [
        ModelSummary(
            label=model._meta.label_lower,
            name=str(model._meta.verbose_name_plural),
            created=created,
            updated=updated,
        )
        for model, (created, updated) in counts.items()
    ]


def check_permissions(records: list[Record], user: AbstractBaseUser, report: FixtureReport) -> None:
    needed: set[tuple[str, str, str]] = set()
    for record in records:
        opts = record.instance._meta
        action = "change" if record.exists else "add"
        needed.add((action, f"{opts.app_label}.{action}_{opts.model_name}", opts.label_lower))
    for action, permission, label in sorted(needed):
        if not user.has_perm(permission):
            report.add_problem(
                RecordProblem(f"You do not have permission to {action} {label} records.")
            )
    if report.problems:
        raise Rejected
