"""Shapes of the memo API. Reading fields come from the selector's select_related (no
query per row); writes are checked by memos.services."""

from rest_framework import serializers

from tracker.models import Meeting

from ...models import Code, Memo

MAX_TEXT = 20_000
MAX_VERSION = 2**31 - 1


class MemoSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.username", read_only=True)
    code_slug = serializers.CharField(source="code.slug", read_only=True, allow_null=True)
    code_name = serializers.CharField(source="code.name", read_only=True, allow_null=True)

    class Meta:
        model = Memo
        fields = [
            "id", "meeting", "code", "code_slug", "code_name", "author", "title", "text",
            "version", "created", "updated",
        ]  # fmt: skip
        read_only_fields = fields


def workspace_field() -> serializers.PrimaryKeyRelatedField:
    return serializers.PrimaryKeyRelatedField(
        queryset=Meeting.objects.all(),
        required=False,
        allow_null=True,
        help_text="The meeting whose workspace makes the write: its undo history logs the "
        "step (a memo on a code is undone there; one on a meeting, in its own).",
    )


class MemoCreateSerializer(serializers.Serializer):
    """A new memo: `meeting` or `code` (exactly one; memos.services says so if not)."""

    meeting = serializers.PrimaryKeyRelatedField(
        queryset=Meeting.objects.all(), required=False, allow_null=True
    )
    code = serializers.PrimaryKeyRelatedField(
        queryset=Code.objects.all(), required=False, allow_null=True
    )
    title = serializers.CharField(max_length=300, required=False, allow_blank=True)
    text = serializers.CharField(trim_whitespace=False, max_length=MAX_TEXT)
    workspace = workspace_field()


class MemoUpdateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=300, required=False, allow_blank=True)
    text = serializers.CharField(trim_whitespace=False, max_length=MAX_TEXT, required=False)
    version = serializers.IntegerField(
        min_value=1, max_value=MAX_VERSION, required=False, help_text="The version you changed."
    )
    workspace = workspace_field()


class MemoWorkspaceSerializer(serializers.Serializer):
    """A delete's query: the workspace it is made from (its version is read apart)."""

    workspace = workspace_field()
