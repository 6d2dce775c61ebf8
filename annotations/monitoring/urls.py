"""Monitoring across meetings: pages under /monitoring/, their API under /api/."""

from django.urls import path

from . import api, views

urlpatterns = [
    path("monitoring/search/", views.search_page_view, name="monitoring-search"),
    path("monitoring/search.csv", views.search_csv, name="monitoring-search-csv"),
    path("api/search/", api.SearchView.as_view(), name="api-search"),
]
