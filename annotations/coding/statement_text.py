"""Changing the text of a statement without breaking the annotations on it.

A statement's text is the evidence analysts coded. It changes only through
`statement_text_update`, which re-anchors every span annotation on it (live
and soft-deleted ones, so a later restore still points at the right words) in
one transaction. Annotations that moved or whose quote changed stay, marked
`needs_review`; if any passage would vanish altogether the change is refused
with their list, and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from tracker.models import Statement

from ..models import Annotation
from .anchoring import Anchor, Placement, reanchor_all

CHANGE_REASON = "Re-anchored after the statement text was edited"


@dataclass(frozen=True)
class Reanchoring:
    """What a text change does to one annotation."""

    annotation: Annotation
    placement: Placement
    start: int | None
    end: int | None
    quote: str
    prefix: str
    suffix: str

    @property
    def needs_review(self) -> bool:
        return self.placement is not Placement.EXACT

    def describe(self) -> str:
        who = f"annotation {self.annotation.pk} ({self.annotation.code.slug}, "
        who += f"{self.annotation.analyst.get_username()})"
        old = _short(self.annotation.quote)
        if self.placement is Placement.LOST:
            return f"{who} quotes {old}, which the new text no longer contains"
        if self.placement is Placement.APPROXIMATE:
            return f"{who} quoted {old}; it now quotes {_short(self.quote)}"
        if self.placement is Placement.MOVED:
            return f"{who} quotes {old}, found again with different surroundings"
        return f"{who} quotes {old}"


@dataclass(frozen=True)
class TextUpdate:
    statement: Statement
    reanchorings: list[Reanchoring]

    @property
    def for_review(self) -> list[Reanchoring]:
        return [r for r in self.reanchorings if r.needs_review]


def _short(quote: str, limit: int = 60) -> str:
    return repr(quote if len(quote) <= limit else quote[: limit - 1] + "…")


def _span_annotations(statement: Statement, *, lock: bool):
    annotations = Annotation.objects.filter(statement=statement, start__isnull=False)
    if lock:
        annotations = annotations.select_for_update(of=("self",))
    return list(annotations.select_related("code", "analyst").order_by("start", "id"))


def statement_text_plan(*, statement: Statement, text: str) -> list[Reanchoring]:
    """What changing the statement's stored text to `text` would do to each annotation."""
    old = Statement.objects.values_list("text", flat=True).get(pk=statement.pk)
    return _plan(old, text, _span_annotations(statement, lock=False))


def _plan(old: str, new: str, annotations: list[Annotation]) -> list[Reanchoring]:
    anchors = [Anchor(a.start, a.end, a.quote, a.prefix, a.suffix) for a in annotations]
    return [
        Reanchoring(a, r.placement, r.start, r.end, r.quote, r.prefix, r.suffix)
        for a, r in zip(annotations, reanchor_all(old, new, anchors), strict=True)
    ]


def _refuse_lost(plan: list[Reanchoring]) -> None:
    lost = [r.describe() for r in plan if r.placement is Placement.LOST]
    if lost:
        raise ValidationError(
            {
                "text": [
                    "The new text removes passages that analysts coded; "
                    "move or delete these annotations first, then edit the text again: "
                    + "; ".join(lost)
                    + "."
                ]
            }
        )


def _save_in_a_safe_order(plan: list[Reanchoring], actor: AbstractBaseUser) -> None:
    """Save moved annotations so none lands, even briefly, on a span another still holds.

    Two annotations of one analyst with one code may not share a span (a unique
    constraint the database checks row by row), so when every span shifts we
    save them in the order that frees each target before it is taken.
    """

    def key(annotation, start, end):
        return (annotation.analyst_id, annotation.code_id, start, end)

    pending = [r for r in plan if r.annotation.deleted_at is None]
    pending += [r for r in plan if r.annotation.deleted_at is not None]
    while pending:
        held = {
            key(r.annotation, r.annotation.start, r.annotation.end): r
            for r in pending
            if r.annotation.deleted_at is None
        }
        ready = [
            r
            for r in pending
            if r.annotation.deleted_at is not None
            or held.get(key(r.annotation, r.start, r.end)) in (None, r)
        ]
        if not ready:
            raise ValidationError(
                {"text": ["The new text would make two annotations of one analyst coincide."]}
            )
        for r in ready:
            _apply(r, actor)
            pending.remove(r)


def _apply(r: Reanchoring, actor: AbstractBaseUser) -> None:
    annotation = r.annotation
    annotation.start, annotation.end, annotation.quote = r.start, r.end, r.quote
    annotation.prefix, annotation.suffix = r.prefix, r.suffix
    annotation.needs_review = annotation.needs_review or r.needs_review
    annotation.version += 1
    annotation._history_user = actor
    annotation._change_reason = CHANGE_REASON
    annotation.save()


@transaction.atomic
def statement_text_update(
    *, statement: Statement, text: str, actor: AbstractBaseUser
) -> TextUpdate:
    """Change the statement's text and re-anchor every annotation on it.

    Raises ValidationError (on the "text" field) naming the annotations whose
    passage the new text removes; then nothing is changed.
    """
    current = Statement.objects.select_for_update().get(pk=statement.pk)
    if not text.strip():
        raise ValidationError({"text": ["A statement needs some text."]})
    if text == current.text:
        return TextUpdate(statement=current, reanchorings=[])
    annotations = _span_annotations(current, lock=True)
    plan = _plan(current.text, text, annotations)
    _refuse_lost(plan)
    # Validate the whole plan before writing any of it.
    for r in plan:
        if r.annotation.deleted_at is None:
            duplicates = [
                o
                for o in plan
                if o is not r
                and o.annotation.deleted_at is None
                and (o.annotation.analyst_id, o.annotation.code_id, o.start, o.end)
                == (r.annotation.analyst_id, r.annotation.code_id, r.start, r.end)
            ]
            if duplicates:
                raise ValidationError(
                    {
                        "text": [
                            f"After this change {r.describe()} and "
                            f"{duplicates[0].describe()} would quote the same passage; "
                            "delete one of them first."
                        ]
                    }
                )
    current.text = text
    current._history_user = actor
    current._change_reason = "Text edited"
    current.save()
    _save_in_a_safe_order(plan, actor)
    statement.text = text
    return TextUpdate(statement=current, reanchorings=plan)
