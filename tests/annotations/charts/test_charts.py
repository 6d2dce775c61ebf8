import struct

import pytest
from lxml import etree

from annotations.charts import (
    bar_chart,
    chart_table,
    heat_map,
    line_chart,
    render_png,
    render_svg,
)


def four_ps():
    return bar_chart(
        title="The 4 P's",
        categories=["Prevention", "Protection", "Prosecution", "Partnership"],
        values=[24.1, 50.0, None, 12.5],
        unit="%",
    )


def test_a_chart_refuses_series_that_do_not_match_its_categories():
    with pytest.raises(ValueError, match="has 1 values for 2 categories"):
        bar_chart(title="x", categories=["a", "b"], values=[1])


def test_the_table_and_text_alternative_carry_the_same_numbers_as_the_picture():
    chart = four_ps()
    header, rows = chart_table(chart)
    assert header == ["", "The 4 P's"]
    assert rows[0] == ["Prevention", "24.1%"]
    assert rows[2] == ["Prosecution", "–"]
    assert chart.alt_text == ("The 4 P's. Prevention 24.1%, Protection 50%, Partnership 12.5%.")


SVG = "{http://www.w3.org/2000/svg}"


def drawn_text(svg: str) -> list[str]:
    """The words drawn in the picture (<text> elements), not its <title> or metadata."""
    root = etree.fromstring(svg.encode())
    assert root.tag == f"{SVG}svg"
    return ["".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")]


def test_svg_draws_every_value_and_category_as_text():
    svg = render_svg(four_ps())
    drawn = drawn_text(svg)
    for label in ("24.1%", "50%", "12.5%", "Prevention", "Partnership", "The 4 P's"):
        assert label in drawn
    assert "<script" not in svg


def test_png_is_a_png_of_the_requested_resolution():
    png = render_png(four_ps(), dpi=100)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width > 400 and height > 300


def test_lines_skip_missing_points_and_heat_maps_label_every_cell():
    trend = line_chart(
        title="Prosecution by year",
        categories=["2017", "2021"],
        values={"All": [24.0, None], "P5": [40.0, 20.0]},
        unit="%",
    )
    assert "All: 2017 24%; P5: 2017 40%, 2021 20%" in trend.alt_text
    assert {"24%", "40%", "20%"} <= set(drawn_text(render_svg(trend)))
    grid = heat_map(title="Levels", columns=["none", "general"], rows={"Chile": [0, 3]})
    assert {"0", "3", "Chile", "none", "general"} <= set(drawn_text(render_svg(grid)))


def test_an_empty_chart_says_so():
    chart = bar_chart(title="Nothing yet", categories=["a"], values=[None])
    assert chart.alt_text == "Nothing yet: no data."
    assert "No data" in drawn_text(render_svg(chart))


def test_a_long_title_is_wrapped_inside_a_narrow_figure():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from annotations.charts.render import _figure

    title = ("Reference level by delegation and meeting (0 no reference, "
             "1 general reference, 2 specific reference)")  # fmt: skip
    figure = _figure(heat_map(title=title, columns=[], rows={}))  # the Gender Index, unrated
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    drawn = figure.axes[0]._left_title  # set_title(loc="left")
    assert drawn.get_text().replace("\n", " ") == title
    assert drawn.get_window_extent(canvas.get_renderer()).x1 <= figure.bbox.x1
