"""Review and adjudication, history, and restoring deleted annotations."""

from django.urls import path

from . import review_views

urlpatterns = [
    path("meetings/<int:meeting_id>/review/", review_views.review_meeting, name="review"),
    path(
        "meetings/<int:meeting_id>/review/decide/",
        review_views.review_decide,
        name="review-decide",
    ),
    path("meetings/<int:meeting_id>/history/", review_views.meeting_history, name="history"),
    path(
        "annotations/<int:annotation_id>/history/",
        review_views.annotation_history,
        name="annotation-history",
    ),
    path(
        "annotations/<int:annotation_id>/restore/",
        review_views.restore_annotation,
        name="annotation-restore",
    ),
    path("annotations/deleted/", review_views.deleted_annotations, name="deleted-annotations"),
]
