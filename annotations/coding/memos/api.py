"""Memos over the REST API: read by everyone logged in, written by their author.

The same rules as annotations (coding.api.OwnedWorkViewSet): writes need the
analyst's permission (annotations.roles.CanCode), a change names its version
(no version → 428, a stale one → 409 with the current memo), a delete is soft
and the author undoes it with restore.

Each write also logs a step of the workspace's undo history (coding.undo.steps), in
the same transaction: a memo on a meeting in that meeting's history, one on a code in
the history of the meeting named by `workspace` (the page that wrote it; checked to be
coded with the code's scheme). A write on a code's memo without `workspace` logs none.
"""

from django.db import transaction
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from ...models import Memo
from ...rest import ERROR
from ..api import OwnedWorkViewSet
from ..undo import steps
from ..versions import (
    IF_MATCH_PARAMETER,
    NO_VERSION,
    STALE,
    VERSION_PARAMETER,
    client_version,
    query_version,
)
from . import services
from .filters import MemoFilter
from .selectors import memos
from .serializers import (
    MemoCreateSerializer,
    MemoSerializer,
    MemoUpdateSerializer,
    MemoWorkspaceSerializer,
)

WORKSPACE_PARAMETER = OpenApiParameter(
    "workspace",
    int,
    description="The meeting whose workspace deletes the memo: its undo history logs the step.",
)


@extend_schema_view(
    list=extend_schema(summary="Every analyst's live memos on meetings and codes"),
    retrieve=extend_schema(summary="One memo; its ETag is its version"),
    create=extend_schema(
        request=MemoCreateSerializer,
        responses={201: MemoSerializer, 400: ERROR},
        summary="Write a memo on a meeting or on a code",
    ),
    partial_update=extend_schema(
        request=MemoUpdateSerializer,
        parameters=[IF_MATCH_PARAMETER],
        responses={200: MemoSerializer, 400: ERROR, 409: STALE, 428: NO_VERSION},
        summary="Change the title or text of your memo",
    ),
    destroy=extend_schema(
        parameters=[IF_MATCH_PARAMETER, VERSION_PARAMETER, WORKSPACE_PARAMETER],
        responses={204: None, 400: ERROR, 409: STALE},
        summary="Delete your memo (soft: it can be restored)",
    ),
    restore=extend_schema(
        request=None,
        responses={200: MemoSerializer, 400: ERROR},
        summary="Undo the delete of your memo",
    ),
)
class MemoViewSet(OwnedWorkViewSet):
    serializer_class = MemoSerializer
    filterset_class = MemoFilter
    queryset = Memo.objects.all()

    def get_queryset(self):
        if self.action == "restore":
            return Memo.objects.visible_to(self.request.user).select_related("author", "code")
        return memos(self.request.user)

    @property
    def extra_query_parameters(self):
        return ("version", "workspace") if self.action == "destroy" else ()

    def create(self, request, *args, **kwargs):
        given = MemoCreateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        meeting = data.get("meeting")
        logged_in = steps.memo_step_meeting(
            meeting_id=meeting.pk if meeting else None,
            code=data.get("code"),
            workspace=data.get("workspace"),
        )
        with transaction.atomic():
            memo = services.memo_create(
                author=request.user,
                meeting=meeting,
                code=data.get("code"),
                title=data.get("title", ""),
                text=data["text"],
            )
            if logged_in:
                steps.record_memo(
                    analyst=request.user,
                    meeting_id=logged_in,
                    label=f"writing {steps.memo_name(memo)}",
                    before=steps.memo_gone(memo),
                    memo=memo,
                )
        return self.answer(memo, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        memo = self.get_object()
        changes, version = self.changes_and_version(request, MemoUpdateSerializer)
        logged_in = steps.memo_step_meeting(
            meeting_id=memo.meeting_id, code=memo.code, workspace=changes.pop("workspace", None)
        )
        before = steps.memo_state(memo)
        try:
            with transaction.atomic():
                memo = services.memo_update(
                    memo=memo, actor=request.user, version=version, **changes
                )
                if logged_in:
                    steps.record_memo(
                        analyst=request.user,
                        meeting_id=logged_in,
                        label=f"the change to {steps.memo_name(memo)}",
                        before=before,
                        memo=memo,
                    )
        except services.StaleMemo as exc:
            return self.stale(exc)
        return self.answer(memo)

    def destroy(self, request, *args, **kwargs):
        memo = self.get_object()
        version = client_version(request, query_version(request))
        where = MemoWorkspaceSerializer(data=request.query_params)
        where.is_valid(raise_exception=True)
        logged_in = steps.memo_step_meeting(
            meeting_id=memo.meeting_id,
            code=memo.code,
            workspace=where.validated_data.get("workspace"),
        )
        try:
            with transaction.atomic():
                memo = services.memo_delete(memo=memo, actor=request.user, version=version)
                if logged_in:
                    steps.record_memo(
                        analyst=request.user,
                        meeting_id=logged_in,
                        label=f"deleting {steps.memo_name(memo)}",
                        before={**steps.memo_state(memo), "live": True},
                        memo=memo,
                    )
        except services.StaleMemo as exc:
            return self.stale(exc)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=True, methods=["post"])
    def restore(self, request, *args, **kwargs):
        return self.answer(services.memo_restore(memo=self.get_object(), actor=request.user))
