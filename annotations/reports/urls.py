"""Reports: a meeting's report page, its CSV tables and JSON, the comparison across
meetings, and the same figures over the REST API."""

from django.urls import path

from . import api, views

urlpatterns = [
    path("meetings/<int:meeting_id>/report/", views.report_page, name="report"),
    path(
        "meetings/<int:meeting_id>/report/<slug:table>.csv",
        views.report_table_csv,
        name="report-table-csv",
    ),
    path("meetings/<int:meeting_id>/report.json", views.report_json, name="report-json"),
    path("reports/compare/", views.compare_meetings_page, name="report-compare"),
    path("reports/compare.csv", views.compare_meetings_csv, name="report-compare-csv"),
    path(
        "api/meetings/<int:meeting_id>/report/",
        api.MeetingReportView.as_view(),
        name="api-meeting-report",
    ),
    path(
        "api/reports/compare/",
        api.MeetingComparisonView.as_view(),
        name="api-report-compare",
    ),
]
