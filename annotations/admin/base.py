"""What the admin pages of this app share: the work records no administrator changes,
and forms that save through a service and show its refusals on the form."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError

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
