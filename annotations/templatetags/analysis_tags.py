"""Template filters of the analysis-draft page: a chart as an <img> source and its table."""

import base64

from django import template

from annotations.charts import chart_table, render_svg

register = template.Library()


@register.filter
def chart_src(chart) -> str:
    """The chart's SVG as a data: URL (the CSP allows data: images, so nothing is marked safe)."""
    return "data:image/svg+xml;base64," + base64.b64encode(render_svg(chart).encode()).decode()


@register.filter
def chart_rows(chart):
    return chart_table(chart)
