"""Forms of the import page: what the analyst gives, and the corrections in the preview.

They describe shape only; parsing and saving happen in .parsing and .saving, called by
the views.
"""

from __future__ import annotations

from django import forms
from django.forms.utils import pretty_name

from tracker.models import Gender, SpeakerType

from .parsing.catalogue import AUTO, CHOICES, KIND_NAMES
from .uploads import MAX_TEXT_BYTES, upload_problem

MAX_UPLOAD_BYTES = MAX_TEXT_BYTES  # of pasted text, and of the source a preview carries


class ImportSourceForm(forms.Form):
    kind = forms.ChoiceField(label="What is it?", choices=CHOICES, initial=AUTO, required=False)
    text = forms.CharField(
        label="Paste the text",
        required=False,
        strip=False,
        max_length=MAX_UPLOAD_BYTES,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false"}),
    )
    file = forms.FileField(
        label="…or upload it (plain text, the web page saved as HTML, or a verbatim record's PDF)",
        required=False,
    )
    symbol = forms.CharField(
        label="Symbol, if the text lacks one",
        required=False,
        max_length=64,
        help_text="e.g. GA/12387; a single speech needs one to be saved as a meeting.",
    )
    date = forms.DateField(
        label="Date, if the text lacks it",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    into = forms.CharField(
        label="Add to the meeting",
        required=False,
        max_length=64,
        help_text="A speech of a meeting already imported: its symbol, e.g. GA/12387.",
    )

    def clean_kind(self) -> str:
        return self.cleaned_data["kind"] or AUTO  # detection, when a client sends none

    def clean(self):
        cleaned = super().clean()
        text, upload = cleaned.get("text") or "", cleaned.get("file")
        if upload and text.strip():
            raise forms.ValidationError("Paste the text or choose a file, not both.")
        if upload:
            problem = upload_problem(name=upload.name, size=upload.size, head=upload.read(1024))
            if problem:
                raise forms.ValidationError(problem)
            upload.seek(0)
            cleaned["data"] = upload.read()
        elif text.strip():
            cleaned["data"] = text
        elif not self.errors:
            raise forms.ValidationError("Paste a press release or choose a file.")
        cleaned["into"] = "".join((cleaned.get("into") or "").split()).upper()
        return cleaned


class ImportCommitForm(forms.Form):
    """What the preview carries back: the source, re-parsed on save."""

    kind = forms.ChoiceField(choices=[(name, name) for name in KIND_NAMES])
    source = forms.CharField(strip=False, max_length=MAX_UPLOAD_BYTES, widget=forms.HiddenInput)
    into = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)


class MeetingHeaderForm(forms.Form):
    symbol = forms.CharField(max_length=64, required=False, help_text="e.g. GA/11955")
    body = forms.CharField(max_length=120, required=False)
    session = forms.CharField(max_length=120, required=False)
    meeting_number = forms.CharField(label="Meeting", max_length=120, required=False)
    date = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    title = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    subtitle = forms.CharField(
        label="Sub-headline", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    source_url = forms.URLField(
        label="Source address", max_length=500, required=False, assume_scheme="https"
    )


class StatementCorrectionForm(forms.Form):
    order = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    speaker_name = forms.CharField(label="Speaker", max_length=200, required=False)
    gender = forms.ChoiceField(choices=Gender.choices)
    speaker_type = forms.ChoiceField(label="Type", choices=SpeakerType.choices)
    delegation = forms.CharField(max_length=300, required=False)
    role = forms.CharField(max_length=500, required=False)
    on_behalf_of = forms.CharField(label="On behalf of", max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each row's inputs are named for screen readers: "Gender (statement 12)".
        order = self.initial.get("order") or self.data.get(self.add_prefix("order"), "")
        for name, field in self.fields.items():
            if name != "order":
                label = field.label or pretty_name(name)
                field.widget.attrs["aria-label"] = f"{label} (statement {order})"


StatementCorrectionFormSet = forms.formset_factory(
    StatementCorrectionForm, extra=0, max_num=5000, validate_max=True, absolute_max=5000
)


class SpeechTextForm(forms.Form):
    text = forms.CharField(
        label="The speech (trim anything that is not the speech)",
        widget=forms.Textarea(attrs={"rows": 20}),
    )
