"""/api/ resources of the analysis, the OpenAPI schema and its offline Swagger UI.

The Swagger UI is the "split" view: its start-up script is a file of its own,
as our Content-Security-Policy (script-src 'self') allows no inline script.
"""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from . import api, api_export, api_interchange

router = SimpleRouter()
router.register("api/schemes", api.CodingSchemeViewSet, basename="api-scheme")
router.register("api/codes", api.CodeViewSet, basename="api-code")
router.register("api/annotations", api.AnnotationViewSet, basename="api-annotation")
router.register(
    "api/missed-opportunities", api.MissedOpportunityViewSet, basename="api-missed-opportunity"
)

urlpatterns = [
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "api/docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api-schema", template_name="annotations/api_docs.html"
        ),
        name="api-docs",
    ),
    path("api/export/annotations.csv", api_export.AnnotationCsvView.as_view(), name="export-csv"),
    path(
        "api/export/annotations.jsonl",
        api_export.AnnotationJsonLinesView.as_view(),
        name="export-jsonl",
    ),
    path(
        "api/export/annotations.jsonld",
        api_export.AnnotationWebAnnotationView.as_view(),
        name="export-jsonld",
    ),
    path("api/export/codebook.qdc", api_interchange.CodebookQdcView.as_view(), name="export-qdc"),
    path("api/export/project.qdpx", api_interchange.ProjectQdpxView.as_view(), name="export-qdpx"),
    path(
        "api/import/codebook",
        api_interchange.CodebookImportView.as_view(),
        name="import-codebook",
    ),
    *router.urls,
]
