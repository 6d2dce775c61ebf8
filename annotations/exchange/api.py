"""Exchange endpoints: annotations as CSV, JSON Lines and W3C Web Annotation
(streamed, with the filters of the annotation list), REFI-QDA out (a codebook
as .qdc, coded meetings as .qdpx), and a codebook from another tool in.

The views only read the request and call the writer their catalogue entry
names; errors (an unknown filter, a bad value) are JSON 400s like the rest of
the API.
"""

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.models import Meeting
from tracker.web.filters import StrictFilterBackend
from tracker.web.streaming import start_stream

from ..codebook.selectors import scheme_for_meeting
from ..codebook.serializers import CodingSchemeSerializer
from ..coding.filters import AnnotationFilter
from ..coding.memos.selectors import memos_for_export
from ..models import Annotation, Code, CodingScheme
from ..rest import ERROR
from ..roles import CanAdminister
from . import catalog, services
from .refi_qda.reading import parse_codebook
from .refi_qda.schema import NotRefiQda
from .rows import export_rows
from .web_annotation import EXTRA_COLUMNS

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"", "0", "false", "no", "off"}


class AnyAcceptContentNegotiation(DefaultContentNegotiation):
    """A download answers whatever the client accepts; errors come back as JSON."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def attachment(chunks, *, format: catalog.Format) -> StreamingHttpResponse:
    """The download, its query run up to the first rows before the status goes out."""
    body = start_stream(chunks, error_marker=format.error_marker)
    response = StreamingHttpResponse(body, content_type=format.content_type)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    response["Content-Disposition"] = (
        f'attachment; filename="annotations-{stamp}.{format.extension}"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


class AnnotationDownloadView(GenericAPIView):
    queryset = Annotation.objects.live()
    filterset_class = AnnotationFilter
    filter_backends = [StrictFilterBackend]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = AnyAcceptContentNegotiation
    pagination_class = None

    def get_queryset(self):
        # Every download (CSV, JSON Lines, Web Annotation, .qdpx) holds only what the user
        # may see: not others' coding of a blind meeting she has not finished.
        return super().get_queryset().visible_to(self.request.user)

    def filtered(self):
        return self.filter_queryset(self.get_queryset())


def bom_requested(request) -> bool:
    raw = request.query_params.get("bom", "").strip().lower()
    if raw in TRUE_WORDS:
        return True
    if raw in FALSE_WORDS:
        return False
    raise exceptions.ValidationError({"bom": "Use bom=1 (for Excel) or bom=0."})


class AnnotationCsvView(AnnotationDownloadView):
    format = catalog.CSV
    extra_query_parameters = ("bom",)

    @extend_schema(
        summary="Annotations as CSV, one row per annotation (streamed from the database)",
        description=(
            "Takes the annotation list's filters. Cells starting with = + - @, tab or CR "
            "get a leading apostrophe so spreadsheets do not run them as formulas."
        ),
        parameters=[
            OpenApiParameter(
                "bom",
                OpenApiTypes.BOOL,
                description="Start with a UTF-8 byte order mark, so Excel reads accents right.",
            )
        ],
        responses={(200, "text/csv"): OpenApiTypes.STR, 400: ERROR},
    )
    def get(self, request):
        bom = bom_requested(request)
        return attachment(self.format.writer(self.filtered(), bom=bom), format=self.format)


class AnnotationJsonLinesView(AnnotationDownloadView):
    format = catalog.JSON_LINES

    @extend_schema(
        summary="Annotations as JSON Lines, one object per line (streamed)",
        responses={(200, "application/jsonl"): OpenApiTypes.STR, 400: ERROR},
    )
    def get(self, request):
        return attachment(self.format.writer(self.filtered()), format=self.format)


class AnnotationWebAnnotationView(AnnotationDownloadView):
    format = catalog.WEB_ANNOTATION

    @extend_schema(
        summary="Annotations as a W3C Web Annotation collection (JSON-LD, streamed)",
        responses={(200, "application/ld+json"): OpenApiTypes.OBJECT, 400: ERROR},
    )
    def get(self, request):
        annotations = self.filtered()
        base_url = request.build_absolute_uri("/").rstrip("/")
        chunks = self.format.writer(
            export_rows(annotations, EXTRA_COLUMNS),
            base_url=base_url,
            collection_id=request.build_absolute_uri(),
            total=annotations.count(),
        )
        return attachment(chunks, format=self.format)


class CodebookQdcView(APIView):
    format = catalog.REFI_QDA_CODEBOOK
    renderer_classes = [JSONRenderer]
    content_negotiation_class = AnyAcceptContentNegotiation

    @extend_schema(
        summary="A codebook as a REFI-QDA .qdc file (groups as parent codes)",
        parameters=[
            OpenApiParameter(
                "scheme", OpenApiTypes.INT, description="Scheme id (default: the default scheme)."
            )
        ],
        responses={(200, "application/xml"): OpenApiTypes.STR, 400: ERROR},
    )
    def get(self, request):
        unknown = sorted(set(request.query_params) - {"scheme", "format"})
        if unknown:
            raise exceptions.ValidationError({name: "Not a parameter here." for name in unknown})
        field = serializers.PrimaryKeyRelatedField(
            queryset=CodingScheme.objects.all(), required=False
        )
        raw = request.query_params.get("scheme")
        try:
            scheme = (
                field.run_validation(raw)
                if raw is not None
                else CodingScheme.objects.filter(is_default=True).first()
            )
        except exceptions.ValidationError as exc:
            raise exceptions.ValidationError({"scheme": exc.detail}) from None
        if scheme is None:
            raise exceptions.ValidationError({"scheme": "There is no default scheme; name one."})
        if not scheme.codes.exists():
            raise exceptions.ValidationError({"scheme": f'Scheme "{scheme}" has no codes.'})
        response = HttpResponse(self.format.writer([scheme]), content_type=self.format.content_type)
        filename = f"{scheme.slug}-v{scheme.version}.{self.format.extension}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class ProjectQdpxView(AnnotationDownloadView):
    format = catalog.REFI_QDA_PROJECT

    @extend_schema(
        summary="Coded statements as a REFI-QDA project (.qdpx)",
        description=(
            "Takes the annotation list's filters. The project holds every statement of the "
            "meetings involved (the `meeting` filter's, else those of the annotations) as "
            "text sources, the analysts as users, the annotations as codings, and speakers "
            "as cases with their attributes as variables. Positions count Unicode code points. "
            "Memos on the meetings and on the codes (only the `analyst`'s, with that filter) "
            "are notes, referred to by the meetings' sources and by the codes. "
            "The zip is streamed as it is written (each member's sizes in a data "
            "descriptor after its data), with no temporary file; it has no Content-Length."
        ),
        responses={(200, "application/zip"): OpenApiTypes.BINARY, 400: ERROR},
    )
    def get(self, request):
        annotations = self.filtered()
        meeting_id = request.query_params.get("meeting")
        if meeting_id:
            meetings = Meeting.objects.filter(pk=meeting_id)
            scheme_ids = {scheme_for_meeting(meetings.get()).pk}
        else:
            meetings = Meeting.objects.filter(statements__annotations__in=annotations).distinct()
            scheme_ids = set()
        scheme_ids |= set(
            Code.objects.filter(annotations__in=annotations)
            .values_list("scheme_id", flat=True)
            .distinct()
        )
        symbols = list(meetings.values_list("symbol", flat=True)[:2])
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        name = symbols[0] if len(symbols) == 1 else f"Workbench export {stamp}"
        schemes = CodingScheme.objects.filter(pk__in=scheme_ids).order_by("pk")
        chunks = self.format.writer(
            name=name,
            annotations=annotations,
            meetings=meetings,
            schemes=schemes,
            memos=memos_for_export(
                meetings=meetings,
                schemes=schemes,
                author=request.query_params.get("analyst"),
                viewer=request.user,
            ),
        )
        filename = "".join(c if c.isalnum() else "-" for c in name) + f".{self.format.extension}"
        response = StreamingHttpResponse(chunks, content_type=self.format.content_type)
        response["Content-Disposition"] = content_disposition_header(True, filename)
        return response


class CodebookUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="A .qdc codebook or a .qdpx project.")
    name = serializers.CharField(
        required=False, allow_blank=True, max_length=200, help_text="Name of the new scheme."
    )


class CodebookImportView(GenericAPIView):
    permission_classes = [IsAuthenticated, CanAdminister]
    parser_classes = [MultiPartParser, FormParser]
    serializer_class = CodebookUploadSerializer

    @extend_schema(
        summary="Import the codebook of a .qdc or .qdpx file as a new scheme",
        request={"multipart/form-data": CodebookUploadSerializer},
        responses={201: CodingSchemeSerializer, 400: ERROR},
    )
    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        upload = serializer.validated_data["file"]
        try:
            parsed = parse_codebook(upload.read(), filename=upload.name)
        except NotRefiQda as exc:
            raise exceptions.ValidationError({"file": str(exc)}) from None
        scheme = services.codebook_import(
            codebook=parsed, name=serializer.validated_data.get("name", "")
        )
        return Response(CodingSchemeSerializer(scheme).data, status=status.HTTP_201_CREATED)


# The download view of each catalogue format, for exchange.urls.
DOWNLOADS = {
    view.format.key: view
    for view in (
        AnnotationCsvView,
        AnnotationJsonLinesView,
        AnnotationWebAnnotationView,
        CodebookQdcView,
        ProjectQdpxView,
    )
}
