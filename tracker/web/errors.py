"""Validation errors, said once for every face.

Services raise django.core.exceptions.ValidationError. The API turns it into a 400
with field messages, the same shape as DRF's own (never a 500 for a client's mistake);
pages and commands show it as a list of sentences.
"""

from __future__ import annotations

from collections.abc import Collection

from django.core.exceptions import NON_FIELD_ERRORS, RequestDataTooBig, ValidationError
from django.http import JsonResponse
from django.views import defaults
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

from .parsers import RequestTooLarge


def validation_messages(
    error: ValidationError, *, unlabelled: Collection[str] = (NON_FIELD_ERRORS,)
) -> list[str]:
    """Every message of `error`, one per item, in order. A field's messages read
    "field: message", except for the fields in `unlabelled` (whose messages name
    their subject themselves) and messages that belong to no field."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    return [
        message if field in unlabelled else f"{field}: {message}"
        for field, messages in error.message_dict.items()
        for message in messages
    ]


def validation_detail(error: ValidationError) -> dict[str, list[str]]:
    """`error` as an API error body: messages by field, or under "non_field_errors"."""
    if hasattr(error, "error_dict"):
        return error.message_dict
    return {"non_field_errors": error.messages}


def exception_handler(exc, context):
    if isinstance(exc, ValidationError):
        exc = exceptions.ValidationError(detail=validation_detail(exc))
    elif isinstance(exc, RequestDataTooBig):
        exc = RequestTooLarge()
    return drf_exception_handler(exc, context)


def is_api_request(request) -> bool:
    return request.path.startswith("/api/")


def server_error(request, *args, **kwargs):
    """The 500 page: JSON for API clients, Django's plain page for browsers.

    It touches neither the database nor the request's user, so it answers during a
    database outage too (the session and the login both need the database).
    """
    if is_api_request(request):
        return JsonResponse(
            {"detail": "Server error: the request could not be completed. Try again later."},
            status=500,
            headers={"Cache-Control": "no-store"},
        )
    return defaults.server_error(request, *args, **kwargs)
