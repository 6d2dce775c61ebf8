"""Assignments over the REST API, for administrators: list with progress, assign, withdraw."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ...models import CodingAssignment
from ...roles import AdministratorsOnly
from .selectors import assignment_progress
from .serializers import AssignmentCreateSerializer, AssignmentSerializer
from .services import assignment_create, assignment_delete


class AssignmentsView(APIView):
    permission_classes = [IsAuthenticated, AdministratorsOnly]

    @extend_schema(
        summary="Every assignment with its progress", responses=AssignmentSerializer(many=True)
    )
    def get(self, request: Request) -> Response:
        return Response(AssignmentSerializer(assignment_progress(), many=True).data)

    @extend_schema(
        summary="Assign a meeting to an analyst",
        request=AssignmentCreateSerializer,
        responses={201: AssignmentSerializer},
    )
    def post(self, request: Request) -> Response:
        given = AssignmentCreateSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        created = assignment_create(**given.validated_data, actor=request.user)
        row = assignment_progress().get(pk=created.pk)
        return Response(AssignmentSerializer(row).data, status=status.HTTP_201_CREATED)


class AssignmentDetailView(APIView):
    permission_classes = [IsAuthenticated, AdministratorsOnly]

    @extend_schema(
        summary="Withdraw an assignment (the analyst's coding stays)", responses={204: None}
    )
    def delete(self, request: Request, assignment_id: int) -> Response:
        assignment = get_object_or_404(CodingAssignment, pk=assignment_id)
        assignment_delete(assignment=assignment, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
