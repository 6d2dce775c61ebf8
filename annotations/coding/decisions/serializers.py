"""The shapes of POST /api/suggestions/decide/."""

from rest_framework import serializers

from tracker.models import Meeting

from ...models import Code
from ..serializers import AnnotationSerializer


class BulkDecisionSerializer(serializers.Serializer):
    meeting = serializers.PrimaryKeyRelatedField(queryset=Meeting.objects.all())
    code = serializers.PrimaryKeyRelatedField(queryset=Code.objects.all(), required=False)
    keyword = serializers.CharField(required=False, max_length=200)
    decision = serializers.ChoiceField(choices=["accept", "dismiss"])


class BulkDecisionResultSerializer(serializers.Serializer):
    decision = serializers.CharField()
    decided = serializers.IntegerField(help_text="Suggestions decided now.")
    already_decided = serializers.IntegerField(help_text="Left out: you had decided them.")
    already_coded = serializers.IntegerField(help_text="Left out: you had coded them.")
    annotations = AnnotationSerializer(many=True, help_text="The annotations accepting made.")
    accepted = serializers.IntegerField(help_text="Suggestions you accepted in this meeting.")
    dismissed = serializers.IntegerField(help_text="Suggestions you dismissed in this meeting.")
