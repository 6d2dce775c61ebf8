"""Codebooks in the admin: schemes, their codes, and which meeting is coded with which.

Every write goes through the codebook services, with their refusals on the form: a
code used by annotations keeps its scheme, slug and kind (code_save), a code's group is
one of its scheme's, a scheme's groups keep their shape (scheme_save), and a meeting
that has been coded keeps its scheme (scheme_assign).
"""

import copy

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from tracker.admin import ReadOnlyHistoryAdmin

from ..codebook.services import (
    code_delete,
    code_save,
    scheme_assign,
    scheme_delete,
    scheme_save,
)
from ..models import Code, CodingScheme, SchemeAssignment
from .base import ChangesForm, ServiceForm, refusal_text, trial_run


class CodeForm(ChangesForm):
    target = "code"
    service = staticmethod(code_save)

    def ready_for_trial(self) -> bool:
        # A code row of a scheme whose own form is refused waits until the scheme is right.
        return self.instance.scheme_id is not None or _saved_for_trial(self.instance.scheme)

    def _changes(self) -> dict:
        changes = super()._changes()
        scheme = changes.get("scheme")
        if scheme is not None and scheme.pk is None:
            # A row of the add page: its scheme, with the groups submitted on the same
            # page, is saved first inside the trial (and never outside it).
            changes["scheme"] = scheme_save(scheme=copy.copy(scheme), changes={})
        return changes


def _saved_for_trial(scheme: CodingScheme) -> bool:
    """Whether scheme_save accepts the new scheme of the add page (its form says why not)."""
    try:
        trial_run(lambda: scheme_save(scheme=copy.copy(scheme), changes={}))
    except ValidationError:
        return False
    return True


class SchemeForm(ChangesForm):
    target = "scheme"
    service = staticmethod(scheme_save)


class CodeInline(admin.TabularInline):
    model = Code
    form = CodeForm
    extra = 0
    fields = ["order", "group", "slug", "name", "colour", "shortcut", "statement_level", "retired"]
    show_change_link = True


def _save_codes(formset) -> None:
    """The scheme page's code rows, through code_delete and code_save."""
    formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
    deleted = formset.deleted_forms
    for row in deleted:
        if row.instance.pk is not None:
            code_delete(code=row.instance)
            formset.deleted_objects.append(row.instance)
    for row in formset.forms:
        if row in deleted or not row.has_changed():
            continue
        if row.instance.pk is None:
            formset.new_objects.append(row.write(trial=False))
        else:
            formset.changed_objects.append((row.write(trial=False), row.changed_data))


@admin.register(CodingScheme)
class CodingSchemeAdmin(admin.ModelAdmin):
    form = SchemeForm
    list_display = ["name", "slug", "version", "is_default", "created"]
    list_filter = ["is_default"]
    search_fields = ["name", "slug", "description"]
    inlines = [CodeInline]

    def save_model(self, request, obj, form, change):
        form.write(trial=False)

    def save_formset(self, request, form, formset, change):
        if formset.model is Code:
            _save_codes(formset)
        else:
            super().save_formset(request, form, formset, change)

    def delete_model(self, request, obj):
        scheme_delete(scheme=obj)

    def delete_queryset(self, request, queryset):
        for scheme in queryset:
            scheme_delete(scheme=scheme)


@admin.register(Code)
class CodeAdmin(ReadOnlyHistoryAdmin):
    form = CodeForm
    list_display = ["slug", "name", "group", "scheme", "shortcut", "statement_level", "retired"]
    list_filter = ["scheme", "group", "statement_level", "retired"]
    search_fields = ["slug", "name", "definition", "example", "keywords"]
    list_select_related = ["scheme"]

    def save_model(self, request, obj, form, change):
        form.write(trial=False)

    def delete_model(self, request, obj):
        code_delete(code=obj)

    def delete_queryset(self, request, queryset):
        for code in queryset:
            code_delete(code=code)


class SchemeAssignmentForm(ServiceForm):
    def write(self, *, trial: bool):
        meeting = self.cleaned_data.get("meeting") or self.instance.meeting
        return scheme_assign(meeting=meeting, scheme=self.cleaned_data["scheme"])


@admin.register(SchemeAssignment)
class SchemeAssignmentAdmin(admin.ModelAdmin):
    form = SchemeAssignmentForm
    list_display = ["meeting", "scheme"]
    list_filter = ["scheme"]
    search_fields = ["meeting__symbol", "meeting__title", "scheme__name"]
    list_select_related = ["meeting", "scheme"]

    def get_readonly_fields(self, request, obj=None):
        # Moving an assignment to another meeting would change two meetings' schemes.
        return ["meeting"] if obj is not None else []

    def get_actions(self, request):
        # Unassigning goes one meeting at a time, where a refusal can be shown.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def save_model(self, request, obj, form, change):
        obj.pk = form.write(trial=False).pk

    def delete_view(self, request, object_id, extra_context=None):
        assignment = self.get_object(request, object_id)
        if request.method == "POST" and assignment is not None:
            try:
                trial_run(lambda: scheme_assign(meeting=assignment.meeting, scheme=None))
            except ValidationError as error:
                self.message_user(request, refusal_text(error), messages.ERROR)
                return redirect("admin:annotations_schemeassignment_change", assignment.pk)
        return super().delete_view(request, object_id, extra_context)

    def delete_model(self, request, obj):
        scheme_assign(meeting=obj.meeting, scheme=None)
