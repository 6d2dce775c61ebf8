"""The meeting list, a meeting's workspace, and the workspace's small JSON endpoints."""

from django.urls import path

from . import views, workspace_api

urlpatterns = [
    path("meetings/", views.meeting_list, name="meeting-list"),
    path("meetings/<int:meeting_id>/", views.workspace, name="workspace"),
    path(
        "api/statements/<int:statement_id>/done/",
        workspace_api.StatementDoneView.as_view(),
        name="api-statement-done",
    ),
    path(
        "api/meetings/<int:meeting_id>/suggestions/",
        workspace_api.MeetingSuggestionsView.as_view(),
        name="api-meeting-suggestions",
    ),
    path(
        "api/suggestions/accept/",
        workspace_api.SuggestionAcceptView.as_view(),
        name="api-suggestion-accept",
    ),
    path(
        "api/suggestions/dismiss/",
        workspace_api.SuggestionDismissView.as_view(),
        name="api-suggestion-dismiss",
    ),
    path(
        "api/suggestions/reopen/",
        workspace_api.SuggestionReopenView.as_view(),
        name="api-suggestion-reopen",
    ),
]
