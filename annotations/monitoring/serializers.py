"""The shapes of the monitoring API (for the OpenAPI schema; rows are built by selectors)."""

from rest_framework import serializers


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
