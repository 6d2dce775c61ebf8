"""The draft's charts, from the report's figures (drawn by annotations.charts)."""

from __future__ import annotations

from ..charts import bar_chart
from ..reports.data import CodeCoverage, Overview
from .document import ChartBlock
from .wording import Wording


def share_chart(title: str, codes: list[CodeCoverage], wording: Wording) -> ChartBlock:
    return ChartBlock(
        bar_chart(
            title=title,
            categories=[code.name for code in codes],
            values=[code.share_of_speakers for code in codes],
            unit="%",
            y_label=wording.say("chart.share"),
        )
    )


def speakers_chart(wording: Wording, overview: Overview) -> ChartBlock:
    shown = [row for row in overview.speakers_by_type if row.speakers]
    return ChartBlock(
        bar_chart(
            title=wording.say("chart.speakers"),
            categories=[row.label for row in shown],
            values=[row.speakers for row in shown],
            y_label="Speakers",
        )
    )
