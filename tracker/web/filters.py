"""The strict filter backend every list of the API uses.

A query parameter that is not a filter is refused with 400 instead of being silently
ignored. Each FilterSet names its fields one by one: no filter follows a relation
toward users beyond what is written there (free `__` traversal is how Label Studio
leaked password hashes, CVE-2023-47117).
"""

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
