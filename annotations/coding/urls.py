"""The meeting list, a meeting's workspace, and coding's REST API: annotations,
missed opportunities, memos, done marks and suggestions."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from . import api, views

router = SimpleRouter()
router.register("api/annotations", api.AnnotationViewSet, basename="api-annotation")
router.register(
    "api/missed-opportunities", api.MissedOpportunityViewSet, basename="api-missed-opportunity"
)

urlpatterns = [
    path("meetings/", views.meeting_list, name="meeting-list"),
    # /meetings/assignments/ and /api/assignments/: the administrators assign meetings.
    path("", include("annotations.coding.assignments.urls")),
    # /api/memos/: memos on a meeting or on a code.
    path("", include("annotations.coding.memos.urls")),
    path("meetings/<int:meeting_id>/", views.workspace, name="workspace"),
    # Before the router: its detail route would take "batch" for an annotation id.
    path("api/annotations/batch/", api.AnnotationBatchView.as_view(), name="api-annotation-batch"),
    path(
        "api/annotations/batch/withdraw/",
        api.AnnotationBatchWithdrawView.as_view(),
        name="api-annotation-batch-withdraw",
    ),
    path(
        "api/annotations/batch/restore/",
        api.AnnotationBatchRestoreView.as_view(),
        name="api-annotation-batch-restore",
    ),
    path(
        "api/statements/<int:statement_id>/done/",
        api.StatementDoneView.as_view(),
        name="api-statement-done",
    ),
    path(
        "api/meetings/<int:meeting_id>/suggestions/",
        api.MeetingSuggestionsView.as_view(),
        name="api-meeting-suggestions",
    ),
    path(
        "api/suggestions/accept/",
        api.SuggestionAcceptView.as_view(),
        name="api-suggestion-accept",
    ),
    path(
        "api/suggestions/dismiss/",
        api.SuggestionDismissView.as_view(),
        name="api-suggestion-dismiss",
    ),
    # /api/suggestions/decide/: every suggestion of a code or keyword at once.
    path("", include("annotations.coding.decisions.urls")),
    # /api/meetings/<id>/undo/ and redo/: the undo history that survives a reload.
    path("", include("annotations.coding.undo.urls")),
    path(
        "api/suggestions/reopen/",
        api.SuggestionReopenView.as_view(),
        name="api-suggestion-reopen",
    ),
    *router.urls,
]
