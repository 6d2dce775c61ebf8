"""The catalogue of download formats: what each is called, where it is served,
what it is sent as, and which function writes it.

The URLs (exchange.urls) and the download views (exchange.api) read it; a new
format is a writer module, an entry here, and a view that documents its
parameters. (doccano's data_export/pipeline/catalog.py is the model.)
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from .refi_qda.codebook import codebook_qdc
from .refi_qda.project import qdpx_chunks
from .tabular import csv_export, jsonl_export
from .web_annotation import web_annotation_chunks


@dataclass(frozen=True)
class Format:
    key: str
    name: str
    path: str  # under /api/export/
    url_name: str
    content_type: str
    extension: str
    writer: Callable
    # What a streamed file ends with when it fails part way (tracker.web.streaming):
    # text that says so, and that a reader of the format cannot take for data.
    error_marker: Callable[[str], bytes] = lambda message: f"\n#ERROR: {message}\n".encode()


def _json_error(message: str) -> bytes:
    # A JSON Lines reader sees an object with "error"; a JSON reader, a broken document.
    return ("\n" + json.dumps({"error": message}) + "\n").encode()


CSV = Format(
    key="csv",
    name="CSV",
    path="annotations.csv",
    url_name="export-csv",
    content_type="text/csv; charset=utf-8",
    extension="csv",
    writer=csv_export,
)
JSON_LINES = Format(
    key="jsonl",
    name="JSON Lines",
    path="annotations.jsonl",
    url_name="export-jsonl",
    content_type="application/jsonl; charset=utf-8",
    extension="jsonl",
    writer=jsonl_export,
    error_marker=_json_error,
)
WEB_ANNOTATION = Format(
    key="jsonld",
    name="W3C Web Annotation (JSON-LD)",
    path="annotations.jsonld",
    url_name="export-jsonld",
    content_type='application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    extension="jsonld",
    writer=web_annotation_chunks,
    error_marker=_json_error,
)
REFI_QDA_CODEBOOK = Format(
    key="qdc",
    name="REFI-QDA codebook",
    path="codebook.qdc",
    url_name="export-qdc",
    content_type="application/xml; charset=utf-8",
    extension="qdc",
    writer=codebook_qdc,
)
REFI_QDA_PROJECT = Format(
    key="qdpx",
    name="REFI-QDA project",
    path="project.qdpx",
    url_name="export-qdpx",
    content_type="application/zip",
    extension="qdpx",
    writer=qdpx_chunks,
)

FORMATS: tuple[Format, ...] = (CSV, JSON_LINES, WEB_ANNOTATION, REFI_QDA_CODEBOOK, REFI_QDA_PROJECT)
