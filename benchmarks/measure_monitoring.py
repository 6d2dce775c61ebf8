"""Corpus search and trends against hand-written SQL of the same results, on PostgreSQL.

Search: "survivors" over every statement, the count and the first page of 50 in
reading order, as /api/search/ computes them (search_page), against one COUNT and one
SELECT … LIMIT 50 over the same GIN-indexed expression. Trends: the share of statements
and of speakers coded with one code, per body and year, for every statement (trends()),
against one GROUP BY with EXISTS. Both check that they agree before timing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from .stats import Sample, timed

QUERY = "survivors"
PAGE = 50

SEARCH_COUNT_SQL = """
SELECT count(*) FROM tracker_statement s
WHERE wb_search_document(s.text) @@ to_tsquery('simple', %s)
"""
SEARCH_PAGE_SQL = """
SELECT s.id, s.text, m.symbol, m.date, sp.name FROM tracker_statement s
JOIN tracker_meeting m ON m.id = s.meeting_id
LEFT JOIN tracker_speaker sp ON sp.id = s.speaker_id
WHERE wb_search_document(s.text) @@ to_tsquery('simple', %s)
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


def monitoring_times(*, repeat: int) -> MonitoringTimes:
    from annotations.models import Annotation, Code
    from annotations.monitoring.parameters import statement_filters
    from annotations.monitoring.query import parse, to_tsquery
    from annotations.monitoring.search import search_page
    from annotations.monitoring.trends import trend_spec, trends
    from tracker.models import Statement

    tree, filters = parse(QUERY), statement_filters({}, viewer=None)
    tsquery = to_tsquery(tree)
    code = Code.objects.get(pk=Annotation.objects.values("code_id").first()["code_id"])

    def orm_search():
        return search_page(tree, filters, page=1, size=PAGE)

    def sql_search():
        return _sql(SEARCH_COUNT_SQL, [tsquery])[0][0], _sql(SEARCH_PAGE_SQL, [tsquery, PAGE])

    def orm_trends():
        return trends(trend_spec({"code": code.slug, "by": "year"}, viewer=None))

    def sql_trends():
        return _sql(TRENDS_SQL, [code.pk])

    count, hits = orm_search()
    sql_count, sql_rows = sql_search()
    assert count == sql_count and [h.statement.pk for h in hits] == [r[0] for r in sql_rows]
    orm = {(p.body, p.year): (p.statements, p.coded_statements, p.speakers, p.coded_speakers)
           for p in orm_trends().points}  # fmt: skip
    assert orm == {(r[0], r[1]): tuple(r[2:]) for r in sql_trends()}, "trends differ from SQL"
    return MonitoringTimes(
        statements=Statement.objects.count(),
        hits=count,
        search=timed(orm_search, repeat=repeat),
        search_sql=timed(sql_search, repeat=repeat),
        trends=timed(orm_trends, repeat=repeat),
        trends_sql=timed(sql_trends, repeat=repeat),
        code=code.slug,
    )
