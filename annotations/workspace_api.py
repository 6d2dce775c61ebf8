"""The workspace's own small JSON endpoints: done marks and keyword suggestions.

Thin DRF views (token or session auth, CSRF for sessions) over
annotations.progress and annotations.suggestions. Annotations themselves are
created, changed and deleted through the annotation API.
"""

from __future__ import annotations

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import permissions, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.models import Meeting, Statement

from .models import Code, SuggestionDecision
from .progress import statement_mark_done, statement_mark_not_done
from .roles import CanCode
from .selectors import meeting_progress
from .serializers import AnnotationSerializer
from .services import code_by_slug
from .suggestions import (
    suggestion_accept,
    suggestion_dismiss,
    suggestion_reopen,
    suggestions_for_meeting,
)

MAX_OFFSET = 2**31 - 1


class ProgressSerializer(serializers.Serializer):
    statement = serializers.IntegerField()
    done = serializers.BooleanField()
    meeting_done = serializers.IntegerField(help_text="Statements you marked done.")
    meeting_total = serializers.IntegerField(help_text="Statements in the meeting.")


ERROR = OpenApiResponse(description="Bad input: field messages.")


class StatementDoneView(APIView):
    """PUT marks the statement done for you, DELETE takes the mark off again."""

    permission_classes = [permissions.IsAuthenticated, CanCode]
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
        statement = get_object_or_404(Statement.objects.select_related("meeting"), pk=statement_id)
        statement_mark_done(statement=statement, analyst=request.user)
        return self._respond(statement, True)

    @extend_schema(request=None, responses={200: ProgressSerializer}, summary="Mark not done")
    def delete(self, request: Request, statement_id: int) -> Response:
        statement = get_object_or_404(Statement.objects.select_related("meeting"), pk=statement_id)
        statement_mark_not_done(statement=statement, analyst=request.user)
        return self._respond(statement, False)


class SuggestionSerializer(serializers.Serializer):
    statement = serializers.IntegerField(source="statement_id")
    code = serializers.IntegerField(source="code.pk")
    code_slug = serializers.CharField(source="code.slug")
    code_name = serializers.CharField(source="code.name")
    code_colour = serializers.CharField(source="code.colour")
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    quote = serializers.CharField()
    keyword = serializers.CharField(help_text="The keyword or phrase found in the passage.")


class SuggestionListSerializer(serializers.Serializer):
    meeting = serializers.IntegerField()
    suggestions = SuggestionSerializer(many=True)
    accepted = serializers.IntegerField(help_text="Suggestions you accepted in this meeting.")
    dismissed = serializers.IntegerField(help_text="Suggestions you dismissed in this meeting.")


class MeetingSuggestionsView(APIView):
    """Open keyword suggestions for you in a meeting, in reading order."""

    serializer_class = SuggestionListSerializer

    @extend_schema(responses={200: SuggestionListSerializer}, summary="Open suggestions")
    def get(self, request: Request, meeting_id: int) -> Response:
        meeting = get_object_or_404(Meeting, pk=meeting_id)
        suggestions = suggestions_for_meeting(meeting=meeting, analyst=request.user)
        decided = SuggestionDecision.objects.filter(
            statement__meeting=meeting, analyst=request.user
        ).aggregate(
            accepted=Count("pk", filter=Q(decision=SuggestionDecision.Decision.ACCEPTED)),
            dismissed=Count("pk", filter=Q(decision=SuggestionDecision.Decision.DISMISSED)),
        )
        return Response(
            {
                "meeting": meeting.pk,
                "suggestions": SuggestionSerializer(suggestions, many=True).data,
                **decided,
            }
        )


class SuggestionChoiceSerializer(serializers.Serializer):
    """Which suggestion: the statement, the code (id or slug) and the passage's offsets."""

    statement = serializers.PrimaryKeyRelatedField(
        queryset=Statement.objects.select_related("meeting")
    )
    code = serializers.PrimaryKeyRelatedField(queryset=Code.objects.all(), required=False)
    code_slug = serializers.SlugField(max_length=100, required=False)
    start = serializers.IntegerField(min_value=0, max_value=MAX_OFFSET)
    end = serializers.IntegerField(min_value=0, max_value=MAX_OFFSET)

    def validate(self, attrs):
        if "code" not in attrs and "code_slug" not in attrs:
            raise serializers.ValidationError({"code": "Send code (an id) or code_slug."})
        if "code" not in attrs:
            attrs["code"] = code_by_slug(
                meeting=attrs["statement"].meeting, slug=attrs["code_slug"]
            )
        attrs.pop("code_slug", None)
        return attrs


class _SuggestionDecisionView(APIView):
    permission_classes = [permissions.IsAuthenticated, CanCode]
    serializer_class = SuggestionChoiceSerializer

    def choice(self, request: Request) -> dict:
        serializer = SuggestionChoiceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return {**serializer.validated_data, "analyst": request.user}


class DecisionSerializer(serializers.Serializer):
    statement = serializers.IntegerField()
    code = serializers.IntegerField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    decision = serializers.ChoiceField(choices=SuggestionDecision.Decision.choices)


class SuggestionAcceptView(_SuggestionDecisionView):
    """Accept a suggestion: 201 with the new annotation, as the annotation API shapes it."""

    @extend_schema(
        request=SuggestionChoiceSerializer,
        responses={201: AnnotationSerializer, 400: ERROR},
        summary="Accept a suggestion",
    )
    def post(self, request: Request) -> Response:
        annotation = suggestion_accept(**self.choice(request))
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
    def post(self, request: Request) -> Response:
        decision = suggestion_dismiss(**self.choice(request))
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
        suggestion_reopen(**self.choice(request))
        return Response(status=status.HTTP_204_NO_CONTENT)
