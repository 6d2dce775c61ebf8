"""The bulk import: the upload, a job's progress page and the status it polls."""

from django.urls import path

from . import views

urlpatterns = [
    path("imports/bulk/", views.bulk_import_new, name="bulk-import-new"),
    path("imports/jobs/<int:job_id>/", views.import_job_page, name="import-job"),
    path(
        "imports/jobs/<int:job_id>/status.json", views.import_job_status, name="import-job-status"
    ),
]
