"""Shapes of the analysis resources in the REST API.

Serializers only describe shape: reading fields come from the queryset the view
prepared (select_related / prefetch_related / annotate, never a query per row);
writes are checked and saved by annotations.services.
"""

from rest_framework import serializers

from tracker.models import Meeting, Statement

from .models import Annotation, Code, CodingScheme, MissedOpportunity

# PositiveIntegerField's range on every database we run on.
MAX_OFFSET = 2**31 - 1
MAX_MEMO = 20_000


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


class AnnotationSerializer(serializers.ModelSerializer):
    """An annotation as every client reads it (the workspace's contract)."""

    meeting = serializers.SerializerMethodField()
    code_slug = serializers.CharField(source="code.slug", read_only=True)
    code_name = serializers.CharField(source="code.name", read_only=True)
    code_group = serializers.CharField(source="code.group", read_only=True)
    analyst = serializers.CharField(source="analyst.username", read_only=True)

    class Meta:
        model = Annotation
        fields = [
            "id",
            "statement",
            "meeting",
            "code",
            "code_slug",
            "code_name",
            "code_group",
            "analyst",
            "start",
            "end",
            "quote",
            "memo",
            "source",
            "version",
            "created",
            "updated",
        ]
        read_only_fields = fields

    def get_meeting(self, annotation: Annotation) -> int:
        # Lists annotate meeting_pk; objects fresh from a service carry their statement.
        meeting_pk = getattr(annotation, "meeting_pk", None)
        return meeting_pk if meeting_pk is not None else annotation.statement.meeting_id


class _CodeChoice(serializers.Serializer):
    """`code` by id or `code_slug` (resolved in the meeting's scheme by the view)."""

    code = serializers.PrimaryKeyRelatedField(queryset=Code.objects.all(), required=False)
    code_slug = serializers.SlugField(max_length=100, required=False)

    def validate(self, attrs):
        if "code" in attrs and "code_slug" in attrs and attrs["code"].slug != attrs["code_slug"]:
            raise serializers.ValidationError(
                {"code_slug": "code and code_slug name different codes; send one of them."}
            )
        return attrs


def _offset(**kwargs) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=0, max_value=MAX_OFFSET, required=False, **kwargs)


class AnnotationCreateSerializer(_CodeChoice):
    statement = serializers.PrimaryKeyRelatedField(
        queryset=Statement.objects.select_related("meeting")
    )
    start = _offset(allow_null=True)
    end = _offset(allow_null=True)
    quote = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    memo = serializers.CharField(
        required=False, allow_blank=True, trim_whitespace=False, max_length=MAX_MEMO
    )

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if "code" not in attrs and "code_slug" not in attrs:
            raise serializers.ValidationError({"code": "Send code (an id) or code_slug."})
        return attrs


class AnnotationUpdateSerializer(_CodeChoice):
    start = _offset()
    end = _offset()
    memo = serializers.CharField(
        required=False, allow_blank=True, trim_whitespace=False, max_length=MAX_MEMO
    )
    version = serializers.IntegerField(
        min_value=1, max_value=MAX_OFFSET, required=False, help_text="The version you changed."
    )


class MissedOpportunitySerializer(serializers.ModelSerializer):
    analyst = serializers.CharField(source="analyst.username", read_only=True)
    codes = serializers.SerializerMethodField()
    code_slugs = serializers.SerializerMethodField()

    class Meta:
        model = MissedOpportunity
        fields = [
            "id",
            "meeting",
            "analyst",
            "title",
            "codes",
            "code_slugs",
            "rationale",
            "version",
            "created",
            "updated",
        ]
        read_only_fields = fields

    # Both read the prefetched codes (prefetch_related("codes")): no query per row.
    def get_codes(self, missed: MissedOpportunity) -> list[int]:
        return [code.pk for code in missed.codes.all()]

    def get_code_slugs(self, missed: MissedOpportunity) -> list[str]:
        return [code.slug for code in missed.codes.all()]


class _MissedOpportunityFields(serializers.Serializer):
    title = serializers.CharField(max_length=300)
    rationale = serializers.CharField(trim_whitespace=False, max_length=MAX_MEMO)
    codes = serializers.PrimaryKeyRelatedField(
        queryset=Code.objects.all(), many=True, required=False
    )
    code_slugs = serializers.ListField(
        child=serializers.SlugField(max_length=100), required=False, max_length=200
    )


class MissedOpportunityCreateSerializer(_MissedOpportunityFields):
    meeting = serializers.PrimaryKeyRelatedField(queryset=Meeting.objects.all())


class MissedOpportunityUpdateSerializer(_MissedOpportunityFields):
    title = serializers.CharField(max_length=300, required=False)
    rationale = serializers.CharField(trim_whitespace=False, max_length=MAX_MEMO, required=False)
    version = serializers.IntegerField(
        min_value=1, max_value=MAX_OFFSET, required=False, help_text="The version you changed."
    )


class StaleSerializer(serializers.Serializer):
    """The body of a 409: what went wrong and the current state to merge with."""

    detail = serializers.CharField()
    current = AnnotationSerializer()
