"""POST /api/suggestions/decide/: accept or dismiss every open suggestion of a code
and/or keyword in a meeting, as one step (coding.decisions)."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ...rest import ERROR
from ...roles import CanCode
from ..serializers import AnnotationSerializer
from ..suggestions import suggestion_decisions
from .serializers import BulkDecisionResultSerializer, BulkDecisionSerializer
from .services import ACCEPTED, DISMISSED, suggestions_decide


class SuggestionsDecideView(APIView):
    """Accept or dismiss all open suggestions of a code, a keyword, or a code's keyword."""

    permission_classes = [IsAuthenticated, CanCode]
    serializer_class = BulkDecisionSerializer

    @extend_schema(
        request=BulkDecisionSerializer,
        responses={200: BulkDecisionResultSerializer, 400: ERROR},
        summary="Accept or dismiss every open suggestion of a code and/or keyword, as one step",
    )
    def post(self, request: Request) -> Response:
        serializer = BulkDecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        result = suggestions_decide(
            meeting=data["meeting"],
            analyst=request.user,
            decision=ACCEPTED if data["decision"] == "accept" else DISMISSED,
            code=data.get("code"),
            keyword=data.get("keyword"),
        )
        body = {
            "decision": result.decision,
            "decided": len(result.decided),
            "already_decided": result.already_decided,
            "already_coded": result.already_coded,
            "annotations": AnnotationSerializer(result.annotations, many=True).data,
            **suggestion_decisions(meeting=data["meeting"], analyst=request.user),
        }
        return Response(body, status=status.HTTP_200_OK)
