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

    blind = serializers.BooleanField(
        read_only=True, help_text="Coded blind (PATCH /api/meetings/<id>/blind-coding/)."
    )

    class Meta:
        model = CodingAssignment
        fields = [
            "id", "meeting", "meeting_symbol", "analyst", "assigned_by", "created",
            "statements", "done", "coded", "blind",
        ]  # fmt: skip
        read_only_fields = fields


class AssignmentCreateSerializer(serializers.Serializer):
    meeting = serializers.PrimaryKeyRelatedField(queryset=Meeting.objects.all())
    # A CharField refuses a NUL character by itself, before any query (PostgreSQL would
    # answer an error, not "no such user"); the user is looked up once the name is clean.
    analyst = serializers.CharField(max_length=150, help_text="The analyst's username.")

    def validate_analyst(self, username: str):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise serializers.ValidationError(f'There is no user "{username}".')
        return user
