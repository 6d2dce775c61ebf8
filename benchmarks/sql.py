"""The hand-written SQL the benchmark compares the application with.

coverage_by_code: one GROUP BY giving the numbers of the report's coverage table
(statements, speakers, delegations, speakers by type and by gender per code),
written the way a DBA would write it, no ORM. copy_export: psycopg's
`COPY (the export's own SELECT) TO STDOUT`, the fastest way PostgreSQL can hand
the same rows to a client.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg
from django.db import connection

from annotations.exchange.rows import export_queryset
from annotations.models import Annotation
from tracker.models import Gender, Speaker, SpeakerType, Statement

# A speaker is the named Speaker, else the delegation ("The representative of X"),
# else the statement itself — the report's rule (annotations/reports/speakers.py).
_SPEAKER = """CASE WHEN s.speaker_id IS NOT NULL THEN 'speaker:' || s.speaker_id
              WHEN s.delegation <> '' THEN 'delegation:' || s.delegation
              ELSE 'statement:' || s.id END"""


def _coverage_sql() -> str:
    # The keys are the code's own choices, not user input.
    by_type = [
        f"COUNT(DISTINCT who) FILTER (WHERE speaker_type = '{key}') AS type_{key}"
        for key in SpeakerType.values
    ]
    by_gender = [
        f"COUNT(DISTINCT who) FILTER (WHERE gender = '{key}') AS gender_{key}"
        for key in Gender.values
    ]
    columns = ",\n       ".join(
        [
            "code_id",
            "COUNT(DISTINCT statement_id) AS statements",
            "COUNT(DISTINCT who) AS speakers",
            "COUNT(DISTINCT delegation) FILTER (WHERE delegation <> '') AS delegations",
            *by_type,
            *by_gender,
        ]
    )
    return f"""
WITH coded AS (
  SELECT a.code_id, s.id AS statement_id, s.delegation, s.speaker_type,
         COALESCE(sp.gender, '{Gender.UNKNOWN}') AS gender,
         {_SPEAKER} AS who
  FROM {Annotation._meta.db_table} a
  JOIN {Statement._meta.db_table} s ON s.id = a.statement_id
  LEFT JOIN {Speaker._meta.db_table} sp ON sp.id = s.speaker_id
  WHERE s.meeting_id = %s AND a.deleted_at IS NULL
)
SELECT {columns}
FROM coded
GROUP BY code_id"""


COVERAGE_SQL = _coverage_sql()


def coverage_by_code(*, meeting_id: int) -> dict[int, dict[str, int]]:
    """{code id: {"statements", "speakers", "delegations", "type_<key>", "gender_<key>"}}."""
    with connection.cursor() as cursor:
        cursor.execute(COVERAGE_SQL, [meeting_id])
        names = [column[0] for column in cursor.description]
        return {row[0]: dict(zip(names[1:], row[1:], strict=True)) for row in cursor.fetchall()}


@dataclass(frozen=True)
class Copied:
    rows: int
    bytes: int


def copy_select(sql: str, params: tuple | list = ()) -> Copied:
    """COPY (sql) TO STDOUT in CSV through psycopg, counting rows and bytes (PostgreSQL)."""
    if connection.vendor != "postgresql":
        raise RuntimeError(f"COPY needs PostgreSQL; this database is {connection.vendor}.")
    connection.ensure_connection()
    raw: psycopg.Connection = connection.connection
    query = psycopg.ClientCursor(raw).mogrify(sql, params)
    size = 0
    with raw.cursor() as cursor:
        with cursor.copy(f"COPY ({query}) TO STDOUT (FORMAT csv)") as copy:
            for data in copy:
                size += len(data)
        # PostgreSQL reports "COPY <rows>" when the copy ends.
        return Copied(rows=cursor.rowcount, bytes=size)


def export_select() -> tuple[str, tuple]:
    """The SQL and parameters of the export of every live annotation, as the app runs it."""
    return export_queryset(Annotation.objects.live()).query.sql_with_params()
