"""Who changed what, when, and what it was before: reads over django-simple-history.

Every create, change and delete of annotations, missed opportunities, codes and
statements leaves a historical record (the models declare HistoricalRecords;
the request middleware names the user). Here those records become readable
entries with the fields that changed, before and after. Each list costs a
fixed number of queries: records are read in object order and compared with
the previous record of the same object in Python, never one query per record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from tracker.models import Meeting, Statement

from ..models import AdjudicationDecision, Annotation, Code, MissedOpportunity
from ..roles import can_review

ACTIONS = {"+": "created", "~": "changed", "-": "deleted"}

TRACKED = {
    "annotation": ["code_id", "start", "end", "quote", "memo", "needs_review", "deleted_at"],
    "statement": [
        "order",
        "segment",
        "speaker_id",
        "delegation",
        "role",
        "on_behalf_of",
        "speaker_type",
        "text",
    ],
    "missed opportunity": ["title", "rationale", "deleted_at"],
}


@dataclass(frozen=True)
class Change:
    field: str
    before: Any
    after: Any


@dataclass
class HistoryEntry:
    when: datetime
    who: str
    kind: str
    object_id: int
    label: str
    action: str
    reason: str = ""
    changes: list[Change] = field(default_factory=list)
    owner_id: int | None = None

    @property
    def anchor(self) -> str:
        return f"{self.kind.replace(' ', '-')}-{self.object_id}"


def _who(record) -> str:
    user = record.history_user
    return user.get_username() if user else "system"


def _label(value: Any) -> Any:
    return "" if value is None else value


def _entries(kind: str, records: QuerySet, describe, owner=None) -> list[HistoryEntry]:
    fields = TRACKED[kind]
    entries, previous = [], {}
    for record in records.select_related("history_user").order_by(
        "id", "history_date", "history_id"
    ):
        before = previous.get(record.id)
        action = ACTIONS[record.history_type]
        changes = []
        if before is not None and record.history_type == "~":
            changes = [
                Change(name.removesuffix("_id"), _label(getattr(before, name)), _label(after))
                for name in fields
                if (after := getattr(record, name)) != getattr(before, name)
            ]
            if "deleted_at" in fields and before.deleted_at is None and record.deleted_at:
                action = "deleted"
            elif "deleted_at" in fields and before.deleted_at and record.deleted_at is None:
                action = "restored"
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=_who(record),
                kind=kind,
                object_id=record.id,
                label=describe(record),
                action=action,
                reason=record.history_change_reason or "",
                changes=changes,
                owner_id=owner(record) if owner else None,
            )
        )
        previous[record.id] = record
    return entries


def _code_slugs(entries: list[HistoryEntry], slugs: dict[int, str]) -> None:
    """Show a changed code by its slug rather than its id."""
    for e in entries:
        e.changes = [
            Change(c.field, slugs.get(c.before, c.before), slugs.get(c.after, c.after))
            if c.field == "code"
            else c
            for c in e.changes
        ]


def _annotation_label(code_slugs: dict[int, str]):
    def describe(record) -> str:
        quote = record.quote if len(record.quote) <= 60 else record.quote[:59] + "…"
        slug = code_slugs.get(record.code_id, "?")
        return f"{slug}: “{quote}”" if quote else f"{slug} (whole statement)"

    return describe


def _decision_entries(decisions: QuerySet) -> list[HistoryEntry]:
    return [
        HistoryEntry(
            when=d.created,
            who=d.reviewer.get_username(),
            kind="annotation",
            object_id=d.annotation_id,
            label=f"{d.annotation.code.slug} by {d.annotation.analyst.get_username()}",
            action=d.get_decision_display().lower(),
            reason=d.reason,
            owner_id=d.annotation.analyst_id,
        )
        for d in decisions.select_related("reviewer", "annotation__code", "annotation__analyst")
    ]


def meeting_history(*, meeting: Meeting, viewer: AbstractBaseUser) -> list[HistoryEntry]:
    """Everything that happened to a meeting's statements and coding, newest first.

    Reviewers and administrators see every analyst's work; an analyst sees the
    statements and their own annotations and missed opportunities.
    """
    everyone = can_review(viewer)
    annotations = Annotation.history.filter(statement__meeting=meeting)
    missed = MissedOpportunity.history.filter(meeting=meeting)
    decisions = AdjudicationDecision.objects.filter(annotation__statement__meeting=meeting)
    if not everyone:
        annotations = annotations.filter(analyst=viewer)
        missed = missed.filter(analyst=viewer)
        decisions = decisions.filter(annotation__analyst=viewer)
    code_slugs = dict(Code.objects.values_list("pk", "slug"))
    statements = Statement.history.filter(meeting=meeting)
    entries = (
        _entries("statement", statements, lambda r: f"statement #{r.order}")
        + _entries("annotation", annotations, _annotation_label(code_slugs), lambda r: r.analyst_id)
        + _entries("missed opportunity", missed, lambda r: r.title, lambda r: r.analyst_id)
        + _decision_entries(decisions)
    )
    _code_slugs(entries, code_slugs)
    return sorted(entries, key=lambda e: e.when, reverse=True)


def annotation_history(*, annotation: Annotation) -> list[HistoryEntry]:
    """One annotation's versions and the decisions on it, newest first."""
    code_slugs = dict(
        Code.objects.filter(scheme_id=annotation.code.scheme_id).values_list("pk", "slug")
    )
    entries = _entries(
        "annotation",
        Annotation.history.filter(id=annotation.pk),
        _annotation_label(code_slugs),
    ) + _decision_entries(AdjudicationDecision.objects.filter(annotation=annotation))
    _code_slugs(entries, code_slugs)
    return sorted(entries, key=lambda e: e.when, reverse=True)


def can_see_annotation_history(*, annotation: Annotation, viewer: AbstractBaseUser) -> bool:
    return annotation.analyst_id == viewer.pk or can_review(viewer)


def deleted_annotations(*, meeting: Meeting | None = None) -> QuerySet:
    """Soft-deleted annotations, newest deletion first, for an administrator to restore."""
    annotations = Annotation.objects.deleted()
    if meeting is not None:
        annotations = annotations.for_meeting(meeting)
    return annotations.select_related(
        "code", "analyst", "deleted_by", "statement__meeting"
    ).order_by("-deleted_at", "-id")
