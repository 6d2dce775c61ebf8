"""Reports: aggregations done in the database, returned as plain dataclasses.

The pieces: `options` (what a report counts), `overview`, `coverage`,
`analysis` (the PeaceWomen structure), `inter_analyst` (agreement), `compare`
(across meetings, and analysts side by side), `tables` (CSV and JSON shapes).
"""

from .meeting import build_report, meeting_report
from .options import ReportOptions, report_options

__all__ = ["ReportOptions", "build_report", "meeting_report", "report_options"]
