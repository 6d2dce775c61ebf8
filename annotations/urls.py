"""URLs of the analysis: one module per feature, and the OpenAPI schema and its
offline Swagger UI, which document them all.

The Swagger UI is the "split" view: its start-up script is a file of its own,
as our Content-Security-Policy (script-src 'self') allows no inline script.
"""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

urlpatterns = [
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api-schema", template_name="annotations/api_docs.html"
        ),
        name="api-docs",
    ),
    path("", include("annotations.codebook.urls")),  # /api/schemes/, /api/codes/
    path("", include("annotations.exchange.urls")),  # /api/export/…, /api/import/codebook
    path("", include("annotations.coding.urls")),  # /meetings/, workspace, coding's API
    path("", include("annotations.reports.urls")),  # reports, compare, report JSON
    path("", include("annotations.analysis.urls")),  # analysis drafts: page, DOCX, MD, PDF
    path("", include("annotations.review.urls")),  # review, history, restore, side by side
    path("", include("annotations.monitoring.urls")),  # search, profiles, groups, Gender Index
]
