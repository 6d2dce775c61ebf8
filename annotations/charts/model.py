"""What a chart shows, as data: built by the callers, drawn by `render`."""

from __future__ import annotations

from dataclasses import dataclass, field

BAR = "bar"
LINE = "line"
HEAT_MAP = "heat_map"
KINDS = (BAR, LINE, HEAT_MAP)


@dataclass(frozen=True)
class Series:
    """One row of numbers, one per category; None where there is no value."""

    label: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Chart:
    kind: str
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = ""  # "%" for shares, "" for counts
    x_label: str = ""
    y_label: str = ""
    description: str = ""  # the text alternative; made from the numbers when empty
    notes: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Unknown chart kind {self.kind!r}: use one of {', '.join(KINDS)}.")
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise ValueError(
                    f"Series {series.label!r} has {len(series.values)} values for "
                    f"{len(self.categories)} categories."
                )

    @property
    def is_empty(self) -> bool:
        return not any(v is not None for s in self.series for v in s.values)

    @property
    def alt_text(self) -> str:
        return self.description or describe(self)


def _series(values: dict[str, list[float | None]] | list[float | None], label: str):
    if isinstance(values, dict):
        return tuple(Series(name, tuple(row)) for name, row in values.items())
    return (Series(label, tuple(values)),)


def bar_chart(
    *,
    title: str,
    categories: list[str],
    values: dict[str, list[float | None]] | list[float | None],
    unit: str = "",
    x_label: str = "",
    y_label: str = "",
    description: str = "",
) -> Chart:
    """Bars per category; a dict of series gives grouped bars (one colour each)."""
    return Chart(
        BAR,
        title,
        tuple(categories),
        _series(values, y_label or title),
        unit,
        x_label,
        y_label,
        description,
    )


def line_chart(
    *,
    title: str,
    categories: list[str],
    values: dict[str, list[float | None]],
    unit: str = "",
    x_label: str = "",
    y_label: str = "",
    description: str = "",
) -> Chart:
    """One line per series over ordered categories (meetings, years)."""
    return Chart(
        LINE, title, tuple(categories), _series(values, title), unit, x_label, y_label, description
    )


def heat_map(
    *,
    title: str,
    columns: list[str],
    rows: dict[str, list[float | None]],
    unit: str = "",
    description: str = "",
) -> Chart:
    """A grid: one row per series, one column per category, shaded by value."""
    return Chart(HEAT_MAP, title, tuple(columns), _series(rows, title), unit, "", "", description)


def format_value(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "%":
        return f"{value:.0f}%" if float(value).is_integer() else f"{value:.1f}%"
    return f"{value:g}{unit}"


def chart_table(chart: Chart) -> tuple[list[str], list[list[str]]]:
    """The chart's numbers as a table: a header and one row per category."""
    header = ["", *(s.label for s in chart.series)]
    rows = [
        [category, *(format_value(s.values[i], chart.unit) for s in chart.series)]
        for i, category in enumerate(chart.categories)
    ]
    return header, rows


def describe(chart: Chart) -> str:
    """A sentence a screen reader can read in place of the picture."""
    if chart.is_empty:
        return f"{chart.title}: no data."
    parts = []
    for series in chart.series:
        shown = [
            f"{category} {format_value(value, chart.unit)}"
            for category, value in zip(chart.categories, series.values, strict=True)
            if value is not None
        ]
        prefix = f"{series.label}: " if len(chart.series) > 1 else ""
        parts.append(prefix + ", ".join(shown))
    return f"{chart.title}. " + "; ".join(parts) + "."
