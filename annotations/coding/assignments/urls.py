"""The assignment page and its API."""

from django.urls import path

from . import api, views

urlpatterns = [
    path("meetings/assignments/", views.assignments_page, name="coding-assignments"),
    path(
        "meetings/assignments/<int:assignment_id>/withdraw/",
        views.assignment_withdraw,
        name="coding-assignment-withdraw",
    ),
    path("api/assignments/", api.AssignmentsView.as_view(), name="api-assignments"),
    path(
        "api/assignments/<int:assignment_id>/",
        api.AssignmentDetailView.as_view(),
        name="api-assignment",
    ),
]
