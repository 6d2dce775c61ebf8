"""Who a statement's speaker is, as database expressions.

A speaker is the Speaker row when the statement names one, else the delegation
("The representative of X"); a statement with neither is a speaker of its own.
Gender comes from the Speaker (unknown without one); the speaker type from the
statement. `prefix` reaches the statement from another model ("statement__").
"""

from __future__ import annotations

from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.db.models.functions import Cast, Concat

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


def gender_is(gender: str, prefix: str = "") -> Q:
    if gender == Gender.UNKNOWN:
        return Q(**{f"{prefix}speaker_id__isnull": True}) | Q(
            **{f"{prefix}speaker__gender": Gender.UNKNOWN}
        )
    return Q(**{f"{prefix}speaker__gender": gender})


def speakers(prefix: str = "", filter: Q | None = None) -> Count:
    """Distinct speakers, optionally among the rows matching `filter`."""
    return Count(speaker_identity(prefix), distinct=True, filter=filter)


def speaker_breakdown(prefix: str = "") -> dict[str, Count]:
    """Distinct speakers by speaker type ("type_<key>") and by gender ("gender_<key>")."""
    counts = {
        f"type_{key}": speakers(prefix, Q(**{f"{prefix}speaker_type": key}))
        for key, _ in SPEAKER_TYPES
    }
    counts.update({f"gender_{key}": speakers(prefix, gender_is(key, prefix)) for key, _ in GENDERS})
    return counts


def split_breakdown(row: dict) -> tuple[dict[str, int], dict[str, int]]:
    """The (by speaker type, by gender) dictionaries out of an aggregated row."""
    by_type = {key: row[f"type_{key}"] for key, _ in SPEAKER_TYPES}
    by_gender = {key: row[f"gender_{key}"] for key, _ in GENDERS}
    return by_type, by_gender
