"""Memos over the REST API: read by everyone logged in, written by their author.

The same rules as annotations (coding.api.OwnedWorkViewSet): writes need the
analyst's permission (annotations.roles.CanCode), a change names its version
(no version → 428, a stale one → 409 with the current memo), a delete is soft
and the author undoes it with restore.
"""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from ...models import Memo
from ...rest import ERROR
from ..api import OwnedWorkViewSet
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
from .serializers import MemoCreateSerializer, MemoSerializer, MemoUpdateSerializer


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
        parameters=[IF_MATCH_PARAMETER, VERSION_PARAMETER],
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

    def create(self, request, *args, **kwargs):
        given = MemoCreateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        data = given.validated_data
        memo = services.memo_create(
            author=request.user,
            meeting=data.get("meeting"),
            code=data.get("code"),
            title=data.get("title", ""),
            text=data["text"],
        )
        return self.answer(memo, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        memo = self.get_object()
        changes, version = self.changes_and_version(request, MemoUpdateSerializer)
        try:
            memo = services.memo_update(memo=memo, actor=request.user, version=version, **changes)
        except services.StaleMemo as exc:
            return self.stale(exc)
        return self.answer(memo)

    def destroy(self, request, *args, **kwargs):
        memo = self.get_object()
        version = client_version(request, query_version(request))
        try:
            services.memo_delete(memo=memo, actor=request.user, version=version)
        except services.StaleMemo as exc:
            return self.stale(exc)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=True, methods=["post"])
    def restore(self, request, *args, **kwargs):
        return self.answer(services.memo_restore(memo=self.get_object(), actor=request.user))
