"""The shapes of the monitoring API (for the OpenAPI schema; rows are built by selectors)."""

from rest_framework import serializers

from ..models import Code


class SearchHitSerializer(serializers.Serializer):
    statement = serializers.IntegerField()
    meeting = serializers.IntegerField()
    symbol = serializers.CharField()
    date = serializers.DateField(allow_null=True)
    speaker = serializers.CharField()
    delegation = serializers.CharField()
    before = serializers.CharField()
    match = serializers.CharField(help_text="text[start:end] of the statement, in code points.")
    after = serializers.CharField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()


class SearchResultsSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Statements that match.")
    results = SearchHitSerializer(many=True)


class SearchCodeSerializer(serializers.Serializer):
    """Code from search: the search is the query string, the step is the body."""

    code = serializers.PrimaryKeyRelatedField(queryset=Code.objects.all())
    statement = serializers.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        required=False,
        help_text="Code only this statement's hit; without it, every hit.",
    )

    def validate(self, attrs):
        # A field this step does not take (a memo, say) would be dropped without a word,
        # and the analyst would believe it saved: refused, by name.
        if isinstance(self.initial_data, dict):
            unknown = sorted(set(self.initial_data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {
                        name: f"Code from search takes only {', '.join(self.fields)}."
                        for name in unknown
                    }
                )
        return attrs


class SearchCodedAnnotationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    statement = serializers.IntegerField(source="statement_id")
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    quote = serializers.CharField()


class SearchCodedSerializer(serializers.Serializer):
    annotations = SearchCodedAnnotationSerializer(
        many=True, help_text="The batch: their ids to /api/annotations/batch/withdraw/ undo it."
    )
    already_coded = serializers.IntegerField(help_text="Hits left as they were.")
    without_passage = serializers.IntegerField()


class GenderIndexSerializer(serializers.Serializer):
    delegations = serializers.ListField(child=serializers.DictField())
    per_level = serializers.ListField(child=serializers.DictField())
    speakers = serializers.IntegerField()
    women_speakers = serializers.IntegerField()
    women_share = serializers.FloatField(allow_null=True)
    krippendorff_alpha_ordinal = serializers.FloatField(allow_null=True)
    rated_statements = serializers.IntegerField()


class ProfileSerializer(serializers.Serializer):
    delegation = serializers.DictField()
    statements = serializers.IntegerField()
    meetings = serializers.ListField(child=serializers.DictField())
    codes = serializers.ListField(child=serializers.DictField())
    quotes = serializers.ListField(child=serializers.DictField())
    reference_levels = serializers.ListField(child=serializers.DictField())


class TrendsSerializer(serializers.Serializer):
    codes = serializers.ListField(child=serializers.CharField())
    label = serializers.CharField()
    by = serializers.ChoiceField(choices=["meeting", "year"])
    points = serializers.ListField(child=serializers.DictField())
    civil_society_briefers = serializers.ListField(child=serializers.DictField())


class PassagesSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    results = serializers.ListField(child=serializers.DictField())


class SegmentSerializer(serializers.Serializer):
    annotation_id = serializers.IntegerField()
    meeting = serializers.IntegerField()
    meeting_symbol = serializers.CharField()
    meeting_date = serializers.DateField(allow_null=True)
    statement_id = serializers.IntegerField()
    statement_order = serializers.IntegerField()
    segment = serializers.CharField(help_text="The meeting's segment or agenda item.")
    speaker = serializers.CharField()
    gender = serializers.CharField()
    speaker_type = serializers.CharField()
    delegation = serializers.CharField()
    on_behalf_of = serializers.CharField()
    code_slug = serializers.CharField()
    code_name = serializers.CharField()
    analyst = serializers.CharField()
    start = serializers.IntegerField(allow_null=True, help_text="Empty for a statement-level code.")
    end = serializers.IntegerField(allow_null=True)
    before = serializers.CharField(help_text="Up to 160 characters of the text before.")
    quote = serializers.CharField(help_text="text[start:end] of the statement, in code points.")
    after = serializers.CharField(help_text="The text after (a statement-level code: its start).")
    memo = serializers.CharField()


class SegmentsSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="Segments that match.")
    results = SegmentSerializer(many=True)


class MatrixSerializer(serializers.Serializer):
    columns_by = serializers.CharField()
    columns = serializers.ListField(child=serializers.DictField())
    rows = serializers.ListField(child=serializers.DictField())
