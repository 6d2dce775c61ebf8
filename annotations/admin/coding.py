"""Analysts' work in the admin: annotations, missed opportunities, done marks, suggestions."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ..models import Annotation, MissedOpportunity, StatementProgress, SuggestionDecision


@admin.register(Annotation)
class AnnotationAdmin(SimpleHistoryAdmin):
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
    readonly_fields = ["quote", "prefix", "suffix", "version", "created", "updated"]

    @admin.display(description="Quote")
    def short_quote(self, obj):
        return obj.quote[:80]


@admin.register(MissedOpportunity)
class MissedOpportunityAdmin(SimpleHistoryAdmin):
    list_display = ["title", "meeting", "analyst", "created", "deleted_at"]
    list_filter = ["meeting", "analyst"]
    list_select_related = ["meeting", "analyst"]
    search_fields = ["title", "rationale"]
    filter_horizontal = ["codes"]


@admin.register(StatementProgress)
class StatementProgressAdmin(admin.ModelAdmin):
    list_display = ["statement", "analyst", "done_at"]
    list_filter = ["analyst", "statement__meeting"]
    search_fields = ["statement__meeting__symbol", "analyst__username"]
    list_select_related = ["statement__meeting", "statement__speaker", "analyst"]
    raw_id_fields = ["statement"]


@admin.register(SuggestionDecision)
class SuggestionDecisionAdmin(admin.ModelAdmin):
    list_display = ["code", "statement", "analyst", "decision", "created"]
    list_filter = ["decision", "code"]
    search_fields = ["code__slug", "statement__meeting__symbol", "analyst__username"]
    list_select_related = ["code", "statement__meeting", "statement__speaker", "analyst"]
    raw_id_fields = ["statement", "annotation"]
