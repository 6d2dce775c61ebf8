"""Trends: per code (or code group) and per body, the share of statements and of
speakers coded, by meeting or by year, for all speakers or a country group; Debate
Watch's "N out of M statements" with the delegations that did; and the women
civil-society briefers per year.

Three GROUP BY queries after the parameters' look-ups, whatever the corpus: the
figures per (body, period), the coded delegations per (body, period), the briefers
per (body, year); and one look-up of the delegations' names.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    Q,
    QuerySet,
)
from django.db.models.functions import ExtractYear

from tracker.delegations.selectors import speaks_for_delegation
from tracker.models import Gender, SpeakerType, Statement

from ..models import Code
from ..reports.data import share
from .gender_index import linked_delegations
from .links import passages_url, year_filters
from .parameters import (
    FILTERS,
    StatementFilters,
    apply_filters,
    check_known,
    nul_free,
    statement_filters,
)
from .speaker_counts import speaker_counts

BY = ("meeting", "year")
TREND_PARAMETERS = ("code", "code_group", "by", *FILTERS)


@dataclass(frozen=True)
class TrendSpec:
    codes: list[Code]
    label: str  # what the codes are called in a sentence
    by: str  # "meeting" or "year"
    filters: StatementFilters

    @property
    def coded_query(self) -> str:
        return ",".join(sorted({code.slug for code in self.codes}))

    @property
    def query(self) -> dict[str, str]:
        return self.filters.query


def _codes(params, errors: dict) -> tuple[list[Code], str]:
    named = {"code": params.get("code") or "", "code_group": params.get("code_group") or ""}
    refused = nul_free(named)
    if refused:
        errors.update(refused)
        return [], ""
    slugs = [s.strip() for s in named["code"].split(",") if s.strip()]
    group = named["code_group"].strip()
    if bool(slugs) == bool(group):
        errors["code"] = "Give either code (one or more slugs, comma-separated) or code_group."
        return [], ""
    found = Code.objects.filter(slug__in=slugs) if slugs else Code.objects.filter(group=group)
    codes = list(found.select_related("scheme").in_codebook_order())
    missing = sorted(set(slugs) - {c.slug for c in codes})
    if missing:
        errors["code"] = f"No code with the slug {', '.join(missing)}."
    elif not codes:
        errors["code_group"] = f"No code is in the code group {group[:60]!r}."
    if group and codes:
        return codes, codes[0].scheme.group_name(group)
    return codes, " or ".join(dict.fromkeys(c.name for c in codes))


def trend_spec(params, *, viewer, allowed=TREND_PARAMETERS) -> TrendSpec:
    """Check the query string; ValidationError names every problem."""
    check_known(params, allowed)
    errors: dict[str, str] = {}
    codes, label = _codes(params, errors)
    by = params.get("by") or "meeting"
    if by not in BY:
        errors["by"] = f"by must be one of {', '.join(BY)} (got {by[:20]!r})."
    filters = None
    try:
        filters = statement_filters(
            {k: params.get(k) for k in params if k in FILTERS}, viewer=viewer
        )
    except ValidationError as error:
        errors.update({k: " ".join(v) for k, v in error.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    return TrendSpec(codes, label, by, filters)


@dataclass
class TrendPoint:
    body: str
    period: str  # the meeting's symbol, or the year
    year: int | None
    meeting_id: int | None
    statements: int
    coded_statements: int
    speakers: int
    coded_speakers: int
    delegations: list[tuple[str, str]] = field(default_factory=list)  # (name, slug or "")
    all_url: str = ""
    coded_url: str = ""
    order: tuple = ()  # the meeting's date and symbol, or the year

    @property
    def share_of_statements(self) -> float | None:
        return share(self.coded_statements, self.statements)

    @property
    def share_of_speakers(self) -> float | None:
        return share(self.coded_speakers, self.speakers)


@dataclass(frozen=True)
class BriefersRow:
    body: str
    year: int | None
    briefers: int  # civil-society briefings, each briefer once per meeting
    women: int
    url: str


@dataclass
class Trends:
    spec: TrendSpec
    points: list[TrendPoint]
    briefers: list[BriefersRow]

    @property
    def bodies(self) -> list[str]:
        return sorted({p.body for p in self.points})

    @property
    def periods(self) -> list[str]:
        return list(dict.fromkeys(p.period for p in self.points))

    def sentence(self, point: TrendPoint) -> str:
        """As Debate Watch writes it: "5 out of 40 statements mentioned Protection"."""
        n, m = point.coded_statements, point.statements
        verb = "statement" if m == 1 else "statements"
        return f"{n} out of {m} {verb} mentioned {self.spec.label}"


def _grouped(statements: QuerySet[Statement], by: str, *fields: str) -> QuerySet:
    """statements.values() by body and period (and `fields`), ready to aggregate."""
    return statements.values(*_period_fields(by), *fields, **_period_expressions(by))


def _period_fields(by: str) -> tuple[str, ...]:
    if by == "meeting":
        return ("meeting__body", "meeting_id", "meeting__symbol", "meeting__date")
    return ("meeting__body",)


def _period_expressions(by: str) -> dict:
    return {"year": ExtractYear("meeting__date")}


def _coded(spec: TrendSpec) -> ExpressionWrapper:
    """Whether the statement has a live annotation with one of the codes.

    IN, not EXISTS: as a column that both counts filter by, a correlated EXISTS ran once
    per statement and count (two index probes a statement, 2,000,000 at a million
    statements, 29 s with the JIT it set off); IN over the coded statement ids is one
    hashed subquery, a hash probe a statement.
    """
    coded = spec.filters.annotations().filter(code__in=spec.codes).values("statement_id")
    return ExpressionWrapper(Q(pk__in=coded), output_field=BooleanField())


def statements_of(spec: TrendSpec) -> QuerySet[Statement]:
    return apply_filters(Statement.objects.all(), spec.filters).annotate(coded=_coded(spec))


def _key(row: dict, by: str) -> tuple:
    if by == "meeting":
        return (row["meeting__body"], row["meeting_id"])
    return (row["meeting__body"], None if row["year"] is None else int(row["year"]))


def _point(spec: TrendSpec, row: dict) -> TrendPoint:
    query = {**spec.query, "body": row["meeting__body"]}
    # The rows come from a cursor (speaker_counts): the year as int, the date as text.
    year = None if row["year"] is None else int(row["year"])
    if spec.by == "meeting":
        date, symbol = row["meeting__date"], row["meeting__symbol"]
        query["meeting"] = symbol
        period = symbol
        order = (str(date or ""), symbol)
    else:
        query.update(year_filters(spec.query, year))
        period = str(year or "no date")
        order = (str(year or ""),)
    return TrendPoint(
        body=row["meeting__body"],
        period=period,
        year=year,
        meeting_id=row.get("meeting_id"),
        statements=row["statements"],
        coded_statements=row["coded_statements"],
        speakers=row["speakers"],
        coded_speakers=row["coded_speakers"],
        all_url=passages_url(query),
        coded_url=passages_url(query, coded=spec.coded_query),
        order=order,
    )


def _points(spec: TrendSpec, statements: QuerySet[Statement]) -> dict[tuple, TrendPoint]:
    rows = speaker_counts(
        statements,
        fields=_period_fields(spec.by),
        expressions=_period_expressions(spec.by),
        flags={"coded": Q(coded=True)},
    )
    points = {_key(row, spec.by): _point(spec, row) for row in rows}
    return dict(sorted(points.items(), key=lambda item: (item[1].order, item[1].body)))


def _add_delegations(spec, statements, points: dict[tuple, TrendPoint]) -> None:
    rows = list(
        _grouped(
            statements.filter(speaks_for_delegation(), coded=True).exclude(delegation=""),
            spec.by,
            "delegation",
        )
        .distinct()
        .order_by()
    )
    known = linked_delegations({row["delegation"] for row in rows})
    found: dict[tuple, set] = defaultdict(set)
    for row in rows:
        found[_key(row, spec.by)].add(known.get(row["delegation"], (row["delegation"], "")))
    for key, names in found.items():
        points[key].delegations = sorted(names)


def civil_society_briefers(spec: TrendSpec) -> list[BriefersRow]:
    """Each briefer once per meeting: speakers per meeting, summed per body and year."""
    rows = speaker_counts(
        apply_filters(Statement.objects.all(), spec.filters).filter(
            speaker_type=SpeakerType.CIVIL_SOCIETY
        ),
        fields=("meeting__body", "meeting_id"),
        expressions={"year": ExtractYear("meeting__date")},
        flags={"women": Q(speaker__gender=Gender.FEMALE)},
    )
    per_year: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        year = None if row["year"] is None else int(row["year"])
        figures = per_year[(row["meeting__body"], year)]
        figures[0] += row["speakers"]
        figures[1] += row["women_speakers"]
    ordered = sorted(
        per_year.items(), key=lambda item: (item[0][1] is None, item[0][1] or 0, item[0][0])
    )
    return [
        BriefersRow(
            body, year, briefers, women,
            passages_url({**spec.query, **year_filters(spec.query, year)},
                         body=body, speaker_type=SpeakerType.CIVIL_SOCIETY,
                         gender=Gender.FEMALE),
        )
        for (body, year), (briefers, women) in ordered
    ]  # fmt: skip


def trends(spec: TrendSpec, *, delegations: bool = True, briefers: bool = True) -> Trends:
    """The figures; `delegations` and `briefers` off leave those out (each is a query
    over every selected statement: the chart and the CSVs that do not show them)."""
    statements = statements_of(spec)
    points = _points(spec, statements)
    if delegations:
        _add_delegations(spec, statements, points)
    return Trends(spec, list(points.values()), civil_society_briefers(spec) if briefers else [])
