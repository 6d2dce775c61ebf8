"""Logging the workspace's steps: what each one changed, before and after.

A step's `changes` (UndoStep.changes) is plain JSON:
  annotations  [{"id", "before", "after"}]: each a state (annotation_state), "live"
               false where the annotation was gone (withdrawn: undone, or deleted)
  decisions    {"made": true, "items": [{"statement", "code", "start", "end",
               "decision", "annotation"}]}: suggestion decisions the step made
  done         [{"statement", "before", "after"}]: done marks
The recording functions run inside the write's transaction; a new step forgets the
steps undone before it (the redo list) and all but the latest LIMIT.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.contrib.auth.models import AbstractBaseUser

from ...models import Annotation, SuggestionDecision, UndoStep

LIMIT = 50
FIELDS = ("code", "memo", "start", "end")


def annotation_state(annotation: Annotation) -> dict:
    return {
        "live": annotation.deleted_at is None,
        "withdrawn": annotation.withdrawn,
        "code": annotation.code_id,
        "memo": annotation.memo,
        "start": annotation.start,
        "end": annotation.end,
    }


def same_state(current: dict, wanted: dict) -> bool:
    """The same for undo's purposes: live or gone, code, memo and passage."""
    return all(current[key] == wanted[key] for key in ("live", *FIELDS))


def shorten(text: str, length: int = 40) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def describe(annotation: Annotation) -> str:
    """'Code on “quote”', or 'Code on statement 3' for a statement-level code."""
    where = (
        f"“{shorten(annotation.quote)}”"
        if annotation.quote
        else f"statement {annotation.statement.order}"
    )
    return f"{annotation.code.name} on {where}"


def step_record(
    *,
    analyst: AbstractBaseUser,
    meeting_id: int,
    label: str,
    annotations: Sequence[dict] = (),
    decisions: Sequence[dict] = (),
    done: Sequence[dict] = (),
) -> UndoStep:
    """Log one step; forget the redo list and all but the latest LIMIT steps. 2 queries.

    Called inside the write's own transaction, so a step is logged if and only if the
    write is saved."""
    mine = UndoStep.objects.filter(analyst=analyst, meeting_id=meeting_id)
    keep = mine.filter(undone=False).order_by("-id").values("pk")[: LIMIT - 1]
    mine.exclude(pk__in=keep).delete()
    changes: dict = {"annotations": list(annotations)}
    if decisions:
        changes["decisions"] = {"made": True, "items": list(decisions)}
    if done:
        changes["done"] = list(done)
    return UndoStep.objects.create(
        analyst=analyst, meeting_id=meeting_id, label=label[:300], changes=changes
    )


def _appeared(annotation: Annotation) -> dict:
    after = annotation_state(annotation)
    return {
        "id": annotation.pk,
        "before": {**after, "live": False, "withdrawn": True},
        "after": after,
    }


def record_created(
    *, analyst: AbstractBaseUser, annotations: Sequence[Annotation], label: str | None = None
) -> UndoStep:
    """A coding, or a batch of them (code from find): undo withdraws, redo restores."""
    first = annotations[0]
    if label is None:
        label = (
            f"coding {describe(first)}"
            if len(annotations) == 1
            else f"coding {len(annotations)} hits of “{shorten(first.quote)}” as {first.code.name}"
        )
    return step_record(
        analyst=analyst,
        meeting_id=first.statement.meeting_id,
        label=label,
        annotations=[_appeared(a) for a in annotations],
    )


def record_deleted(*, analyst: AbstractBaseUser, annotation: Annotation) -> UndoStep:
    after = annotation_state(annotation)
    return step_record(
        analyst=analyst,
        meeting_id=annotation.statement.meeting_id,
        label=f"deleting {describe(annotation)}",
        annotations=[{"id": annotation.pk, "before": {**after, "live": True}, "after": after}],
    )


def record_updated(*, analyst: AbstractBaseUser, before: dict, annotation: Annotation) -> UndoStep:
    return step_record(
        analyst=analyst,
        meeting_id=annotation.statement.meeting_id,
        label=f"the change to {annotation.code.name}",
        annotations=[
            {"id": annotation.pk, "before": before, "after": annotation_state(annotation)}
        ],
    )


def record_done(*, analyst: AbstractBaseUser, statement, done: bool, before: bool) -> UndoStep:
    return step_record(
        analyst=analyst,
        meeting_id=statement.meeting_id,
        label=f"marking statement {statement.order} {'done' if done else 'not done'}",
        done=[{"statement": statement.pk, "before": before, "after": done}],
    )


def decision_item(decision: SuggestionDecision) -> dict:
    return {
        "statement": decision.statement_id,
        "code": decision.code_id,
        "start": decision.start,
        "end": decision.end,
        "decision": decision.decision,
        "annotation": decision.annotation_id,
    }


def record_decisions(
    *,
    analyst: AbstractBaseUser,
    meeting_id: int,
    label: str,
    decisions: Iterable[SuggestionDecision],
    annotations: Sequence[Annotation] = (),
) -> UndoStep:
    """Suggestions accepted or dismissed, one or many: undo reopens them all."""
    return step_record(
        analyst=analyst,
        meeting_id=meeting_id,
        label=label,
        annotations=[_appeared(a) for a in annotations],
        decisions=[decision_item(d) for d in decisions],
    )
