"""The admin's statement pages, routed through the text-integrity service.

tracker cannot import annotations, so tracker's StatementAdmin knows nothing
of annotations. Here, on the annotations side, we replace it with a subclass
whose text edits go through `statement_text_update` (every annotation is
re-anchored; those that moved are listed for review; an edit that would
remove a coded passage is refused on the form). The statements inline of the
meeting page refuses text edits of annotated statements and points to the
statement's own page, where re-anchoring happens.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError

from tracker.admin import MeetingAdmin, StatementAdmin, StatementForm, StatementInline
from tracker.imports.parsing.source import normalise_text
from tracker.models import Meeting, Statement

from ..coding.anchoring import Placement
from ..coding.statement_text import statement_text_plan, statement_text_update
from ..models import Annotation


class StatementTextForm(StatementForm):
    class Meta:
        model = Statement
        fields = [
            "meeting",
            "order",
            "segment",
            "speaker",
            "delegation",
            "role",
            "on_behalf_of",
            "speaker_type",
            "text",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "text" in self.fields:
            count = Annotation.objects.filter(statement=self.instance).count()
            if count:
                self.fields["text"].help_text = (
                    f"{count} annotation(s) quote this text. Saving a change re-anchors them "
                    "and lists any that need review; a change that removes a coded passage "
                    "is refused."
                )

    def clean_text(self):
        # A textarea sends CRLF; statement text is stored with LF, as every import stores it.
        text = normalise_text(self.cleaned_data["text"])
        if self.instance.pk and "text" in self.changed_data and text != self.instance.text:
            lost = [
                r.describe()
                for r in statement_text_plan(statement=self.instance, text=text)
                if r.placement is Placement.LOST
            ]
            if lost:
                raise ValidationError(
                    "This change removes passages that analysts coded; move or delete "
                    "these annotations first: " + "; ".join(lost) + "."
                )
        return text


class ReanchoringStatementAdmin(StatementAdmin):
    form = StatementTextForm

    def save_model(self, request, obj, form, change):
        if not (change and "text" in form.changed_data):
            return super().save_model(request, obj, form, change)
        new_text = obj.text
        if set(form.changed_data) - {"text"}:
            obj.text = form.initial["text"]
            super().save_model(request, obj, form, change)
        update = statement_text_update(statement=obj, text=new_text, actor=request.user)
        if update.reanchorings:
            self.message_user(
                request, f"Re-anchored {len(update.reanchorings)} annotation(s).", messages.INFO
            )
        for reanchoring in update.for_review:
            self.message_user(request, f"Needs review: {reanchoring.describe()}.", messages.WARNING)


class GuardedStatementInlineForm(forms.ModelForm):
    def clean_text(self):
        text = normalise_text(self.cleaned_data["text"])
        if (
            self.instance.pk
            and "text" in self.changed_data
            and text != self.instance.text
            and Annotation.objects.filter(statement=self.instance).exists()
        ):
            raise ValidationError(
                "This statement carries annotations: edit its text on the statement's own "
                "page, where every annotation is re-anchored."
            )
        return text


class GuardedStatementInline(StatementInline):
    form = GuardedStatementInlineForm


class GuardedMeetingAdmin(MeetingAdmin):
    inlines = [
        GuardedStatementInline if inline is StatementInline else inline
        for inline in MeetingAdmin.inlines
    ]


for model, model_admin in ((Statement, ReanchoringStatementAdmin), (Meeting, GuardedMeetingAdmin)):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, model_admin)
