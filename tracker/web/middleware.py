"""Authentication on every page but login.

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
