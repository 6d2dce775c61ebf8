import base64
import binascii
import json
from urllib import parse

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

MAX_PAGE_SIZE = 500


class StrictPageSizeMixin:
    """`page_size` must be a whole number from 1 to 500: a bigger one is refused, not cut."""

    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None or raw == "":
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: (
                        f"page_size must be a whole number from 1 to {self.max_page_size} "
                        f"(got {raw[:20]!r})."
                    )
                }
            )
        return size

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"] = {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE}
        return parameters


class PageNumberPagination(StrictPageSizeMixin, pagination.PageNumberPagination):
    """Page-number pagination; clients may ask for up to 500 rows a page."""

    page_size = 50


class CursorPagination(StrictPageSizeMixin, pagination.CursorPagination):
    """Cursor pagination by id: stable while rows are added, cheap on deep pages."""

    page_size = 100
    ordering = "id"

    def paginate_queryset(self, queryset, request, view=None):
        self._model = queryset.model
        return super().paginate_queryset(queryset, request, view)

    def decode_cursor(self, request):
        """A cursor this list never made is refused (400), not read as the first page."""
        encoded = request.query_params.get(self.cursor_query_param)
        if encoded is None:
            return None
        refused = ValidationError(
            {
                self.cursor_query_param: "This cursor is not one this list gave; start again "
                "from the first page and follow its next and previous links."
            }
        )
        if not _is_drf_cursor(encoded):
            raise refused
        try:
            cursor = super().decode_cursor(request)
        except NotFound:
            raise refused from None
        if cursor.position is not None and not self._position_fits(cursor.position):
            raise refused
        return cursor

    def _position_fits(self, position: str) -> bool:
        first = self.ordering if isinstance(self.ordering, str) else self.ordering[0]
        try:
            self._model._meta.get_field(first.lstrip("-")).to_python(position)
        except DjangoValidationError:
            return False
        return True


def _is_drf_cursor(encoded: str) -> bool:
    """Whether `encoded` has the shape DRF's cursors have: base64 of o=, r=, p= only."""
    try:
        text = base64.b64decode(encoded.encode("ascii"), validate=True).decode("ascii")
        tokens = parse.parse_qs(text, keep_blank_values=True, strict_parsing=True)
    except (ValueError, binascii.Error):
        return False
    return (
        bool(tokens)
        and not set(tokens) - {"o", "r", "p"}
        and all(len(values) == 1 for values in tokens.values())
    )


class KeysetPagination(StrictPageSizeMixin, pagination.BasePagination):
    """Forward pages by key: WHERE (k1, k2) > (last row's) ORDER BY k1, k2 LIMIT n.

    Any depth costs the same (an index range scan from the last key), unlike an
    OFFSET that reads every row before the page. The cursor is the last row's
    key, opaque to clients: `?cursor=` (empty) is the first page, then follow `next`.
    """

    page_size = 50
    cursor_query_param = "cursor"
    keys: tuple[str, ...] = ()

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.size = self.get_page_size(request)
        after = self.decode(request.query_params.get(self.cursor_query_param, ""))
        if after is not None:
            queryset = queryset.filter(self.after(after))
        rows = list(queryset.order_by(*self.keys)[: self.size + 1])
        self.next_key = None
        if len(rows) > self.size:
            rows = rows[: self.size]
            self.next_key = [getattr(rows[-1], key) for key in self.keys]
        return rows

    def after(self, values: list) -> Q:
        """Rows whose key comes after `values`, in lexicographic order.

        The extra `first key >= value` lets the database start an index range scan
        there instead of filtering from the start of the index.
        """
        later = Q()
        for index, key in enumerate(self.keys):
            equal = {k: v for k, v in zip(self.keys[:index], values, strict=False)}
            later |= Q(**equal, **{f"{key}__gt": values[index]})
        return later & Q(**{f"{self.keys[0]}__gte": values[0]})

    def decode(self, raw: str) -> list | None:
        if not raw:
            return None
        try:
            values = json.loads(base64.urlsafe_b64decode(raw.encode("ascii")))
            if len(values) == len(self.keys) and all(type(v) is int for v in values):
                return values
        except (ValueError, TypeError, UnicodeError):
            pass
        raise ValidationError({self.cursor_query_param: "Not a cursor this API gave; follow next."})

    def encode(self, values: list) -> str:
        return base64.urlsafe_b64encode(json.dumps(values).encode("ascii")).decode("ascii")

    def get_paginated_response(self, data):
        next_url = None
        if self.next_key is not None:
            next_url = replace_query_param(
                self.request.build_absolute_uri(),
                self.cursor_query_param,
                self.encode(self.next_key),
            )
        return Response({"next": next_url, "results": data})


class PageNumberOrKeysetPagination(pagination.BasePagination):
    """Page numbers as before; `?cursor=` opts in to keyset pages (KeysetPagination).

    Existing clients keep their responses ({count, next, previous, results});
    a client that sends `cursor` (empty for the first page) gets {next, results}.
    """

    keys: tuple[str, ...] = ()

    def paginate_queryset(self, queryset, request, view=None):
        if KeysetPagination.cursor_query_param in request.query_params:
            if "page" in request.query_params:
                raise ValidationError({"page": "Send page or cursor, not both."})
            self.chosen = KeysetPagination()
            self.chosen.keys = self.keys
        else:
            self.chosen = PageNumberPagination()
        return self.chosen.paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        return self.chosen.get_paginated_response(data)

    def get_paginated_response_schema(self, schema):
        return PageNumberPagination().get_paginated_response_schema(schema)

    def get_schema_operation_parameters(self, view):
        cursor = {
            "name": KeysetPagination.cursor_query_param,
            "required": False,
            "in": "query",
            "description": (
                "Opt in to keyset pages, which cost the same at any depth: send it empty "
                "for the first page, then follow `next`. The response is then "
                "{next, results} (no count); without it, page numbers as before."
            ),
            "schema": {"type": "string"},
        }
        return [*PageNumberPagination().get_schema_operation_parameters(view), cursor]
