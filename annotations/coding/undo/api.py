"""The undo history's API: read it, undo the latest step, redo the last undone one.

GET  /api/meetings/<id>/undo/       {"undo": [{"id", "label", "created"}], "redo": [...]}
POST /api/meetings/<id>/undo/       take back your latest step in the meeting
POST /api/meetings/<id>/redo/       do again the step you undid last
An undo or redo answers what it changed, for the page to draw: the annotations it brought
back (as the annotation API shapes them), those it took away (`gone`), done marks with the
meeting's progress, the memos it brought back or changed (`memos`, as the memo API shapes
them) and those it took away (`memos_gone`), the suggestion counts when decisions changed,
and the history after it. A step something has changed since is refused with 409 and
taken off the history; nothing to undo (or redo) is a 400.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.models import Meeting

from ...models import Annotation
from ...rest import ERROR
from ...roles import CanCode
from ..memos.selectors import memos as memo_rows
from ..memos.serializers import MemoSerializer
from ..selectors import meeting_progress
from ..serializers import AnnotationSerializer
from ..suggestions import suggestion_decisions
from .selectors import undo_history
from .serializers import StepOutcomeSerializer, UndoHistorySerializer
from .services import NothingToDo, StepOutcome, step_redo, step_undo

STALE_STEP = OpenApiResponse(description="The step changed since; refused and dropped.")


def _answer(outcome: StepOutcome, meeting: Meeting, analyst) -> dict:
    rows = (
        Annotation.objects.filter(pk__in=outcome.annotations)
        .select_related("code", "analyst", "statement")
        .order_by("statement__order", "start", "id")
    )
    rows = list(rows) if outcome.annotations else []
    body = {
        "step": {"id": outcome.step.pk, "label": outcome.step.label},
        "annotations": AnnotationSerializer(
            [a for a in rows if a.deleted_at is None], many=True
        ).data,
        "gone": [a.pk for a in rows if a.deleted_at is not None],
        "done": [{"statement": pk, "done": done} for pk, done in outcome.done.items()],
        **_memos(outcome),
        "history": undo_history(meeting=meeting, analyst=analyst),
    }
    if outcome.done:
        done, total = meeting_progress(meeting=meeting, analyst=analyst)
        body["progress"] = {"meeting_done": done, "meeting_total": total}
    if outcome.decisions:
        body["suggestions"] = suggestion_decisions(meeting=meeting, analyst=analyst)
    return body


def _memos(outcome: StepOutcome) -> dict:
    """The step's memos: those live after it, as the memo API shapes them, and the gone."""
    if not outcome.memos:
        return {"memos": [], "memos_gone": []}
    live = list(memo_rows().filter(pk__in=outcome.memos))
    kept = {memo.pk for memo in live}
    return {
        "memos": MemoSerializer(live, many=True).data,
        "memos_gone": [pk for pk in outcome.memos if pk not in kept],
    }


class UndoHistoryView(APIView):
    """Your undo history in a meeting; POST undoes your latest step."""

    permission_classes = [IsAuthenticated, CanCode]
    serializer_class = UndoHistorySerializer
    move = staticmethod(step_undo)

    @extend_schema(responses={200: UndoHistorySerializer}, summary="Your undo history")
    def get(self, request: Request, meeting_id: int) -> Response:
        meeting = get_object_or_404(Meeting, pk=meeting_id)
        return Response(undo_history(meeting=meeting, analyst=request.user))

    @extend_schema(
        request=None,
        responses={200: StepOutcomeSerializer, 400: ERROR, 409: STALE_STEP},
        summary="Undo your latest step in the meeting",
    )
    def post(self, request: Request, meeting_id: int) -> Response:
        meeting = get_object_or_404(Meeting, pk=meeting_id)
        try:
            outcome = type(self).move(analyst=request.user, meeting=meeting)
        except NothingToDo as nothing:
            return Response({"detail": str(nothing)}, status=status.HTTP_400_BAD_REQUEST)
        if outcome.refused:
            return Response(
                {
                    "detail": f"Could not {self.verb} “{outcome.step.label}”: {outcome.refused}",
                    "history": undo_history(meeting=meeting, analyst=request.user),
                },
                status=status.HTTP_409_CONFLICT,
            )
        return Response(_answer(outcome, meeting, request.user))

    verb = "undo"


class RedoView(UndoHistoryView):
    """POST does again the step you undid last."""

    http_method_names = ["post", "options"]
    move = staticmethod(step_redo)
    verb = "redo"

    @extend_schema(
        request=None,
        responses={200: StepOutcomeSerializer, 400: ERROR, 409: STALE_STEP},
        summary="Redo the step you undid last in the meeting",
    )
    def post(self, request: Request, meeting_id: int) -> Response:
        return super().post(request, meeting_id)
