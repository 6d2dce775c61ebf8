"""Statement text arrives with LF line breaks only, on every path (issue 13): a fixture
whose statement text holds CR (Windows line breaks) is refused, naming the record,
rather than normalised — the fixture's own annotations count offsets in its text."""

from collections.abc import Iterator, Sequence

from tracker.models import Statement

from .checks import register_record_check


@register_record_check("tracker.statement")
def check_line_breaks(statements: Sequence[Statement]) -> Iterator[tuple[Statement, str]]:
    for statement in statements:
        if "\r" in statement.text:
            yield (
                statement,
                "text: holds carriage returns (Windows line breaks, \\r); statement text is "
                "stored with LF line breaks only. Write the fixture with \\n line breaks "
                "(and annotation offsets counted in that text).",
            )
