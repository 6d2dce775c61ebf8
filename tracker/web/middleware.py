"""Authentication on every page but login; API answers never cached.

Django's LoginRequiredMiddleware redirects anonymous users to the login page.
REST API views authenticate inside DRF (tokens as well as sessions), so they are
left to DRF's IsAuthenticated default, which answers 401/403 rather than a redirect.
"""

from django.contrib.auth.middleware import LoginRequiredMiddleware as DjangoLoginRequired
from rest_framework.views import APIView


class LoginRequiredMiddleware(DjangoLoginRequired):
    def process_view(self, request, view_func, view_args, view_kwargs):
        view_class = getattr(view_func, "cls", None)
        if isinstance(view_class, type) and issubclass(view_class, APIView):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class ApiNoStoreMiddleware:
    """API answers (data, exports, errors) carry `Cache-Control: no-store`: they are one
    user's view of live data, never to be kept by a browser or a proxy in between."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response["Cache-Control"] = "no-store"
        return response
