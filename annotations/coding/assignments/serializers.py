"""Shapes of the assignments API (rows come from the selector)."""

from django.contrib.auth import get_user_model
from rest_framework import serializers

from tracker.models import Meeting

from ...models import CodingAssignment


class AssignmentSerializer(serializers.ModelSerializer):
    meeting_symbol = serializers.CharField(source="meeting.symbol", read_only=True)
    analyst = serializers.CharField(source="analyst.username", read_only=True)
    assigned_by = serializers.CharField(source="assigned_by.username", read_only=True)
    statements = serializers.IntegerField(read_only=True, help_text="The meeting's statements.")
    done = serializers.IntegerField(read_only=True, help_text="Statements the analyst marked done.")
    coded = serializers.IntegerField(
        read_only=True, help_text="Statements the analyst has a live annotation on."
    )

    class Meta:
        model = CodingAssignment
        fields = [
            "id", "meeting", "meeting_symbol", "analyst", "assigned_by", "created",
            "statements", "done", "coded",
        ]  # fmt: skip
        read_only_fields = fields


class AssignmentCreateSerializer(serializers.Serializer):
    meeting = serializers.PrimaryKeyRelatedField(queryset=Meeting.objects.all())
    analyst = serializers.SlugRelatedField(
        slug_field="username", queryset=get_user_model().objects.all()
    )
