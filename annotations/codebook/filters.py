"""Filters of the scheme and code lists, every field named (see tracker.web.filters for why)."""

import django_filters

from ..models import Code, CodingScheme


class CodingSchemeFilter(django_filters.FilterSet):
    slug = django_filters.CharFilter(field_name="slug")
    is_default = django_filters.BooleanFilter(field_name="is_default")

    class Meta:
        model = CodingScheme
        fields = ["slug", "is_default"]


class CodeFilter(django_filters.FilterSet):
    scheme = django_filters.ModelChoiceFilter(queryset=CodingScheme.objects.all())
    slug = django_filters.CharFilter(field_name="slug")
    group = django_filters.CharFilter(field_name="group")
    statement_level = django_filters.BooleanFilter(field_name="statement_level")
    retired = django_filters.BooleanFilter(field_name="retired")

    class Meta:
        model = Code
        fields = ["scheme", "slug", "group", "statement_level", "retired"]
