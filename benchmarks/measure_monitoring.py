"""Corpus search and trends against hand-written SQL of the same results, on PostgreSQL.

Search: "survivors" over every statement, the count and the first page of 50 in
reading order, as /api/search/ computes them (search_page), against one COUNT and one
SELECT … LIMIT 50 over the same GIN-indexed expression. Trends: the share of statements
and of speakers coded with one code, per body and year, for every statement (trends()),
against one GROUP BY with EXISTS. Both check that they agree before timing, and the ORM
and SQL runs go turn about, so the shared machine's load hits both alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from .stats import Sample, timed_turns

QUERY = "survivors"
PAGE = 50

SEARCH_COUNT_SQL = """
SELECT count(*) FROM tracker_statement s
WHERE s.search_document @@ to_tsquery('simple', %s)
"""
SEARCH_PAGE_SQL = """
SELECT s.id, s.text, m.symbol, m.date, sp.name FROM tracker_statement s
JOIN tracker_meeting m ON m.id = s.meeting_id
LEFT JOIN tracker_speaker sp ON sp.id = s.speaker_id
WHERE s.search_document @@ to_tsquery('simple', %s)
ORDER BY m.date, s.meeting_id, s."order" LIMIT %s
"""
TRENDS_SQL = """
WITH marked AS (
  SELECT m.body, EXTRACT(YEAR FROM m.date)::int AS year,
         CASE WHEN s.speaker_id IS NOT NULL THEN 'speaker:' || s.speaker_id
              WHEN s.delegation <> '' THEN 'delegation:' || s.delegation
              ELSE 'statement:' || s.id END AS who,
         EXISTS (SELECT 1 FROM annotations_annotation a
                 WHERE a.statement_id = s.id AND a.code_id = %s AND a.deleted_at IS NULL) AS coded
  FROM tracker_statement s JOIN tracker_meeting m ON m.id = s.meeting_id
)
SELECT body, year, count(*), count(*) FILTER (WHERE coded),
       count(DISTINCT who), count(DISTINCT who) FILTER (WHERE coded)
FROM marked GROUP BY body, year
"""


@dataclass(frozen=True)
class MonitoringTimes:
    statements: int
    hits: int
    search: Sample
    search_sql: Sample
    trends: Sample
    trends_sql: Sample
    code: str


def _sql(sql: str, params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _trend_code():
    from annotations.models import Annotation, Code

    return Code.objects.get(pk=Annotation.objects.values("code_id").first()["code_id"])


@dataclass(frozen=True)
class SearchTimes:
    query: str
    hits: int
    orm: Sample
    sql: Sample


def search_times(query: str, *, repeat: int) -> SearchTimes:
    """One query over every statement: search_page's count and first page against SQL's."""
    from annotations.monitoring.parameters import statement_filters
    from annotations.monitoring.query import parse, to_tsquery
    from annotations.monitoring.search import search_page

    tree, filters = parse(query), statement_filters({}, viewer=None)
    tsquery = to_tsquery(tree)

    def orm_search():
        return search_page(tree, filters, page=1, size=PAGE)

    def sql_search():
        return _sql(SEARCH_COUNT_SQL, [tsquery])[0][0], _sql(SEARCH_PAGE_SQL, [tsquery, PAGE])

    count, hits = orm_search()
    sql_count, sql_rows = sql_search()
    assert count == sql_count, f"{query!r}: {count} hits, SQL {sql_count}"
    assert [h.statement.pk for h in hits] == [r[0] for r in sql_rows], f"{query!r}: pages differ"
    t = timed_turns({"orm": orm_search, "sql": sql_search}, repeat=repeat)
    return SearchTimes(query=query, hits=count, orm=t["orm"], sql=t["sql"])


def trend_times(*, repeat: int) -> tuple[Sample, Sample, str]:
    """trends() by year for one code against TRENDS_SQL: (ORM, SQL, the code's slug)."""
    from annotations.monitoring.trends import trend_spec, trends

    code = _trend_code()

    def orm_trends():
        return trends(trend_spec({"code": code.slug, "by": "year"}, viewer=None))

    def sql_trends():
        return _sql(TRENDS_SQL, [code.pk])

    orm = {(p.body, p.year): (p.statements, p.coded_statements, p.speakers, p.coded_speakers)
           for p in orm_trends().points}  # fmt: skip
    assert orm == {(r[0], r[1]): tuple(r[2:]) for r in sql_trends()}, "trends differ from SQL"
    t = timed_turns({"orm": orm_trends, "sql": sql_trends}, repeat=repeat)
    return t["orm"], t["sql"], code.slug


def monitoring_times(*, repeat: int) -> MonitoringTimes:
    from tracker.models import Statement

    search = search_times(QUERY, repeat=repeat)
    trends_orm, trends_sql, code = trend_times(repeat=repeat)
    return MonitoringTimes(
        statements=Statement.objects.count(),
        hits=search.hits,
        search=search.orm,
        search_sql=search.sql,
        trends=trends_orm,
        trends_sql=trends_sql,
        code=code,
    )
