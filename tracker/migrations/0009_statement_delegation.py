"""A statement's printed delegation name reaches its alias by a join, not a look-up per row.

`Statement.printed_alias` is a relation without a column (ForeignObject from
`delegation` to `DelegationAlias.name`): nothing is stored, so it cannot fall out of step
with the name as printed or with the aliases an administrator edits, and no write path
has anything to keep. It lets monitoring resolve the printed name once per query, as a
join, where a correlated subquery per statement ran a million times at XL
(benchmarks/README.md, XL: the matrix by delegation, by country group, the delegation
list). That operation changes the migration state only; the database is untouched.

`statement_delegation` indexes the printed name with what a country profile reads of a
delegation's statements (the chair test, the meeting, the order, the id), so its
queries are index-only scans of its statements (Sweden: 71,680 of 1,000,000 at XL)
instead of scans of the whole table. Built in about 4 s at XL (65 MB).
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0008_monitoring_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="statement",
            name="printed_alias",
            field=models.ForeignObject(
                editable=False,
                from_fields=["delegation"],
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                serialize=False,
                to="tracker.delegationalias",
                to_fields=["name"],
            ),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(
                fields=["delegation", "speaker_type", "meeting", "order", "id"],
                name="statement_delegation",
            ),
        ),
    ]
