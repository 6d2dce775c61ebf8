"""Analysis drafts: a meeting's draft (page, DOCX, Markdown, PDF) and the comparison's."""

from django.urls import path

from . import views

urlpatterns = [
    path("meetings/<int:meeting_id>/analysis/", views.meeting_page, name="analysis"),
    path(
        "meetings/<int:meeting_id>/analysis.docx",
        views.meeting_download,
        {"extension": "docx"},
        name="analysis-docx",
    ),
    path(
        "meetings/<int:meeting_id>/analysis.md",
        views.meeting_download,
        {"extension": "md"},
        name="analysis-md",
    ),
    path(
        "meetings/<int:meeting_id>/analysis.pdf",
        views.meeting_download,
        {"extension": "pdf"},
        name="analysis-pdf",
    ),
    path("reports/compare/analysis/", views.compare_page, name="analysis-compare"),
    path(
        "reports/compare/analysis.docx",
        views.compare_download,
        {"extension": "docx"},
        name="analysis-compare-docx",
    ),
    path(
        "reports/compare/analysis.md",
        views.compare_download,
        {"extension": "md"},
        name="analysis-compare-md",
    ),
    path(
        "reports/compare/analysis.pdf",
        views.compare_download,
        {"extension": "pdf"},
        name="analysis-compare-pdf",
    ),
]
