"""The strict filter backend every list of the API uses.

A query parameter that is not a filter is refused with 400 instead of being silently
ignored. Each FilterSet names its fields one by one: no filter follows a relation
toward users beyond what is written there (free `__` traversal is how Label Studio
leaked password hashes, CVE-2023-47117).
"""

import datetime

import django_filters
from django import forms
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError

# Query parameters every list understands besides its filters.
PAGING_PARAMETERS = frozenset({"page", "page_size", "cursor", "format"})


class StrictFilterBackend(DjangoFilterBackend):
    """django-filter, refusing parameters the view does not know (400, naming them).

    A view may name extra parameters it reads itself in `extra_query_parameters`.
    """

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        known = set(PAGING_PARAMETERS) | set(getattr(view, "extra_query_parameters", ()))
        if filterset_class is not None:
            known |= set(filterset_class.base_filters)
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            raise ValidationError(
                {
                    name: f'"{name}" is not a filter here. Known: {", ".join(sorted(known))}.'
                    for name in unknown[:10]
                }
            )
        return super().filter_queryset(request, queryset, view)


# PostgreSQL's timestamptz takes offsets up to ±15:59; Python's datetime up to ±23:59.
MAX_UTC_OFFSET = datetime.timedelta(hours=15, minutes=59)


class UtcIsoDateTimeField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 date and time with an offset every database takes, read as UTC.

    "2026-01-01T00:00:00+20:00" went to PostgreSQL as it came and was refused there
    (a 500, and an export that had already sent its header); it is a 400 here.
    """

    def to_python(self, value):
        parsed = super().to_python(value)
        if parsed is None:
            return None
        offset = parsed.utcoffset()
        if offset is not None and abs(offset) > MAX_UTC_OFFSET:
            raise forms.ValidationError(
                f"The time zone offset of {value!r} is beyond ±15:59.", code="invalid"
            )
        try:
            return parsed.astimezone(datetime.UTC)
        except (OverflowError, ValueError):
            raise forms.ValidationError(
                f"{value!r} is outside the years 1 to 9999 in UTC.", code="invalid"
            ) from None


class IsoDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcIsoDateTimeField
