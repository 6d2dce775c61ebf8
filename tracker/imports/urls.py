"""The import: pages under /imports/ and the REST preview-then-commit under /api/imports/."""

from django.urls import include, path

from . import api, views

urlpatterns = [
    path("imports/new/", views.import_new, name="import-new"),
    path("imports/commit/", views.import_commit, name="import-commit"),
    path("imports/jobs/<int:job_id>/preview/", views.import_parsed, name="import-parsed"),
    path("api/imports/preview/", api.ImportPreviewView.as_view(), name="api-import-preview"),
    path("api/imports/", api.ImportCommitView.as_view(), name="api-import-commit"),
    path("", include("tracker.imports.bulk.urls")),
]
