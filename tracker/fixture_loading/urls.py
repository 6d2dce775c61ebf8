"""The fixture loader's admin pages, mounted at /admin/fixtures/ ahead of the admin site.

Every view goes through the admin site's `admin_view`: active staff only, CSRF
protected, never cached; anyone else is sent to the admin login.
"""

from django.contrib import admin
from django.urls import path

from . import views

urlpatterns = [
    path("", admin.site.admin_view(views.fixture_load), name="admin_fixture_load"),
    path(
        "jobs/<int:job_id>/",
        admin.site.admin_view(views.fixture_job),
        name="admin_fixture_job",
    ),
    path(
        "jobs/<int:job_id>/status.json",
        admin.site.admin_view(views.fixture_job_status),
        name="admin_fixture_job_status",
    ),
    path(
        "jobs/<int:job_id>/load/",
        admin.site.admin_view(views.fixture_job_load),
        name="admin_fixture_job_load",
    ),
]
