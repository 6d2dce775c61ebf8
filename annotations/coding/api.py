"""REST API of coding: annotations, missed opportunities, done marks and suggestions.

Thin views: they read the request, call coding.services, and shape the answer.
Everyone logged in reads every analyst's live work (to compare) — but not, in a
blind meeting, before marking all its statements done (`visible_to`); analysts
change only their own, each change naming the version it was made from
(coding.versions): no version → 428, a stale one → 409 with the current state.
Done marks and suggestions are the workspace's own small endpoints. Each write the
workspace can undo also logs its step, in the same transaction (coding.undo.steps).
"""

from django.db import transaction
from django.db.models import F, Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.models import Meeting, Statement
from tracker.web.filters import StrictFilterBackend
from tracker.web.pagination import CursorPagination

from ..codebook.selectors import codes_by_ids_or_slugs
from ..models import Annotation, Code, MissedOpportunity, SuggestionDecision
from ..rest import ERROR, WRITE_METHODS
from ..roles import CanCode
from . import batches, services
from .filters import AnnotationFilter, MissedOpportunityFilter
from .selectors import meeting_progress
from .serializers import (
    AnnotationBatchCreateSerializer,
    AnnotationBatchSerializer,
    AnnotationCreateSerializer,
    AnnotationListSerializer,
    AnnotationSerializer,
    AnnotationUpdateSerializer,
    DecisionSerializer,
    MissedOpportunityCreateSerializer,
    MissedOpportunitySerializer,
    MissedOpportunityUpdateSerializer,
    ProgressSerializer,
    SuggestionChoiceSerializer,
    SuggestionListSerializer,
    SuggestionSerializer,
)
from .suggestions import suggestion_decisions, suggestions_for_meeting
from .undo import steps
from .versions import (
    IF_MATCH_PARAMETER,
    NO_VERSION,
    STALE,
    VERSION_PARAMETER,
    PreconditionRequired,
    client_version,
    query_version,
    with_etag,
)


class OwnedWorkViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Annotations and missed opportunities: read by all, written by their analyst."""

    # Analysts code; reviewers and administrators only read here (annotations.roles).
    permission_classes = [IsAuthenticated, CanCode]
    filter_backends = [StrictFilterBackend]
    http_method_names = WRITE_METHODS

    @property
    def extra_query_parameters(self):
        return ("version",) if self.action in ("destroy", "withdraw") else ()

    def stale(self, exc: services.StaleVersion) -> Response:
        current = self.get_serializer(exc.current).data
        return Response({"detail": str(exc), "current": current}, status=status.HTTP_409_CONFLICT)

    def answer(self, instance, status_code=status.HTTP_200_OK) -> Response:
        return with_etag(
            Response(self.get_serializer(instance).data, status=status_code), instance.version
        )

    def retrieve(self, request, *args, **kwargs):
        return self.answer(self.get_object())

    def changes_and_version(self, request, serializer_class, **context) -> tuple[dict, int]:
        serializer = serializer_class(data=request.data, context=context)
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
        summary="Undo the delete of your annotation (or redo an undone coding)",
    ),
    withdraw=extend_schema(
        request=None,
        parameters=[IF_MATCH_PARAMETER, VERSION_PARAMETER],
        responses={200: AnnotationSerializer, 400: ERROR, 409: STALE},
        summary="Undo your coding: it goes without being listed as deleted",
    ),
)
class AnnotationViewSet(OwnedWorkViewSet):
    serializer_class = AnnotationSerializer
    filterset_class = AnnotationFilter
    pagination_class = CursorPagination
    queryset = Annotation.objects.all()

    def get_queryset(self):
        annotations = (
            Annotation.objects.visible_to(self.request.user)
            .select_related("code", "analyst")
            .annotate(meeting_pk=F("statement__meeting_id"))
        )
        return annotations if self.action == "restore" else annotations.live()

    def create(self, request, *args, **kwargs):
        serializer = AnnotationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        with transaction.atomic():
            annotation = services.annotation_create(
                statement=data["statement"],
                code=data["code"],
                analyst=request.user,
                start=data.get("start"),
                end=data.get("end"),
                quote=data.get("quote"),
                memo=data.get("memo", ""),
            )
            steps.record_created(analyst=request.user, annotations=[annotation])
        return self.answer(annotation, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        annotation = self.get_object()
        changes, version = self.changes_and_version(
            request, AnnotationUpdateSerializer, meeting=annotation.statement.meeting
        )
        before = steps.annotation_state(annotation)
        try:
            with transaction.atomic():
                annotation = services.annotation_update(
                    annotation=annotation, actor=request.user, version=version, **changes
                )
                steps.record_updated(analyst=request.user, before=before, annotation=annotation)
        except services.StaleVersion as exc:
            return self.stale(exc)
        return self.answer(annotation)

    def destroy(self, request, *args, **kwargs):
        annotation = self.get_object()
        version = client_version(request, query_version(request))
        try:
            with transaction.atomic():
                annotation = services.annotation_delete(
                    annotation=annotation, actor=request.user, version=version
                )
                steps.record_deleted(analyst=request.user, annotation=annotation)
        except services.StaleVersion as exc:
            return self.stale(exc)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=True, methods=["post"])
    def withdraw(self, request, *args, **kwargs):
        annotation = self.get_object()
        version = client_version(request, query_version(request))
        try:
            annotation = services.annotation_withdraw(
                annotation=annotation, actor=request.user, version=version
            )
        except services.StaleVersion as exc:
            return self.stale(exc)
        return self.answer(annotation)

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
            .visible_to(self.request.user)
            .select_related("analyst")
            .prefetch_related(Prefetch("codes", queryset=Code.objects.only("pk", "slug")))
            .order_by("meeting_id", "created", "id")
        )

    def codes(self, meeting, data: dict) -> list[Code] | None:
        return codes_by_ids_or_slugs(
            meeting=meeting, codes=data.get("codes"), slugs=data.get("code_slugs")
        )

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


class StatementDoneView(APIView):
    """PUT marks the statement done for you, DELETE takes the mark off again."""

    permission_classes = [IsAuthenticated, CanCode]
    serializer_class = ProgressSerializer

    def _respond(self, statement: Statement, done: bool) -> Response:
        meeting_done, meeting_total = meeting_progress(
            meeting=statement.meeting, analyst=self.request.user
        )
        return Response(
            {
                "statement": statement.pk,
                "done": done,
                "meeting_done": meeting_done,
                "meeting_total": meeting_total,
            }
        )

    @extend_schema(request=None, responses={200: ProgressSerializer}, summary="Mark done")
    def put(self, request: Request, statement_id: int) -> Response:
        return self._mark(statement_id, True)

    @extend_schema(request=None, responses={200: ProgressSerializer}, summary="Mark not done")
    def delete(self, request: Request, statement_id: int) -> Response:
        return self._mark(statement_id, False)

    @transaction.atomic
    def _mark(self, statement_id: int, done: bool) -> Response:
        statement = get_object_or_404(Statement.objects.select_related("meeting"), pk=statement_id)
        analyst = self.request.user
        before = statement.progress.filter(analyst=analyst).exists()
        if done:
            services.statement_mark_done(statement=statement, analyst=analyst)
        else:
            services.statement_mark_not_done(statement=statement, analyst=analyst)
        if before != done:
            steps.record_done(analyst=analyst, statement=statement, done=done, before=before)
        return self._respond(statement, done)


class MeetingSuggestionsView(APIView):
    """Open keyword suggestions for you in a meeting, in reading order."""

    serializer_class = SuggestionListSerializer

    @extend_schema(responses={200: SuggestionListSerializer}, summary="Open suggestions")
    def get(self, request: Request, meeting_id: int) -> Response:
        meeting = get_object_or_404(Meeting, pk=meeting_id)
        suggestions = suggestions_for_meeting(meeting=meeting, analyst=request.user)
        decided = suggestion_decisions(meeting=meeting, analyst=request.user)
        return Response(
            {
                "meeting": meeting.pk,
                "suggestions": SuggestionSerializer(suggestions, many=True).data,
                **decided,
            }
        )


class _SuggestionDecisionView(APIView):
    permission_classes = [IsAuthenticated, CanCode]
    serializer_class = SuggestionChoiceSerializer

    def choice(self, request: Request) -> dict:
        serializer = SuggestionChoiceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return {**serializer.validated_data, "analyst": request.user}

    def record(self, label: str, choice: dict, annotations: list, decision=None) -> None:
        """Log the decision as an undo step (undo reopens the suggestion)."""
        decision = decision or SuggestionDecision.objects.get(
            analyst=choice["analyst"],
            statement=choice["statement"],
            code=choice["code"],
            start=choice["start"],
            end=choice["end"],
        )
        steps.record_decisions(
            analyst=choice["analyst"],
            meeting_id=choice["statement"].meeting_id,
            label=label,
            decisions=[decision],
            annotations=annotations,
        )


class SuggestionAcceptView(_SuggestionDecisionView):
    """Accept a suggestion: 201 with the new annotation, as the annotation API shapes it."""

    @extend_schema(
        request=SuggestionChoiceSerializer,
        responses={201: AnnotationSerializer, 400: ERROR},
        summary="Accept a suggestion",
    )
    @transaction.atomic
    def post(self, request: Request) -> Response:
        choice = self.choice(request)
        annotation = services.suggestion_accept(**choice)
        self.record(f"accepting {steps.describe(annotation)}", choice, [annotation])
        annotation.meeting_pk = annotation.statement.meeting_id
        return Response(
            AnnotationSerializer(annotation).data,
            status=status.HTTP_201_CREATED,
            headers={"ETag": f'"{annotation.version}"'},
        )


class SuggestionDismissView(_SuggestionDecisionView):
    """Dismiss a suggestion: it is counted and not offered to you again."""

    @extend_schema(
        request=SuggestionChoiceSerializer,
        responses={201: DecisionSerializer, 400: ERROR},
        summary="Dismiss a suggestion",
    )
    @transaction.atomic
    def post(self, request: Request) -> Response:
        choice = self.choice(request)
        decision = services.suggestion_dismiss(**choice)
        where = f"“{steps.shorten(choice['statement'].text[choice['start'] : choice['end']])}”"
        self.record(f"dismissing {choice['code'].name} on {where}", choice, [], decision)
        body = {
            "statement": decision.statement_id,
            "code": decision.code_id,
            "start": decision.start,
            "end": decision.end,
            "decision": decision.decision,
        }
        return Response(DecisionSerializer(body).data, status=status.HTTP_201_CREATED)


class SuggestionReopenView(_SuggestionDecisionView):
    """Undo an accept or a dismiss (an accepted suggestion's annotation is deleted)."""

    @extend_schema(
        request=SuggestionChoiceSerializer,
        responses={204: None, 400: ERROR},
        summary="Undo an accept or a dismiss",
    )
    def post(self, request: Request) -> Response:
        services.suggestion_reopen(**self.choice(request))
        return Response(status=status.HTTP_204_NO_CONTENT)


class AnnotationBatchView(APIView):
    """Code many passages with one code at once (find → code all hits): all or nothing."""

    permission_classes = [IsAuthenticated, CanCode]
    serializer_class = AnnotationBatchCreateSerializer

    @extend_schema(
        request=AnnotationBatchCreateSerializer,
        responses={201: AnnotationListSerializer, 400: ERROR},
        summary="Code many passages with one code, as one undoable step",
    )
    def post(self, request: Request) -> Response:
        serializer = AnnotationBatchCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        statements = data["statements"]
        with transaction.atomic():
            annotations = batches.annotations_create_batch(
                analyst=request.user,
                code=data["code"],
                spans=[(statements[s["statement"]], s["start"], s["end"]) for s in data["spans"]],
                quotes=[s.get("quote") for s in data["spans"]],
                memo=data.get("memo", ""),
            )
            # One undo step per meeting: the workspace codes one meeting's hits at once.
            for meeting_id in sorted({a.statement.meeting_id for a in annotations}):
                steps.record_created(
                    analyst=request.user,
                    annotations=[a for a in annotations if a.statement.meeting_id == meeting_id],
                )
        body = {"annotations": AnnotationSerializer(annotations, many=True).data}
        return Response(body, status=status.HTTP_201_CREATED)


class _AnnotationBatchStepView(APIView):
    permission_classes = [IsAuthenticated, CanCode]
    serializer_class = AnnotationBatchSerializer
    step = None

    def post(self, request: Request) -> Response:
        serializer = AnnotationBatchSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        rows = type(self).step(analyst=request.user, ids=serializer.validated_data["annotations"])
        return Response({"annotations": AnnotationSerializer(rows, many=True).data})


@extend_schema_view(
    post=extend_schema(
        request=AnnotationBatchSerializer,
        responses={200: AnnotationListSerializer, 400: ERROR},
        summary="Undo a batch: its annotations go, none listed as deleted",
    )
)
class AnnotationBatchWithdrawView(_AnnotationBatchStepView):
    step = batches.annotations_withdraw_batch


@extend_schema_view(
    post=extend_schema(
        request=AnnotationBatchSerializer,
        responses={200: AnnotationListSerializer, 400: ERROR},
        summary="Redo an undone batch",
    )
)
class AnnotationBatchRestoreView(_AnnotationBatchStepView):
    step = batches.annotations_restore_batch
