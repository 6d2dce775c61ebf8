"""Shapes of the meeting record in the REST API (read-only: imports write it)."""

from rest_framework import serializers

from tracker.models import Meeting, Speaker, Statement


class MeetingSerializer(serializers.ModelSerializer):
    statement_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "symbol",
            "body",
            "session",
            "meeting_number",
            "title",
            "subtitle",
            "date",
            "source_url",
            "summary",
            "notes",
            "record_kind",
            "time",
            "place",
            "provisional",
            "president",
            "members",
            "agenda",
            "same_meeting_as",
            "statement_count",
            "created",
            "updated",
        ]
        read_only_fields = fields


class SpeakerSerializer(serializers.ModelSerializer):
    statement_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Speaker
        fields = ["id", "name", "gender", "statement_count"]
        read_only_fields = fields


class StatementSerializer(serializers.ModelSerializer):
    # From select_related("speaker"): no query per row.
    speaker_name = serializers.CharField(source="speaker.name", read_only=True, default="")
    gender = serializers.SerializerMethodField()
    speaker_label = serializers.CharField(read_only=True)

    class Meta:
        model = Statement
        fields = [
            "id",
            "meeting",
            "order",
            "segment",
            "speaker",
            "speaker_name",
            "speaker_label",
            "gender",
            "delegation",
            "role",
            "on_behalf_of",
            "speaker_type",
            "language",
            "from_summary",
            "added_from",
            "text",
            "created",
            "updated",
        ]
        read_only_fields = fields

    def get_gender(self, statement: Statement) -> str:
        # A named speaker's gender is the speaker's (corrected in one place); an unnamed
        # representative's is the one the record's pronouns give, kept on the statement.
        return statement.speaker.gender if statement.speaker_id else statement.gender
