"""Reviewers' decisions in the admin: the record of who ruled what, read-only.

A decision is made only through annotations.review.services.decide (a reviewer, not on their own
annotation, with a reason); the admin neither adds, edits nor deletes one.
"""

from django.contrib import admin

from ..models import AdjudicationDecision
from .base import WorkRecordAdmin


@admin.register(AdjudicationDecision)
class AdjudicationDecisionAdmin(WorkRecordAdmin):
    list_display = ["annotation", "reviewer", "decision", "reason", "created"]
    list_filter = ["decision", "reviewer"]
    search_fields = ["reason", "annotation__quote", "reviewer__username"]
    list_select_related = ["annotation__code", "reviewer"]
