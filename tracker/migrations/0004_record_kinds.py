"""Record kinds, the verbatim record's cover, and what a statement says of its speaker.

Existing meetings were imported as press releases, or as one speech: a meeting holding a
single statement and neither a summary nor notes (what the speech import writes) is a
speech. A statement's gender starts as its speaker's.

SQLite rebuilds tracker_statement to add columns, which drops the full-text triggers of
0003_search_index: they are created again here and the index rebuilt. (Any later
migration that adds a column to tracker_statement must do the same.)
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import Count, OuterRef, Subquery

SQLITE_TRIGGERS = [
    "DROP TRIGGER IF EXISTS statement_fts_insert",
    "DROP TRIGGER IF EXISTS statement_fts_delete",
    "DROP TRIGGER IF EXISTS statement_fts_update",
    """
    CREATE TRIGGER statement_fts_insert AFTER INSERT ON tracker_statement BEGIN
        INSERT INTO statement_fts(rowid, text) VALUES (new.id, new.text);
    END
    """,
    """
    CREATE TRIGGER statement_fts_delete AFTER DELETE ON tracker_statement BEGIN
        INSERT INTO statement_fts(statement_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END
    """,
    """
    CREATE TRIGGER statement_fts_update AFTER UPDATE OF text ON tracker_statement BEGIN
        INSERT INTO statement_fts(statement_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO statement_fts(rowid, text) VALUES (new.id, new.text);
    END
    """,
    "INSERT INTO statement_fts(statement_fts) VALUES ('rebuild')",
]


def restore_search_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for sql in SQLITE_TRIGGERS:
        schema_editor.execute(sql, params=None)


def kinds_and_genders(apps, schema_editor):
    Meeting = apps.get_model("tracker", "Meeting")
    Statement = apps.get_model("tracker", "Statement")
    counts = (
        Statement.objects.filter(meeting=OuterRef("pk"))
        .order_by()
        .values("meeting")
        .annotate(n=Count("*"))
        .values("n")
    )
    Meeting.objects.annotate(n=Subquery(counts)).filter(n=1, summary="", notes="").update(
        record_kind="speech"
    )
    speakers = Statement.objects.filter(pk=OuterRef("pk")).values("speaker__gender")[:1]
    Statement.objects.filter(speaker__isnull=False).update(gender=Subquery(speakers))


class Migration(migrations.Migration):

    dependencies = [
        ('tracker', '0003_search_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalstatement',
            name='added_from',
            field=models.CharField(blank=True, help_text="The separate record (a speech) this statement was added from; empty for the meeting's own record, which a re-import replaces.", max_length=120),
        ),
        migrations.AddField(
            model_name='historicalstatement',
            name='from_summary',
            field=models.BooleanField(default=False, help_text="The text is a summary's account, not the statement as given."),
        ),
        migrations.AddField(
            model_name='historicalstatement',
            name='gender',
            field=models.CharField(choices=[('female', 'Woman'), ('male', 'Man'), ('unknown', 'Unknown')], default='unknown', help_text='The speaker\'s, also when no one is named ("…said her country…").', max_length=10),
        ),
        migrations.AddField(
            model_name='historicalstatement',
            name='language',
            field=models.CharField(blank=True, help_text='Delivered in ("spoke in French"); verbatim records.', max_length=40),
        ),
        migrations.AddField(
            model_name='meeting',
            name='agenda',
            field=models.JSONField(blank=True, default=list, help_text='The agenda items, in order.'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='members',
            field=models.JSONField(blank=True, default=list, help_text='The cover\'s seats: [{"country", "name", "honorific", "gender"}].'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='place',
            field=models.CharField(blank=True, help_text='e.g. "New York"', max_length=120),
        ),
        migrations.AddField(
            model_name='meeting',
            name='president',
            field=models.CharField(blank=True, help_text='As the cover prints it: "Mr. Osman (Somalia)".', max_length=300),
        ),
        migrations.AddField(
            model_name='meeting',
            name='provisional',
            field=models.BooleanField(default=False, help_text='A provisional verbatim record (the final one replaces it).'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='record_kind',
            field=models.CharField(choices=[('press_release', 'Meetings Coverage press release'), ('preliminary_release', 'Preliminary press release'), ('summary', 'Summary of the meeting'), ('speech', 'Single speech'), ('verbatim_record', 'Verbatim record')], default='press_release', help_text='The kind of record the statements were imported from.', max_length=20),
        ),
        migrations.AddField(
            model_name='meeting',
            name='same_meeting_as',
            field=models.ForeignKey(blank=True, help_text='The other record of the same meeting (its press release or verbatim record).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='tracker.meeting'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='time',
            field=models.CharField(blank=True, help_text='e.g. "3 p.m."', max_length=40),
        ),
        migrations.AddField(
            model_name='statement',
            name='added_from',
            field=models.CharField(blank=True, help_text="The separate record (a speech) this statement was added from; empty for the meeting's own record, which a re-import replaces.", max_length=120),
        ),
        migrations.AddField(
            model_name='statement',
            name='from_summary',
            field=models.BooleanField(default=False, help_text="The text is a summary's account, not the statement as given."),
        ),
        migrations.AddField(
            model_name='statement',
            name='gender',
            field=models.CharField(choices=[('female', 'Woman'), ('male', 'Man'), ('unknown', 'Unknown')], default='unknown', help_text='The speaker\'s, also when no one is named ("…said her country…").', max_length=10),
        ),
        migrations.AddField(
            model_name='statement',
            name='language',
            field=models.CharField(blank=True, help_text='Delivered in ("spoke in French"); verbatim records.', max_length=40),
        ),
        migrations.AlterField(
            model_name='historicalstatement',
            name='segment',
            field=models.CharField(blank=True, help_text='e.g. Opening Remarks, or an agenda item', max_length=1000),
        ),
        migrations.AlterField(
            model_name='statement',
            name='segment',
            field=models.CharField(blank=True, help_text='e.g. Opening Remarks, or an agenda item', max_length=1000),
        ),
        migrations.RunPython(restore_search_triggers, migrations.RunPython.noop),
        migrations.RunPython(kinds_and_genders, migrations.RunPython.noop),
    ]
