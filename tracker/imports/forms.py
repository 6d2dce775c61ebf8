"""Forms of the import page: what the analyst gives, and the corrections in the preview.

They describe shape only; parsing and saving happen in .parsing and .saving, called by
the views.
"""

from __future__ import annotations

from django import forms
from django.forms.utils import pretty_name

from tracker.models import Gender, SpeakerType

from .parsing.catalogue import IMPORT_KINDS, KIND_NAMES
from .parsing.records import PRESS_RELEASE

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class ImportSourceForm(forms.Form):
    kind = forms.ChoiceField(
        label="What is it?",
        choices=[(kind.name, kind.label) for kind in IMPORT_KINDS],
        initial=PRESS_RELEASE,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label="Paste the text",
        required=False,
        strip=False,
        max_length=MAX_UPLOAD_BYTES,
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false"}),
    )
    file = forms.FileField(
        label="…or upload it (plain text, or the web page saved as HTML)", required=False
    )
    symbol = forms.CharField(
        label="Symbol, if the text lacks one",
        required=False,
        max_length=64,
        help_text="e.g. GA/11955; a single speech needs one to be saved as a meeting.",
    )

    def clean(self):
        cleaned = super().clean()
        text, upload = cleaned.get("text") or "", cleaned.get("file")
        if upload and text.strip():
            raise forms.ValidationError("Paste the text or choose a file, not both.")
        if upload:
            if upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError(
                    f"The file is {upload.size / 1024 / 1024:.1f} MB; a press release is at "
                    f"most a few hundred kilobytes (limit {MAX_UPLOAD_BYTES // 1024 // 1024} MB)."
                )
            cleaned["data"] = upload.read()
        elif text.strip():
            cleaned["data"] = text
        elif not self.errors:
            raise forms.ValidationError("Paste a press release or choose a file.")
        return cleaned


class ImportCommitForm(forms.Form):
    """What the preview carries back: the source, re-parsed on save."""

    kind = forms.ChoiceField(choices=[(name, name) for name in KIND_NAMES])
    source = forms.CharField(strip=False, max_length=MAX_UPLOAD_BYTES, widget=forms.HiddenInput)


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
