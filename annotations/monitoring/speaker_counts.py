"""Statements and distinct speakers per group, with and without a flag, in one query.

`COUNT(DISTINCT <speaker identity>)` (reports/speakers.py) builds a string per statement
and sorts every group's strings: at a million statements (benchmarks/xl.py) that sort
was most of each trend query (external merge with PostgreSQL's 4 MB work_mem). Here the
statements are first grouped by (group, speaker) in a derived table — integer and short
keys, no string built — and the outer query counts those rows: a speaker is one row of
its group. The speaker is the one of reports/speakers.py's `speaker_identity()`: the
Speaker row, else the printed delegation, else the statement itself; the last kind is
kept as one row per group holding how many such statements there are (each is a
speaker of its own), so the derived table never has a row per statement.

The outer query is SQL around the ORM's own SQL (the ORM cannot aggregate a derived
table); the inner query carries every filter and its parameters unchanged.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import connections
from django.db.models import Case, Count, F, Q, QuerySet, When

WHO_SPEAKER = "who_speaker"
WHO_DELEGATION = "who_delegation"


def _quote(name: str, using: str) -> str:
    return connections[using].ops.quote_name(name)


def _outer(inner: str, group: list[str], flags: list[str], using: str) -> str:
    q = lambda name: _quote(name, using)  # noqa: E731
    # The row of the statements without a speaker or delegation: each is a speaker.
    lone = f"{q(WHO_SPEAKER)} IS NULL AND {q(WHO_DELEGATION)} = ''"
    columns = [*(q(g) for g in group), f"SUM({q('n')}) AS {q('statements')}"]
    columns.append(f"SUM(CASE WHEN {lone} THEN {q('n')} ELSE 1 END) AS {q('speakers')}")
    for flag in flags:
        n = q(f"n_{flag}")
        columns.append(f"SUM({n}) AS {q(f'{flag}_statements')}")
        columns.append(
            f"SUM(CASE WHEN {lone} THEN {n} WHEN {n} > 0 THEN 1 ELSE 0 END)"
            f" AS {q(f'{flag}_speakers')}"
        )
    group_by = f" GROUP BY {', '.join(q(g) for g in group)}" if group else ""
    # Quoted aliases of this module and the ORM's compiled SQL; the values stay params.
    return f"SELECT {', '.join(columns)} FROM ({inner}) AS {q('per_speaker')}{group_by}"  # noqa: S608


def speaker_rows(
    statements: QuerySet, *, fields: tuple[str, ...] = (), expressions: dict | None = None,
    flags: dict[str, Q] | None = None,
) -> QuerySet:  # fmt: skip
    """The derived table: a row per group and speaker, with `n` statements and `n_<flag>`
    of them matching each flag (the statements without a speaker or delegation of a
    group share one row; see is_lone)."""
    return (
        statements.values(
            *fields,
            **(expressions or {}),
            **{
                WHO_SPEAKER: F("speaker_id"),
                WHO_DELEGATION: Case(When(speaker_id__isnull=True, then=F("delegation"))),
            },
        )
        .annotate(
            n=Count("*"),
            **{f"n_{flag}": Count("pk", filter=q) for flag, q in (flags or {}).items()},
        )
        .order_by()
    )


def is_lone(row: dict) -> bool:
    """Whether a speaker_rows() row holds statements with neither speaker nor delegation,
    each of them a speaker of its own."""
    return row[WHO_SPEAKER] is None and row[WHO_DELEGATION] == ""


def speakers_per(rows, field: str, flag: str) -> dict:
    """From speaker_rows() grouped by `field` and more: per value of `field`, (speakers,
    speakers with the flag), each speaker once however many rows it has."""
    seen: dict = defaultdict(set)
    flagged: dict = defaultdict(set)
    lone: dict = defaultdict(lambda: [0, 0])
    for row in rows:
        key = row[field]
        if is_lone(row):
            lone[key][0] += row["n"]
            lone[key][1] += row[f"n_{flag}"]
            continue
        who = (row[WHO_SPEAKER], row[WHO_DELEGATION])
        seen[key].add(who)
        if row[f"n_{flag}"]:
            flagged[key].add(who)
    return {
        key: (len(seen[key]) + lone[key][0], len(flagged[key]) + lone[key][1])
        for key in {*seen, *lone}
    }


def speaker_counts(
    statements: QuerySet, *, fields: tuple[str, ...] = (), expressions: dict | None = None,
    flags: dict[str, Q] | None = None,
) -> list[dict]:  # fmt: skip
    """Per group (the `fields` and named `expressions` of the statements): `statements`
    and `speakers`, and for each flag `<flag>_statements` and `<flag>_speakers` (the
    statements matching its Q, and the speakers with at least one). Sums come back as
    int; group columns as the database cursor gives them (no model converters)."""
    expressions = expressions or {}
    flags = flags or {}
    group = [*fields, *expressions]
    per_speaker = speaker_rows(statements, fields=fields, expressions=expressions, flags=flags)
    inner, params = per_speaker.query.sql_with_params()
    using = statements.db
    sql = _outer(inner, group, list(flags), using)
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    counted = set(names) - set(group)
    for row in rows:
        for name in counted:
            row[name] = int(row[name] or 0)
    return rows
