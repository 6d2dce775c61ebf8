"""Analysts' work in the admin: annotations, missed opportunities, done marks, suggestions.

All of it is read-only here (see WorkRecordAdmin): offsets, quotes, codes, memos and
owners change only through the analyst's own workspace or API, which call the services.
What an administrator may do to this work — restore a deleted annotation — is an action
that calls the same service as the API.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError

from ..coding.services import annotation_restore
from ..models import (
    Annotation,
    BlindCoding,
    CodingAssignment,
    Memo,
    MissedOpportunity,
    StatementProgress,
    SuggestionDecision,
    UndoStep,
)
from ..roles import can_restore
from .base import WorkRecordAdmin, WorkRecordHistoryAdmin, refusal_text


@admin.register(Annotation)
class AnnotationAdmin(WorkRecordHistoryAdmin):
    list_display = [
        "id",
        "code",
        "analyst",
        "statement",
        "start",
        "end",
        "short_quote",
        "deleted_at",
    ]
    list_filter = ["code__scheme", "code__group", "code", "analyst", "needs_review", "source"]
    search_fields = ["quote", "memo", "statement__meeting__symbol", "analyst__username"]
    list_select_related = ["code", "analyst", "statement__meeting", "statement__speaker"]
    raw_id_fields = ["statement", "code", "analyst", "deleted_by"]
    actions = ["restore_annotations"]

    @admin.display(description="Quote")
    def short_quote(self, obj):
        return obj.quote[:80]

    def has_restore_permission(self, request):
        return can_restore(request.user)

    @admin.action(description="Restore the selected deleted annotations", permissions=["restore"])
    def restore_annotations(self, request, queryset):
        restored = 0
        for annotation in queryset.order_by("pk"):
            try:
                annotation_restore(annotation=annotation, actor=request.user)
            except (ValidationError, PermissionDenied) as error:
                text = f"Annotation {annotation.pk}: {refusal_text(error)}"
                self.message_user(request, text, messages.ERROR)
            else:
                restored += 1
        if restored:
            self.message_user(request, f"Restored {restored} annotation(s).", messages.SUCCESS)


@admin.register(MissedOpportunity)
class MissedOpportunityAdmin(WorkRecordHistoryAdmin):
    list_display = ["title", "meeting", "analyst", "created", "deleted_at"]
    list_filter = ["meeting", "analyst"]
    list_select_related = ["meeting", "analyst"]
    search_fields = ["title", "rationale"]


@admin.register(Memo)
class MemoAdmin(WorkRecordHistoryAdmin):
    list_display = ["__str__", "meeting", "code", "author", "created", "deleted_at"]
    list_filter = ["author", "code__scheme"]
    list_select_related = ["meeting", "code", "author"]
    search_fields = ["title", "text", "meeting__symbol", "code__slug", "author__username"]
    raw_id_fields = ["meeting", "code", "author", "deleted_by"]


@admin.register(StatementProgress)
class StatementProgressAdmin(WorkRecordAdmin):
    list_display = ["statement", "analyst", "done_at"]
    list_filter = ["analyst", "statement__meeting"]
    search_fields = ["statement__meeting__symbol", "analyst__username"]
    list_select_related = ["statement__meeting", "statement__speaker", "analyst"]


@admin.register(SuggestionDecision)
class SuggestionDecisionAdmin(WorkRecordAdmin):
    list_display = ["code", "statement", "analyst", "decision", "created"]
    list_filter = ["decision", "code"]
    search_fields = ["code__slug", "statement__meeting__symbol", "analyst__username"]
    list_select_related = ["code", "statement__meeting", "statement__speaker", "analyst"]


@admin.register(CodingAssignment)
class CodingAssignmentAdmin(WorkRecordHistoryAdmin):
    """Read here; assigned and withdrawn on the assignment page (/meetings/assignments/)."""

    list_display = ["meeting", "analyst", "assigned_by", "created"]
    list_filter = ["analyst"]
    search_fields = ["meeting__symbol", "analyst__username"]
    list_select_related = ["meeting", "analyst", "assigned_by"]


@admin.register(UndoStep)
class UndoStepAdmin(WorkRecordAdmin):
    """The workspace's undo history, read-only: steps are logged and undone there."""

    list_display = ["label", "analyst", "meeting", "undone", "created"]
    list_filter = ["undone", "analyst"]
    search_fields = ["label", "meeting__symbol", "analyst__username"]
    list_select_related = ["analyst", "meeting"]


@admin.register(BlindCoding)
class BlindCodingAdmin(WorkRecordHistoryAdmin):
    """Read here, with its history; switched on the assignment page or over the API."""

    list_display = ["meeting", "enabled", "changed_by", "updated"]
    list_filter = ["enabled"]
    search_fields = ["meeting__symbol"]
    list_select_related = ["meeting", "changed_by"]
