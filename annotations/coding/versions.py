"""Versions over HTTP: every change names the version it was made from.

A client sends it as "version" in the body (or the query, for a delete) or as
an If-Match header; none → 428, a stale one → 409 with the current state (the
services raise StaleVersion). The annotation and missed-opportunity APIs use
these; so may any later resource that is edited concurrently.
"""

import re

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import exceptions, serializers
from rest_framework.response import Response

IF_MATCH = re.compile(r'\s*(?:W/)?"?(\d{1,10})"?\s*')

IF_MATCH_PARAMETER = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description='The version you changed, as an entity tag: "3" (or "version" in the body).',
)
VERSION_PARAMETER = OpenApiParameter(
    "version",
    OpenApiTypes.INT,
    OpenApiParameter.QUERY,
    description="The version you deleted (optional; or an If-Match header).",
)
STALE = OpenApiResponse(description="Changed by someone else since: detail and current state.")
NO_VERSION = OpenApiResponse(description="Say which version you changed.")


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = (
        'Say which version you changed: "version" in the body or If-Match: "<version>".'
    )
    default_code = "precondition_required"


def client_version(request, body_version: int | None) -> int | None:
    """The version the client saw: "version" in the body or query, or If-Match."""
    header = request.headers.get("If-Match")
    header_version = None
    if header:
        match = IF_MATCH.fullmatch(header)
        if match is None:
            raise exceptions.ValidationError(
                {"If-Match": 'Send the version you changed as If-Match: "3".'}
            )
        header_version = int(match.group(1))
    if body_version is not None and header_version is not None and body_version != header_version:
        raise exceptions.ValidationError(
            {"version": f"version {body_version} and If-Match {header_version} disagree."}
        )
    return body_version if body_version is not None else header_version


def query_version(request) -> int | None:
    raw = request.query_params.get("version")
    if raw is None:
        return None
    field = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    try:
        return field.run_validation(raw)
    except exceptions.ValidationError as exc:
        raise exceptions.ValidationError({"version": exc.detail}) from None


def with_etag(response: Response, version: int) -> Response:
    response["ETag"] = f'"{version}"'
    return response
