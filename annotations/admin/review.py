"""Reviewers' decisions in the admin."""

from django.contrib import admin

from ..models import AdjudicationDecision


@admin.register(AdjudicationDecision)
class AdjudicationDecisionAdmin(admin.ModelAdmin):
    list_display = ["annotation", "reviewer", "decision", "reason", "created"]
    list_filter = ["decision", "reviewer"]
    search_fields = ["reason", "annotation__quote", "reviewer__username"]
    list_select_related = ["annotation__code", "reviewer"]
    raw_id_fields = ["annotation"]
