"""The meeting record: meetings, speakers and their attributed statements."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from simple_history.models import HistoricalRecords


class MeetingQuerySet(models.QuerySet):
    def with_statement_counts(self):
        # A count per meeting row, not a JOIN … GROUP BY over every statement: a page
        # of 50 meetings then counts only its own statements (benchmarks/README.md).
        statements = (
            Statement.objects.filter(meeting=models.OuterRef("pk"))
            .order_by()
            .values("meeting")
            .annotate(n=Count("*"))  # not Count("pk"): the meeting_id index alone answers
            .values("n")
        )
        return self.annotate(
            statement_count=Coalesce(
                models.Subquery(statements), 0, output_field=models.IntegerField()
            )
        )


class RecordKind(models.TextChoices):
    """What a meeting was imported from (tracker.imports.parsing.records.RECORD_KINDS)."""

    PRESS_RELEASE = "press_release", "Meetings Coverage press release"
    PRELIMINARY_RELEASE = "preliminary_release", "Preliminary press release"
    SUMMARY = "summary", "Summary of the meeting"
    SPEECH = "speech", "Single speech"
    VERBATIM_RECORD = "verbatim_record", "Verbatim record"


class Meeting(models.Model):
    symbol = models.CharField(max_length=64, unique=True, help_text='e.g. "GA/11955"')
    body = models.CharField(max_length=120, blank=True, help_text="e.g. General Assembly")
    session = models.CharField(max_length=120, blank=True, help_text="e.g. Seventy-second Session")
    meeting_number = models.CharField(
        max_length=120, blank=True, help_text="e.g. 24th Meeting (AM & PM)"
    )
    title = models.TextField(blank=True)
    subtitle = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    summary = models.TextField(blank=True, help_text="The release's summary paragraphs.")
    notes = models.TextField(
        blank=True,
        help_text='Paragraphs about several speakers at once ("Also speaking were…").',
    )
    record_kind = models.CharField(
        max_length=20,
        choices=RecordKind.choices,
        default=RecordKind.PRESS_RELEASE,
        help_text="The kind of record the statements were imported from.",
    )
    # What only a verbatim record's cover says.
    time = models.CharField(max_length=40, blank=True, help_text='e.g. "3 p.m."')
    place = models.CharField(max_length=120, blank=True, help_text='e.g. "New York"')
    provisional = models.BooleanField(
        default=False, help_text="A provisional verbatim record (the final one replaces it)."
    )
    president = models.CharField(
        max_length=300, blank=True, help_text='As the cover prints it: "Mr. Osman (Somalia)".'
    )
    members = models.JSONField(
        default=list,
        blank=True,
        help_text='The cover\'s seats: [{"country", "name", "honorific", "gender"}].',
    )
    agenda = models.JSONField(default=list, blank=True, help_text="The agenda items, in order.")
    # A verbatim record and the press release of one meeting are two meetings here (each
    # coded on its own text), linked both ways so analysts compare the two.
    same_meeting_as = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The other record of the same meeting (its press release or verbatim record).",
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "symbol"]
        indexes = [
            # Corpus search lists hits in reading order (meeting date, meeting, statement):
            # walking meetings by date, a common word's first 50 hits need no sort of
            # every hit (benchmarks/README.md, XL).
            models.Index(fields=["date", "id"], name="meeting_date_id"),
        ]

    def __str__(self) -> str:
        return self.symbol

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None


class Gender(models.TextChoices):
    FEMALE = "female", "Woman"
    MALE = "male", "Man"
    UNKNOWN = "unknown", "Unknown"


class SpeakerType(models.TextChoices):
    MEMBER_STATE = "member_state", "Member State"
    OBSERVER = "observer", "Observer / regional organisation"
    UN_OFFICIAL = "un_official", "UN entity or official"
    CIVIL_SOCIETY = "civil_society", "Civil society"
    SURVIVOR = "survivor", "Survivor"
    PRESIDING_OFFICER = "presiding_officer", "Presiding officer"
    OTHER = "other", "Other"


class Speaker(models.Model):
    name = models.CharField(max_length=200, db_index=True)
    gender = models.CharField(max_length=10, choices=Gender.choices, default=Gender.UNKNOWN)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class JoinedOnName(models.ForeignObject):
    """A relation for queries only, joined on a column the model already has. A private
    field (as a GenericRelation is), so migrations and fixtures have nothing of it; not
    editable nor serialised, so forms and the API leave it out; its model skips it in
    validation (a printed name need not have an alias). Never read on an instance."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, editable=False, serialize=False, blank=True, **kwargs)

    def contribute_to_class(self, cls, name, private_only=False, **kwargs):
        super().contribute_to_class(cls, name, private_only=True, **kwargs)


class HistoryOfColumns(HistoricalRecords):
    """History of a model's columns only. A relation without a column (a JoinedOnName)
    is a join, not a value: it is left out of the historical model without being one of
    simple_history's excluded fields, which it reads back from the row on revert and
    assigns (an alias's name to the relation: refused)."""

    def fields_included(self, model):
        return [field for field in super().fields_included(model) if field.concrete]


class StatementQuerySet(models.QuerySet):
    def in_reading_order(self):
        return self.select_related("speaker", "meeting").order_by("meeting_id", "order")


class Statement(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="statements")
    order = models.PositiveIntegerField(help_text="Position in the meeting, from 1.")
    # A verbatim record's segments are its agenda items, printed in full (300+ characters).
    segment = models.CharField(
        max_length=1000, blank=True, help_text="e.g. Opening Remarks, or an agenda item"
    )
    speaker = models.ForeignKey(
        Speaker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="statements",
        help_text='Empty for "The representative of X".',
    )
    delegation = models.CharField(
        max_length=300, blank=True, help_text="The State or organisation spoken for."
    )
    # The alias the printed name is, joined on the name: no column, nothing stored, so it
    # cannot fall out of step with the name or the aliases. Monitoring reaches the
    # delegation through it in one join ("printed_alias__delegation"), where a lookup of
    # the name per statement cost a subquery per row (benchmarks/README.md, XL).
    printed_alias = JoinedOnName(
        "DelegationAlias",
        from_fields=["delegation"],
        to_fields=["name"],
        on_delete=models.DO_NOTHING,
        null=True,
        related_name="+",
    )
    role = models.CharField(max_length=500, blank=True, help_text="Role as printed.")
    on_behalf_of = models.CharField(max_length=500, blank=True)
    speaker_type = models.CharField(
        max_length=20, choices=SpeakerType.choices, default=SpeakerType.OTHER
    )
    gender = models.CharField(
        max_length=10,
        choices=Gender.choices,
        default=Gender.UNKNOWN,
        help_text='The speaker\'s, also when no one is named ("…said her country…").',
    )
    language = models.CharField(
        max_length=40, blank=True, help_text='Delivered in ("spoke in French"); verbatim records.'
    )
    from_summary = models.BooleanField(
        default=False, help_text="The text is a summary's account, not the statement as given."
    )
    added_from = models.CharField(
        max_length=120,
        blank=True,
        help_text="The separate record (a speech) this statement was added from; empty for "
        "the meeting's own record, which a re-import replaces.",
    )
    text = models.TextField()
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    history = HistoryOfColumns()  # printed_alias is a join, not a value
    objects = StatementQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "order"]
        indexes = [
            # A delegation's statements by their printed name, with what its profile reads
            # of them (the chair, the meeting, the order, the id): an index-only scan of
            # its 70,000 statements at XL instead of reading the 1.6 GB table.
            models.Index(
                fields=["delegation", "speaker_type", "meeting", "order", "id"],
                name="statement_delegation",
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "order"], name="statement_order_unique"),
            models.CheckConstraint(condition=Q(order__gte=1), name="statement_order_from_1"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting.symbol} #{self.order} {self.speaker_label}"

    def clean_fields(self, exclude=None):
        # printed_alias is a join for queries, not a value to validate (it would look the
        # alias up, and a printed name without one is valid).
        super().clean_fields(exclude={*(exclude or ()), "printed_alias"})

    @property
    def speaker_label(self) -> str:
        if self.speaker_id:
            return self.speaker.name
        return f"Representative of {self.delegation}" if self.delegation else "Unattributed"


# Delegations as entities. Statements keep the delegation as printed; a printed name
# reaches its Delegation through DelegationAlias (exact printed form), which
# tracker.delegations.services links. Groups hold members by year (the elected
# Council members change every January).


class DelegationKind(models.TextChoices):
    MEMBER_STATE = "member_state", "Member State"
    OBSERVER_STATE = "observer_state", "Observer State"
    ORGANISATION = "organisation", "Organisation"


class Delegation(models.Model):
    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200, unique=True, help_text="The UN's short name.")
    kind = models.CharField(
        max_length=20, choices=DelegationKind.choices, default=DelegationKind.MEMBER_STATE
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class DelegationAlias(models.Model):
    """One way a record prints the delegation ("UK", "the United Kingdom", …)."""

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300, unique=True, help_text="Exactly as printed.")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "delegation aliases"

    def __str__(self) -> str:
        return f"{self.name} → {self.delegation}"


class CountryGroup(models.Model):
    slug = models.SlugField(max_length=100, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    shipped = models.BooleanField(default=False, help_text="Shipped with the workbench.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    members = models.ManyToManyField(
        Delegation, through="CountryGroupMembership", related_name="country_groups"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CountryGroupMembership(models.Model):
    """A delegation in a group from `first_year` to `last_year` (empty: always)."""

    group = models.ForeignKey(CountryGroup, on_delete=models.CASCADE, related_name="memberships")
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="memberships")
    first_year = models.PositiveSmallIntegerField(null=True, blank=True)
    last_year = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["group", "delegation", "first_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "delegation", "first_year"], name="membership_unique_term"
            ),
            models.CheckConstraint(
                condition=Q(first_year__isnull=True)
                | Q(last_year__isnull=True)
                | Q(last_year__gte=models.F("first_year")),
                name="membership_years_ordered",
            ),
        ]

    def __str__(self) -> str:
        years = f" {self.first_year or '…'}–{self.last_year or '…'}"
        return (
            f"{self.delegation} in {self.group}{years if self.first_year or self.last_year else ''}"
        )


# Imports run as background work (tracker/imports/bulk): an ImportJob is what the
# browser polls while the task queue's worker imports an archive or parses a large PDF.


class BackgroundJob(models.Model):
    """What every job the task queue's worker runs has: where it is, how far it got, what
    went wrong, and when. ImportJob and FixtureJob add what they carry and report."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for the worker"
        RUNNING = "running", "Running"
        FINISHED = "finished", "Finished"
        FAILED = "failed", "Failed"

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created"]

    @property
    def is_over(self) -> bool:
        return self.status in (self.Status.FINISHED, self.Status.FAILED)

    def progress(self) -> dict:
        """What a job's page shows, and polls for while the job runs (static/js/jobs/
        job-progress.js); each kind of job adds what it reports. Its `mode` and `phase`
        are the subclass's own fields."""
        return {
            "id": self.pk,
            "mode": self.mode,
            "status": self.status,
            "status_label": self.get_status_display(),
            "over": self.is_over,
            "phase": self.phase,
            "done": self.done,
            "total": self.total,
            "message": self.message,
        }


class ImportJobQuerySet(models.QuerySet):
    def for_user(self, user):
        """The jobs `user` started: a job's files and results are its importer's."""
        return self.filter(created_by=user) if user.is_authenticated else self.none()


class ImportJob(BackgroundJob):
    class Mode(models.TextChoices):
        IMPORT = "import", "Import the files"
        PARSE = "parse", "Parse one record for the preview"

    mode = models.CharField(max_length=10, choices=Mode.choices, default=Mode.IMPORT)
    kind = models.CharField(
        max_length=40, default="auto", help_text="The kind of record asked for."
    )
    symbol = models.CharField(max_length=64, blank=True)
    # A parse job for the import page: the date the analyst gave and the meeting to add to.
    date = models.DateField(null=True, blank=True)
    into = models.CharField(max_length=64, blank=True)
    dry_run = models.BooleanField(default=False)
    keep_going = models.BooleanField(default=False)
    # The uploaded files, packed as one uncompressed zip (one member per upload), so a
    # worker on another machine reads them from the database; emptied once the job ends.
    upload = models.BinaryField(blank=True, default=b"")
    upload_names = models.JSONField(default=list, blank=True)
    phase = models.CharField(max_length=20, blank=True, help_text="checking, saving, parsing")
    imported = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    refused = models.PositiveIntegerField(default=0)
    held_back = models.PositiveIntegerField(default=0)
    # One {"name", "status", "symbol", "reason", "statements"} per file, in order.
    results = models.JSONField(default=list, blank=True)
    # A parse job: the record's text as the parser normalised it (the preview re-parses it).
    source = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="import_jobs"
    )

    objects = ImportJobQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Import job {self.pk} ({self.get_status_display()})"


# The admin's fixture loader runs as background work too (tracker/fixture_loading/jobs.py):
# a FixtureJob holds the uploaded file for the worker, its progress and, once over, the
# report the admin page shows.


class FixtureJobQuerySet(models.QuerySet):
    def for_user(self, user):
        """The jobs `user` may see: their own, or every job for a superuser."""
        if not user.is_authenticated:
            return self.none()
        return self if user.is_superuser else self.filter(created_by=user)


class FixtureJob(BackgroundJob):
    class Mode(models.TextChoices):
        CHECK = "check", "Dry run"
        LOAD = "load", "Load"

    mode = models.CharField(max_length=10, choices=Mode.choices, default=Mode.CHECK)
    name = models.CharField(max_length=255, help_text="The uploaded file's name.")
    # The file itself, so a worker on another machine reads it from the database. A dry
    # run keeps it until it is loaded (or replaced); a load empties it once over.
    upload = models.BinaryField(blank=True, default=b"")
    phase = models.CharField(max_length=30, blank=True)
    # FixtureReport.as_dict(): records, models, problems, more_problems, committed.
    report = models.JSONField(default=dict, blank=True)
    # A load job names the dry run it confirms.
    checked = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="load"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="fixture_jobs"
    )

    objects = FixtureJobQuerySet.as_manager()

    def __str__(self) -> str:
        return f"Fixture {self.get_mode_display().lower()} {self.pk} of {self.name}"
