"""What an import face does with an upload before the preview: parse it, timed.

    parse_upload(data, kind, symbol, date) → PressRelease

The import page calls it synchronously. A verbatim record's PDF costs seconds of CPU
(pdfminer's layout of every glyph: A/76/PV.102, 30 pages, 3–4 s on a shared two-core
machine; a press release 20–60 ms), so this is the one call to move into background work
(django-tasks) once the task queue exists; it takes and returns plain data for that.
"""

from __future__ import annotations

import datetime
import logging
import time

from .parsing.catalogue import parse
from .parsing.records import PressRelease

logger = logging.getLogger(__name__)

MAX_TEXT_BYTES = 5 * 1024 * 1024  # a press release is at most a few hundred kilobytes
MAX_PDF_BYTES = 20 * 1024 * 1024  # a 40-page record is about 1 MB; a 1950 scan, 2 MB
MEGABYTE = 1024 * 1024


def upload_problem(*, name: str, size: int, head: bytes) -> str:
    """Why an upload is too large to import, or "" when it is not."""
    pdf = head.lstrip()[:5] == b"%PDF-"
    limit = MAX_PDF_BYTES if pdf else MAX_TEXT_BYTES
    if size <= limit:
        return ""
    what = "a verbatim record's PDF is about 1 MB" if pdf else "a release is a few hundred kB"
    return (
        f"{name} is {size / MEGABYTE:.1f} MB, over the limit of {limit // MEGABYTE} MB for "
        f"{'a PDF' if pdf else 'a text or web page'} ({what}). Nothing was imported."
    )


def parse_upload(
    data: bytes | str, kind: str, symbol: str = "", date: datetime.date | None = None
) -> PressRelease:
    """Parse what the analyst gave (ImportProblem when it cannot be imported), logging
    how long it took."""
    started = time.process_time()
    release = parse(data, kind=kind, symbol=symbol, date=date)
    seconds = time.process_time() - started
    logger.info(
        "parsed %s %s as %s in %.2f s CPU (%d statements)",
        "a PDF of" if isinstance(data, bytes) and data[:5] == b"%PDF-" else "a text of",
        f"{len(data)} bytes",
        release.kind,
        seconds,
        len(release.statements),
    )
    return release
