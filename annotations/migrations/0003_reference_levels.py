"""The reference-level family (no / general / specific reference to gender) for the
default codebook of an existing database: an ordinal group ("scale": "ordinal") of
three statement-level codes. New codebooks get it from
annotations.monitoring.reference_levels.reference_level_declare."""

from django.db import migrations

FAMILY = "reference-level"
LEVELS = [
    ("no-reference", "No reference", "The statement does not refer to gender at all."),
    (
        "general-reference",
        "General reference",
        "Gender, women or girls are mentioned in general terms, without a commitment or analysis.",
    ),
    (
        "specific-reference",
        "Specific reference",
        "A specific commitment, measure, figure or analysis about gender equality or women.",
    ),
]


def declare(apps, schema_editor):
    CodingScheme = apps.get_model("annotations", "CodingScheme")
    Code = apps.get_model("annotations", "Code")
    for scheme in CodingScheme.objects.filter(is_default=True):
        if any(g.get("slug") == FAMILY for g in scheme.groups or []):
            continue
        scheme.groups = [
            *(scheme.groups or []),
            {
                "slug": FAMILY,
                "name": "Reference level",
                "description": "How specifically the statement refers to gender (ordinal).",
                "scale": "ordinal",
            },
        ]
        scheme.save(update_fields=["groups"])
        last = Code.objects.filter(scheme=scheme).order_by("-order").first()
        start = (last.order if last else 0) + 1
        for rank, (slug, name, definition) in enumerate(LEVELS):
            Code.objects.get_or_create(
                scheme=scheme,
                slug=slug,
                defaults={
                    "group": FAMILY,
                    "name": name,
                    "definition": definition,
                    "statement_level": True,
                    "order": start + rank,
                },
            )


class Migration(migrations.Migration):
    dependencies = [("annotations", "0002_restore_permission")]

    operations = [migrations.RunPython(declare, migrations.RunPython.noop)]
