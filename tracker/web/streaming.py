"""Streamed downloads that fail where the client sees it.

Once a streamed response has sent its status line, a failure cannot become a 400 or a
500 any more: a CSV export used to answer 200 with its header only and then cut the
connection, an empty file that looked valid. So:

1. `start_stream` produces the first chunk before the response is returned — the
   query runs and the parameters are read then, so their errors still get an ordinary
   JSON 400 or 500;
2. a failure after that ends the body with the format's error marker (a line that says
   the file is incomplete) and re-raises, so the server aborts the connection and the
   client's HTTP library reports an incomplete transfer (no final chunk).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from itertools import chain

logger = logging.getLogger(__name__)

INCOMPLETE = "The export failed before its end; this file is incomplete. Download it again."


def start_stream(
    chunks: Iterable[bytes], *, error_marker: Callable[[str], bytes]
) -> Iterator[bytes]:
    """Run `chunks` up to its first chunk now; guard the rest (see the module's text)."""
    iterator = iter(chunks)
    first = next(iterator, None)
    return _guarded(chain([] if first is None else [first], iterator), error_marker)


def _guarded(chunks: Iterator[bytes], error_marker: Callable[[str], bytes]) -> Iterator[bytes]:
    try:
        yield from chunks
    except Exception:
        logger.exception("A streamed download failed part way")
        yield error_marker(INCOMPLETE)
        raise
