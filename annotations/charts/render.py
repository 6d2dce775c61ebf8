"""Draw a `Chart` as SVG or PNG with matplotlib (no pyplot: safe in a web worker).

Colours are the Okabe–Ito palette, distinguishable with the common colour-vision
deficiencies; each series also has its own hatch or marker and every bar and
point carries its value, so nothing is read from hue alone.
"""

from __future__ import annotations

import io
import textwrap

import matplotlib

matplotlib.use("Agg")  # before any figure: no display on a server

from matplotlib.figure import Figure  # noqa: E402

from .model import BAR, HEAT_MAP, LINE, Chart, format_value  # noqa: E402

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
HATCHES = ("", "//", "..", "xx", "\\\\", "++", "oo", "--")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
TITLE_CHARACTERS_PER_INCH = 9  # 11 pt bold DejaVu Sans, with room to spare
FONT = {"font.family": "DejaVu Sans", "font.size": 9, "svg.fonttype": "none"}


def _wrap(label: str, width: int = 16) -> str:
    return "\n".join(textwrap.wrap(label, width)) or label


def _figure(chart: Chart) -> Figure:
    width = min(12.0, max(5.5, 0.6 * len(chart.categories) * max(1, len(chart.series)) + 2))
    height = 4.2 if chart.kind != HEAT_MAP else max(2.5, 0.35 * len(chart.series) + 1.8)
    with matplotlib.rc_context(FONT):
        figure = Figure(figsize=(width, height), layout="constrained")
        axes = figure.add_subplot()
        DRAW[chart.kind](axes, chart)
        # Wrapped to the figure: a narrow chart (an empty heat map) would cut a long title.
        title = textwrap.fill(chart.title, width=int(width * TITLE_CHARACTERS_PER_INCH))
        axes.set_title(title, loc="left", fontsize=11, fontweight="bold")
        if chart.is_empty:
            axes.text(0.5, 0.5, "No data", ha="center", va="center", transform=axes.transAxes)
    return figure


def _bars(axes, chart: Chart) -> None:
    count = max(1, len(chart.series))
    width = 0.8 / count
    for index, series in enumerate(chart.series):
        xs = [i + (index - (count - 1) / 2) * width for i in range(len(chart.categories))]
        heights = [v or 0 for v in series.values]
        bars = axes.bar(
            xs,
            heights,
            width,
            label=series.label,
            color=PALETTE[index % len(PALETTE)],
            hatch=HATCHES[index % len(HATCHES)],
            edgecolor="#333333",
            linewidth=0.5,
        )
        labels = [format_value(v, chart.unit) if v is not None else "" for v in series.values]
        axes.bar_label(bars, labels=labels, padding=2, fontsize=8)
    _category_axis(axes, chart)


def _lines(axes, chart: Chart) -> None:
    xs = list(range(len(chart.categories)))
    for index, series in enumerate(chart.series):
        points = [(x, v) for x, v in zip(xs, series.values, strict=True) if v is not None]
        if not points:
            continue
        px, py = zip(*points, strict=True)
        axes.plot(
            px,
            py,
            marker=MARKERS[index % len(MARKERS)],
            color=PALETTE[index % len(PALETTE)],
            label=series.label,
        )
        for x, y in points:
            axes.annotate(
                format_value(y, chart.unit),
                (x, y),
                textcoords="offset points",
                xytext=(0, 5),
                ha="center",
                fontsize=7,
            )
    _category_axis(axes, chart)


def _category_axis(axes, chart: Chart) -> None:
    axes.set_xticks(range(len(chart.categories)), [_wrap(c) for c in chart.categories])
    if len(chart.categories) > 8:
        axes.tick_params(axis="x", labelrotation=45)
    axes.set_xlabel(chart.x_label)
    axes.set_ylabel(chart.y_label or ("Share (%)" if chart.unit == "%" else ""))
    if chart.unit == "%":
        axes.set_ylim(0, 105)
    axes.spines[["top", "right"]].set_visible(False)
    if len(chart.series) > 1:
        axes.legend(frameon=False, fontsize=8)


def _heat(axes, chart: Chart) -> None:
    grid = [[v if v is not None else float("nan") for v in s.values] for s in chart.series]
    if not grid:
        grid = [[float("nan")] * max(1, len(chart.categories))]
    image = axes.imshow(grid, cmap="Blues", aspect="auto", vmin=0)
    for row, series in enumerate(chart.series):
        for column, value in enumerate(series.values):
            axes.text(
                column,
                row,
                format_value(value, chart.unit),
                ha="center",
                va="center",
                fontsize=8,
                color=_ink(image, value),
            )
    axes.set_xticks(range(len(chart.categories)), [_wrap(c, 12) for c in chart.categories])
    axes.set_yticks(range(len(chart.series)), [s.label for s in chart.series])
    axes.tick_params(length=0)


def _ink(image, value: float | None) -> str:
    """Dark text on light cells, white on dark ones (contrast in both)."""
    if value is None:
        return "#333333"
    return "white" if image.norm(value) > 0.55 else "#1a1a1a"


DRAW = {BAR: _bars, LINE: _lines, HEAT_MAP: _heat}


def render_svg(chart: Chart) -> str:
    """The chart as a standalone SVG document: labels as real text, the alternative as <title>."""
    buffer = io.StringIO()
    with matplotlib.rc_context(FONT):  # savefig reads svg.fonttype at save time
        _figure(chart).savefig(
            buffer, format="svg", metadata={"Title": chart.alt_text, "Date": None}
        )
    return buffer.getvalue()


def render_png(chart: Chart, *, dpi: int = 150) -> bytes:
    buffer = io.BytesIO()
    with matplotlib.rc_context(FONT):
        _figure(chart).savefig(buffer, format="png", dpi=dpi, metadata={"Title": chart.alt_text})
    return buffer.getvalue()
