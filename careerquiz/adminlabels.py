"""Every input of the admin has an accessible name. Django's tabular inlines and editable
change-list columns show a field's name only once, in the column header, so their inputs
have no label of their own (WCAG 1.3.1, 4.1.2); this gives each one its field's name."""

from django.utils.text import capfirst
from django.utils.translation import gettext


class LabelledFieldsMixin:
    """For ModelAdmins and inlines: each form field's widget gets ``aria-label``."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and not formfield.widget.is_hidden:
            formfield.widget.attrs.setdefault("aria-label", capfirst(db_field.verbose_name))
        return formfield

    def get_formset(self, request, obj=None, **kwargs):
        """Inlines: each row's "delete" box gets a name too (it is added by the formset)."""
        formset = super().get_formset(request, obj, **kwargs)

        class Labelled(formset):
            def add_fields(self, form, index):
                super().add_fields(form, index)
                if "DELETE" in form.fields:
                    form.fields["DELETE"].widget.attrs.setdefault("aria-label", gettext("Delete"))

        Labelled.__name__ = formset.__name__
        return Labelled
