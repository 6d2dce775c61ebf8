"""Trends at a million statements: a covering index and two planner statistics.

Measured on the XL benchmark corpus (benchmarks/xl.py, 1,000,000 statements; see
benchmarks/README.md, XL): every trend figure and chart reads all the selected
statements, but only a handful of their columns. The table is 1.4 GB (the text and the
stored search document of 0008), so each of those queries read 180,000 pages.

1. statement_trend_covering: (meeting_id) INCLUDE (id, speaker_id, speaker_type,
   delegation), the columns the trend queries read (annotations/monitoring/trends.py,
   speaker_counts.py, chart_catalog.py). 65 MB at XL, read by an index-only scan
   (no heap fetch once autovacuum has marked the pages all-visible): 8,300 pages instead
   of 180,000. Built in 3.5 s at XL.
2. Statistics for the group counts: speaker_counts() groups statements by (body, year,
   speaker). Without statistics PostgreSQL estimated a million groups for the 9,420
   there are (it knows nothing of EXTRACT(YEAR …) or the CASE of the speaker's
   delegation) and sorted a million rows (spilling to disk); with them it estimates
   9,420 and hashes in 1.7 MB. The expressions are exactly those Django writes for
   ExtractYear("meeting__date") and speaker_counts.WHO_DELEGATION
   (tests/annotations/monitoring/test_trends_at_scale.py checks the estimate).

PostgreSQL only (INCLUDE and expression statistics); SQLite's plans are not changed.
The model does not declare the index: it is a read path of the monitoring pages, not
part of the meeting record.
"""

from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS statement_trend_covering ON tracker_statement (meeting_id)"
    " INCLUDE (id, speaker_id, speaker_type, delegation)",
    "CREATE STATISTICS IF NOT EXISTS meeting_body_year (ndistinct)"
    " ON body, (EXTRACT(YEAR FROM date)) FROM tracker_meeting",
    "CREATE STATISTICS IF NOT EXISTS statement_speaker (ndistinct)"
    " ON speaker_id, (CASE WHEN speaker_id IS NULL THEN delegation END) FROM tracker_statement",
    "ANALYZE tracker_meeting",
    "ANALYZE tracker_statement",
]
BACKWARD = [
    "DROP STATISTICS IF EXISTS statement_speaker",
    "DROP STATISTICS IF EXISTS meeting_body_year",
    "DROP INDEX IF EXISTS statement_trend_covering",
]


def _run(schema_editor, statements):
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in statements:
        schema_editor.execute(sql, params=None)


def forward(apps, schema_editor):
    _run(schema_editor, FORWARD)


def backward(apps, schema_editor):
    _run(schema_editor, BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("tracker", "0008_monitoring_indexes")]

    operations = [migrations.RunPython(forward, backward)]
