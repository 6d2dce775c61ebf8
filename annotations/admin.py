from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    AdjudicationDecision,
    Annotation,
    Code,
    CodingScheme,
    MissedOpportunity,
    SchemeAssignment,
    StatementProgress,
    SuggestionDecision,
)


class CodeInline(admin.TabularInline):
    model = Code
    extra = 0
    fields = ["order", "group", "slug", "name", "colour", "shortcut", "statement_level", "retired"]
    show_change_link = True


@admin.register(CodingScheme)
class CodingSchemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "version", "is_default", "created"]
    list_filter = ["is_default"]
    search_fields = ["name", "slug", "description"]
    inlines = [CodeInline]


@admin.register(Code)
class CodeAdmin(SimpleHistoryAdmin):
    list_display = ["slug", "name", "group", "scheme", "shortcut", "statement_level", "retired"]
    list_filter = ["scheme", "group", "statement_level", "retired"]
    search_fields = ["slug", "name", "definition", "example", "keywords"]
    list_select_related = ["scheme"]


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


@admin.register(SchemeAssignment)
class SchemeAssignmentAdmin(admin.ModelAdmin):
    list_display = ["meeting", "scheme"]
    list_filter = ["scheme"]
    search_fields = ["meeting__symbol", "meeting__title", "scheme__name"]
    list_select_related = ["meeting", "scheme"]


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


@admin.register(AdjudicationDecision)
class AdjudicationDecisionAdmin(admin.ModelAdmin):
    list_display = ["annotation", "reviewer", "decision", "reason", "created"]
    list_filter = ["decision", "reviewer"]
    search_fields = ["reason", "annotation__quote", "reviewer__username"]
    list_select_related = ["annotation__code", "reviewer"]
    raw_id_fields = ["annotation"]


# Statement text edits in the admin go through the re-anchoring service.
from . import admin_statements  # noqa: E402, F401
