"""Filters of the meeting record's API, every field named (tracker.web.filters says why)."""

import django_filters
from django.db.models import Q

from tracker.models import Gender, Meeting, RecordKind, Speaker, SpeakerType, Statement


class MeetingFilter(django_filters.FilterSet):
    symbol = django_filters.CharFilter(field_name="symbol", lookup_expr="iexact")
    body = django_filters.CharFilter(field_name="body", lookup_expr="icontains")
    date_after = django_filters.DateFilter(field_name="date", lookup_expr="gte")
    date_before = django_filters.DateFilter(field_name="date", lookup_expr="lte")
    record_kind = django_filters.ChoiceFilter(field_name="record_kind", choices=RecordKind.choices)
    text = django_filters.CharFilter(
        method="filter_text", label="Words in symbol, title or summary"
    )

    class Meta:
        model = Meeting
        fields = ["symbol", "body", "date_after", "date_before", "record_kind", "text"]

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(symbol__icontains=value)
            | Q(title__icontains=value)
            | Q(subtitle__icontains=value)
            | Q(summary__icontains=value)
        )


class SpeakerFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(field_name="name", lookup_expr="icontains")
    gender = django_filters.ChoiceFilter(field_name="gender", choices=Gender.choices)

    class Meta:
        model = Speaker
        fields = ["name", "gender"]


class StatementFilter(django_filters.FilterSet):
    meeting = django_filters.ModelChoiceFilter(queryset=Meeting.objects.all())
    segment = django_filters.CharFilter(field_name="segment", lookup_expr="iexact")
    speaker = django_filters.ModelChoiceFilter(queryset=Speaker.objects.all())
    delegation = django_filters.CharFilter(field_name="delegation", lookup_expr="icontains")
    speaker_type = django_filters.ChoiceFilter(
        field_name="speaker_type", choices=SpeakerType.choices
    )
    gender = django_filters.ChoiceFilter(method="filter_gender", choices=Gender.choices)
    text = django_filters.CharFilter(field_name="text", lookup_expr="icontains")

    class Meta:
        model = Statement
        fields = ["meeting", "segment", "speaker", "delegation", "speaker_type", "gender", "text"]

    def filter_gender(self, queryset, name, value):
        # A named speaker's gender is the speaker's; "The representative of X" has the one
        # the record's pronouns give, kept on the statement (unknown when it says none).
        return queryset.filter(Q(speaker__gender=value) | Q(speaker__isnull=True, gender=value))
