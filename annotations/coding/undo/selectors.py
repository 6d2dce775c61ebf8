"""The undo history the workspace starts from: the analyst's steps in a meeting."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser

from tracker.models import Meeting

from ...models import UndoStep
from .steps import LIMIT


def undo_history(*, meeting: Meeting, analyst: AbstractBaseUser) -> dict[str, list[dict]]:
    """{"undo": steps to undo, latest first; "redo": steps to redo, next first}. 1 query."""
    if not analyst.is_authenticated:
        return {"undo": [], "redo": []}
    steps = (
        UndoStep.objects.filter(meeting=meeting, analyst=analyst)
        .order_by("-id")
        .values("id", "label", "undone", "created")[: LIMIT * 2]
    )
    history: dict[str, list[dict]] = {"undo": [], "redo": []}
    for step in steps:
        entry = {"id": step["id"], "label": step["label"], "created": step["created"].isoformat()}
        history["redo" if step["undone"] else "undo"].append(entry)
    history["redo"].reverse()
    return history
