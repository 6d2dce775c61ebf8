"""/api/ resources of the analysis, the OpenAPI schema and its offline Swagger UI."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("api/schemes", api.CodingSchemeViewSet, basename="api-scheme")
router.register("api/codes", api.CodeViewSet, basename="api-code")
router.register("api/annotations", api.AnnotationViewSet, basename="api-annotation")
router.register(
    "api/missed-opportunities", api.MissedOpportunityViewSet, basename="api-missed-opportunity"
)

urlpatterns = [
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    *router.urls,
]
