"""The report over the REST API: the same figures as the page, as JSON.

GET /api/meetings/<id>/report/?analyst=&source=&threshold=&quotes=
GET /api/reports/compare/?meetings=1,2&analyst=&source=

A bad parameter is a 400 naming it (tracker.web.errors turns the reports'
ValidationError into DRF's field messages); an unknown meeting a 404. A meeting
with nothing coded in the chosen source is a 400 too, with the reason: a client
gets no page of zeros it could mistake for findings. One analyst alone is a
report (agreement.computable is false, with the reason).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.models import Meeting

from .compare import meeting_comparison
from .meeting import meeting_report
from .options import (
    COMPARISON_PARAMETERS,
    DEFAULT_QUOTES,
    DEFAULT_THRESHOLD,
    MAX_QUOTES,
    REPORT_PARAMETERS,
    SOURCES,
    refuse_unknown_parameters,
)
from .tables import comparison_as_dict, report_as_dict

ANALYST = OpenApiParameter(
    "analyst", OpenApiTypes.STR, description="Username: count only this analyst's annotations."
)
SOURCE = OpenApiParameter(
    "source",
    OpenApiTypes.STR,
    enum=list(SOURCES),
    description='"all" analysts together (default), one "analyst", or the "adjudicated" set.',
)
THRESHOLD = OpenApiParameter(
    "threshold",
    OpenApiTypes.NUMBER,
    description=f"Missed-opportunity candidates: codes addressed by fewer than this percentage "
    f"of speakers (0–100, default {DEFAULT_THRESHOLD:g}).",
)
QUOTES = OpenApiParameter(
    "quotes",
    OpenApiTypes.INT,
    description=f"Quotes per code (0–{MAX_QUOTES}, default {DEFAULT_QUOTES}).",
)
MEETINGS = OpenApiParameter(
    "meetings",
    OpenApiTypes.STR,
    required=True,
    description="Ids of the meetings to compare, separated by commas: 1,2.",
)
BAD_PARAMETER = OpenApiResponse(description="A bad parameter, with a message naming it.")


class QuoteSerializer(serializers.Serializer):
    annotation_id = serializers.IntegerField()
    statement_id = serializers.IntegerField()
    statement_order = serializers.IntegerField()
    speaker = serializers.CharField()
    delegation = serializers.CharField()
    analyst = serializers.CharField()
    quote = serializers.CharField()
    url = serializers.CharField(help_text="The passage in the meeting's workspace.")


class CodeCoverageSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    group = serializers.CharField()
    group_name = serializers.CharField()
    statements = serializers.IntegerField(help_text="Statements coded with the code.")
    speakers = serializers.IntegerField(help_text="Distinct speakers who addressed it.")
    delegations = serializers.IntegerField()
    share_of_speakers = serializers.FloatField(
        allow_null=True, help_text="Percentage of the meeting's speakers (0–100)."
    )
    share_of_statements = serializers.FloatField(allow_null=True)
    by_speaker_type = serializers.DictField(child=serializers.IntegerField())
    by_gender = serializers.DictField(child=serializers.IntegerField())
    delegation_names = serializers.ListField(child=serializers.CharField())
    quotes = QuoteSerializer(many=True)


class AgreementCodeSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    units = serializers.IntegerField(help_text="Statements of the meeting (the units).")
    statements_with_code = serializers.IntegerField()
    statements_coded = serializers.DictField(child=serializers.IntegerField())
    percent_agreement = serializers.FloatField(allow_null=True, help_text="0–100.")
    cohen_kappa = serializers.FloatField(allow_null=True, help_text="Two analysts only.")
    krippendorff_alpha = serializers.FloatField(allow_null=True, help_text="Nominal.")
    rare = serializers.BooleanField()
    warning = serializers.CharField()
    disagreements = serializers.ListField(child=serializers.DictField())


class AgreementSerializer(serializers.Serializer):
    computable = serializers.BooleanField()
    reason = serializers.CharField(help_text="Why agreement is not computable, if it is not.")
    analysts = serializers.ListField(child=serializers.DictField())
    units = serializers.IntegerField()
    rare_minimum = serializers.IntegerField()
    codes = AgreementCodeSerializer(many=True)


class MeetingReportSerializer(serializers.Serializer):
    meeting = serializers.DictField()
    source = serializers.ChoiceField(choices=list(SOURCES))
    source_label = serializers.CharField()
    analyst = serializers.CharField(allow_null=True)
    threshold = serializers.FloatField()
    quotes_per_code = serializers.IntegerField()
    analysts_available = serializers.ListField(child=serializers.CharField())
    warnings = serializers.ListField(child=serializers.CharField())
    overview = serializers.DictField()
    groups = serializers.ListField(child=serializers.DictField())
    codes = CodeCoverageSerializer(many=True)
    sections = serializers.ListField(child=serializers.DictField())
    claims = serializers.ListField(child=serializers.DictField())
    missed_opportunities = serializers.DictField()
    co_occurrence = serializers.DictField()
    agreement = AgreementSerializer()
    suggestions = serializers.ListField(child=serializers.DictField())


class MeetingComparisonSerializer(serializers.Serializer):
    meetings = serializers.ListField(
        child=serializers.DictField(), help_text="Each with its record_kind."
    )
    rows = serializers.ListField(child=serializers.DictField())
    warnings = serializers.ListField(
        child=serializers.CharField(),
        help_text="Said when the meetings were coded from different kinds of record.",
    )
    source = serializers.ChoiceField(choices=list(SOURCES))
    source_label = serializers.CharField()
    analyst = serializers.CharField(allow_null=True)


class MeetingReportView(APIView):
    @extend_schema(
        summary="A meeting's report",
        parameters=[ANALYST, SOURCE, THRESHOLD, QUOTES],
        responses={
            200: MeetingReportSerializer,
            400: OpenApiResponse(
                description="A bad parameter, or nothing coded in the chosen source yet, "
                "with a message naming it."
            ),
            404: None,
        },
    )
    def get(self, request: Request, meeting_id: int) -> Response:
        meeting = get_object_or_404(Meeting, pk=meeting_id)
        refuse_unknown_parameters(request.query_params, REPORT_PARAMETERS)
        report = meeting_report(
            meeting=meeting,
            analyst=request.query_params.get("analyst"),
            source=request.query_params.get("source"),
            threshold=request.query_params.get("threshold"),
            quotes=request.query_params.get("quotes"),
            viewer=request.user,
        )
        if report.overview.annotations == 0:
            reason = report.warnings[0] if report.warnings else "Nothing is coded yet."
            raise ValidationError({"meeting": f"No report yet for {meeting.symbol}: {reason}"})
        return Response(report_as_dict(report))


class MeetingComparisonView(APIView):
    @extend_schema(
        summary="Coverage per code across meetings",
        parameters=[MEETINGS, ANALYST, SOURCE],
        responses={200: MeetingComparisonSerializer, 400: BAD_PARAMETER},
    )
    def get(self, request: Request) -> Response:
        refuse_unknown_parameters(request.query_params, COMPARISON_PARAMETERS)
        comparison = meeting_comparison(
            meetings=",".join(request.query_params.getlist("meetings")),
            analyst=request.query_params.get("analyst"),
            source=request.query_params.get("source"),
            viewer=request.user,
        )
        return Response(comparison_as_dict(comparison))
