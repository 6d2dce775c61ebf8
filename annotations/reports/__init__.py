"""Reports: aggregations done in the database, returned as plain dataclasses.

`meeting` assembles a meeting's report from one module per section, each
with its template in templates/annotations/reports/: `overview`, `claims`,
`sections` (the PeaceWomen structure), `missed` (missed opportunities),
`coverage` (with quotes), `cooccurrence`, `inter_analyst` (agreement, with the
statistics in `agreement`), `suggestions` and `memos` (the analysts' memos on the
meeting and its codes). Around them: `options` (what a
report counts), `speakers` (counting speakers), `data` (the dataclasses),
`compare` (across meetings), `tables` (CSV and JSON shapes); `api`, `views`
and `urls` are the faces. A new section is a module, a template and a table.
"""

from .meeting import build_report, meeting_report
from .options import ReportOptions, report_options

__all__ = ["ReportOptions", "build_report", "meeting_report", "report_options"]
