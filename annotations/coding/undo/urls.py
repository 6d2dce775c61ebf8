"""The undo history's API (api.py)."""

from django.urls import path

from . import api

urlpatterns = [
    path("api/meetings/<int:meeting_id>/undo/", api.UndoHistoryView.as_view(), name="api-undo"),
    path("api/meetings/<int:meeting_id>/redo/", api.RedoView.as_view(), name="api-redo"),
]
