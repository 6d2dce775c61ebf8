"""Download endpoints: annotations as CSV, JSON Lines and W3C Web Annotation,
streamed, with the filters of the annotation list.

The views only read the request and pick a writer from annotations.export;
errors (an unknown filter, a bad value) are JSON 400s like the rest of the API.
"""

from django.http import StreamingHttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions
from rest_framework.generics import GenericAPIView
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import JSONRenderer

from tracker.web.filters import StrictFilterBackend

from . import export
from .export.web_annotation import EXTRA_COLUMNS
from .filters import AnnotationFilter
from .models import Annotation

ERROR = OpenApiResponse(description="Bad input: field messages.")
TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"", "0", "false", "no", "off"}


class AnyAcceptContentNegotiation(DefaultContentNegotiation):
    """A download answers whatever the client accepts; errors come back as JSON."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


def attachment(chunks, *, content_type: str, extension: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(chunks, content_type=content_type)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    response["Content-Disposition"] = f'attachment; filename="annotations-{stamp}.{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


class AnnotationDownloadView(GenericAPIView):
    queryset = Annotation.objects.live()
    filterset_class = AnnotationFilter
    filter_backends = [StrictFilterBackend]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = AnyAcceptContentNegotiation
    pagination_class = None

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
    extra_query_parameters = ("bom",)

    @extend_schema(
        summary="Annotations as CSV, one row per annotation (streamed)",
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
        return attachment(
            export.csv_chunks(export.csv_lines(self.filtered()), bom=bom),
            content_type="text/csv; charset=utf-8",
            extension="csv",
        )


class AnnotationJsonLinesView(AnnotationDownloadView):
    @extend_schema(
        summary="Annotations as JSON Lines, one object per line (streamed)",
        responses={(200, "application/jsonl"): OpenApiTypes.STR, 400: ERROR},
    )
    def get(self, request):
        rows = export.export_rows(self.filtered())
        return attachment(
            export.jsonl_chunks(rows),
            content_type="application/jsonl; charset=utf-8",
            extension="jsonl",
        )


class AnnotationWebAnnotationView(AnnotationDownloadView):
    @extend_schema(
        summary="Annotations as a W3C Web Annotation collection (JSON-LD, streamed)",
        responses={(200, "application/ld+json"): OpenApiTypes.OBJECT, 400: ERROR},
    )
    def get(self, request):
        annotations = self.filtered()
        base_url = request.build_absolute_uri("/").rstrip("/")
        chunks = export.web_annotation_chunks(
            export.export_rows(annotations, EXTRA_COLUMNS),
            base_url=base_url,
            collection_id=request.build_absolute_uri(),
            total=annotations.count(),
        )
        return attachment(
            chunks,
            content_type='application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
            extension="jsonld",
        )
