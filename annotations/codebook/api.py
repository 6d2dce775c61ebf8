"""REST API of the codebook: schemes and codes, read by everyone logged in and
written by administrators through codebook.services."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.permissions import IsAuthenticated

from tracker.web.filters import StrictFilterBackend

from ..models import Code, CodingScheme
from ..rest import ERROR, WRITE_METHODS
from ..roles import CanAdminister
from . import services
from .filters import CodeFilter, CodingSchemeFilter
from .serializers import CodeSerializer, CodingSchemeSerializer


class CodebookViewSet(viewsets.ModelViewSet):
    """Shared by schemes and codes: read by all, written by administrators via services."""

    permission_classes = [IsAuthenticated, CanAdminister]
    filter_backends = [StrictFilterBackend]
    http_method_names = WRITE_METHODS

    def perform_create(self, serializer):
        serializer.instance = self.save(self.queryset.model(), serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = self.save(serializer.instance, serializer.validated_data)


@extend_schema_view(
    create=extend_schema(responses={201: CodingSchemeSerializer, 400: ERROR}),
    partial_update=extend_schema(responses={200: CodingSchemeSerializer, 400: ERROR}),
    destroy=extend_schema(responses={204: None, 400: ERROR}),
)
class CodingSchemeViewSet(CodebookViewSet):
    queryset = CodingScheme.objects.all()
    serializer_class = CodingSchemeSerializer
    filterset_class = CodingSchemeFilter

    def save(self, scheme, changes):
        return services.scheme_save(scheme=scheme, changes=changes)

    def perform_destroy(self, instance):
        services.scheme_delete(scheme=instance)


@extend_schema_view(
    create=extend_schema(responses={201: CodeSerializer, 400: ERROR}),
    partial_update=extend_schema(responses={200: CodeSerializer, 400: ERROR}),
    destroy=extend_schema(responses={204: None, 400: ERROR}),
)
class CodeViewSet(CodebookViewSet):
    queryset = Code.objects.select_related("scheme").in_codebook_order()
    serializer_class = CodeSerializer
    filterset_class = CodeFilter

    def save(self, code, changes):
        return services.code_save(code=code, changes=changes)

    def perform_destroy(self, instance):
        services.code_delete(code=instance)
