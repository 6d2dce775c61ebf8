"""REFI-QDA endpoints: the codebook as .qdc, coded meetings as .qdpx, and the
import of a codebook from another tool as a new scheme."""

import tempfile

from django.http import FileResponse, HttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.models import Meeting

from . import services
from .api_export import AnnotationDownloadView, AnyAcceptContentNegotiation
from .interchange.codebook import codebook_qdc
from .interchange.project import write_qdpx
from .interchange.reading import parse_codebook
from .interchange.schema import NotRefiQda
from .models import Code, CodingScheme
from .roles import CanAdminister
from .serializers import CodingSchemeSerializer

ERROR = OpenApiResponse(description="Bad input: field messages.")


class CodebookQdcView(APIView):
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
        response = HttpResponse(
            codebook_qdc([scheme]), content_type="application/xml; charset=utf-8"
        )
        filename = f"{scheme.slug}-v{scheme.version}.qdc"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class ProjectQdpxView(AnnotationDownloadView):
    @extend_schema(
        summary="Coded statements as a REFI-QDA project (.qdpx)",
        description=(
            "Takes the annotation list's filters. The project holds every statement of the "
            "meetings involved (the `meeting` filter's, else those of the annotations) as "
            "text sources, the analysts as users, the annotations as codings, and speakers "
            "as cases with their attributes as variables. Positions count Unicode code points."
        ),
        responses={(200, "application/zip"): OpenApiTypes.BINARY, 400: ERROR},
    )
    def get(self, request):
        annotations = self.filtered()
        meeting_id = request.query_params.get("meeting")
        if meeting_id:
            meetings = Meeting.objects.filter(pk=meeting_id)
            scheme_ids = {services.scheme_for_meeting(meetings.get()).pk}
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
        target = tempfile.TemporaryFile()  # FileResponse closes it
        write_qdpx(
            target=target,
            name=name,
            annotations=annotations,
            meetings=meetings,
            schemes=CodingScheme.objects.filter(pk__in=scheme_ids).order_by("pk"),
        )
        target.seek(0)
        filename = "".join(c if c.isalnum() else "-" for c in name) + ".qdpx"
        return FileResponse(
            target, as_attachment=True, filename=filename, content_type="application/zip"
        )


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
