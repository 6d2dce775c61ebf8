"""Shapes of the codebook in the REST API; writes go through codebook.services."""

from rest_framework import serializers

from ..models import Code, CodingScheme


class CodingSchemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = CodingScheme
        fields = ["id", "name", "slug", "version", "description", "is_default", "groups", "created"]
        read_only_fields = ["created"]


class CodeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Code
        fields = [
            "id",
            "scheme",
            "group",
            "slug",
            "name",
            "definition",
            "example",
            "colour",
            "shortcut",
            "statement_level",
            "order",
            "keywords",
            "retired",
        ]
