"""The XL corpus: a million statements, two million annotations, generated in minutes.

`generate_corpus` (the ORM generator, bulk_create in batches) writes a base of
`base_meetings` meetings; that base is then copied `copies - 1` times more with
INSERT … SELECT inside PostgreSQL, each copy with new ids, its own meeting symbols
(SYN/<seed>/<n>/<copy>) and its dates moved by a copy-specific number of days (still
2015–2024), so dates, bodies and years spread as in the base. The indexes that back no
constraint are dropped before the copies and built again after (one sort each instead of
a million index insertions). Then a few statements (ids divisible by RARE_EVERY) get one
sentence more with words found nowhere else (RARE_SENTENCE), so a rare-word search has
something to find, and their annotations' suffixes are recomputed as quote_context
would. Last, VACUUM ANALYZE.

The base is real generator output (word-aligned spans, quote == text[start:end]); the
copies repeat its texts, so search hit counts grow exactly with the number of copies.
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass

from django.core.management import call_command
from django.db import connection

from annotations.coding.anchoring import CONTEXT_CHARS

SEED = 50
RARE_EVERY = 20011
RARE_SENTENCE = "The delegate of Tuvalu described an ombudsperson for migrant fishers."
RARE_WORD = "ombudsperson"
# Tables whose rows are copied, and the columns each copy rewrites.
TABLES = ("tracker_meeting", "tracker_statement", "annotations_annotation")


@dataclass(frozen=True)
class XLSize:
    base_meetings: int = 500
    statements_per_meeting: int = 200
    annotations_per_statement: int = 2
    copies: int = 10
    analysts: int = 3
    rare_every: int = RARE_EVERY

    @property
    def statements(self) -> int:
        return self.base_meetings * self.statements_per_meeting * self.copies


XL = XLSize()


def _columns(table: str) -> list[str]:
    """The table's columns, less the generated ones (tracker_statement.search_document)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s"
            " AND is_generated = 'NEVER' ORDER BY ordinal_position",
            [table],
        )
        return [row[0] for row in cursor.fetchall()]


def _max_id(table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT coalesce(max(id), 0) FROM {table}")  # noqa: S608 (our names)
        return cursor.fetchone()[0]


def _free_indexes() -> list[tuple[str, str]]:
    """(name, CREATE INDEX …) of the copied tables' indexes that back no constraint."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT indexname, indexdef FROM pg_indexes
            WHERE tablename = ANY(%s) AND indexname NOT IN (SELECT conname FROM pg_constraint)
            ORDER BY indexname
            """,
            [list(TABLES[1:])],
        )
        return cursor.fetchall()


def _copy_sql(table: str, overrides: dict[str, str]) -> str:
    columns = _columns(table)
    quoted = ", ".join(f'"{c}"' for c in columns)
    select = ", ".join(overrides.get(c, f'src."{c}"') for c in columns)
    return f"INSERT INTO {table} ({quoted}) SELECT {select} FROM {table} src WHERE src.id <= %s"  # noqa: S608


def exists() -> bool:
    from tracker.models import Meeting

    return Meeting.objects.filter(symbol__startswith=f"SYN/{SEED}/").exists()


def build(size: XLSize = XL, *, log=print, vacuum: bool = True) -> dict[str, float]:
    """Generate the XL corpus into an empty (migrated) PostgreSQL database; returns seconds.

    vacuum=False leaves out VACUUM ANALYZE, which cannot run inside a transaction (tests).
    """
    if connection.vendor != "postgresql":
        raise RuntimeError("The XL corpus is built with PostgreSQL's INSERT … SELECT.")
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    call_command(
        "generate_corpus", meetings=size.base_meetings,
        statements_per_meeting=size.statements_per_meeting,
        annotations_per_statement=size.annotations_per_statement, analysts=size.analysts,
        seed=SEED, batch_size=10000, stdout=io.StringIO(),
    )  # fmt: skip
    seconds["base (generate_corpus)"] = time.perf_counter() - started
    log(f"base generated in {seconds['base (generate_corpus)']:.0f} s")

    started = time.perf_counter()
    base = {table: _max_id(table) for table in TABLES}
    indexes = _free_indexes()
    copies = {
        "tracker_meeting": {
            "symbol": "src.symbol || '/' || {k}",
            "date": "DATE '2015-01-01' + ((src.date - DATE '2015-01-01') + {k} * 409) %% 3650",
        },
        "tracker_statement": {"meeting_id": "src.meeting_id + {k} * {meeting}"},
        "annotations_annotation": {"statement_id": "src.statement_id + {k} * {statement}"},
    }
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '512MB'")
        # Foreign keys are checked as each INSERT ends: CREATE INDEX refuses a table with
        # checks still pending (inside a transaction, as in the tests).
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        for k in range(1, size.copies):
            values = {"k": k, "meeting": base["tracker_meeting"]}
            values["statement"] = base["tracker_statement"]
            for table in TABLES:
                overrides = {"id": f"src.id + {{k}} * {base[table]}", **copies[table]}
                sql = _copy_sql(table, {c: e.format(**values) for c, e in overrides.items()})
                cursor.execute(sql, [base[table]])
            log(f"copy {k} of {size.copies - 1} inserted")
        seconds["copies (INSERT … SELECT)"] = time.perf_counter() - started
        started = time.perf_counter()
        for _name, definition in indexes:
            cursor.execute(definition)
        for table in TABLES:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), max(id)) FROM {table}"  # noqa: S608
            )
        cursor.execute(
            "UPDATE tracker_statement SET text = text || ' ' || %s WHERE id %% %s = 0",
            [RARE_SENTENCE, size.rare_every],
        )
        cursor.execute(
            """
            UPDATE annotations_annotation a SET suffix = substr(s.text, a."end" + 1, %s)
            FROM tracker_statement s
            WHERE s.id = a.statement_id AND s.id %% %s = 0 AND a."end" IS NOT NULL
            """,
            [CONTEXT_CHARS, size.rare_every],
        )
        seconds["indexes, rare words"] = time.perf_counter() - started
        if vacuum:
            started = time.perf_counter()
            cursor.execute("VACUUM ANALYZE")
            seconds["VACUUM ANALYZE"] = time.perf_counter() - started
    log(", ".join(f"{name} {value:.0f} s" for name, value in seconds.items()))
    return seconds
