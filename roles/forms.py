from django import forms
from django.utils.translation import gettext_lazy as _


class CompareForm(forms.Form):
    a = forms.ChoiceField(label=_("First role"))
    b = forms.ChoiceField(label=_("Second role"))

    def __init__(self, roles, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(r.slug, r.name) for r in roles]
        self.fields["a"].choices = choices
        self.fields["b"].choices = choices
