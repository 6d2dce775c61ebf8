"""W3C Web Annotation (JSON-LD) export.

The export is one AnnotationCollection whose first (and last, and only) page
lists every annotation; the page's IRI is the collection's with #page1. It is
written as it streams from the database, so a whole corpus never sits in memory.
Each annotation classifies its target with a code (a tagging body
with the code's slug, a classifying body with its name, a commenting body for
the memo). The target is the statement: with a TextQuoteSelector (exact,
prefix, suffix) and a TextPositionSelector (start, end, in Unicode code points
of the statement text) for a passage, and the whole statement otherwise.
"""

import json
from collections.abc import Iterable, Iterator

from .rows import HEADINGS
from .tabular import pieces

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# Columns after the standard ones that the JSON-LD writer needs.
EXTRA_COLUMNS = (("prefix", "prefix"), ("suffix", "suffix"), ("updated", "updated"))
_INDEX = {heading: i for i, heading in enumerate(HEADINGS + tuple(h for h, _ in EXTRA_COLUMNS))}


def web_annotation(row: tuple, *, base_url: str) -> dict:
    """One export row (standard columns + EXTRA_COLUMNS) as a W3C annotation."""
    value = {heading: row[index] for heading, index in _INDEX.items()}
    statement_iri = f"{base_url}/api/statements/{value['statement_id']}/"
    body = [
        {"type": "TextualBody", "purpose": "tagging", "value": value["code_slug"]},
        {"type": "TextualBody", "purpose": "classifying", "value": value["code_name"]},
    ]
    if value["memo"]:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": value["memo"]})
    if value["start"] is None:
        target: dict | str = statement_iri
    else:
        target = {
            "source": statement_iri,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": value["quote"],
                    "prefix": value["prefix"],
                    "suffix": value["suffix"],
                },
                {"type": "TextPositionSelector", "start": value["start"], "end": value["end"]},
            ],
        }
    return {
        "id": f"{base_url}/api/annotations/{value['annotation_id']}/",
        "type": "Annotation",
        "motivation": "classifying",
        "creator": {"type": "Person", "nickname": value["analyst"]},
        "created": value["created"].isoformat(),
        "modified": value["updated"].isoformat(),
        "body": body,
        "target": target,
    }


def web_annotation_chunks(
    rows: Iterable[tuple], *, base_url: str, collection_id: str, total: int
) -> Iterator[bytes]:
    """A streamed AnnotationCollection; `rows` come from export_rows(…, EXTRA_COLUMNS)."""
    page_id = f"{collection_id}#page1"  # the one page: the model says it MUST have an IRI
    head = {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": "Annotations exported from the gender-analysis workbench",
        "total": total,
        "last": page_id,
    }
    page = {"id": page_id, "type": "AnnotationPage", "partOf": collection_id, "startIndex": 0}
    opening = json.dumps(head, ensure_ascii=False)[:-1]
    page_opening = json.dumps(page, ensure_ascii=False)[:-1]
    yield f'{opening}, "first": {page_opening}, "items": [\n'.encode()
    separator = ""
    for piece in pieces(rows):
        items = ",\n".join(
            json.dumps(web_annotation(row, base_url=base_url), ensure_ascii=False) for row in piece
        )
        yield (separator + items).encode("utf-8")
        separator = ",\n"
    yield b"\n]}}\n"
