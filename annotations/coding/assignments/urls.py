"""The assignment page and its API."""

from django.urls import path

from ..blind import api as blind_api
from . import api, views

urlpatterns = [
    path("meetings/assignments/", views.assignments_page, name="coding-assignments"),
    path(
        "meetings/assignments/<int:assignment_id>/withdraw/",
        views.assignment_withdraw,
        name="coding-assignment-withdraw",
    ),
    path(
        "meetings/<int:meeting_id>/blind-coding/",
        views.blind_coding_switch,
        name="coding-blind-switch",
    ),
    path("api/assignments/", api.AssignmentsView.as_view(), name="api-assignments"),
    path(
        "api/meetings/<int:meeting_id>/blind-coding/",
        blind_api.BlindCodingView.as_view(),
        name="api-blind-coding",
    ),
    path(
        "api/assignments/<int:assignment_id>/",
        api.AssignmentDetailView.as_view(),
        name="api-assignment",
    ),
]
