"""Krippendorff's alpha (ordinal) for the ordinal code families a meeting's codebook
declares: a group with "scale": "ordinal", whose codes in codebook order are the
levels from lowest to highest (the reference level: none < general < specific).

A unit is a statement at least one analyst rated; an analyst's value is the highest
level they gave it. No query for a codebook without an ordinal family, two with one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Case, IntegerField, Max, Value, When

from tracker.models import Meeting

from ..models import Annotation, CodingScheme
from .agreement import krippendorff_alpha_ordinal


@dataclass(frozen=True)
class OrdinalAgreement:
    family: str
    name: str
    levels: list[str]
    rated_statements: int
    analysts: int
    alpha: float | None


def ordinal_agreement(
    *, meeting: Meeting, scheme: CodingScheme, viewer=None
) -> list[OrdinalAgreement]:
    families = [g for g in scheme.groups or [] if g.get("scale") == "ordinal"]
    if not families:
        return []
    codes = list(scheme.codes.filter(group__in=[g["slug"] for g in families]).in_codebook_order())
    levels: dict[str, list] = defaultdict(list)
    for code in codes:
        levels[code.group].append(code)
    rank = Case(
        *(When(code_id=c.pk, then=Value(i)) for f in levels.values() for i, c in enumerate(f)),
        output_field=IntegerField(),
    )
    rows = (
        Annotation.objects.live()
        .filter(statement__meeting=meeting, code__in=codes)
        .visible_to(viewer)
        .values("code__group", "statement_id", "analyst_id")
        .annotate(rank=Max(rank))
        .order_by()
    )
    rated: dict[str, dict] = defaultdict(dict)
    for r in rows:
        rated[r["code__group"]][(r["analyst_id"], r["statement_id"])] = r["rank"]
    return [_family(g, [c.name for c in levels[g["slug"]]], rated[g["slug"]]) for g in families]


def _family(group: dict, names: list[str], value: dict) -> OrdinalAgreement:
    analysts = sorted({a for a, _ in value})
    units = sorted({u for _, u in value})
    ratings = [[value.get((a, u)) for u in units] for a in analysts]
    alpha = krippendorff_alpha_ordinal(ratings) if len(analysts) > 1 else None
    return OrdinalAgreement(
        group["slug"], group.get("name") or group["slug"], names, len(units), len(analysts), alpha
    )
