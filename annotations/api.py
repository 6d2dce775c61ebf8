"""REST API of the analysis: codebooks, annotations and missed opportunities.

Thin views: they read the request, call annotations.services, and shape the
answer. Everyone logged in reads every analyst's live work (to compare);
analysts change only their own, each change naming the version it was made
from (body "version" or an If-Match header): no version → 428, a stale one →
409 with the current state.
"""

import re

from django.db.models import F, Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import (
    IsAuthenticated,
)
from rest_framework.response import Response

from tracker.web.filters import StrictFilterBackend
from tracker.web.pagination import CursorPagination

from . import services
from .filters import AnnotationFilter, CodeFilter, CodingSchemeFilter, MissedOpportunityFilter
from .models import Annotation, Code, CodingScheme, MissedOpportunity
from .roles import CanAdminister, CanCode
from .serializers import (
    AnnotationCreateSerializer,
    AnnotationSerializer,
    AnnotationUpdateSerializer,
    CodeSerializer,
    CodingSchemeSerializer,
    MissedOpportunityCreateSerializer,
    MissedOpportunitySerializer,
    MissedOpportunityUpdateSerializer,
)

WRITE_METHODS = ["get", "post", "patch", "delete", "head", "options"]
IF_MATCH = re.compile(r'\s*(?:W/)?"?(\d{1,10})"?\s*')

IF_MATCH_PARAMETER = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description='The version you changed, as an entity tag: "3" (or "version" in the body).',
)
VERSION_PARAMETER = OpenApiParameter(
    "version",
    OpenApiTypes.INT,
    OpenApiParameter.QUERY,
    description="The version you deleted (optional; or an If-Match header).",
)
ERROR = OpenApiResponse(description="Bad input: field messages.")
STALE = OpenApiResponse(description="Changed by someone else since: detail and current state.")
NO_VERSION = OpenApiResponse(description="Say which version you changed.")


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = (
        'Say which version you changed: "version" in the body or If-Match: "<version>".'
    )
    default_code = "precondition_required"


def client_version(request, body_version: int | None) -> int | None:
    """The version the client saw: "version" in the body or query, or If-Match."""
    header = request.headers.get("If-Match")
    header_version = None
    if header:
        match = IF_MATCH.fullmatch(header)
        if match is None:
            raise exceptions.ValidationError(
                {"If-Match": 'Send the version you changed as If-Match: "3".'}
            )
        header_version = int(match.group(1))
    if body_version is not None and header_version is not None and body_version != header_version:
        raise exceptions.ValidationError(
            {"version": f"version {body_version} and If-Match {header_version} disagree."}
        )
    return body_version if body_version is not None else header_version


def query_version(request) -> int | None:
    raw = request.query_params.get("version")
    if raw is None:
        return None
    field = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    try:
        return field.run_validation(raw)
    except exceptions.ValidationError as exc:
        raise exceptions.ValidationError({"version": exc.detail}) from None


def with_etag(response: Response, version: int) -> Response:
    response["ETag"] = f'"{version}"'
    return response


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


class OwnedWorkViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Annotations and missed opportunities: read by all, written by their analyst."""

    # Analysts code; reviewers and administrators only read here (annotations.roles).
    permission_classes = [IsAuthenticated, CanCode]
    filter_backends = [StrictFilterBackend]
    http_method_names = WRITE_METHODS

    @property
    def extra_query_parameters(self):
        return ("version",) if self.action == "destroy" else ()

    def stale(self, exc: services.StaleVersion) -> Response:
        current = self.get_serializer(exc.current).data
        return Response({"detail": str(exc), "current": current}, status=status.HTTP_409_CONFLICT)

    def answer(self, instance, status_code=status.HTTP_200_OK) -> Response:
        return with_etag(
            Response(self.get_serializer(instance).data, status=status_code), instance.version
        )

    def retrieve(self, request, *args, **kwargs):
        return self.answer(self.get_object())

    def changes_and_version(self, request, serializer_class) -> tuple[dict, int]:
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        changes = dict(serializer.validated_data)
        version = client_version(request, changes.pop("version", None))
        if version is None:
            raise PreconditionRequired()
        return changes, version


@extend_schema_view(
    list=extend_schema(summary="Every analyst's live annotations (cursor-paginated)"),
    retrieve=extend_schema(summary="One annotation; its ETag is its version"),
    create=extend_schema(
        request=AnnotationCreateSerializer,
        responses={201: AnnotationSerializer, 400: ERROR},
        summary="Code a passage (start, end) or a whole statement (no offsets)",
    ),
    partial_update=extend_schema(
        request=AnnotationUpdateSerializer,
        parameters=[IF_MATCH_PARAMETER],
        responses={200: AnnotationSerializer, 400: ERROR, 409: STALE, 428: NO_VERSION},
        summary="Change memo, code or span of your annotation",
    ),
    destroy=extend_schema(
        parameters=[IF_MATCH_PARAMETER, VERSION_PARAMETER],
        responses={204: None, 400: ERROR, 409: STALE},
        summary="Delete your annotation (soft: it can be restored)",
    ),
    restore=extend_schema(
        request=None,
        responses={200: AnnotationSerializer, 400: ERROR},
        summary="Undo the delete of your annotation",
    ),
)
class AnnotationViewSet(OwnedWorkViewSet):
    serializer_class = AnnotationSerializer
    filterset_class = AnnotationFilter
    pagination_class = CursorPagination
    queryset = Annotation.objects.all()

    def get_queryset(self):
        annotations = Annotation.objects.select_related("code", "analyst").annotate(
            meeting_pk=F("statement__meeting_id")
        )
        return annotations if self.action == "restore" else annotations.live()

    def create(self, request, *args, **kwargs):
        serializer = AnnotationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        statement = data["statement"]
        code = data.get("code") or services.code_by_slug(
            meeting=statement.meeting, slug=data["code_slug"]
        )
        annotation = services.annotation_create(
            statement=statement,
            code=code,
            analyst=request.user,
            start=data.get("start"),
            end=data.get("end"),
            quote=data.get("quote"),
            memo=data.get("memo", ""),
        )
        return self.answer(annotation, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        annotation = self.get_object()
        changes, version = self.changes_and_version(request, AnnotationUpdateSerializer)
        if "code_slug" in changes:
            slug = changes.pop("code_slug")
            changes.setdefault(
                "code", services.code_by_slug(meeting=annotation.statement.meeting, slug=slug)
            )
        try:
            annotation = services.annotation_update(
                annotation=annotation, actor=request.user, version=version, **changes
            )
        except services.StaleVersion as exc:
            return self.stale(exc)
        return self.answer(annotation)

    def destroy(self, request, *args, **kwargs):
        annotation = self.get_object()
        version = client_version(request, query_version(request))
        try:
            services.annotation_delete(annotation=annotation, actor=request.user, version=version)
        except services.StaleVersion as exc:
            return self.stale(exc)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=True, methods=["post"])
    def restore(self, request, *args, **kwargs):
        annotation = services.annotation_restore(annotation=self.get_object(), actor=request.user)
        return self.answer(annotation)


@extend_schema_view(
    create=extend_schema(
        request=MissedOpportunityCreateSerializer,
        responses={201: MissedOpportunitySerializer, 400: ERROR},
        summary="Record a theme the meeting failed to address",
    ),
    partial_update=extend_schema(
        request=MissedOpportunityUpdateSerializer,
        parameters=[IF_MATCH_PARAMETER],
        responses={200: MissedOpportunitySerializer, 400: ERROR, 409: STALE, 428: NO_VERSION},
    ),
    destroy=extend_schema(
        parameters=[IF_MATCH_PARAMETER, VERSION_PARAMETER],
        responses={204: None, 400: ERROR, 409: STALE},
    ),
)
class MissedOpportunityViewSet(OwnedWorkViewSet):
    serializer_class = MissedOpportunitySerializer
    filterset_class = MissedOpportunityFilter
    queryset = MissedOpportunity.objects.all()

    def get_queryset(self):
        return (
            MissedOpportunity.objects.live()
            .select_related("analyst")
            .prefetch_related(Prefetch("codes", queryset=Code.objects.only("pk", "slug")))
            .order_by("meeting_id", "created", "id")
        )

    def codes(self, meeting, data: dict) -> list[Code] | None:
        codes = data.get("codes")
        slugs = data.get("code_slugs")
        if slugs is None:
            return codes
        by_slug = services.codes_by_slugs(meeting=meeting, slugs=slugs)
        if codes is not None and {c.pk for c in codes} != {c.pk for c in by_slug}:
            raise exceptions.ValidationError(
                {"code_slugs": "codes and code_slugs name different codes; send one of them."}
            )
        return by_slug

    def refreshed(self, missed: MissedOpportunity) -> MissedOpportunity:
        return (
            MissedOpportunity.objects.select_related("analyst")
            .prefetch_related("codes")
            .get(pk=missed.pk)
        )

    def create(self, request, *args, **kwargs):
        serializer = MissedOpportunityCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        missed = services.missed_opportunity_create(
            meeting=data["meeting"],
            analyst=request.user,
            title=data["title"],
            rationale=data["rationale"],
            codes=self.codes(data["meeting"], data) or (),
        )
        return self.answer(self.refreshed(missed), status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        missed = self.get_object()
        changes, version = self.changes_and_version(request, MissedOpportunityUpdateSerializer)
        codes = self.codes(missed.meeting, changes)
        try:
            missed = services.missed_opportunity_update(
                missed_opportunity=missed,
                actor=request.user,
                version=version,
                title=changes.get("title"),
                rationale=changes.get("rationale"),
                codes=codes,
            )
        except services.StaleVersion as exc:
            return self.stale(exc)
        return self.answer(self.refreshed(missed))

    def destroy(self, request, *args, **kwargs):
        missed = self.get_object()
        version = client_version(request, query_version(request))
        try:
            services.missed_opportunity_delete(
                missed_opportunity=missed, actor=request.user, version=version
            )
        except services.StaleVersion as exc:
            return self.stale(exc)
        return Response(status=status.HTTP_204_NO_CONTENT)
