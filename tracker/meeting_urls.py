"""URLs of the meeting record. Each part has its own module so work on one
does not collide with another."""

from django.urls import include, path

urlpatterns = [
    path("", include("tracker.urls_import")),  # import pages and /api/imports/…
    path("", include("tracker.urls_api")),  # /api/meetings/, statements, speakers
]
