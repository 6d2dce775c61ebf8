"""The reviewer's decision form."""

from django import forms

from ..models import AdjudicationDecision


class DecisionForm(forms.Form):
    annotation = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        choices=AdjudicationDecision.Decision.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
