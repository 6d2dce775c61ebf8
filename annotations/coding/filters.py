"""Filters of the annotation and missed-opportunity lists, every field named (see
tracker.web.filters for why).

The annotation filters are shared by the annotation list and every export
(exchange), so a file holds exactly what the list showed.
"""

import django_filters
from django.contrib.auth import get_user_model

from tracker.models import Meeting, Statement
from tracker.web.filters import IsoDateTimeFilter

from ..models import Annotation, Code, MissedOpportunity


def _analysts():
    # Matched by username only: no other user field is reachable from a filter.
    return get_user_model().objects.only("pk", "username")


class AnnotationFilter(django_filters.FilterSet):
    meeting = django_filters.ModelChoiceFilter(
        field_name="statement__meeting", queryset=Meeting.objects.all()
    )
    statement = django_filters.ModelChoiceFilter(queryset=Statement.objects.all())
    code = django_filters.ModelChoiceFilter(queryset=Code.objects.all())
    code_slug = django_filters.CharFilter(field_name="code__slug")
    code_group = django_filters.CharFilter(field_name="code__group")
    analyst = django_filters.ModelChoiceFilter(
        field_name="analyst", to_field_name="username", queryset=_analysts()
    )
    created_after = IsoDateTimeFilter(field_name="created", lookup_expr="gte")
    created_before = IsoDateTimeFilter(field_name="created", lookup_expr="lt")

    class Meta:
        model = Annotation
        fields = [
            "meeting",
            "statement",
            "code",
            "code_slug",
            "code_group",
            "analyst",
            "created_after",
            "created_before",
        ]


class MissedOpportunityFilter(django_filters.FilterSet):
    meeting = django_filters.ModelChoiceFilter(queryset=Meeting.objects.all())
    analyst = django_filters.ModelChoiceFilter(
        field_name="analyst", to_field_name="username", queryset=_analysts()
    )
    code = django_filters.ModelChoiceFilter(field_name="codes", queryset=Code.objects.all())
    code_slug = django_filters.CharFilter(field_name="codes__slug", distinct=True)

    class Meta:
        model = MissedOpportunity
        fields = ["meeting", "analyst", "code", "code_slug"]
