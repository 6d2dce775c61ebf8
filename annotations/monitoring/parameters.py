"""The filters every monitoring page and endpoint shares, read from a query string.

`statement_filters(params, allowed=…)` checks every parameter and returns a
`StatementFilters`; anything wrong (an unknown parameter, a date that is not one, an
impossible range, a meeting, delegation, group or code that does not exist) raises one
ValidationError naming each problem, which pages show with status 400 and the API as
a 400 body. `apply_filters` turns them into one WHERE clause.

Every figure is for someone: `viewer` (the request's user; None only for callers that
speak for nobody, such as benchmarks) travels with the filters, and every read of
analysts' coding here and in the modules that take these filters chains
`visible_to(filters.viewer)` — cross-meeting figures leave out others' coding of the
blind meetings the viewer has not finished (annotations.models.unfinished_blind_meetings).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet

from tracker.delegations.selectors import delegation_named, in_group, printed_as
from tracker.models import CountryGroup, Delegation, Gender, Meeting, SpeakerType, Statement

from ..models import Annotation, Code
from .record_kinds import RECORD_KINDS, record_kind_filter

FILTERS = (
    "body",
    "date_from",
    "date_to",
    "meeting",
    "delegation",
    "group",
    "speaker_type",
    "gender",
    "segment",
    "coded",
    "not_coded",
    "record_kind",
)
CHOICES = {
    "speaker_type": dict(SpeakerType.choices),
    "gender": dict(Gender.choices),
    "record_kind": RECORD_KINDS,
}


@dataclass
class StatementFilters:
    body: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    meeting: Meeting | None = None
    delegation: Delegation | None = None
    group: CountryGroup | None = None
    speaker_type: str = ""
    gender: str = ""
    segment: str = ""
    coded: list[Code] = field(default_factory=list)
    not_coded: list[Code] = field(default_factory=list)
    record_kind: str = ""
    query: dict[str, str] = field(default_factory=dict)  # as given, for links and downloads
    viewer: object | None = None  # whose eyes: blind coding hides others' unfinished work

    def annotations(self) -> QuerySet[Annotation]:
        """The live annotations these figures may count (blind coding applied)."""
        return Annotation.objects.live().visible_to(self.viewer)


def _date(name: str, raw: str, errors: dict) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        errors[name] = f"{name} must be a date such as 2017-09-27 (got {raw[:30]!r})."
        return None


def _meeting(raw: str, errors: dict) -> Meeting | None:
    found = Meeting.objects.filter(
        Q(symbol=raw) | Q(pk=int(raw)) if raw.isdigit() else Q(symbol=raw)
    )
    meeting = found.first()
    if meeting is None:
        errors["meeting"] = f"There is no meeting {raw[:40]!r} (give its id or symbol)."
    return meeting


def _codes(name: str, raw: str, errors: dict) -> list[Code]:
    slugs = [s.strip() for s in raw.split(",") if s.strip()]
    codes = list(Code.objects.filter(slug__in=slugs))
    missing = sorted(set(slugs) - {c.slug for c in codes})
    if missing or not slugs:
        errors[name] = f"No code with the slug {', '.join(missing) or '(empty)'}."
    return codes


def _lookups(params, errors: dict) -> dict:
    found = {}
    if params.get("meeting"):
        found["meeting"] = _meeting(params["meeting"], errors)
    if params.get("delegation"):
        found["delegation"] = delegation_named(params["delegation"])
        if found["delegation"] is None:
            errors["delegation"] = f"There is no delegation {params['delegation'][:60]!r}."
    if params.get("group"):
        found["group"] = CountryGroup.objects.filter(slug=params["group"]).first()
        if found["group"] is None:
            errors["group"] = f"There is no country group {params['group'][:60]!r}."
    for name in ("coded", "not_coded"):
        if params.get(name):  # an empty form field is no filter
            found[name] = _codes(name, params[name], errors)
    if params.get("body") and not Meeting.objects.filter(body__iexact=params["body"]).exists():
        errors["body"] = f"No meeting of the body {params['body'][:60]!r}."
    return found


def _plain(params, errors: dict) -> dict:
    plain = {}
    for name, choices in CHOICES.items():
        value = params.get(name, "")
        if value and value not in choices:
            errors[name] = f"{name} must be one of {', '.join(choices)} (got {value[:30]!r})."
        plain[name] = value
    for name in ("date_from", "date_to"):
        plain[name] = _date(name, params[name], errors) if params.get(name) else None
    if plain["date_from"] and plain["date_to"] and plain["date_from"] > plain["date_to"]:
        errors["date_to"] = (
            f"The range ends ({plain['date_to']}) before it starts ({plain['date_from']})."
        )
    plain["body"], plain["segment"] = params.get("body", ""), params.get("segment", "")
    return plain


def check_known(params, allowed) -> None:
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        known = ", ".join(sorted(allowed))
        raise ValidationError(
            {name: f"“{name}” is not a filter here. Known: {known}." for name in unknown[:10]}
        )


def nul_free(values: dict) -> dict[str, str]:
    """Drop each value holding a NUL character, with the message naming it (PostgreSQL
    refuses NUL in a query's text: every parameter that reaches a query passes here)."""
    bad = [name for name, value in values.items() if "\x00" in (value or "")]
    for name in bad:
        values[name] = ""
    return {name: f"{name} cannot contain a null character." for name in bad}


def statement_filters(params, *, viewer, allowed=FILTERS) -> StatementFilters:
    """Check the query string (a QueryDict or dict); ValidationError names every problem.
    `viewer`: the user the figures are for (no default, so no caller forgets it)."""
    check_known(params, allowed)
    values = {name: params.get(name, "") for name in params}
    errors = nul_free(values)  # PostgreSQL refuses NUL in a query's text: name it instead
    plain = _plain(values, errors)
    found = _lookups(values, errors)
    if errors:
        raise ValidationError(errors)
    query = {name: value for name, value in values.items() if name in FILTERS and value}
    return StatementFilters(**plain, **found, query=query, viewer=viewer)


def _coded(f: StatementFilters, codes: list[Code]) -> Exists:
    return Exists(f.annotations().filter(statement=OuterRef("pk"), code__in=codes))


def _conditions(f: StatementFilters) -> list:
    conditions = [
        Q(meeting__body__iexact=f.body) if f.body else None,
        Q(meeting__date__gte=f.date_from) if f.date_from else None,
        Q(meeting__date__lte=f.date_to) if f.date_to else None,
        Q(meeting=f.meeting) if f.meeting else None,
        printed_as(f.delegation) if f.delegation else None,
        in_group(f.group) if f.group else None,
        Q(speaker_type=f.speaker_type) if f.speaker_type else None,
        Q(segment__iexact=f.segment) if f.segment else None,
        record_kind_filter(f.record_kind) if f.record_kind else None,
        _coded(f, f.coded) if f.coded else None,
        ~_coded(f, f.not_coded) if f.not_coded else None,
    ]
    if f.gender == Gender.UNKNOWN:
        conditions.append(Q(speaker__gender=f.gender) | Q(speaker__isnull=True))
    elif f.gender:
        conditions.append(Q(speaker__gender=f.gender))
    return [c for c in conditions if c is not None]


def apply_filters(statements: QuerySet[Statement], f: StatementFilters) -> QuerySet[Statement]:
    return statements.filter(*_conditions(f))
