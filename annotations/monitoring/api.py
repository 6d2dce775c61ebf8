"""Monitoring over the REST API: the same figures as the pages, as JSON."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.exceptions import ValidationError as BadRequest
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from tracker.delegations.selectors import delegation_named

from ..rest import ERROR
from ..roles import CanCode
from . import serializers
from .gender_index import gender_index
from .matrix import MATRIX_PARAMETERS, matrix, matrix_spec
from .paging import PAGING, paging
from .parameters import FILTERS, statement_filters
from .passages import passage_row, passages_page
from .profiles import delegation_profile
from .query import QueryError, parse
from .search import hit_row, search_page
from .search_coding import MAX_HITS, search_hits_code
from .segments import SEGMENT_PARAMETERS, segment_row, segment_spec, segments_page
from .trends import TREND_PARAMETERS, trend_spec, trends

SEARCH_PARAMETERS = ("q", *FILTERS, *PAGING, "format")


def searched(params, *, viewer):
    """(tree, filters, page, size) of a search request; 400 naming every problem."""
    errors = {}
    try:
        tree = parse(params.get("q"))
    except QueryError as error:
        errors["q"] = [str(error)]
    try:
        filters = statement_filters(params, viewer=viewer, allowed=SEARCH_PARAMETERS)
        page, size = paging(params)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    return tree, filters, page, size


class SearchView(APIView):
    @extend_schema(
        summary="Full-text search over every statement, as a concordance",
        parameters=[OpenApiParameter("q", str, required=True)]
        + [OpenApiParameter(name, str) for name in FILTERS]
        + [OpenApiParameter(name, int) for name in PAGING],
        responses=serializers.SearchResultsSerializer,
    )
    def get(self, request: Request) -> Response:
        try:
            tree, filters, page, size = searched(request.query_params, viewer=request.user)
            count, page_hits = search_page(tree, filters, page=page, size=size)
        except (ValidationError, QueryError) as error:
            raise BadRequest(getattr(error, "message_dict", {"q": [str(error)]})) from None
        return Response({"count": count, "results": [hit_row(hit) for hit in page_hits]})


class SearchCodeView(APIView):
    """Code one hit or every hit of a search with one code: one batch, one undo."""

    permission_classes = [IsAuthenticated, CanCode]

    @extend_schema(
        summary=f"Code one hit or all hits of a search (at most {MAX_HITS}) as one undoable step",
        parameters=[OpenApiParameter("q", str, required=True)]
        + [OpenApiParameter(name, str) for name in FILTERS],
        request=serializers.SearchCodeSerializer,
        responses={201: serializers.SearchCodedSerializer, 400: ERROR},
    )
    def post(self, request: Request) -> Response:
        body = serializers.SearchCodeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            tree, filters, _, _ = searched(request.query_params, viewer=request.user)
            coding = search_hits_code(
                analyst=request.user,
                code=body.validated_data["code"],
                tree=tree,
                filters=filters,
                statement=body.validated_data.get("statement"),
            )
        except ValidationError as error:
            raise _bad_request(error) from None
        answer = serializers.SearchCodedSerializer(coding).data
        return Response(answer, status=201)


def _bad_request(error: ValidationError) -> BadRequest:
    return BadRequest(error.message_dict if hasattr(error, "error_dict") else error.messages)


class GenderIndexView(APIView):
    @extend_schema(
        summary="The Gender Index: every delegation's reference level, women speakers",
        parameters=[OpenApiParameter(name, str) for name in FILTERS],
        responses=serializers.GenderIndexSerializer,
    )
    def get(self, request: Request) -> Response:
        try:
            index = gender_index(statement_filters(request.query_params, viewer=request.user))
        except ValidationError as error:
            raise _bad_request(error) from None
        return Response(
            {
                "delegations": [
                    {"delegation": r.name, "slug": r.slug, "statements": r.statements,
                     "level": r.label, "rank": r.rank, "passages": url or None}
                    for r, url in index.linked_rows
                ],
                "per_level": [{"level": name, "delegations": n} for name, n in index.per_level],
                "speakers": index.speakers,
                "women_speakers": index.women,
                "women_share": index.women_share,
                "krippendorff_alpha_ordinal": index.alpha,
                "rated_statements": index.rated_statements,
            }
        )  # fmt: skip


class DelegationProfileView(APIView):
    @extend_schema(
        summary="A country profile: meetings, statements, codes, quotes, reference level",
        responses=serializers.ProfileSerializer,
    )
    def get(self, request: Request, slug: str) -> Response:
        delegation = delegation_named(slug)
        if delegation is None:
            raise NotFound(f"There is no delegation {slug!r}.")
        p = delegation_profile(delegation, viewer=request.user)
        return Response(
            {
                "delegation": {"slug": delegation.slug, "name": delegation.name,
                               "printed_names": p.printed_names},
                "statements": p.statements,
                "meetings": [
                    {"meeting": r.meeting.pk, "symbol": r.meeting.symbol,
                     "date": r.meeting.date, "statements": r.statements}
                    for r in p.meetings
                ],
                "codes": [
                    {"code": r.code.slug, "name": r.code.name, "statements": r.statements,
                     "share": r.share, "passages": r.url}
                    for r in p.codes
                ],
                "quotes": [
                    {"annotation": q.annotation.pk, "code": q.annotation.code.slug,
                     "quote": q.annotation.quote, "meeting": q.annotation.statement.meeting_id,
                     "statement": q.annotation.statement_id, "url": q.url}
                    for q in p.quotes
                ],
                "reference_levels": [
                    {"meeting": r.meeting.pk, "symbol": r.meeting.symbol, "level": r.label,
                     "rank": r.rank}
                    for r in p.reference_levels
                ],
            }
        )  # fmt: skip


def _point(result, p) -> dict:
    return {
        "body": p.body, "period": p.period, "year": p.year, "meeting": p.meeting_id,
        "statements": p.statements, "statements_coded": p.coded_statements,
        "share_of_statements": p.share_of_statements,
        "speakers": p.speakers, "speakers_coded": p.coded_speakers,
        "share_of_speakers": p.share_of_speakers,
        "delegations": [{"name": name, "slug": slug or None} for name, slug in p.delegations],
        "sentence": result.sentence(p), "passages": p.coded_url, "all_passages": p.all_url,
    }  # fmt: skip


class TrendsView(APIView):
    @extend_schema(
        summary="Trends: per body and meeting or year, statements and speakers coded",
        parameters=[OpenApiParameter(n, str) for n in TREND_PARAMETERS],
        responses=serializers.TrendsSerializer,
    )
    def get(self, request: Request) -> Response:
        try:
            result = trends(trend_spec(request.query_params, viewer=request.user))
        except ValidationError as error:
            raise _bad_request(error) from None
        spec = result.spec
        return Response(
            {
                "codes": [c.slug for c in spec.codes], "label": spec.label, "by": spec.by,
                "points": [_point(result, p) for p in result.points],
                "civil_society_briefers": [
                    {"body": b.body, "year": b.year, "briefers": b.briefers, "women": b.women,
                     "passages": b.url}
                    for b in result.briefers
                ],
            }
        )  # fmt: skip


class PassagesView(APIView):
    @extend_schema(
        summary="The statements behind a figure, with their annotations of the codes asked for",
        parameters=[OpenApiParameter(n, str) for n in FILTERS]
        + [OpenApiParameter(n, int) for n in PAGING],
        responses=serializers.PassagesSerializer,
    )
    def get(self, request: Request) -> Response:
        try:
            filters = statement_filters(
                request.query_params, viewer=request.user, allowed=(*FILTERS, *PAGING)
            )
            page, size = paging(request.query_params)
        except ValidationError as error:
            raise _bad_request(error) from None
        count, passages = passages_page(filters, page=page, size=size)
        return Response({"count": count, "results": [passage_row(p) for p in passages]})


class SegmentsView(APIView):
    @extend_schema(
        summary="Retrieved segments: every passage of the codes asked for, across meetings",
        parameters=[OpenApiParameter("code", str, required=True)]
        + [OpenApiParameter(n, str) for n in SEGMENT_PARAMETERS if n != "code"]
        + [OpenApiParameter(n, int) for n in PAGING],
        responses=serializers.SegmentsSerializer,
    )
    def get(self, request: Request) -> Response:
        try:
            spec = segment_spec(
                request.query_params, viewer=request.user, allowed=(*SEGMENT_PARAMETERS, *PAGING)
            )
            page, size = paging(request.query_params)
        except ValidationError as error:
            raise _bad_request(error) from None
        count, segments = segments_page(spec, page=page, size=size)
        return Response({"count": count, "results": [segment_row(s) for s in segments]})


class MatrixView(APIView):
    @extend_schema(
        summary="Codes by delegation, speaker type, gender, country group, meeting or year",
        parameters=[OpenApiParameter(n, str) for n in MATRIX_PARAMETERS],
        responses=serializers.MatrixSerializer,
    )
    def get(self, request: Request) -> Response:
        try:
            result = matrix(matrix_spec(request.query_params, viewer=request.user))
        except ValidationError as error:
            raise _bad_request(error) from None
        return Response(
            {
                "columns_by": result.spec.columns,
                "columns": [
                    {"key": str(c.key), "label": c.label, "statements": c.statements,
                     "speakers": c.speakers}
                    for c in result.columns
                ],
                "rows": [
                    {"code": code.slug, "name": code.name, "cells": [
                        {"statements": x.statements, "speakers": x.speakers,
                         "share_of_statements": x.share_of_statements,
                         "share_of_speakers": x.share_of_speakers, "passages": x.url or None}
                        for x in cells
                    ]}
                    for code, cells in result.rows
                ],
            }
        )  # fmt: skip
