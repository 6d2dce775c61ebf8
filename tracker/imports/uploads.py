"""What an import face does with an upload before the preview: parse it, timed.

    parse_upload(data, kind, symbol, date) → PressRelease

A verbatim record's PDF costs seconds of CPU (pdfminer's layout of every glyph:
A/76/PV.102, 30 pages, 3–4 s on a shared two-core machine; a press release 20–60 ms), so
the import page calls it for texts only and leaves PDFs to the task queue's worker
(bulk/tasks.py), which calls it with the same plain data.
"""

from __future__ import annotations

import datetime
import logging
import time

from .parsing.catalogue import AUTO, VERBATIM_RECORD, parse
from .parsing.detection import is_pdf
from .parsing.records import PressRelease

logger = logging.getLogger(__name__)

MAX_TEXT_BYTES = 5 * 1024 * 1024  # a press release is at most a few hundred kilobytes
MAX_PDF_BYTES = 20 * 1024 * 1024  # a 40-page record is about 1 MB; a 1950 scan, 2 MB
MEGABYTE = 1024 * 1024


def upload_problem(*, name: str, size: int, head: bytes) -> str:
    """Why an upload is too large to import, or "" when it is not."""
    pdf = is_pdf(head)
    limit = MAX_PDF_BYTES if pdf else MAX_TEXT_BYTES
    if size <= limit:
        return ""
    what = "a verbatim record's PDF is about 1 MB" if pdf else "a release is a few hundred kB"
    return (
        f"{name} is {size / MEGABYTE:.1f} MB, over the limit of {limit // MEGABYTE} MB for "
        f"{'a PDF' if pdf else 'a text or web page'} ({what}). Nothing was imported."
    )


# A release is tens of kilobytes (GA/11955: 61 kB; a saved web page a few hundred): a text
# larger than this is read by the queue's worker, as a PDF always is.
BACKGROUND_TEXT_BYTES = 512 * 1024


def read_in_background(data: bytes | str, kind: str) -> bool:
    """Whether the import page leaves this upload to the queue's worker: a PDF read as a
    verbatim record (as another kind, parse refuses it at once, before reading it), or a
    text too large to parse while a web worker waits."""
    if is_pdf(data):
        return kind in (AUTO, VERBATIM_RECORD)
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8"))
    return size > BACKGROUND_TEXT_BYTES


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
        "a PDF of" if is_pdf(data) else "a text of",
        f"{len(data)} bytes",
        release.kind,
        seconds,
        len(release.statements),
    )
    return release
