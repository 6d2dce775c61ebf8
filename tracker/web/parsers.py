"""The API's JSON parser: DRF's, with a size limit and json_input's depth and text rules.

DRF reads the request stream itself, past Django's DATA_UPLOAD_MAX_MEMORY_SIZE check,
and its json.load recurses into a body nested 10,000 deep until Python gives up (a
500). This parser reads at most the limit, refuses more with a 413 and anything
json_input refuses with a 400 naming the problem.
"""

from django.conf import settings
from rest_framework import exceptions, parsers, status
from rest_framework.parsers import JSONParser as DrfJSONParser
from rest_framework.parsers import ParseError

from . import json_input


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "request_too_large"

    def __init__(self):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        super().__init__(f"The request body is larger than {limit / 2**20:g} MB; it is not read.")


class JSONParser(DrfJSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        raw = stream.read(limit + 1) if stream is not None else b""
        if len(raw) > limit:
            raise RequestTooLarge()
        encoding = parsers.get_encoding(parser_context or {})
        try:
            return json_input.loads(raw.decode(encoding), subject="The request body")
        except UnicodeDecodeError as exc:
            raise ParseError(
                f"The request body is not {encoding} text (byte {exc.start})."
            ) from None
        except json_input.JSONInputError as exc:
            # DRF's own wording first, so clients that look for it still find it.
            raise ParseError(f"JSON parse error - {exc}") from None
