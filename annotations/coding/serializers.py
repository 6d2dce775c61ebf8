"""Shapes of coding in the REST API: annotations, missed opportunities, done marks
and suggestions.

Serializers only describe shape: reading fields come from the queryset the view
prepared (select_related / prefetch_related / annotate, never a query per row);
writes are checked and saved by coding.services. A code named by id or by slug
is resolved by codebook.selectors.code_by_id_or_slug.
"""

from rest_framework import serializers

from tracker.models import Meeting, Statement

from ..codebook.selectors import code_by_id_or_slug
from ..models import Annotation, Code, MissedOpportunity, SuggestionDecision

# PositiveIntegerField's range on every database we run on.
MAX_OFFSET = 2**31 - 1
MAX_MEMO = 20_000


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
    """`code` by id or `code_slug` in the scheme of the meeting it is used in.

    Validated, it holds the chosen code as `code` (and no `code_slug`).
    """

    code = serializers.PrimaryKeyRelatedField(queryset=Code.objects.all(), required=False)
    code_slug = serializers.SlugField(max_length=100, required=False)
    code_required = True

    def meeting_of(self, attrs: dict):
        return attrs["statement"].meeting

    def validate(self, attrs):
        attrs = super().validate(attrs)
        slug = attrs.pop("code_slug", None)
        if self.code_required or "code" in attrs or slug is not None:
            attrs["code"] = code_by_id_or_slug(
                meeting=self.meeting_of(attrs), code=attrs.get("code"), slug=slug
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


class AnnotationUpdateSerializer(_CodeChoice):
    """A change of an annotation; context["meeting"] is the meeting it belongs to."""

    code_required = False
    start = _offset()
    end = _offset()
    memo = serializers.CharField(
        required=False, allow_blank=True, trim_whitespace=False, max_length=MAX_MEMO
    )
    version = serializers.IntegerField(
        min_value=1, max_value=MAX_OFFSET, required=False, help_text="The version you changed."
    )

    def meeting_of(self, attrs: dict):
        return self.context["meeting"]


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


class ProgressSerializer(serializers.Serializer):
    statement = serializers.IntegerField()
    done = serializers.BooleanField()
    meeting_done = serializers.IntegerField(help_text="Statements you marked done.")
    meeting_total = serializers.IntegerField(help_text="Statements in the meeting.")


class SuggestionSerializer(serializers.Serializer):
    statement = serializers.IntegerField(source="statement_id")
    code = serializers.IntegerField(source="code.pk")
    code_slug = serializers.CharField(source="code.slug")
    code_name = serializers.CharField(source="code.name")
    code_colour = serializers.CharField(source="code.colour")
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    quote = serializers.CharField()
    keyword = serializers.CharField(help_text="The keyword or phrase found in the passage.")
    code_keyword = serializers.CharField(
        source="listed", help_text="The code's keyword, as the codebook lists it, that found it."
    )


class SuggestionListSerializer(serializers.Serializer):
    meeting = serializers.IntegerField()
    suggestions = SuggestionSerializer(many=True)
    accepted = serializers.IntegerField(help_text="Suggestions you accepted in this meeting.")
    dismissed = serializers.IntegerField(help_text="Suggestions you dismissed in this meeting.")


class SuggestionChoiceSerializer(_CodeChoice):
    """Which suggestion: the statement, the code (id or slug) and the passage's offsets."""

    statement = serializers.PrimaryKeyRelatedField(
        queryset=Statement.objects.select_related("meeting")
    )
    start = serializers.IntegerField(min_value=0, max_value=MAX_OFFSET)
    end = serializers.IntegerField(min_value=0, max_value=MAX_OFFSET)


class DecisionSerializer(serializers.Serializer):
    statement = serializers.IntegerField()
    code = serializers.IntegerField()
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    decision = serializers.ChoiceField(choices=SuggestionDecision.Decision.choices)


class BatchSpanSerializer(serializers.Serializer):
    statement = serializers.IntegerField(min_value=1)
    start = serializers.IntegerField(min_value=0, max_value=MAX_OFFSET)
    end = serializers.IntegerField(min_value=0, max_value=MAX_OFFSET)
    quote = serializers.CharField(required=False, trim_whitespace=False)


class AnnotationBatchCreateSerializer(serializers.Serializer):
    """Many passages, one code: the statements are read in one query, by id."""

    code = serializers.PrimaryKeyRelatedField(queryset=Code.objects.all())
    memo = serializers.CharField(
        required=False, allow_blank=True, trim_whitespace=False, max_length=MAX_MEMO
    )
    spans = BatchSpanSerializer(many=True, allow_empty=False, max_length=5000)

    def validate(self, attrs):
        ids = {span["statement"] for span in attrs["spans"]}
        found = Statement.objects.select_related("meeting").in_bulk(ids)
        missing = sorted(ids - set(found))
        if missing:
            raise serializers.ValidationError({"spans": f"No such statements: {missing}."})
        attrs["statements"] = found
        return attrs


class AnnotationBatchSerializer(serializers.Serializer):
    """The annotations of a batch, by id (to undo or redo it)."""

    annotations = serializers.ListField(
        child=serializers.IntegerField(min_value=1), allow_empty=False, max_length=5000
    )


class AnnotationListSerializer(serializers.Serializer):
    annotations = AnnotationSerializer(many=True)
