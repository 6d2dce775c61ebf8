from rest_framework import pagination
from rest_framework.exceptions import ValidationError

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
