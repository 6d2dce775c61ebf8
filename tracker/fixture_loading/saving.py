"""Writing a fixture's records inside the caller's transaction, validating each one as
the model would, then the references, the database's constraints and the trace."""

from __future__ import annotations

from collections import defaultdict

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.core.serializers import base as serializers_base
from django.db import DatabaseError, connection, models, transaction
from simple_history.exceptions import NotHistoricalModelError
from simple_history.utils import get_history_manager_for_model

from tracker.web.errors import validation_messages

from .reading import Record
from .report import FixtureReport, Progress, RecordProblem


def save_all(records: list[Record], report: FixtureReport, progress: Progress) -> None:
    for number, record in enumerate(records):
        progress("checking records", number, len(records))
        try:
            _validate(record.instance)
            with transaction.atomic():
                record.item.save()
        except ValidationError as exc:
            fail(record, "; ".join(validation_messages(exc)), report)
        except DatabaseError as exc:
            fail(record, f"the database refused it: {exc}".strip(), report)
    for record in records:
        if record.item.deferred_fields and not record.failed:
            try:
                with transaction.atomic():
                    record.item.save_deferred_fields()
            except (serializers_base.DeserializationError, DatabaseError) as exc:
                fail(record, str(exc), report)


def _validate(instance: models.Model) -> None:
    """Model validation, except that references are checked once all records are saved
    (a fixture may refer to a record that comes later in the file)."""
    relations = [f.name for f in instance._meta.concrete_fields if f.is_relation]
    errors: dict[str, list[str]] = {}
    for step in (
        lambda: instance.full_clean(
            exclude=relations, validate_unique=False, validate_constraints=False
        ),
        instance.validate_unique,
        instance.validate_constraints,
    ):
        try:
            step()
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                known = errors.setdefault(name, [])
                known.extend(message for message in messages if message not in known)
    # Fields the model lets through empty (auto_now dates, excluded references) but the
    # database would refuse.
    for model_field in instance._meta.concrete_fields:
        if model_field.primary_key or model_field.null or model_field.name in errors:
            continue
        if getattr(instance, model_field.attname) is None:
            errors[model_field.name] = ["This field cannot be empty."]
    if errors:
        raise ValidationError(errors)


def fail(record: Record, message: str, report: FixtureReport) -> None:
    record.failed = True
    report.add_problem(RecordProblem(message, record.number, record.label, record.pk_text))


def check_references(records: list[Record], report: FixtureReport) -> None:
    """Every foreign key and many-to-many value names a record that exists now
    (in the database or earlier or later in the file): one query per referenced model."""
    wanted: dict[tuple[type[models.Model], str], set] = defaultdict(set)
    uses: list[tuple[Record, str, type[models.Model], str, object]] = []
    for record in records:
        instance = record.instance
        for model_field in instance._meta.concrete_fields:
            if not model_field.is_relation:
                continue
            value = getattr(instance, model_field.attname)
            if value is None:
                continue
            target = model_field.remote_field.model
            target_attname = model_field.target_field.attname
            wanted[(target, target_attname)].add(value)
            uses.append((record, model_field.name, target, target_attname, value))
        for model_field in instance._meta.many_to_many:
            target = model_field.remote_field.model
            for value in (record.item.m2m_data or {}).get(model_field.name, []):
                wanted[(target, "pk")].add(value)
                uses.append((record, model_field.name, target, "pk", value))
    found = {
        key: set(
            key[0]._base_manager.filter(**{f"{key[1]}__in": values}).values_list(key[1], flat=True)
        )
        for key, values in wanted.items()
    }
    for record, name, target, target_attname, value in uses:
        if value not in found[(target, target_attname)]:
            fail(
                record,
                f"{name}: {target._meta.label_lower} {value} does not exist, in the database "
                "or in the file.",
                report,
            )


def check_database_constraints(records: list[Record], report: FixtureReport) -> None:
    """The database's own last word on deferred constraints, as `loaddata` asks for it."""
    tables = {record.instance._meta.db_table for record in records}
    try:
        with transaction.atomic():
            connection.check_constraints(table_names=sorted(tables))
    except DatabaseError as exc:
        report.add_problem(RecordProblem(f"The database refused the load: {exc}"))


def reset_sequences(records: list[Record]) -> None:
    """Records loaded with explicit ids must not collide with the next ones created."""
    loaded_models = {type(record.instance) for record in records}
    statements = connection.ops.sequence_reset_sql(no_style(), list(loaded_models))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def leave_a_trace(records: list[Record], name: str, user: AbstractBaseUser) -> None:
    """History rows for the models that keep history, and one admin log entry per model."""
    by_model: dict[type[models.Model], tuple[list, list]] = defaultdict(lambda: ([], []))
    for record in records:
        by_model[type(record.instance)][1 if record.exists else 0].append(record.instance)
    reason = f"Loaded from fixture {name}"[:100]
    for model, (created, updated) in by_model.items():
        try:
            history = get_history_manager_for_model(model)
        except NotHistoricalModelError:
            history = None
        if history is not None:
            if created:
                history.bulk_history_create(
                    created, default_user=user, default_change_reason=reason
                )
            if updated:
                history.bulk_history_create(
                    updated, update=True, default_user=user, default_change_reason=reason
                )
        LogEntry.objects.create(
            user_id=user.pk,
            content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
            object_repr=f"{len(created)} created, {len(updated)} updated from {name}"[:200],
            action_flag=CHANGE if updated else ADDITION,
            change_message=f"Loaded from fixture {name}: {len(created)} created, "
            f"{len(updated)} updated.",
        )
