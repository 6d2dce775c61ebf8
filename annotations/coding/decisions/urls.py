"""POST /api/suggestions/decide/ (api.py)."""

from django.urls import path

from . import api

urlpatterns = [
    path(
        "api/suggestions/decide/",
        api.SuggestionsDecideView.as_view(),
        name="api-suggestions-decide",
    ),
]
