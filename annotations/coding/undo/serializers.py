"""The shapes of the undo API (documentation: the views answer plain dicts)."""

from rest_framework import serializers

from ..memos.serializers import MemoSerializer
from ..serializers import AnnotationSerializer


class UndoEntrySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    label = serializers.CharField(help_text="The step in the analyst's words.")
    created = serializers.DateTimeField()


class UndoHistorySerializer(serializers.Serializer):
    undo = UndoEntrySerializer(many=True, help_text="Steps to undo, latest first.")
    redo = UndoEntrySerializer(many=True, help_text="Steps to redo, the next one first.")


class StepSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    label = serializers.CharField()


class DoneMarkSerializer(serializers.Serializer):
    statement = serializers.IntegerField()
    done = serializers.BooleanField()


class ProgressCountSerializer(serializers.Serializer):
    meeting_done = serializers.IntegerField()
    meeting_total = serializers.IntegerField()


class DecisionCountSerializer(serializers.Serializer):
    accepted = serializers.IntegerField()
    dismissed = serializers.IntegerField()


class StepOutcomeSerializer(serializers.Serializer):
    step = StepSerializer()
    annotations = AnnotationSerializer(many=True, help_text="Annotations live after the step.")
    gone = serializers.ListField(child=serializers.IntegerField(), help_text="Annotations gone.")
    done = DoneMarkSerializer(many=True)
    memos = MemoSerializer(many=True, help_text="Memos live after the step.")
    memos_gone = serializers.ListField(
        child=serializers.IntegerField(), help_text="Memos gone after the step."
    )
    history = UndoHistorySerializer()
    progress = ProgressCountSerializer(required=False)
    suggestions = DecisionCountSerializer(required=False)
