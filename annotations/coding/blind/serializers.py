"""Shape of the blind-coding switch over the API."""

from rest_framework import serializers


class BlindCodingSerializer(serializers.Serializer):
    meeting = serializers.IntegerField(read_only=True)
    blind = serializers.BooleanField(
        help_text="Analysts see others' coding only after marking every statement done."
    )
    statements = serializers.IntegerField(read_only=True, help_text="The meeting's statements.")
    done = serializers.IntegerField(read_only=True, help_text="Statements you marked done.")
    others_hidden = serializers.BooleanField(
        read_only=True, help_text="Other analysts' coding is hidden from you now."
    )
