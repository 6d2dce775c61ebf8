"""Filters of the memo list, every field named (see tracker.web.filters for why)."""

import django_filters
from django.contrib.auth import get_user_model

from tracker.models import Meeting

from ...models import Code, Memo


class MemoFilter(django_filters.FilterSet):
    meeting = django_filters.ModelChoiceFilter(queryset=Meeting.objects.all())
    code = django_filters.ModelChoiceFilter(queryset=Code.objects.all())
    code_slug = django_filters.CharFilter(field_name="code__slug")
    # Matched by username only: no other user field is reachable from a filter.
    author = django_filters.ModelChoiceFilter(
        to_field_name="username", queryset=get_user_model().objects.only("pk", "username")
    )

    class Meta:
        model = Memo
        fields = ["meeting", "code", "code_slug", "author"]
