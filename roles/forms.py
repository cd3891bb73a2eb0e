from django import forms
from django.utils.translation import gettext_lazy as _

# The comparison people search for most: "product manager or head of product?"
DEFAULT_PAIR = ("product-manager", "head-of-product")


class CompareForm(forms.Form):
    """Two roles to compare. Unless chosen, the pickers start on two different roles, so
    pressing Compare straight away shows a comparison, never an error."""

    # Rendered field by field in the templates: the class gives them the site's select style.
    a = forms.ChoiceField(label=_("First role"), widget=forms.Select(attrs={"class": "form-select"}))
    b = forms.ChoiceField(label=_("Second role"), widget=forms.Select(attrs={"class": "form-select"}))

    def __init__(self, roles, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(r.slug, r.name) for r in roles]
        self.fields["a"].choices = choices
        self.fields["b"].choices = choices
        slugs = [slug for slug, _name in choices]
        first, second = (s if s in slugs else None for s in DEFAULT_PAIR)
        first = first or (slugs[0] if slugs else None)
        second = second or next((s for s in slugs if s != first), first)
        self.fields["a"].initial, self.fields["b"].initial = first, second
