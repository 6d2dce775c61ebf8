"""/api/schemes/ and /api/codes/."""

from rest_framework.routers import SimpleRouter

from . import api

router = SimpleRouter()
router.register("api/schemes", api.CodingSchemeViewSet, basename="api-scheme")
router.register("api/codes", api.CodeViewSet, basename="api-code")

urlpatterns = router.urls
