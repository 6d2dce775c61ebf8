"""What the admin pages of this app share: the work records no administrator changes,
and forms that save through a service and show its refusals on the form."""

import copy

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from tracker.admin import ReadOnlyHistoryAdmin


def refusal_text(error: ValidationError | PermissionDenied) -> str:
    """A service's refusal as one line for a message."""
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)


class WorkRecordAdmin(admin.ModelAdmin):
    """An analyst's or a reviewer's work, readable in the admin and changed nowhere here.

    The services let only the analyst who owns a record change or soft-delete it and
    only a reviewer adjudicate, never on anyone's behalf; so the admin shows these
    records and their history, and adds, changes and deletes none of them.
    """

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class WorkRecordHistoryAdmin(WorkRecordAdmin, ReadOnlyHistoryAdmin):
    """A work record with a history to read (never to revert)."""


class _TrialOver(Exception):
    """Ends a trial run so that its transaction is rolled back."""


def trial_run(write) -> None:
    """Call `write` and undo whatever it wrote: the service's refusals without its writes."""
    try:
        with transaction.atomic():
            write()
            raise _TrialOver
    except _TrialOver:
        pass


def add_refusal(form: forms.Form, error: ValidationError | PermissionDenied) -> None:
    """Show a service's refusal on the form, on the field it names where the form has it."""
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, refusal_text(error))


class ServiceForm(forms.ModelForm):
    """A ModelForm that writes through a service instead of `save()`.

    Once the form's own fields are valid, its cleaning runs the write as a trial in a
    transaction that is rolled back, so whatever the service refuses is shown on the
    form and nothing is written; the admin's save then makes the same call for real.
    """

    def write(self, *, trial: bool):
        raise NotImplementedError

    def ready_for_trial(self) -> bool:
        return True

    def _post_clean(self):
        super()._post_clean()
        if self._errors or not self.has_changed() or self.cleaned_data.get("DELETE"):
            return
        if not self.ready_for_trial():
            return
        try:
            trial_run(lambda: self.write(trial=True))
        except (ValidationError, PermissionDenied) as error:
            add_refusal(self, error)


class ChangesForm(ServiceForm):
    """For a service called as `service(*, <target>=stored instance, changes={...})`.

    The service compares the changes with the instance as stored (a used code's slug,
    say), so it gets a fresh copy, never the form's instance that already holds them.
    """

    target = ""

    @staticmethod
    def service(**kwargs):
        raise NotImplementedError

    def _changes(self) -> dict:
        names = {f.name for f in self._meta.model._meta.concrete_fields if not f.primary_key}
        fields = self.fields if self.instance.pk is None else self.changed_data
        return {n: self.cleaned_data[n] for n in fields if n in names and n in self.cleaned_data}

    def write(self, *, trial: bool):
        if self.instance.pk is None:
            stored = copy.copy(self.instance) if trial else self.instance
        else:
            stored = self._meta.model._default_manager.get(pk=self.instance.pk)
        saved = self.service(**{self.target: stored, "changes": self._changes()})
        if not trial and saved is not self.instance:
            self.instance.refresh_from_db()
        return self.instance
