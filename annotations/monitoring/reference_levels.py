"""Reference level (no / general / specific reference to gender): an ordinal family of
statement-level codes, as the Gender Index of the general debate rates every statement.

A codebook declares an ordinal family by a group with "scale": "ordinal" in its
`groups`; its codes, in codebook order, are the levels from lowest to highest.
`reference_level_declare` adds the shipped family to a scheme. A delegation's level in
a meeting is the highest level any analyst gave any of its statements there (a
statement with none of the codes is "not rated", which is not "no reference").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Case, IntegerField, Max, QuerySet, Value, When

from tracker.models import Meeting, Statement

from ..models import Annotation, Code, CodingScheme
from ..reports.agreement import krippendorff_alpha_ordinal

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


@transaction.atomic
def reference_level_declare(*, scheme: CodingScheme) -> list[Code]:
    """Give `scheme` the ordinal reference-level family (idempotent)."""
    groups = [g for g in scheme.groups or [] if g.get("slug") != FAMILY]
    groups.append(
        {
            "slug": FAMILY,
            "name": "Reference level",
            "description": "How specifically the statement refers to gender (ordinal).",
            "scale": "ordinal",
        }
    )
    scheme.groups = groups
    scheme.save(update_fields=["groups"])
    start = (scheme.codes.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    codes = []
    for rank, (slug, name, definition) in enumerate(LEVELS):
        code, _ = Code.objects.get_or_create(
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
        codes.append(code)
    return codes


def ordinal_families(scheme: CodingScheme) -> list[str]:
    return [g["slug"] for g in scheme.groups or [] if g.get("scale") == "ordinal"]


def level_codes() -> dict[int, tuple[int, Code]]:
    """code id → (rank, code) for the reference-level codes of every scheme declaring them."""
    codes = Code.objects.filter(group=FAMILY).select_related("scheme").in_codebook_order()
    ranks: dict[int, tuple[int, Code]] = {}
    seen: dict[int, int] = defaultdict(int)
    for code in codes:
        if FAMILY in ordinal_families(code.scheme):
            ranks[code.pk] = (seen[code.scheme_id], code)
            seen[code.scheme_id] += 1
    return ranks


def level_names() -> list[str]:
    return [name for _, name, _ in LEVELS]


def rank_expression(ranks: dict[int, tuple[int, Code]]) -> Case:
    whens = [When(code_id=pk, then=Value(rank)) for pk, (rank, _) in ranks.items()]
    return Case(*whens, default=Value(None), output_field=IntegerField())


@dataclass(frozen=True)
class MeetingLevel:
    meeting: Meeting
    rank: int | None

    @property
    def label(self) -> str:
        return "Not rated" if self.rank is None else level_names()[self.rank]


def level_rows(statements: QuerySet[Statement], by: tuple[str, ...], *, viewer) -> list[dict]:
    """Highest rank per `by` (e.g. ("statement__meeting_id",)), one aggregate query, of
    the levels `viewer` may see (blind coding)."""
    ranks = level_codes()
    if not ranks:
        return []
    return list(
        Annotation.objects.live()
        .visible_to(viewer)
        .filter(statement__in=statements, code_id__in=list(ranks))
        .values(*by)
        .annotate(rank=Max(rank_expression(ranks)))
        .order_by()
    )


def level_by_meeting(statements: QuerySet[Statement], *, viewer) -> list[MeetingLevel]:
    rows = {
        r["statement__meeting_id"]: r["rank"]
        for r in level_rows(statements, ("statement__meeting_id",), viewer=viewer)
    }
    meetings = Meeting.objects.filter(pk__in=statements.values("meeting_id")).order_by(
        "date", "symbol"
    )
    return [MeetingLevel(m, rows.get(m.pk)) for m in meetings]


def ordinal_agreement(statements: QuerySet[Statement], *, viewer) -> tuple[float | None, int]:
    """Krippendorff's alpha (ordinal) of the analysts' levels; (alpha, statements rated)."""
    rows = level_rows(statements, ("statement_id", "analyst_id"), viewer=viewer)
    analysts = sorted({r["analyst_id"] for r in rows})
    units = sorted({r["statement_id"] for r in rows})
    value = {(r["analyst_id"], r["statement_id"]): r["rank"] for r in rows}
    ratings = [[value.get((a, u)) for u in units] for a in analysts]
    return krippendorff_alpha_ordinal(ratings), len(units)
