"""The monitoring charts, drawn from the same numbers as the tables beside them.

`chart_for(name, params, viewer=)` builds the Chart the SVG and PNG endpoints draw; the pages
build the same Chart (from figures they already have where they can) to show its
table and text alternative. Every builder runs a constant number of queries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from django.core.exceptions import ValidationError
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils.http import urlencode

from tracker.models import Gender, Meeting, SpeakerType, Statement

from ..charts import Chart, bar_chart, chart_table, heat_map, line_chart
from ..models import Code
from ..reports.data import share
from ..reports.speakers import speaker_gender
from .gender_index import linked_delegations
from .parameters import apply_filters, statement_filters
from .reference_levels import level_names, level_rows
from .speaker_counts import speaker_rows, speakers_per
from .trends import TREND_PARAMETERS, Trends, TrendSpec, statements_of, trend_spec, trends

FOUR_PS = "four-ps"
MEASURES = {"statements": "share of statements", "speakers": "share of speakers"}
CHART_PARAMETERS = (*TREND_PARAMETERS, "measure")
HEAT_MAP_ROWS = 40  # delegations drawn; the table and CSV have them all


@dataclass(frozen=True)
class ChartOnPage:
    """A chart as a page shows it: the picture's URLs, its text alternative, its table."""

    name: str
    chart: Chart
    query: dict[str, str]

    def _url(self, extension: str) -> str:
        url = reverse("monitoring-chart", args=[self.name, extension])
        return url + ("?" + urlencode(sorted(self.query.items())) if self.query else "")

    @property
    def svg_url(self) -> str:
        return self._url("svg")

    @property
    def png_url(self) -> str:
        return self._url("png")

    @property
    def table(self) -> tuple[list[str], list[list[str]]]:
        return chart_table(self.chart)


def trend_chart(result: Trends, measure: str = "statements") -> Chart:
    periods = result.periods
    at = {period: n for n, period in enumerate(periods)}  # not periods.index: 5,000 meetings
    values = {body: [None] * len(periods) for body in result.bodies}
    for point in result.points:
        value = point.share_of_statements if measure == "statements" else point.share_of_speakers
        values[point.body][at[point.period]] = value
    return line_chart(
        title=f"{result.spec.label}: {MEASURES[measure]} coded, by {result.spec.by}",
        categories=periods,
        values=values,
        unit="%",
        x_label="Meeting" if result.spec.by == "meeting" else "Year",
    )


def four_ps_chart(spec: TrendSpec) -> Chart:
    """The 4 P's balance: the share of the selected statements coded with each P."""
    statements = statements_of(spec)
    codes = {c.slug: c.name for c in Code.objects.filter(group=FOUR_PS).in_codebook_order()}
    counts = dict(
        spec.filters.annotations()
        .filter(statement__in=statements.values("pk"), code__group=FOUR_PS)
        .values("code__slug")
        .annotate(n=Count("statement_id", distinct=True))
        .values_list("code__slug", "n")
        .order_by()
    )
    total = statements.count()
    return bar_chart(
        title=f"The 4 P's: share of the {total} selected statements coded with each",
        categories=list(codes.values()),
        values=[share(counts.get(slug, 0), total) for slug in codes],
        unit="%",
        y_label="Share of statements (%)",
    )


def coverage(spec: TrendSpec) -> dict[str, dict]:
    """Speakers, and speakers coded, per speaker type ("kind") and per gender
    ("gender_key"): one query for both charts (a row per type, gender and speaker)."""
    rows = list(
        speaker_rows(
            statements_of(spec),
            expressions={"kind": F("speaker_type"), "gender_key": speaker_gender()},
            flags={"coded": Q(coded=True)},
        )
    )
    return {field: speakers_per(rows, field, "coded") for field in ("kind", "gender_key")}


def _coverage(spec: TrendSpec, figures: dict, choices, title: str) -> Chart:
    present = [(key, label) for key, label in choices if key in figures]
    return bar_chart(
        title=f"{spec.label}: share of speakers coded, {title}",
        categories=[f"{label} ({figures[key][0]})" for key, label in present],
        values=[share(figures[key][1], figures[key][0]) for key, _ in present],
        unit="%",
        y_label="Share of speakers (%)",
        x_label="In brackets: speakers",
    )


def speaker_type_chart(spec: TrendSpec, figures: dict | None = None) -> Chart:
    """`figures`: coverage(spec), when the page has it already."""
    figures = figures or coverage(spec)
    return _coverage(spec, figures["kind"], SpeakerType.choices, "by speaker type")


def gender_chart(spec: TrendSpec, figures: dict | None = None) -> Chart:
    figures = figures or coverage(spec)
    return _coverage(spec, figures["gender_key"], Gender.choices, "by gender")


def gender_index_chart(params, viewer) -> Chart:
    """Every rated delegation's reference level per meeting, as a heat map (0 none,
    1 general, 2 specific); the first HEAT_MAP_ROWS delegations by name."""
    filters = statement_filters({k: v for k, v in params.items() if k != "measure"}, viewer=viewer)
    statements = apply_filters(Statement.objects.exclude(delegation=""), filters)
    rows = level_rows(statements, ("statement__delegation", "statement__meeting_id"), viewer=viewer)
    meetings = list(
        Meeting.objects.filter(pk__in={r["statement__meeting_id"] for r in rows})
        .order_by("date", "symbol")
        .values_list("pk", "symbol")
    )
    known = linked_delegations({r["statement__delegation"] for r in rows})
    grid: dict[str, list] = {}
    columns = [pk for pk, _ in meetings]
    for r in rows:
        name = known.get(r["statement__delegation"], (r["statement__delegation"], ""))[0]
        line = grid.setdefault(name, [None] * len(columns))
        at = columns.index(r["statement__meeting_id"])
        if line[at] is None or r["rank"] > line[at]:
            line[at] = r["rank"]
    names = sorted(grid)[:HEAT_MAP_ROWS]
    scale = ", ".join(f"{rank} {name.lower()}" for rank, name in enumerate(level_names()))
    chart = heat_map(
        title=f"Reference level by delegation and meeting ({scale})",
        columns=[symbol for _, symbol in meetings],
        rows={name: grid[name] for name in names},
    )
    if len(grid) <= HEAT_MAP_ROWS:
        return chart
    cut = f" The first {HEAT_MAP_ROWS} of {len(grid)} delegations are drawn."
    return replace(chart, description=chart.alt_text + cut)


def _spec_chart(build: Callable[[TrendSpec], Chart]) -> Callable:
    return lambda params, viewer: build(trend_spec(params, viewer=viewer, allowed=CHART_PARAMETERS))


def _trend(params, viewer) -> Chart:
    measure = params.get("measure") or "statements"
    if measure not in MEASURES:
        raise ValidationError({"measure": f"measure must be one of {', '.join(MEASURES)}."})
    spec = trend_spec(params, viewer=viewer, allowed=CHART_PARAMETERS)
    return trend_chart(trends(spec, delegations=False, briefers=False), measure)


CHARTS: dict[str, Callable] = {
    "trends": _trend,
    "four-ps": _spec_chart(four_ps_chart),
    "speaker-types": _spec_chart(speaker_type_chart),
    "genders": _spec_chart(gender_chart),
    "gender-index": gender_index_chart,
}


def chart_for(name: str, params, *, viewer) -> Chart:
    """The chart `name` for the query string, drawn for `viewer` (blind coding);
    ValidationError for a bad parameter."""
    return CHARTS[name](params, viewer)
