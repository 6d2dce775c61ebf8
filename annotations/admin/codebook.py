"""Codebooks in the admin: schemes, their codes, and which meeting is coded with which."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from ..models import Code, CodingScheme, SchemeAssignment


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


@admin.register(SchemeAssignment)
class SchemeAssignmentAdmin(admin.ModelAdmin):
    list_display = ["meeting", "scheme"]
    list_filter = ["scheme"]
    search_fields = ["meeting__symbol", "meeting__title", "scheme__name"]
    list_select_related = ["meeting", "scheme"]
