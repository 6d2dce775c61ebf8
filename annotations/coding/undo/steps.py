"""Logging the workspace's steps: what each one changed, before and after.

A step's `changes` (UndoStep.changes) is plain JSON:
  annotations  [{"id", "before", "after"}]: each a state (annotation_state), "live"
               false where the annotation was gone (withdrawn: undone, or deleted)
  decisions    {"made": true, "items": [{"statement", "code", "start", "end",
               "decision", "annotation"}]}: suggestion decisions the step made
  done         [{"statement", "before", "after"}]: done marks
  memos        [{"id", "before", "after"}]: each a state (memo_state), "live" false
               where the memo was gone (deleted, or its writing undone)
A memo on a code has no meeting: its step goes to the history of the meeting whose
workspace wrote it (memo_step_meeting), so u there undoes it like any other step.
The recording functions run inside the write's transaction; a new step forgets the
steps undone before it (the redo list) and all but the latest LIMIT.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError

from tracker.models import Meeting

from ...codebook.selectors import scheme_for_meeting
from ...models import Annotation, Memo, SuggestionDecision, UndoStep

LIMIT = 50
FIELDS = ("code", "memo", "start", "end")
MEMO_FIELDS = ("title", "text")


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
    memos: Sequence[dict] = (),
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
    if memos:
        changes["memos"] = list(memos)
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


# Memos on the meeting, or on a code from the meeting's workspace.


def memo_state(memo: Memo) -> dict:
    return {
        "live": memo.deleted_at is None,
        "title": memo.title,
        "text": memo.text,
        "version": memo.version,
    }


def same_memo_state(current: dict, wanted: dict) -> bool:
    """The same for undo's purposes: live or gone, title and text. (Not the version: an
    undo writes a new one, and the steps before it must still be undoable.)"""
    return all(current[key] == wanted[key] for key in ("live", *MEMO_FIELDS))


def memo_name(memo: Memo) -> str:
    return f"the memo “{shorten(memo.title or memo.text)}”"


def memo_step_meeting(
    *, meeting_id: int | None, code=None, workspace: Meeting | None
) -> int | None:
    """The meeting whose history logs a write of a memo on meeting `meeting_id` or on
    `code`, made from `workspace`'s page (None: not from a workspace).

    A memo on a meeting is logged in that meeting's history; `workspace`, if given, must
    be that meeting. A memo on a code is logged in the workspace's history, which must be
    a meeting coded with the code's scheme; without a workspace (a write over the API
    from elsewhere) there is no history to log it in, and None says so."""
    if meeting_id is not None:
        if workspace is not None and workspace.pk != meeting_id:
            symbol = Meeting.objects.values_list("symbol", flat=True).get(pk=meeting_id)
            raise ValidationError(
                {
                    "workspace": f"A memo on meeting {symbol} is written from its own "
                    f"workspace, not from {workspace.symbol}'s."
                }
            )
        return meeting_id
    if workspace is None or code is None:
        return None
    scheme = scheme_for_meeting(workspace)
    if code.scheme_id != scheme.pk:
        raise ValidationError(
            {
                "workspace": f"Meeting {workspace.symbol} is coded with “{scheme}”, "
                f"which does not hold the code “{code.slug}”."
            }
        )
    return workspace.pk


def record_memo(
    *, analyst: AbstractBaseUser, meeting_id: int, label: str, before: dict, memo: Memo
) -> UndoStep:
    """A memo written (before: gone), changed, or deleted (after: gone)."""
    return step_record(
        analyst=analyst,
        meeting_id=meeting_id,
        label=label,
        memos=[{"id": memo.pk, "before": before, "after": memo_state(memo)}],
    )


def memo_gone(memo: Memo) -> dict:
    """The state before a memo was written: not there."""
    return {**memo_state(memo), "live": False}
