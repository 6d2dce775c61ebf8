"""Review and adjudication, history, restoring deleted annotations, and the
analysts' annotations side by side (linked from the report's agreement)."""

from django.urls import path

from . import views

urlpatterns = [
    path("meetings/<int:meeting_id>/review/", views.review_meeting, name="review"),
    path("meetings/<int:meeting_id>/review/decide/", views.review_decide, name="review-decide"),
    path("meetings/<int:meeting_id>/history/", views.meeting_history, name="history"),
    path(
        "annotations/<int:annotation_id>/history/",
        views.annotation_history,
        name="annotation-history",
    ),
    path(
        "annotations/<int:annotation_id>/restore/",
        views.restore_annotation,
        name="annotation-restore",
    ),
    path("annotations/deleted/", views.deleted_annotations, name="deleted-annotations"),
    path(
        "meetings/<int:meeting_id>/compare-analysts/",
        views.compare_analysts_page,
        name="report-compare-analysts",
    ),
]
