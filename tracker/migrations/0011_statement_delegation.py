"""A delegation's statements by their printed name, read from an index.

`statement_delegation` indexes the printed name with what a country profile reads of a
delegation's statements (the chair test, the meeting, the order, the id), so its
queries are index-only scans of its statements (Sweden: 71,680 of 1,000,000 at XL)
instead of scans of the whole 1.6 GB table. Built in about 5 s at XL (65 MB).

The printed name reaches its alias by a join, `Statement.printed_alias` (a private
ForeignObject from `delegation` to `DelegationAlias.name`): no column and nothing stored,
so nothing here, and no write path has anything to keep in step
(benchmarks/README.md, XL).
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0010_meeting_date_index"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(
                fields=["delegation", "speaker_type", "meeting", "order", "id"],
                name="statement_delegation",
            ),
        ),
    ]
