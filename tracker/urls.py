from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.views.generic import RedirectView

from tracker.web.favicon import favicon

urlpatterns = [
    path("", RedirectView.as_view(url="/meetings/", permanent=False)),
    path("favicon.ico", favicon, name="favicon"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Admin tools first: the admin site answers every other /admin/ URL itself.
    path("admin/fixtures/", include("tracker.fixture_loading.urls")),
    path("admin/", admin.site.urls),
    path("", include("tracker.imports.urls")),
    path("", include("tracker.meetings.urls")),
    path("", include("annotations.urls")),
]

# API clients get their 500 as JSON, even when the database is down.
handler500 = "tracker.web.errors.server_error"
