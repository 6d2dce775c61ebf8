"""The assignment form of the page: which meeting, which analyst (shape only)."""

from django import forms

from .selectors import assignable_analysts, assignable_meetings


class AssignmentForm(forms.Form):
    meeting = forms.ModelChoiceField(queryset=assignable_meetings(), empty_label="Choose…")
    analyst = forms.ModelChoiceField(
        queryset=assignable_analysts(), to_field_name="username", empty_label="Choose…"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].label_from_instance = lambda m: f"{m.symbol} — {m.title[:80]}"
        self.fields["analyst"].label_from_instance = lambda u: u.get_username()
