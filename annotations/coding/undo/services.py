"""Undo and redo of the logged steps (steps.py), through coding's own services.

Undo moves a step's annotations, decisions, done marks and memos from their "after" to their
"before" state; redo the other way. First every one of them must still be in the state
the step left it: if anything changed since (another tab, another step not undone), the
step is refused and dropped from the history, and nothing is written, so an undo never
overwrites a later edit. Queries stay fixed however many annotations a step holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from tracker.models import Meeting, Statement

from ...models import Annotation, Code, Memo, StatementProgress, SuggestionDecision, UndoStep
from .. import batches, services
from ..memos import services as memo_services
from .steps import (
    FIELDS,
    annotation_state,
    memo_name,
    memo_state,
    same_memo_state,
    same_state,
    shorten,
)


class NothingToDo(Exception):
    """No step to undo (or to redo) in this meeting."""


@dataclass
class StepOutcome:
    step: UndoStep
    refused: str = ""  # why the step could not be taken back (or done again); it is dropped
    annotations: list[int] = field(default_factory=list)  # touched: live now, or gone
    done: dict[int, bool] = field(default_factory=dict)
    decisions: bool = False  # suggestion decisions changed: the list is to be read again
    memos: list[int] = field(default_factory=list)  # touched: live now, or gone


class _Stale(Exception):
    pass


def _latest(*, analyst, meeting: Meeting, undone: bool) -> UndoStep:
    steps = UndoStep.objects.select_for_update().filter(
        analyst=analyst, meeting=meeting, undone=undone
    )
    # Undo takes the latest step done; redo the step undone last (the earliest undone).
    step = steps.order_by("id" if undone else "-id").first()
    if step is None:
        raise NothingToDo("Nothing to redo." if undone else "Nothing to undo.")
    return step


def _check_annotations(entries, source: str, analyst) -> dict[int, Annotation]:
    rows = Annotation.objects.select_for_update(of=("self",)).select_related("code", "statement")
    found = rows.filter(pk__in=[e["id"] for e in entries], analyst=analyst).in_bulk()
    for entry in entries:
        current = found.get(entry["id"])
        if current is None or not same_state(annotation_state(current), entry[source]):
            what = f"“{shorten(current.quote)}”" if current and current.quote else "an annotation"
            raise _Stale(f"{what} has changed since (in another tab or a later step)")
    return found


def _decision_keys(items) -> Q:
    return reduce(
        or_,
        (
            Q(statement_id=i["statement"], code_id=i["code"], start=i["start"], end=i["end"])
            for i in items
        ),
    )


def _check_decisions(decisions: dict, analyst, *, present: bool) -> None:
    items = decisions.get("items", [])
    if not items:
        return
    found = set(
        SuggestionDecision.objects.filter(analyst=analyst)
        .filter(_decision_keys(items))
        .values_list("statement_id", "code_id", "start", "end", "decision")
    )
    wanted = {(i["statement"], i["code"], i["start"], i["end"], i["decision"]) for i in items}
    if present and found != wanted:
        raise _Stale("some of its suggestions were reopened or decided again since")
    if not present and found:
        raise _Stale("some of its suggestions have been decided since")


def _check_done(entries, source: str, analyst) -> None:
    if not entries:
        return
    marked = set(
        StatementProgress.objects.filter(
            analyst=analyst, statement_id__in=[e["statement"] for e in entries]
        ).values_list("statement_id", flat=True)
    )
    for entry in entries:
        if (entry["statement"] in marked) != entry[source]:
            raise _Stale("a done mark has changed since")


def _check_memos(entries, source: str, analyst) -> dict[int, Memo]:
    if not entries:
        return {}
    rows = Memo.objects.select_for_update(of=("self",)).filter(author=analyst)
    found = rows.in_bulk([e["id"] for e in entries])
    for entry in entries:
        current = found.get(entry["id"])
        if current is None or not same_memo_state(memo_state(current), entry[source]):
            what = memo_name(current) if current else "a memo"
            raise _Stale(f"{what} has changed since (in another tab or a later step)")
    return found


def _move_memos(entries, found: dict[int, Memo], target: str, analyst) -> None:
    for entry in entries:
        current, wanted = found[entry["id"]], entry[target]
        if current.deleted_at is None and not wanted["live"]:
            memo_services.memo_delete(memo=current, actor=analyst)
        elif current.deleted_at is not None and wanted["live"]:
            memo_services.memo_restore(memo=current, actor=analyst)
        elif wanted["live"]:
            memo_services.memo_update(
                memo=current,
                actor=analyst,
                version=current.version,
                title=wanted["title"],
                text=wanted["text"],
            )


def _move_annotations(entries, found, target: str, analyst) -> None:
    withdraw, delete, restore, change = [], [], [], []
    for entry in entries:
        current, wanted = found[entry["id"]], entry[target]
        if current.deleted_at is None and not wanted["live"]:
            (withdraw if wanted["withdrawn"] else delete).append(current)
        elif current.deleted_at is not None and wanted["live"]:
            restore.append(current)
        elif wanted["live"]:
            change.append((current, wanted))
    if withdraw:
        batches.annotations_withdraw_batch(analyst=analyst, ids=[a.pk for a in withdraw])
    for annotation in delete:
        services.annotation_delete(annotation=annotation, actor=analyst)
    if restore:
        batches.annotations_restore_batch(analyst=analyst, ids=[a.pk for a in restore])
    for current, wanted in change:
        _change(current, wanted, analyst)


def _change(current: Annotation, wanted: dict, analyst) -> None:
    changes = {
        key: wanted[key]
        for key in FIELDS
        if getattr(current, f"{key}_id" if key == "code" else key) != wanted[key]
    }
    if "code" in changes:
        changes["code"] = Code.objects.get(pk=changes["code"])
    services.annotation_update(
        annotation=current, actor=analyst, version=current.version, **changes
    )


def _move_decisions(decisions: dict, analyst, *, make: bool) -> None:
    items = decisions.get("items", [])
    if not items:
        return
    if not make:
        SuggestionDecision.objects.filter(analyst=analyst).filter(_decision_keys(items)).delete()
        return
    SuggestionDecision.objects.bulk_create(
        SuggestionDecision(
            analyst=analyst,
            statement_id=i["statement"],
            code_id=i["code"],
            start=i["start"],
            end=i["end"],
            decision=i["decision"],
            annotation_id=i["annotation"],
        )
        for i in items
    )


def _move_done(entries, target: str, analyst) -> None:
    if not entries:
        return
    statements = Statement.objects.in_bulk([e["statement"] for e in entries])
    for entry in entries:
        statement = statements[entry["statement"]]
        if entry[target]:
            services.statement_mark_done(statement=statement, analyst=analyst)
        else:
            services.statement_mark_not_done(statement=statement, analyst=analyst)


def _move(step: UndoStep, analyst, *, undo: bool) -> StepOutcome:
    source, target = ("after", "before") if undo else ("before", "after")
    changes = step.changes
    entries, done = changes.get("annotations", []), changes.get("done", [])
    decisions, memos = changes.get("decisions", {}), changes.get("memos", [])
    outcome = StepOutcome(
        step=step,
        annotations=[e["id"] for e in entries],
        done={e["statement"]: e[target] for e in done},
        decisions=bool(decisions),
        memos=[e["id"] for e in memos],
    )
    try:
        with transaction.atomic():
            found = _check_annotations(entries, source, analyst)
            _check_decisions(decisions, analyst, present=undo)
            _check_done(done, source, analyst)
            found_memos = _check_memos(memos, source, analyst)
            # Decisions go before their annotations, and come back after them.
            if undo:
                _move_decisions(decisions, analyst, make=False)
            _move_annotations(entries, found, target, analyst)
            if not undo:
                _move_decisions(decisions, analyst, make=True)
            _move_done(done, target, analyst)
            _move_memos(memos, found_memos, target, analyst)
    except (_Stale, ValidationError) as problem:
        text = problem.messages[0] if isinstance(problem, ValidationError) else str(problem)
        outcome.refused = f"{text.rstrip('.')}; it is taken off your history."
        outcome.annotations, outcome.done, outcome.decisions = [], {}, False
        outcome.memos = []
        step.delete()
        return outcome
    step.undone = undo
    step.save(update_fields=["undone"])
    return outcome


@transaction.atomic
def step_undo(*, analyst: AbstractBaseUser, meeting: Meeting) -> StepOutcome:
    """Take back the analyst's latest step in the meeting (refused if it is stale)."""
    return _move(_latest(analyst=analyst, meeting=meeting, undone=False), analyst, undo=True)


@transaction.atomic
def step_redo(*, analyst: AbstractBaseUser, meeting: Meeting) -> StepOutcome:
    """Do again the step the analyst undid last in the meeting (refused if it is stale)."""
    return _move(_latest(analyst=analyst, meeting=meeting, undone=True), analyst, undo=False)
