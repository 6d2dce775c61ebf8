"""REST API of the meeting record: meetings, their statements and speakers.

Read-only here: meetings arrive through the importer and fixtures, and text
changes go through the services that keep annotations anchored.
"""

from django.db.models import Count
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from tracker.models import Meeting, Speaker, Statement
from tracker.web.filters import StrictFilterBackend
from tracker.web.pagination import PageNumberOrKeysetPagination

from .filters import MeetingFilter, SpeakerFilter, StatementFilter
from .serializers import MeetingSerializer, SpeakerSerializer, StatementSerializer


@extend_schema_view(
    list=extend_schema(summary="Meetings, newest first, with their statement counts"),
)
class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Meeting.objects.with_statement_counts().order_by("-date", "symbol", "id")
    serializer_class = MeetingSerializer
    filter_backends = [StrictFilterBackend]
    filterset_class = MeetingFilter


class StatementPagination(PageNumberOrKeysetPagination):
    # Reading order; statement_order_unique (meeting_id, "order") serves the key range.
    keys = ("meeting_id", "order")


@extend_schema_view(
    list=extend_schema(summary="Statements in reading order, with their speakers"),
)
class StatementViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Statement.objects.in_reading_order()
    serializer_class = StatementSerializer
    pagination_class = StatementPagination
    filter_backends = [StrictFilterBackend]
    filterset_class = StatementFilter


class SpeakerViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Speaker.objects.annotate(statement_count=Count("statements")).order_by("name", "id")
    serializer_class = SpeakerSerializer
    filter_backends = [StrictFilterBackend]
    filterset_class = SpeakerFilter
