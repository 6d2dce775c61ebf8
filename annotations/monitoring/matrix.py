"""The code × attribute matrix (MAXQDA's Code Matrix Browser, NVivo's matrix coding):
codes as rows; delegations, speaker types, genders, country groups, meetings or years
as columns; in each cell the statements and speakers coded, their share of the
column's, and the link to the passages.

Two GROUP BY queries (the cells, the columns' totals) and one look-up of the columns'
names, whatever the corpus. A statement's delegation and its country groups are joined
once per query (tracker.delegations.selectors), never looked up per statement.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Case, CharField, Count, F, QuerySet, Value, When
from django.db.models.functions import Cast, Coalesce, Concat, ExtractYear

from tracker.delegations.selectors import (
    delegation_id_of,
    group_path,
    group_term,
    speaks_for_delegation,
)
from tracker.models import CountryGroup, Delegation, Gender, Meeting, SpeakerType, Statement

from ..models import Annotation, Code
from ..reports.data import share
from ..reports.speakers import speaker_gender, speakers
from .links import passages_url, year_filters
from .parameters import (
    FILTERS,
    StatementFilters,
    apply_filters,
    check_known,
    nul_free,
    statement_filters,
)

COLUMNS = {
    "delegation": "Delegation",
    "speaker_type": "Speaker type",
    "gender": "Gender",
    "group": "Country group",
    "meeting": "Meeting",
    "year": "Year",
}
MEASURES = ("statements", "speakers")
VALUES = ("count", "share")
MATRIX_PARAMETERS = ("columns", "measure", "value", "code", "code_group", *FILTERS)
NO_DELEGATION = "(no delegation)"


@dataclass(frozen=True)
class MatrixSpec:
    columns: str
    measure: str
    value: str
    codes: list[Code]
    filters: StatementFilters


@dataclass(frozen=True)
class Column:
    key: object
    label: str
    statements: int
    speakers: int
    link: dict[str, str] | None  # the filters selecting its statements; None: no link


@dataclass(frozen=True)
class Cell:
    statements: int
    speakers: int
    share_of_statements: float | None
    share_of_speakers: float | None
    url: str

    def shown(self, measure: str, value: str) -> float | int | None:
        if value == "count":
            return self.statements if measure == "statements" else self.speakers
        return self.share_of_statements if measure == "statements" else self.share_of_speakers


@dataclass
class Matrix:
    spec: MatrixSpec
    columns: list[Column]
    rows: list[tuple[Code, list[Cell]]] = field(default_factory=list)


def _choice(params, name: str, choices, errors: dict) -> str:
    value = params.get(name) or choices[0]
    if value not in choices:
        errors[name] = f"{name} must be one of {', '.join(choices)} (got {value[:30]!r})."
    return value


def _codes(params, errors: dict) -> list[Code]:
    named = {"code": params.get("code") or "", "code_group": params.get("code_group") or ""}
    refused = nul_free(named)
    if refused:
        errors.update(refused)
        return []
    slugs = [s.strip() for s in named["code"].split(",") if s.strip()]
    group = named["code_group"].strip()
    codes = Code.objects.active()
    if slugs:
        codes = codes.filter(slug__in=slugs)
    if group:
        codes = codes.filter(group=group)
    found = list(codes.select_related("scheme").in_codebook_order())
    missing = sorted(set(slugs) - {c.slug for c in found})
    if missing:
        errors["code"] = f"No code with the slug {', '.join(missing)}."
    elif group and not found:
        errors["code_group"] = f"No code is in the code group {group[:60]!r}."
    return found


def matrix_spec(params, *, viewer) -> MatrixSpec:
    check_known(params, MATRIX_PARAMETERS)
    errors: dict[str, str] = {}
    columns = _choice(params, "columns", list(COLUMNS), errors)
    measure = _choice(params, "measure", MEASURES, errors)
    value = _choice(params, "value", VALUES, errors)
    codes = _codes(params, errors)
    filters = None
    try:
        filters = statement_filters(
            {k: params.get(k) for k in params if k in FILTERS}, viewer=viewer
        )
    except ValidationError as error:
        errors.update({k: " ".join(v) for k, v in error.message_dict.items()})
    if errors:
        raise ValidationError(errors)
    return MatrixSpec(columns, measure, value, codes, filters)


# Each kind of column: the expression its statements are grouped by (from Statement,
# or from Annotation with prefix "statement__"), and the columns made from the keys.


def _delegation_key(prefix: str) -> Case:
    """The Delegation's id when the printed name is linked, else "printed:<name>"; the
    chair speaks for no delegation ("printed:", the no-delegation column)."""
    linked = Cast(delegation_id_of(f"{prefix}delegation"), CharField())
    return Case(
        When(speaks_for_delegation(f"{prefix}delegation"),
             then=Coalesce(linked, Concat(Value("printed:"), F(f"{prefix}delegation")))),
        default=Value("printed:"),
        output_field=CharField(),
    )  # fmt: skip


def _delegation_columns(keys: list[str]) -> list[tuple[object, str, dict | None]]:
    ids = [int(k) for k in keys if not k.startswith("printed:")]
    found = Delegation.objects.filter(pk__in=ids).values_list("pk", "slug", "name")
    names = {pk: slug for pk, slug, _ in found}
    labels = {pk: name for pk, _, name in found}
    columns = []
    for key in keys:
        if key.startswith("printed:"):
            printed = key.removeprefix("printed:")
            columns.append((key, printed or NO_DELEGATION, None))
        else:
            pk = int(key)
            columns.append((key, labels[pk], {"delegation": names[pk]}))
    return sorted(columns, key=lambda c: (c[1] == NO_DELEGATION, c[1]))


def _choice_columns(choices) -> Callable:
    def columns(keys: list[str], name: str) -> list[tuple[object, str, dict | None]]:
        return [(k, label, {name: k}) for k, label in choices if k in set(keys)]

    return columns


def _meeting_columns(keys: list[int]) -> list[tuple[object, str, dict | None]]:
    meetings = Meeting.objects.filter(pk__in=keys).order_by("date", "symbol")
    return [(m.pk, m.symbol, {"meeting": m.symbol}) for m in meetings]


def _year_columns(keys: list[int | None], query: dict) -> list[tuple[object, str, dict | None]]:
    ordered = sorted(keys, key=lambda y: (y is None, y or 0))
    return [(y, str(y) if y else "no date", year_filters(query, y) or None) for y in ordered]


def _expression(columns: str, prefix: str):
    return {
        "delegation": lambda: _delegation_key(prefix),
        "speaker_type": lambda: F(f"{prefix}speaker_type"),
        "gender": lambda: speaker_gender(prefix),
        "meeting": lambda: F(f"{prefix}meeting_id"),
        "year": lambda: ExtractYear(f"{prefix}meeting__date"),
    }[columns]()


def _column_list(spec: MatrixSpec, keys: list) -> list[tuple[object, str, dict | None]]:
    if spec.columns == "delegation":
        return _delegation_columns(keys)
    if spec.columns == "speaker_type":
        return _choice_columns(SpeakerType.choices)(keys, "speaker_type")
    if spec.columns == "gender":
        return _choice_columns(Gender.choices)(keys, "gender")
    if spec.columns == "meeting":
        return _meeting_columns(keys)
    return _year_columns(keys, spec.filters.query)


def _statements(spec: MatrixSpec) -> QuerySet[Statement]:
    return apply_filters(Statement.objects.all(), spec.filters)


def _annotations(spec: MatrixSpec) -> QuerySet[Annotation]:
    return spec.filters.annotations().filter(
        statement__in=_statements(spec).values("pk"), code__in=spec.codes
    )


def _grouped(spec: MatrixSpec) -> tuple[dict, dict]:
    """({column key: (statements, speakers)}, {(code id, column key): (statements, speakers)})."""
    totals = {
        r["key"]: (r["n"], r["people"])
        for r in _statements(spec)
        .values(key=_expression(spec.columns, ""))
        .annotate(n=Count("id"), people=speakers())
        .order_by()
    }
    cells = {
        (r["code_id"], r["key"]): (r["n"], r["people"])
        for r in _annotations(spec)
        .values("code_id", key=_expression(spec.columns, "statement__"))
        .annotate(n=Count("statement_id", distinct=True), people=speakers("statement__"))
        .order_by()
    }
    return totals, cells


def _by_group(spec: MatrixSpec) -> tuple[dict, dict, list]:
    """The same for country groups, which overlap: statements joined to the memberships
    valid in their meeting's year (a statement is one row per group it counts for), and
    grouped by the membership's group; the distinct counts count each statement once."""
    groups = list(CountryGroup.objects.order_by("name"))
    totals = {
        r["key"]: (r["n"], r["people"])
        for r in _statements(spec)
        .filter(group_term())
        .values(key=F(group_path()))
        .annotate(n=Count("id", distinct=True), people=speakers())
        .order_by()
    }
    cells = {
        (r["code_id"], r["key"]): (r["n"], r["people"])
        for r in _annotations(spec)
        .filter(group_term("statement__"))
        .values("code_id", key=F(group_path("statement__")))
        .annotate(n=Count("statement_id", distinct=True), people=speakers("statement__"))
        .order_by()
    }
    columns = [(g.pk, g.name, {"group": g.slug}) for g in groups if g.pk in totals]
    return totals, cells, columns


def matrix(spec: MatrixSpec) -> Matrix:
    if spec.columns == "group":
        totals, cells, listed = _by_group(spec)
    else:
        totals, cells = _grouped(spec)
        listed = _column_list(spec, list(totals))
    columns = [Column(k, label, *totals[k], link) for k, label, link in listed]
    query = spec.filters.query
    result = Matrix(spec, columns)
    for code in spec.codes:
        row = []
        for column in columns:
            n, people = cells.get((code.pk, column.key), (0, 0))
            url = passages_url(query, coded=code.slug, **column.link) if column.link else ""
            row.append(
                Cell(n, people, share(n, column.statements), share(people, column.speakers), url)
            )
        result.rows.append((code, row))
    return result
