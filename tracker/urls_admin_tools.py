"""Admin tools of the meeting record, mounted under /admin/ ahead of the admin site.

Every view goes through the admin site's `admin_view`: active staff only, CSRF
protected, never cached; anyone else is sent to the admin login.
"""

from django.contrib import admin
from django.urls import path

from . import admin_views

urlpatterns = [
    path("", admin.site.admin_view(admin_views.fixture_load), name="admin_fixture_load"),
    path(
        "confirm/",
        admin.site.admin_view(admin_views.fixture_confirm),
        name="admin_fixture_confirm",
    ),
]
