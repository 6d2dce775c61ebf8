from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    CountryGroup,
    CountryGroupMembership,
    Delegation,
    DelegationAlias,
    FixtureJob,
    ImportJob,
    Meeting,
    Speaker,
    Statement,
)


class ReadOnlyHistoryAdmin(SimpleHistoryAdmin):
    """History to read, never to revert.

    django-simple-history's "Revert" saves an old version straight into the row: no
    re-anchoring of a statement's annotations, no service rule, no version bump. Its
    history pages stay readable; a POST to one is refused whatever the form holds.
    """

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied("Records are not reverted from their history in the admin.")
        return super().history_form_view(request, object_id, version_id, extra_context)


def has_work(statement: Statement) -> bool:
    """Whether any record refers to the statement (annotations, done marks, …).

    Found through the model's relations, as the re-import's refusal finds them, so the
    meeting record needs to know nothing about the apps that work on it.
    """
    return any(
        relation.related_model._base_manager.filter(**{relation.field.name: statement}).exists()
        for relation in Statement._meta.related_objects
    )


class StatementForm(forms.ModelForm):
    """A statement's own page. Once its meeting is read-only (see StatementAdmin), the
    form no longer checks the meeting's orders itself, so its order is checked here."""

    def clean_order(self):
        order = self.cleaned_data["order"]
        if "meeting" not in self.fields and self.instance.meeting_id is not None:
            taken = Statement.objects.filter(meeting_id=self.instance.meeting_id, order=order)
            if taken.exclude(pk=self.instance.pk).exists():
                raise forms.ValidationError(
                    f"{self.instance.meeting.symbol} has a statement #{order} already."
                )
        return order


class StatementInline(admin.TabularInline):
    model = Statement
    extra = 0
    fields = ["order", "segment", "speaker", "delegation", "speaker_type", "text"]
    # The speaker is set on the statement's own page: an editable widget here would
    # look each row's speaker up separately.
    readonly_fields = ["speaker"]
    show_change_link = True

    def get_queryset(self, request):
        # Each row's title and speaker label read the meeting and the speaker.
        return super().get_queryset(request).select_related("meeting", "speaker")


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["symbol", "date", "body", "record_kind", "meeting_number", "statement_count"]
    list_filter = ["record_kind", "body", "date"]
    raw_id_fields = ["same_meeting_as"]
    search_fields = ["symbol", "title", "subtitle", "summary"]
    date_hierarchy = "date"
    inlines = [StatementInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return super().get_queryset(request).with_statement_counts()

    @admin.display(ordering="statement_count", description="Statements")
    def statement_count(self, obj):
        return obj.statement_count


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "gender"]
    list_filter = ["gender"]
    search_fields = ["name"]


@admin.register(Statement)
class StatementAdmin(ReadOnlyHistoryAdmin):
    list_display = [
        "meeting",
        "order",
        "segment",
        "speaker",
        "delegation",
        "speaker_type",
        "first_words",
    ]
    list_filter = ["speaker_type", "segment", "meeting", "speaker__gender"]
    search_fields = ["text", "delegation", "speaker__name", "meeting__symbol"]
    list_select_related = ["meeting", "speaker"]
    raw_id_fields = ["speaker"]
    ordering = ["meeting", "order"]
    form = StatementForm

    def get_readonly_fields(self, request, obj=None):
        # Work on a statement belongs to its meeting: the meeting's scheme, its progress
        # and its report. Moved elsewhere, it would be coded with another meeting's scheme.
        fixed = ["meeting"] if obj is not None and has_work(obj) else []
        return [*super().get_readonly_fields(request, obj), *fixed]

    @admin.display(description="Text")
    def first_words(self, obj):
        return obj.text[:80] + ("…" if len(obj.text) > 80 else "")


class DelegationAliasInline(admin.TabularInline):
    model = DelegationAlias
    extra = 0
    fields = ["name"]


@admin.register(Delegation)
class DelegationAdmin(admin.ModelAdmin):
    """The delegations and the printed names that stand for them (aliases)."""

    list_display = ["name", "slug", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "slug", "aliases__name"]
    inlines = [DelegationAliasInline]


@admin.register(DelegationAlias)
class DelegationAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "delegation"]
    list_filter = ["delegation__kind"]
    list_select_related = ["delegation"]
    search_fields = ["name", "delegation__name"]
    autocomplete_fields = ["delegation"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown, never written here: the records' own pages write them through their
    services (which keep the shipped country groups as shipped)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class MembershipInline(admin.TabularInline):
    model = CountryGroupMembership
    extra = 0
    fields = ["delegation", "first_year", "last_year"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("delegation")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CountryGroup)
class CountryGroupAdmin(ReadOnlyAdmin):
    """Country groups are defined on /monitoring/groups/ (country_group_save)."""

    list_display = ["name", "slug", "shipped", "created_by"]
    list_filter = ["shipped"]
    list_select_related = ["created_by"]
    search_fields = ["name", "slug", "description"]
    fields = ["name", "slug", "description", "shipped", "created_by"]
    inlines = [MembershipInline]


@admin.register(CountryGroupMembership)
class CountryGroupMembershipAdmin(ReadOnlyAdmin):
    list_display = ["group", "delegation", "first_year", "last_year"]
    list_filter = ["group"]
    list_select_related = ["group", "delegation"]
    search_fields = ["group__name", "delegation__name"]


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    """Background imports, to look at: the worker writes them, nobody edits them."""

    list_display = ["pk", "mode", "status", "created_by", "created", "total", "refused"]
    list_filter = ["status", "mode", "dry_run", "keep_going"]
    search_fields = ["created_by__username", "message", "upload_names"]
    list_select_related = ["created_by"]
    exclude = ["upload"]  # the files themselves, until the job has run
    date_hierarchy = "created"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(FixtureJob)
class FixtureJobAdmin(admin.ModelAdmin):
    """Fixture checks and loads in the background, to look at: the worker writes them.
    Each administrator sees the jobs they started (a superuser every job), as on the
    job pages (FixtureJob.objects.for_user)."""

    list_display = [
        "pk",
        "name",
        "mode",
        "status",
        "phase",
        "done",
        "total",
        "created_by",
        "created",
    ]
    list_filter = ["status", "mode"]
    search_fields = ["name", "created_by__username", "message"]
    list_select_related = ["created_by"]
    exclude = ["upload"]  # the file itself
    date_hierarchy = "created"

    def get_queryset(self, request):
        return super().get_queryset(request).for_user(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
