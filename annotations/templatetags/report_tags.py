"""Formatting for report pages: percentages, coefficients, bars and heat-map shades.

Bars and shades are CSS classes (static/css/report.css), never inline styles: the
Content-Security-Policy allows only the site's own style sheets.
"""

from __future__ import annotations

from django import template

register = template.Library()

HEAT_SHADES = 6  # heat-0 … heat-5


@register.filter
def percent(value: float | None) -> str:
    """33.333 → "33.3%", None → "—"."""
    if value is None:
        return "—"
    return f"{value:.1f}%"


@register.filter
def coefficient(value: float | None) -> str:
    """A kappa or alpha to three decimals, None → "—"."""
    if value is None:
        return "—"
    return f"{value:.3f}"


@register.filter
def bar_class(value: float | None) -> str:
    """The width class of a bar for a percentage: 33.3 → "bar-33"."""
    width = 0 if value is None else max(0, min(100, round(value)))
    return f"bar-{width}"


@register.simple_tag
def heat_class(value: int, maximum: int) -> str:
    """One of HEAT_SHADES shades for a count, relative to the largest count."""
    if not value or not maximum:
        return "heat-0"
    return f"heat-{max(1, min(HEAT_SHADES - 1, round(value / maximum * (HEAT_SHADES - 1))))}"


@register.filter
def get(mapping: dict, key):
    """mapping[key] in a template: {{ code.by_gender|get:"female" }}."""
    return mapping.get(key, "") if mapping else ""
