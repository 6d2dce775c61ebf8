"""Verbatim records (procès-verbaux, S/PV…, A/…/PV…) from the UN's PDFs: pure Python,
bytes or text in, plain data out, no ORM.

    parse_verbatim_record(data, *, symbol="")  the PDF or its text → VerbatimRecord
    looks_like_verbatim_record(text)           detection, for `--kind auto`

extract (PDF → page text) → cleaning (furniture out, paragraphs) → header (the cover)
→ structure (directions, votes, headings) → turns and assemble (statements).
"""

from .detect import looks_like_verbatim_record
from .header import Member, VerbatimHeader
from .parse import parse_verbatim_record
from .records import VERBATIM_RECORD, VerbatimRecord, VerbatimStatement

__all__ = [
    "VERBATIM_RECORD",
    "Member",
    "VerbatimHeader",
    "VerbatimRecord",
    "VerbatimStatement",
    "looks_like_verbatim_record",
    "parse_verbatim_record",
]
