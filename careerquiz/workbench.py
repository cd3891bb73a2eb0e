"""What the editors' one-page admin pages share (a question with its options and scores,
a role with its profile).

- One save per page: ``save_page`` saves everything the page edits in the admin's one
  transaction (the admin's ``save_model`` and ``save_related`` hand over to it).
- Save comes first in the form (``save_on_top``), so Enter in a field saves, never
  previews or moves a row.
- Errors are summarised above the form after the GOV.UK pattern: each message links to its
  input, and the summary takes focus.
- A preview of the page's unsaved state, as job seekers see it, in a frame: the Preview
  button posts the form into it (no JavaScript needed); editor/static/editor/workbench.js
  refreshes it as the form changes. The preview only reads: it needs the permission to
  view, and saves nothing.
"""

from __future__ import annotations

from csp.constants import SELF
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied
from django.forms.forms import NON_FIELD_ERRORS
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

PREVIEW_FRAME = "workbench-preview"


def error_summary(form, formsets) -> list[dict]:
    """Every error of an admin page, each with a link to the input it is about."""
    items = [{"href": "", "text": error} for error in form.non_field_errors()]
    items += _field_errors(form, "")
    for formset in formsets:
        items += [{"href": f"#{formset.prefix}-group", "text": e} for e in formset.non_form_errors()]
        for side in getattr(formset, "side_forms", ()):
            items += _field_errors(side, "")
        for index, row in enumerate(formset.forms):
            name = str(row.instance) if row.instance.pk else _("new row %(n)d") % {"n": index + 1}
            items += [
                {"href": f"#{formset.prefix}-{index}", "text": f"{name}: {e}"} for e in row.non_field_errors()
            ]
            items += _field_errors(row, name)
    return items


def _field_errors(form, row_name: str) -> list[dict]:
    items = []
    for name, errors in form.errors.items():
        if name == NON_FIELD_ERRORS or name not in form.fields:
            continue
        field = form[name]
        # A field whose label names its row already (a score cell) says it once.
        named = not row_name or getattr(field.field, "names_its_row", False)
        label = field.label if named else f"{row_name}, {field.label}"
        items += [{"href": f"#{field.auto_id}", "text": f"{label}: {error}"} for error in errors]
    return items


def object_action_url(model_admin, action: str, view):
    """``<id>/<action>/`` of a ModelAdmin: a view that changes one object, POST only,
    behind the admin's login (named ``<app>_<model>_<action>``)."""
    opts = model_admin.opts
    return path(
        f"<path:object_id>/{action}/",
        model_admin.admin_site.admin_view(require_POST(view)),
        name=f"{opts.app_label}_{opts.model_name}_{action}",
    )


def framed_by_this_site(response: HttpResponse) -> HttpResponse:
    """A preview page may be shown in a frame of the site's own pages, and only there."""
    response._csp_replace = {"frame-ancestors": [SELF]}
    response["X-Frame-Options"] = "SAMEORIGIN"
    return response


class OnePageAdminMixin:
    """For a ModelAdmin whose change page edits an object and its rows in one save, with
    a preview. Subclasses define ``save_page`` and ``render_preview``."""

    save_on_top = True
    preview_title = ""

    def save_page(self, request: HttpRequest, form, formsets, change: bool):
        raise NotImplementedError

    def render_preview(self, request: HttpRequest, obj, form, formsets) -> HttpResponse:
        raise NotImplementedError

    def save_model(self, request, obj, form, change):
        """Nothing on its own: the page is saved as one, by ``save_page``."""

    def save_related(self, request, form, formsets, change):
        self.save_page(request, form, formsets, change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["error_summary"] = error_summary(
            context["adminform"].form, [inline.formset for inline in context["inline_admin_formsets"]]
        )
        context["preview_frame"] = PREVIEW_FRAME
        context["preview_title"] = self.preview_title
        context["preview_url"] = self._preview_url(obj)
        context["page_editable"] = (
            self.has_add_permission(request) if add else self.has_change_permission(request, obj)
        )
        response = super().render_change_form(request, context, add, change, form_url, obj)
        response._csp_update = {"frame-src": [SELF]}  # the preview's frame
        return response

    def is_preview_step(self, request: HttpRequest) -> bool:
        """Whether a POST to the preview comes from a control inside the previewed page
        (which saves nothing), not from the page's form. None by default."""
        return False

    def _preview_url(self, obj) -> str:
        name = f"admin:{self.opts.app_label}_{self.opts.model_name}_preview"
        return reverse(name, args=[obj.pk]) if obj is not None and obj.pk else reverse(name)

    def get_urls(self):
        view = self.admin_site.admin_view(require_http_methods(["GET", "POST"])(self.preview_view))
        name = f"{self.opts.app_label}_{self.opts.model_name}_preview"
        return [
            path("preview/", view, name=name),
            path("<path:object_id>/preview/", view, name=name),
        ] + super().get_urls()

    def page_forms(self, request: HttpRequest, obj):
        """The page's form and formsets as the change page builds them: bound to the
        posted (unsaved) page, or showing ``obj`` as saved."""
        fieldsets = self.get_fieldsets(request, obj)
        form_class = self.get_form(request, obj, change=obj is not None, fields=flatten_fieldsets(fieldsets))
        data = request.POST if request.method == "POST" else None
        form = form_class(data, instance=obj) if obj is not None else form_class(data)
        # As the change page builds them, through the admin's documented hooks
        # (get_formsets_with_inlines, get_formset_kwargs): one formset per inline, each with
        # its default prefix, numbered when two inlines share one.
        formsets, prefixes = [], {}
        for formset_class, inline in self.get_formsets_with_inlines(
            request, *([obj] if obj is not None else [])
        ):
            prefix = formset_class.get_default_prefix()
            prefixes[prefix] = prefixes.get(prefix, 0) + 1
            if prefixes[prefix] != 1 or not prefix:
                prefix = f"{prefix}-{prefixes[prefix]}"
            formsets.append(formset_class(**self.get_formset_kwargs(request, form.instance, inline, prefix)))
        return form, formsets

    def preview_view(self, request: HttpRequest, object_id: str | None = None) -> HttpResponse:
        obj = None
        if object_id is not None:
            obj = self.get_object(request, object_id)
            if obj is None:
                raise Http404(_("No such object."))
        allowed = (
            self.has_view_or_change_permission(request, obj)
            if obj is not None
            else self.has_add_permission(request)
        )
        if not allowed:
            raise PermissionDenied
        if request.method == "POST" and not self.is_preview_step(request):
            # A posted page previews unsaved edits: only for those who may make them. A
            # viewer's preview shows the saved object (GET).
            editable = (
                self.has_change_permission(request, obj)
                if obj is not None
                else self.has_add_permission(request)
            )
            if not editable:
                raise PermissionDenied(
                    _("Previewing unsaved edits needs the permission to change this object.")
                )
        form, formsets = self.page_forms(request, obj)
        return framed_by_this_site(self.render_preview(request, obj, form, formsets))
