"""Who a statement's speaker is, as database expressions.

A speaker is the Speaker row when the statement names one, else the delegation
("The representative of X"); a statement with neither is a speaker of its own.
Gender comes from the Speaker (unknown without one); the speaker type from the
statement. `prefix` reaches the statement from another model ("statement__").
"""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Case, CharField, Count, F, Q, QuerySet, Value, When
from django.db.models.functions import Cast, Coalesce, Concat

from tracker.models import Gender, SpeakerType

SPEAKER_TYPES = list(SpeakerType.choices)
GENDERS = list(Gender.choices)


def speaker_identity(prefix: str = "") -> Case:
    return Case(
        When(
            **{f"{prefix}speaker_id__isnull": False},
            then=Concat(Value("speaker:"), Cast(f"{prefix}speaker_id", CharField())),
        ),
        When(
            ~Q(**{f"{prefix}delegation": ""}),
            then=Concat(Value("delegation:"), F(f"{prefix}delegation")),
        ),
        default=Concat(Value("statement:"), Cast(f"{prefix}id", CharField())),
        output_field=CharField(),
    )


def speakers(prefix: str = "", filter: Q | None = None) -> Count:
    """Distinct speakers, optionally among the rows matching `filter`."""
    return Count(speaker_identity(prefix), distinct=True, filter=filter)


def speaker_gender(prefix: str = "") -> Coalesce:
    return Coalesce(F(f"{prefix}speaker__gender"), Value(Gender.UNKNOWN), output_field=CharField())


def breakdowns(
    queryset: QuerySet, *, prefix: str = "", by: str | None = None, statements: bool = False
) -> tuple[dict, dict]:
    """Distinct speakers by speaker type and by gender: two GROUP BY queries.

    Without `by`: ({type: figures}, {gender: figures}); with `by` (a field such as
    "code_id"): the same per value of that field. Figures are the number of
    speakers, or (speakers, statements) when `statements` is set. Every type and
    gender is present, with zeros.
    """
    group = [by] if by else []
    aggregates = {"speakers": speakers(prefix)}
    if statements:
        aggregates["statements"] = Count(f"{prefix}id" if prefix else "id", distinct=True)
    zero = (0, 0) if statements else 0
    result = []
    for field, expression, choices in (
        ("kind", F(f"{prefix}speaker_type"), SPEAKER_TYPES),
        ("gender_key", speaker_gender(prefix), GENDERS),
    ):
        rows = queryset.values(*group, **{field: expression}).annotate(**aggregates).order_by()
        figures: dict = defaultdict(lambda choices=choices: dict.fromkeys(dict(choices), zero))
        for row in rows:
            value = (row["speakers"], row["statements"]) if statements else row["speakers"]
            figures[row[by] if by else None][row[field]] = value
        result.append(figures if by else figures[None])
    return result[0], result[1]
