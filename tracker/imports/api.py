"""REST import, preview then commit:

    POST /api/imports/preview/  {"text": "…"} or a multipart "file" → the parse
    POST /api/imports/          the source again, with corrections → the saved meeting

The commit re-parses the source and applies the corrections by statement order, so a
client edits exactly what the preview showed. Only users who may add meetings import.
"""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import permissions, serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.models import Gender, Meeting, SpeakerType
from tracker.web.parsers import JSONParser

from .forms import MAX_UPLOAD_BYTES
from .parsing.catalogue import AUTO, CHOICE_NAMES, KIND_NAMES
from .parsing.corrections import apply_corrections
from .parsing.records import ImportProblem
from .saving import ImportConflict, ImportOutcome, record_save
from .uploads import parse_upload, upload_problem


class CanImport(permissions.BasePermission):
    message = "Only administrators may import meetings."

    def has_permission(self, request, view) -> bool:
        return request.user.has_perm("tracker.add_meeting")


class ImportSourceSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=tuple(dict.fromkeys(CHOICE_NAMES + KIND_NAMES)),
        default=AUTO,
        help_text="auto (the default) detects the kind; the preview says which it found.",
    )
    text = serializers.CharField(
        required=False, allow_blank=True, trim_whitespace=False, max_length=MAX_UPLOAD_BYTES
    )
    file = serializers.FileField(
        required=False, help_text="The record as .txt, .html, or a verbatim record's .pdf."
    )
    symbol = serializers.CharField(required=False, allow_blank=True, max_length=64, default="")
    date = serializers.DateField(required=False, allow_null=True, default=None)
    into_meeting = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=64,
        default="",
        help_text="Add the record (a speech) to the meeting of this symbol.",
    )

    def validate_into_meeting(self, value: str) -> Meeting | None:
        symbol = "".join(value.split()).upper()
        if not symbol:
            return None
        meeting = Meeting.objects.filter(symbol=symbol).first()
        if meeting is None:
            raise serializers.ValidationError(f"No meeting has the symbol {symbol}.")
        return meeting

    def validate(self, attrs):
        text, upload = attrs.get("text") or "", attrs.get("file")
        if upload is not None and text.strip():
            raise serializers.ValidationError({"text": "Send the text or a file, not both."})
        if upload is not None:
            problem = upload_problem(name=upload.name, size=upload.size, head=upload.read(1024))
            if problem:
                raise serializers.ValidationError({"file": problem})
            upload.seek(0)
            attrs["data"], attrs["source_field"] = upload.read(), "file"
        elif text.strip():
            attrs["data"], attrs["source_field"] = text, "text"
        else:
            raise serializers.ValidationError({"text": "Send a meeting record as text or file."})
        return attrs


class MeetingCorrectionSerializer(serializers.Serializer):
    symbol = serializers.CharField(required=False, allow_blank=True, max_length=64)
    body = serializers.CharField(required=False, allow_blank=True, max_length=120)
    session = serializers.CharField(required=False, allow_blank=True, max_length=120)
    meeting_number = serializers.CharField(required=False, allow_blank=True, max_length=120)
    title = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    subtitle = serializers.CharField(required=False, allow_blank=True, max_length=5000)
    date = serializers.DateField(required=False, allow_null=True)
    source_url = serializers.URLField(required=False, allow_blank=True, max_length=500)


class SpeakerSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, allow_blank=True)
    gender = serializers.ChoiceField(choices=Gender.choices, default=Gender.UNKNOWN)
    type = serializers.ChoiceField(choices=SpeakerType.choices, required=False)


class StatementCorrectionSerializer(serializers.Serializer):
    order = serializers.IntegerField(min_value=1, max_value=1_000_000)
    speaker = SpeakerSerializer(required=False, allow_null=True)
    speaker_type = serializers.ChoiceField(choices=SpeakerType.choices, required=False)
    delegation = serializers.CharField(required=False, allow_blank=True, max_length=300)
    role = serializers.CharField(required=False, allow_blank=True, max_length=500)
    on_behalf_of = serializers.CharField(required=False, allow_blank=True, max_length=500)
    segment = serializers.CharField(required=False, allow_blank=True, max_length=1000)
    text = serializers.CharField(
        required=False,
        max_length=MAX_UPLOAD_BYTES,
        help_text="Only for a single speech: the trimmed speech.",
    )


class ImportCommitSerializer(ImportSourceSerializer):
    meeting = MeetingCorrectionSerializer(required=False)
    statements = StatementCorrectionSerializer(many=True, required=False, max_length=5000)
    dry_run = serializers.BooleanField(default=False)

    def validate_statements(self, value):
        orders = [item["order"] for item in value]
        repeated = sorted({o for o in orders if orders.count(o) > 1})
        if repeated:
            raise serializers.ValidationError(f"Statements corrected twice: {repeated}.")
        return value


_PARSE = inline_serializer(
    "ImportPreview",
    {
        "kind": serializers.CharField(),
        "meeting": serializers.DictField(),
        "statements": serializers.ListField(child=serializers.DictField()),
        "notes": serializers.ListField(child=serializers.DictField()),
        "warnings": serializers.ListField(child=serializers.DictField()),
        "source": serializers.CharField(),
        "existing_meeting": serializers.IntegerField(allow_null=True),
    },
)
_OUTCOME = inline_serializer(
    "ImportOutcome",
    {
        "meeting": serializers.DictField(),
        "created": serializers.BooleanField(),
        "dry_run": serializers.BooleanField(),
        "kind": serializers.CharField(),
        "added_from": serializers.CharField(),
        "linked_with": serializers.CharField(),
        "statements": serializers.DictField(child=serializers.IntegerField()),
        "speakers_created": serializers.IntegerField(),
        "warnings": serializers.ListField(child=serializers.DictField()),
    },
)


class ImportPreviewView(APIView):
    permission_classes = [permissions.IsAuthenticated, CanImport]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema(
        request={
            "application/json": ImportSourceSerializer,
            "multipart/form-data": ImportSourceSerializer,
        },
        responses={200: _PARSE, 400: OpenApiResponse(description="Not a release")},
        summary="Parse a meeting record of any kind (text, HTML or PDF); save nothing",
    )
    def post(self, request):
        source = ImportSourceSerializer(data=request.data)
        source.is_valid(raise_exception=True)
        data = source.validated_data
        try:
            release = parse_upload(data["data"], data["kind"], data["symbol"], data["date"])
        except ImportProblem as exc:
            return Response({data["source_field"]: [str(exc)]}, status=status.HTTP_400_BAD_REQUEST)
        existing = Meeting.objects.filter(symbol=release.meeting.symbol).values_list(
            "pk", flat=True
        )
        body = release.as_dict() | {"source": release.source, "existing_meeting": existing.first()}
        return Response(body)


class ImportCommitView(APIView):
    permission_classes = [permissions.IsAuthenticated, CanImport]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    @extend_schema(
        request={
            "application/json": ImportCommitSerializer,
            "multipart/form-data": ImportSourceSerializer,
        },
        responses={
            200: _OUTCOME,
            201: _OUTCOME,
            400: OpenApiResponse(description="Bad input, with field messages"),
            409: OpenApiResponse(description="Annotated statements would change"),
        },
        summary="Import a meeting record of any kind, with the preview's corrections",
    )
    def post(self, request):
        commit = ImportCommitSerializer(data=request.data)
        commit.is_valid(raise_exception=True)
        data = commit.validated_data
        try:
            release = parse_upload(data["data"], data["kind"], data["symbol"], data["date"])
            corrected = apply_corrections(
                release,
                meeting=data.get("meeting") or {},
                statements={item["order"]: _flat(item) for item in data.get("statements", [])},
            )
        except ImportProblem as exc:
            field = "statements" if data.get("statements") else data["source_field"]
            return Response({field: [str(exc)]}, status=status.HTTP_400_BAD_REQUEST)
        try:
            outcome = record_save(
                release=corrected,
                imported_by=request.user,
                dry_run=data["dry_run"],
                into_meeting=data["into_meeting"],
            )
        except ImportConflict as exc:
            return Response(
                {"detail": exc.messages[0], "statements": exc.statements},
                status=status.HTTP_409_CONFLICT,
            )
        code = status.HTTP_201_CREATED if outcome.created and not outcome.dry_run else 200
        return Response(_outcome(outcome), status=code)


def _flat(item: dict) -> dict:
    """The API's nested speaker as the flat corrections the importer takes."""
    fields = {k: v for k, v in item.items() if k not in ("order", "speaker")}
    if "speaker" in item:
        speaker = item["speaker"]
        fields["speaker_name"] = speaker["name"] if speaker else ""
        if speaker:
            fields["gender"] = speaker["gender"]
            if speaker.get("type"):
                fields.setdefault("speaker_type", speaker["type"])
    return fields


def _outcome(outcome: ImportOutcome) -> dict:
    meeting = outcome.meeting
    try:
        url = reverse("workspace", kwargs={"meeting_id": meeting.pk})
    except NoReverseMatch:
        url = ""
    return {
        "meeting": {
            "id": None if outcome.dry_run and outcome.created else meeting.pk,
            "symbol": meeting.symbol,
            "url": "" if outcome.dry_run and outcome.created else url,
        },
        "created": outcome.created,
        "dry_run": outcome.dry_run,
        "kind": outcome.kind,
        "added_from": outcome.added_from,
        "linked_with": outcome.linked_with,
        "statements": {
            "created": outcome.statements_created,
            "updated": outcome.statements_updated,
            "unchanged": outcome.statements_unchanged,
            "removed": outcome.statements_removed,
        },
        "speakers_created": outcome.speakers_created,
        "warnings": [
            {"message": w.message, "statement": w.statement, "field": w.field}
            for w in outcome.warnings
        ],
    }
