"""URLs of the analysis. Each part has its own module so work on one does not
collide with another."""

from django.urls import include, path

urlpatterns = [
    path("", include("annotations.urls_api")),  # /api/ resources, schema, docs, exports
    path("", include("annotations.urls_workspace")),  # /meetings/, workspace, its endpoints
    path("", include("annotations.urls_reports")),  # reports, compare, report JSON
    path("", include("annotations.analysis.urls")),  # analysis drafts: page, DOCX, MD, PDF
    path("", include("annotations.urls_review")),  # review, adjudication, history
    path("", include("annotations.urls_admin_tools")),  # admin-side fixture loading
]
