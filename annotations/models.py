"""The analysis: coding schemes, codes, annotations and what hangs off them.

Business rules live in the features' services modules; the models hold the shape and
the constraints the database itself can enforce.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from simple_history.models import HistoricalRecords

from tracker.models import Meeting, Statement

from .roles import sees_blind_coding

colour_validator = RegexValidator(r"^#[0-9a-fA-F]{6}$", "Use a colour such as #1f77b4.")


class CodingScheme(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100)
    version = models.PositiveIntegerField(default=1)
    description = models.TextField(blank=True)
    is_default = models.BooleanField(
        default=False, help_text="Used for meetings that have no scheme of their own."
    )
    # Ordered groups of the codebook: [{"slug", "name", "description"}, …]
    groups = models.JSONField(default=list, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slug", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "version"], name="scheme_slug_version_unique"),
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="one_default_scheme"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"

    def group_name(self, group_slug: str) -> str:
        for group in self.groups or []:
            if group.get("slug") == group_slug:
                return group.get("name") or group_slug
        return group_slug


class CodeQuerySet(models.QuerySet):
    def active(self):
        return self.filter(retired=False)

    def in_codebook_order(self):
        return self.order_by("scheme_id", "order", "id")


class Code(models.Model):
    scheme = models.ForeignKey(CodingScheme, on_delete=models.CASCADE, related_name="codes")
    group = models.SlugField(max_length=100, help_text="Slug of the codebook group.")
    slug = models.SlugField(max_length=100, help_text="Stable id used in exports.")
    name = models.CharField(max_length=200)
    definition = models.TextField(blank=True)
    example = models.TextField(blank=True)
    colour = models.CharField(max_length=7, default="#1f77b4", validators=[colour_validator])
    shortcut = models.CharField(
        max_length=1, blank=True, help_text="One key that applies this code in the workspace."
    )
    statement_level = models.BooleanField(
        default=False, help_text="Applies to the whole statement, not to a passage."
    )
    order = models.PositiveIntegerField(default=0)
    keywords = models.TextField(
        blank=True, help_text="Keywords and phrases that suggest this code, one per line."
    )
    retired = models.BooleanField(
        default=False, help_text="Retired codes keep their annotations but are not offered."
    )

    history = HistoricalRecords()
    objects = CodeQuerySet.as_manager()

    class Meta:
        ordering = ["scheme", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "slug"], name="code_slug_unique_in_scheme"),
            models.UniqueConstraint(
                fields=["scheme", "shortcut"],
                condition=~Q(shortcut=""),
                name="code_shortcut_unique_in_scheme",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.slug})"

    @property
    def keyword_list(self) -> list[str]:
        return [line.strip() for line in self.keywords.splitlines() if line.strip()]


class SchemeAssignment(models.Model):
    """Which coding scheme a meeting is coded with (else the default scheme)."""

    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, related_name="scheme_assignment"
    )
    scheme = models.ForeignKey(CodingScheme, on_delete=models.PROTECT, related_name="assignments")

    def __str__(self) -> str:
        return f"{self.meeting} → {self.scheme}"


def unfinished_blind_meetings(user) -> models.QuerySet:
    """The blind meetings in which `user` has not yet marked every statement done.

    THE rule of blind double coding: in these meetings `user` sees only her own coding;
    everything else (other analysts' annotations, missed opportunities, suggestion
    decisions) appears once her last statement is marked done. "Done" is per meeting,
    not per statement: agreement is honest only if nobody saw anyone's coding of any
    part of the meeting first. A lazy queryset, used as a subquery: no query of its own.
    """
    open_statements = Statement.objects.filter(meeting=OuterRef("pk")).filter(
        ~Exists(StatementProgress.objects.filter(statement=OuterRef("pk"), analyst_id=user.pk))
    )
    return Meeting.objects.filter(blind_coding__enabled=True).filter(Exists(open_statements))


def _others_hidden(user, meeting_path: str, owner_field: str = "analyst_id") -> Q | None:
    """The condition that keeps `user` from others' work in unfinished blind meetings;
    None when she sees everything (annotations.roles.sees_blind_coding)."""
    if user is None or sees_blind_coding(user):
        return None
    hidden = {f"{meeting_path}__in": unfinished_blind_meetings(user)}
    return Q(**{owner_field: user.pk}) | ~Q(**hidden)


class VisibleToQuerySet(models.QuerySet):
    """`visible_to(user)`: the rows of analysts' work `user` may see (blind coding).
    None stands for a caller that speaks for nobody in particular (benchmarks, commands)."""

    meeting_path = "statement__meeting"
    owner_field = "analyst_id"

    def visible_to(self, user):
        condition = _others_hidden(user, self.meeting_path, self.owner_field)
        return self if condition is None else self.filter(condition)


class AnnotationQuerySet(VisibleToQuerySet):
    def live(self):
        """Annotations not deleted (soft-deleted ones stay for history and restore)."""
        return self.filter(deleted_at__isnull=True)

    def deleted(self):
        """Annotations deleted on purpose (an undone coding is withdrawn, not deleted)."""
        return self.filter(deleted_at__isnull=False, withdrawn=False)

    def for_meeting(self, meeting):
        return self.filter(statement__meeting=meeting)

    def by(self, analyst):
        return self.filter(analyst=analyst)

    def adjudicated(self):
        """The adjudicated set: live annotations a reviewer has not rejected.

        A reviewer rules on the annotations analysts disagree on; the latest
        decision on an annotation counts. Accepted and undisputed annotations
        stay in the set, rejected ones leave it.
        """
        # The latest decision on the annotation this query is looking at (two levels out:
        # a plain OuterRef inside the inner Subquery would point at the decision itself).
        latest = (
            AdjudicationDecision.objects.filter(annotation=models.OuterRef(models.OuterRef("pk")))
            .order_by("-created", "-id")
            .values("pk")[:1]
        )
        return self.live().exclude(
            models.Exists(
                AdjudicationDecision.objects.filter(
                    pk=models.Subquery(latest),
                    decision=AdjudicationDecision.Decision.REJECTED,
                )
            )
        )


class AnnotationSource(models.TextChoices):
    MANUAL = "manual", "Coded by the analyst"
    SUGGESTION = "suggestion", "Accepted suggestion"
    IMPORT = "import", "Imported"


class Annotation(models.Model):
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="annotations")
    code = models.ForeignKey(Code, on_delete=models.PROTECT, related_name="annotations")
    analyst = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="annotations"
    )
    # Offsets in Unicode code points of statement.text; both empty for statement-level codes.
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    quote = models.TextField(blank=True, help_text="statement.text[start:end], always.")
    # Context around the quote (W3C TextQuoteSelector), used to re-anchor after text edits.
    prefix = models.CharField(max_length=64, blank=True)
    suffix = models.CharField(max_length=64, blank=True)
    memo = models.TextField(blank=True)
    source = models.CharField(
        max_length=20, choices=AnnotationSource.choices, default=AnnotationSource.MANUAL
    )
    # Optimistic concurrency: a change must name the version it was made from.
    version = models.PositiveIntegerField(default=1)
    # Set when a text change could not re-anchor this annotation: listed for review.
    needs_review = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    updated = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Deleted because its analyst undid the coding: history keeps it, but it is no
    # deletion for an administrator to review or restore (redo restores it).
    withdrawn = models.BooleanField(default=False)

    history = HistoricalRecords()
    objects = AnnotationQuerySet.as_manager()

    class Meta:
        ordering = ["statement_id", "start", "id"]
        # Restoring someone else's deleted work is the administrator's (annotations.roles).
        permissions = [("restore_annotation", "Can restore deleted annotations")]
        constraints = [
            models.CheckConstraint(
                condition=(Q(start__isnull=True) & Q(end__isnull=True))
                | (Q(start__gte=0) & Q(end__gt=models.F("start"))),
                name="annotation_offsets_valid",
            ),
            models.UniqueConstraint(
                fields=["analyst", "statement", "code", "start", "end"],
                condition=Q(deleted_at__isnull=True, start__isnull=False),
                name="annotation_span_unique_per_analyst",
            ),
            models.UniqueConstraint(
                fields=["analyst", "statement", "code"],
                condition=Q(deleted_at__isnull=True, start__isnull=True),
                name="annotation_statement_code_unique_per_analyst",
            ),
        ]
        indexes = [
            models.Index(fields=["statement", "analyst"], name="annotation_statement_analyst"),
            models.Index(fields=["code", "statement"], name="annotation_code_statement"),
        ]

    def __str__(self) -> str:
        return f"{self.code.slug} on {self.statement_id} by {self.analyst_id}"

    @property
    def is_statement_level(self) -> bool:
        return self.start is None


class StatementProgress(models.Model):
    """An analyst marked a statement as done."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="progress")
    analyst = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="statement_progress"
    )
    done_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "statement progress"
        constraints = [
            models.UniqueConstraint(fields=["statement", "analyst"], name="progress_unique"),
        ]

    def __str__(self) -> str:
        return f"statement {self.statement_id} done by {self.analyst_id}"


class SuggestionDecisionQuerySet(VisibleToQuerySet):
    pass


class SuggestionDecision(models.Model):
    """An analyst accepted or dismissed a keyword suggestion (counts feed the report)."""

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        DISMISSED = "dismissed", "Dismissed"

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="suggestion_decisions"
    )
    code = models.ForeignKey(Code, on_delete=models.CASCADE, related_name="suggestion_decisions")
    analyst = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="suggestion_decisions"
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    decision = models.CharField(max_length=10, choices=Decision.choices)
    annotation = models.ForeignKey(
        Annotation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = SuggestionDecisionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["analyst", "statement", "code", "start", "end"],
                name="suggestion_decision_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.decision} {self.code_id} on {self.statement_id}"


class MissedOpportunityQuerySet(VisibleToQuerySet):
    meeting_path = "meeting"

    def live(self):
        return self.filter(deleted_at__isnull=True)


class MissedOpportunity(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="missed_opportunities"
    )
    analyst = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="missed_opportunities"
    )
    title = models.CharField(max_length=300, help_text="The theme the meeting failed to address.")
    codes = models.ManyToManyField(Code, related_name="missed_opportunities", blank=True)
    rationale = models.TextField()
    version = models.PositiveIntegerField(default=1)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords(m2m_fields=[codes])
    objects = MissedOpportunityQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "created"]
        verbose_name_plural = "missed opportunities"

    def __str__(self) -> str:
        return self.title


class AdjudicationDecision(models.Model):
    """A reviewer accepted or rejected an analyst's annotation, with a reason."""

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    annotation = models.ForeignKey(
        Annotation, on_delete=models.PROTECT, related_name="adjudications"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="adjudications"
    )
    decision = models.CharField(max_length=10, choices=Decision.choices)
    reason = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["annotation", "-created", "-id"]
        indexes = [models.Index(fields=["annotation", "-created"], name="adjudication_latest")]

    def __str__(self) -> str:
        return f"{self.decision} {self.annotation_id} by {self.reviewer_id}"


class CodingAssignment(models.Model):
    """An administrator asked an analyst to code a meeting (independent double coding:
    several analysts are assigned the same meeting). Progress is the analyst's done marks."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="assignments")
    analyst = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="coding_assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "analyst"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "analyst"], name="assignment_unique_per_analyst"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} → {self.analyst}"


class MemoQuerySet(VisibleToQuerySet):
    # A memo on a meeting coded blind is the analyst's own work like her annotations; a
    # memo on a code belongs to no meeting and is never hidden.
    meeting_path = "meeting"
    owner_field = "author_id"

    def live(self):
        """Memos not deleted (soft-deleted ones stay for history and undo)."""
        return self.filter(deleted_at__isnull=True)


class Memo(models.Model):
    """An analyst's memo on a meeting or on a code — what ATLAS.ti, MAXQDA and NVivo call
    a document memo and a code memo. (A memo on a passage is its annotation's memo.)"""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="memos"
    )
    # Exactly one target (memo_one_target): the meeting, or the code.
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, null=True, blank=True, related_name="memos"
    )
    code = models.ForeignKey(
        Code, on_delete=models.PROTECT, null=True, blank=True, related_name="memos"
    )
    title = models.CharField(max_length=300, blank=True)
    text = models.TextField()
    # Optimistic concurrency, as for annotations: a change names the version it was made from.
    version = models.PositiveIntegerField(default=1)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()
    objects = MemoQuerySet.as_manager()

    class Meta:
        ordering = ["created", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(meeting__isnull=False) & Q(code__isnull=True))
                | (Q(meeting__isnull=True) & Q(code__isnull=False)),
                name="memo_one_target",
            ),
        ]
        indexes = [
            models.Index(fields=["meeting", "created"], name="memo_meeting_created"),
            models.Index(fields=["code", "created"], name="memo_code_created"),
        ]

    def __str__(self) -> str:
        target = f"meeting {self.meeting_id}" if self.meeting_id else f"code {self.code_id}"
        return self.title or f"Memo on {target} by {self.author_id}"


class UndoStep(models.Model):
    """One step of an analyst's coding of a meeting, as undo and redo take it: what it
    changed, before and after, so the step can be taken back (or done again) after a
    reload, and refused if anything it touched has changed since.

    History records cannot tell where a step starts and ends (a batch of forty codings is
    one step; an accepted suggestion is an annotation and a decision, and decisions and
    done marks keep no history), so the workspace's writes log their steps here.
    `changes` holds {"annotations": [{"id", "before", "after"}], "decisions": {"made",
    "items": [...]}, "done": [{"statement", "before", "after"}], "memos": [{"id", "before",
    "after"}]} (annotations.coding.undo).
    """

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    analyst = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="undo_steps"
    )
    label = models.CharField(max_length=300, help_text="The step in the analyst's words.")
    changes = models.JSONField(default=dict)
    # Undone steps are the redo list: a new step forgets them.
    undone = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["analyst", "meeting", "id"]
        indexes = [
            models.Index(fields=["analyst", "meeting", "undone", "id"], name="undo_step_latest"),
        ]

    def __str__(self) -> str:
        return f"{self.label} ({'undone' if self.undone else 'done'})"


class BlindCoding(models.Model):
    """Blind double coding of a meeting, switched on by an administrator: its analysts
    see one another's coding only once they have marked every statement done
    (unfinished_blind_meetings holds the rule). Switching off keeps the row, off."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="blind_coding")
    enabled = models.BooleanField(
        default=True,
        help_text="Analysts see others' coding only after marking all statements done.",
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "blind coding"
        verbose_name_plural = "blind coding"

    def __str__(self) -> str:
        return f"{self.meeting}: blind coding {'on' if self.enabled else 'off'}"
