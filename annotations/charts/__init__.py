"""Charts drawn from the same numbers as the tables beside them.

A chart is plain data (`Chart`): its title, categories, one or more series and a
text alternative. `render_svg` and `render_png` draw it with matplotlib on the
server, so the same picture appears on a page (as an <img> of the SVG), in a
printed report, in a DOCX or PDF download, and as a file the analyst saves; no
script and no CDN is involved. `chart_table` gives the rows a screen-reader
user (or a spreadsheet) reads instead of the picture.

Pure: no Django, no ORM. Callers (reports, monitoring, analysis drafts) build the
numbers with their selectors and hand them in.
"""

from .model import Chart, Series, bar_chart, chart_table, heat_map, line_chart
from .render import render_png, render_svg

__all__ = [
    "Chart",
    "Series",
    "bar_chart",
    "chart_table",
    "heat_map",
    "line_chart",
    "render_png",
    "render_svg",
]
