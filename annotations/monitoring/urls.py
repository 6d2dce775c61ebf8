"""Monitoring across meetings: pages under /monitoring/, their API under /api/."""

from django.urls import path

from . import api
from .views import charts as chart_views
from .views import delegations as delegation_views
from .views import matrix as matrix_views
from .views import search as views
from .views import segments as segment_views
from .views import trends as trend_views

urlpatterns = [
    path("monitoring/search/", views.search_page_view, name="monitoring-search"),
    path("monitoring/search.csv", views.search_csv, name="monitoring-search-csv"),
    path(
        "monitoring/delegations/", delegation_views.delegation_list, name="monitoring-delegations"
    ),
    path(
        "monitoring/delegations/link/",
        delegation_views.delegation_link,
        name="monitoring-delegations-link",
    ),
    path(
        "monitoring/delegations/<slug:slug>/",
        delegation_views.delegation_profile_page,
        name="monitoring-profile",
    ),
    path(
        "monitoring/delegations/<slug:slug>.csv",
        delegation_views.delegation_profile_csv,
        name="monitoring-profile-csv",
    ),
    path("monitoring/groups/", delegation_views.group_list, name="monitoring-groups"),
    path(
        "monitoring/groups/<slug:slug>/delete/",
        delegation_views.group_delete,
        name="monitoring-group-delete",
    ),
    path("monitoring/gender-index/", views.gender_index_page, name="monitoring-gender-index"),
    path("monitoring/gender-index.csv", views.gender_index_csv, name="monitoring-gender-index-csv"),
    path("monitoring/trends/", trend_views.trends_page, name="monitoring-trends"),
    path("monitoring/trends.csv", trend_views.trends_csv, name="monitoring-trends-csv"),
    path(
        "monitoring/trends/briefers.csv", trend_views.briefers_csv, name="monitoring-briefers-csv"
    ),
    path("monitoring/passages/", trend_views.passages_view, name="monitoring-passages"),
    path("monitoring/passages.csv", trend_views.passages_csv, name="monitoring-passages-csv"),
    path(
        "monitoring/charts/<slug:name>.<slug:extension>",
        chart_views.chart_image,
        name="monitoring-chart",
    ),
    path("monitoring/segments/", segment_views.segments_page_view, name="monitoring-segments"),
    path("monitoring/segments.csv", segment_views.segments_csv, name="monitoring-segments-csv"),
    path("monitoring/matrix/", matrix_views.matrix_page, name="monitoring-matrix"),
    path("monitoring/matrix.csv", matrix_views.matrix_csv, name="monitoring-matrix-csv"),
    path("api/segments/", api.SegmentsView.as_view(), name="api-segments"),
    path("api/matrix/", api.MatrixView.as_view(), name="api-matrix"),
    path("api/trends/", api.TrendsView.as_view(), name="api-trends"),
    path("api/passages/", api.PassagesView.as_view(), name="api-passages"),
    path("api/search/", api.SearchView.as_view(), name="api-search"),
    path("api/search/code/", api.SearchCodeView.as_view(), name="api-search-code"),
    path("api/gender-index/", api.GenderIndexView.as_view(), name="api-gender-index"),
    path(
        "api/delegations/<slug:slug>/profile/",
        api.DelegationProfileView.as_view(),
        name="api-delegation-profile",
    ),
]
