"""Monitoring over the REST API: the same figures as the pages, as JSON."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError as BadRequest
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from . import serializers
from .paging import PAGING, paging
from .parameters import FILTERS, statement_filters
from .query import QueryError, parse
from .search import hit_row, search_page

SEARCH_PARAMETERS = ("q", *FILTERS, *PAGING, "format")


def searched(params):
    """(tree, filters, page, size) of a search request; 400 naming every problem."""
    errors = {}
    try:
        tree = parse(params.get("q"))
    except QueryError as error:
        errors["q"] = [str(error)]
    try:
        filters = statement_filters(params, allowed=SEARCH_PARAMETERS)
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
            tree, filters, page, size = searched(request.query_params)
            count, page_hits = search_page(tree, filters, page=page, size=size)
        except (ValidationError, QueryError) as error:
            raise BadRequest(getattr(error, "message_dict", {"q": [str(error)]})) from None
        return Response({"count": count, "results": [hit_row(hit) for hit in page_hits]})
