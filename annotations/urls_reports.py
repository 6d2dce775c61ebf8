"""Reports: a meeting's report page, its CSV tables and JSON, the analysts side by
side, the comparison across meetings, and the same figures over the REST API."""

from django.urls import path

from . import report_api, report_views

urlpatterns = [
    path("meetings/<int:meeting_id>/report/", report_views.report_page, name="report"),
    path(
        "meetings/<int:meeting_id>/report/<slug:table>.csv",
        report_views.report_table_csv,
        name="report-table-csv",
    ),
    path("meetings/<int:meeting_id>/report.json", report_views.report_json, name="report-json"),
    path(
        "meetings/<int:meeting_id>/compare-analysts/",
        report_views.compare_analysts_page,
        name="report-compare-analysts",
    ),
    path("reports/compare/", report_views.compare_meetings_page, name="report-compare"),
    path("reports/compare.csv", report_views.compare_meetings_csv, name="report-compare-csv"),
    path(
        "api/meetings/<int:meeting_id>/report/",
        report_api.MeetingReportView.as_view(),
        name="api-meeting-report",
    ),
    path(
        "api/reports/compare/",
        report_api.MeetingComparisonView.as_view(),
        name="api-report-compare",
    ),
]
