"""Exports of coded data: streaming writers, one row per live annotation.

Each writer takes a filtered Annotation queryset and yields bytes, pulling rows
from the database through a server-side cursor in chunks (PostgreSQL), so the
memory a download needs does not grow with the number of rows.
"""

from .csv_sql import csv_line_queryset, csv_lines
from .rows import EXPORT_COLUMNS, HEADINGS, export_queryset, export_rows
from .tabular import csv_chunks, jsonl_chunks, neutralise_formula
from .web_annotation import web_annotation_chunks

__all__ = [
    "EXPORT_COLUMNS",
    "HEADINGS",
    "csv_chunks",
    "csv_line_queryset",
    "csv_lines",
    "export_queryset",
    "export_rows",
    "jsonl_chunks",
    "neutralise_formula",
    "web_annotation_chunks",
]
