"""Blind coding of a meeting over the REST API: read it (everyone), switch it
(administrators): PATCH {"blind": true}."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.models import Meeting

from ...rest import ERROR
from ...roles import CanSetBlindCoding
from ..selectors import meeting_progress
from .selectors import blind_status
from .serializers import BlindCodingSerializer
from .services import blind_coding_set


class BlindCodingView(APIView):
    permission_classes = [IsAuthenticated, CanSetBlindCoding]
    serializer_class = BlindCodingSerializer

    def _answer(self, request: Request, meeting: Meeting) -> Response:
        done, total = meeting_progress(meeting=meeting, analyst=request.user)
        status = blind_status(meeting=meeting, user=request.user, statements=total, done=done)
        body = {
            "meeting": meeting.pk,
            "blind": status.blind,
            "statements": total,
            "done": done,
            "others_hidden": status.hides_others,
        }
        return Response(BlindCodingSerializer(body).data)

    @extend_schema(summary="Is the meeting coded blind", responses=BlindCodingSerializer)
    def get(self, request: Request, meeting_id: int) -> Response:
        return self._answer(request, get_object_or_404(Meeting, pk=meeting_id))

    @extend_schema(
        summary="Switch blind double coding of a meeting on or off",
        request=BlindCodingSerializer,
        responses={200: BlindCodingSerializer, 400: ERROR},
    )
    def patch(self, request: Request, meeting_id: int) -> Response:
        meeting = get_object_or_404(Meeting, pk=meeting_id)
        given = BlindCodingSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        blind_coding_set(meeting=meeting, enabled=given.validated_data["blind"], actor=request.user)
        return self._answer(request, meeting)
