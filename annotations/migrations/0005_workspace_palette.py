"""The default codebook's new palette: distinct hues within each group (issue 14).

Only codes of the default scheme whose colour is still the old default change: a
colour an administrator chose is kept. Reversing puts the old defaults back where the
new ones are still in place.
"""

from django.db import migrations

# slug: (old default, new default)
OLD_TO_NEW = {
    "victim-centred": ("#2563eb", "#0b5cad"),
    "survivor-testimony": ("#7c3aed", "#b04200"),
    "survivor-participation": ("#9333ea", "#1a7f37"),
    "human-rights-based": ("#0891b2", "#7a3fc8"),
    "gender-specific": ("#db2777", "#c0143c"),
    "child-centred": ("#0d9488", "#00758a"),
    "poverty-inequality": ("#b45309", "#7a3fc8"),
    "unemployment-labour": ("#c2410c", "#c0143c"),
    "conflict-insecurity": ("#dc2626", "#00758a"),
    "migration-displacement": ("#ca8a04", "#7a6300"),
    "demand": ("#be123c", "#a3137a"),
    "gender-inequality": ("#a16207", "#0b5cad"),
    "technology-online": ("#ea580c", "#b04200"),
    "governance-impunity": ("#9f1239", "#1a7f37"),
    "prevention": ("#15803d", "#7a6300"),
    "protection": ("#16a34a", "#a3137a"),
    "prosecution": ("#4d7c0f", "#0b5cad"),
    "partnership": ("#047857", "#b04200"),
    "women-as-vulnerable": ("#c026d3", "#b04200"),
    "women-as-agents": ("#e11d48", "#1a7f37"),
    "gender-specific-assistance": ("#7e22ce", "#7a3fc8"),
    "access-to-justice": ("#be185d", "#c0143c"),
    "training-officials": ("#475569", "#c0143c"),
    "survivor-policy-role": ("#0369a1", "#00758a"),
    "disaggregated-data": ("#4338ca", "#7a6300"),
    "judicial-cooperation": ("#0e7490", "#a3137a"),
    "safe-migration-channels": ("#334155", "#0b5cad"),
}


def _recolour(apps, *, forward: bool) -> None:
    Code = apps.get_model("annotations", "Code")
    for slug, (old, new) in OLD_TO_NEW.items():
        before, after = (old, new) if forward else (new, old)
        Code.objects.filter(scheme__is_default=True, slug=slug, colour__iexact=before).update(
            colour=after
        )


def forwards(apps, schema_editor):
    _recolour(apps, forward=True)


def backwards(apps, schema_editor):
    _recolour(apps, forward=False)


class Migration(migrations.Migration):
    dependencies = [("annotations", "0004_workspace_withdrawn")]

    operations = [migrations.RunPython(forwards, backwards)]
