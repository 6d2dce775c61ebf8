"""The bulk upload form: many files (or zips of them), the kind, and what to do when
some are refused. Shape only; tracker.imports.bulk.jobs stores and enqueues."""

from __future__ import annotations

from django import forms

from tracker.imports.parsing.catalogue import IMPORT_KINDS

from .sources import NamedData

MAX_UPLOAD_BYTES = 100 * 1024 * 1024
AUTO = ("auto", "Find out from each file")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple) and data:
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class BulkImportForm(forms.Form):
    files = MultipleFileField(
        label="Records: .txt, .html or .pdf files, or .zip archives of them",
        widget=MultipleFileInput(attrs={"accept": ".txt,.text,.htm,.html,.pdf,.zip"}),
    )
    kind = forms.ChoiceField(
        label="What are they?",
        choices=[AUTO, *((k.name, k.label) for k in IMPORT_KINDS if k.name != "auto")],
        initial="auto",
    )
    keep_going = forms.BooleanField(
        label="Import what can be imported, even if some files are refused",
        required=False,
        help_text="Otherwise every file is checked first and nothing is saved if one is refused.",
    )
    dry_run = forms.BooleanField(label="Only check the files; save nothing", required=False)

    def clean_files(self) -> list[NamedData]:
        files = self.cleaned_data["files"]
        size = sum(upload.size for upload in files)
        if size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                f"The files come to {size / 1024 / 1024:.0f} MB; one upload takes at most "
                f"{MAX_UPLOAD_BYTES // 1024 // 1024} MB (import larger archives with "
                "`manage.py import_archive`)."
            )
        return [NamedData(upload.name, upload.read()) for upload in files]
