import uuid

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from careerquiz.adminlabels import LabelledFieldsMixin
from careerquiz.errors import NotFound
from roles.models import Role

from .caching import bank_changed
from .calibration import persona_outcomes, persona_verdict
from .models import Answer, AnswerChoice, Attempt, Option, OptionScore, Persona, Question, Quiz, Result
from .persona_form import PersonaForm, preview_answers


class DeactivateInsteadMixin:
    """Answered questions and options are protected from deletion: the delete page says
    why and offers to deactivate them, which keeps past attempts intact."""

    delete_confirmation_template = "admin/quiz/delete_or_deactivate.html"
    actions = ["deactivate"]

    @admin.action(description=_("Deactivate selected (keeps past answers)"), permissions=["change"])
    def deactivate(self, request, queryset):
        count = queryset.update(active=False)
        bank_changed()
        self.message_user(request, _("%(count)d deactivated.") % {"count": count}, messages.SUCCESS)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/deactivate/",
                self.admin_site.admin_view(require_POST(self.deactivate_view)),
                name=f"{info[0]}_{info[1]}_deactivate",
            )
        ] + super().get_urls()

    def deactivate_view(self, request, object_id):
        if not str(object_id).isdigit():
            raise Http404(_("No such object."))
        obj = get_object_or_404(self.model, pk=object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        obj.active = False
        obj.save(update_fields=["active"])
        self.message_user(
            request, _("“%(obj)s” was deactivated; past answers are kept.") % {"obj": obj}, messages.SUCCESS
        )
        return HttpResponseRedirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"))


@admin.register(Quiz)
class QuizAdmin(LabelledFieldsMixin, admin.ModelAdmin):
    list_display = ["title", "slug", "published", "adaptive", "question_count"]
    list_filter = ["published", "adaptive"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    # The questions as links, not an inline: a form with a row per question would post
    # more fields than the app accepts (DATA_UPLOAD_MAX_NUMBER_FIELDS) once a quiz grows.
    # Their order is edited on the question list.
    readonly_fields = ["question_list"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(question_total=Count("questions"))

    @admin.display(description=_("questions, in order"))
    def question_list(self, obj):
        if obj.pk is None:
            return _("Add questions once the quiz is saved.")
        rows = format_html_join(
            "",
            '<li><a href="{}">{}</a>{}</li>',
            (
                (
                    reverse("admin:quiz_question_change", args=[q.pk]),
                    q.text,
                    "" if q.active else format_html(" ({})", _("inactive")),
                )
                for q in obj.questions.order_by("order", "pk")
            ),
        )
        add = reverse("admin:quiz_question_add") + f"?quiz={obj.pk}"
        return format_html(
            '<ol class="question-list">{}</ol><p><a href="{}">{}</a></p>', rows, add, _("Add a question")
        )

    @admin.display(description=_("questions"), ordering="question_total")
    def question_count(self, obj):
        return obj.question_total


class OptionFormSet(BaseInlineFormSet):
    """A question is saved only in a state the quiz can use: a 1–5 statement with its low
    and high anchors, a choice question with at least one option."""

    def clean(self):
        super().clean()
        kept = [
            (form.cleaned_data.get("active", True), form.cleaned_data.get("not_applicable", False))
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        # Options saved earlier that this post leaves out (an admin may post only some rows).
        in_form = {form.instance.pk for form in self.forms if form.instance.pk}
        if self.instance.pk:
            kept += [(o.active, o.not_applicable) for o in self.instance.options.all() if o.pk not in in_form]
        answers = [1 for active, not_applicable in kept if active and not not_applicable]
        if self.instance.kind == Question.Kind.SCALE and len(answers) != 2:
            raise ValidationError(
                _(
                    "A 1–5 statement needs its two anchors: one active option for “strongly disagree” "
                    "and one for “strongly agree” (a not-applicable option may be added)."
                )
            )
        if self.instance.kind != Question.Kind.SCALE and not answers:
            raise ValidationError(_("A choice question needs at least one option."))


class OptionInline(LabelledFieldsMixin, admin.TabularInline):
    model = Option
    formset = OptionFormSet
    extra = 0
    fields = ["order", "label", "slug", "role", "exclusive", "not_applicable", "active"]
    prepopulated_fields = {"slug": ["label"]}
    show_change_link = True


@admin.register(Question)
class QuestionAdmin(DeactivateInsteadMixin, LabelledFieldsMixin, admin.ModelAdmin):
    list_display = ["text", "quiz", "section", "kind", "order", "active"]
    list_editable = ["order"]
    list_filter = ["quiz", "kind", "section", "active", "is_current_role"]
    search_fields = ["text", "slug", "help_text"]
    prepopulated_fields = {"slug": ["text"]}
    inlines = [OptionInline]
    list_select_related = ["quiz"]


class OptionScoreInline(LabelledFieldsMixin, admin.TabularInline):
    # A plain select: the bank has a few dozen competencies at most.
    model = OptionScore
    extra = 1


@admin.register(Option)
class OptionAdmin(DeactivateInsteadMixin, LabelledFieldsMixin, admin.ModelAdmin):
    list_display = ["label", "question", "order", "active"]
    list_filter = ["question__quiz", "active", "exclusive"]
    search_fields = ["label", "slug", "question__text"]
    prepopulated_fields = {"slug": ["label"]}
    inlines = [OptionScoreInline]
    list_select_related = ["question"]


class ReadOnlyAdmin(LabelledFieldsMixin, admin.ModelAdmin):
    """What job seekers leave behind is evidence: admins can look, not edit."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AnswerChoiceInline(LabelledFieldsMixin, admin.TabularInline):
    model = AnswerChoice
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Attempt)
class AttemptAdmin(ReadOnlyAdmin):
    list_display = ["uuid", "quiz", "started_at", "completed_at", "is_preview"]
    list_filter = ["quiz", "is_preview", ("completed_at", admin.EmptyFieldListFilter)]
    search_fields = ["uuid"]
    date_hierarchy = "started_at"


@admin.register(Answer)
class AnswerAdmin(ReadOnlyAdmin):
    list_display = ["attempt", "question", "scale_value", "answered_at"]
    list_filter = ["question__quiz"]
    search_fields = ["attempt__uuid", "question__text"]
    list_select_related = ["attempt", "question"]
    inlines = [AnswerChoiceInline]


@admin.register(Result)
class ResultAdmin(ReadOnlyAdmin):
    list_display = ["uuid", "recommended_role_slug", "match", "engine_version", "created_at"]
    list_filter = ["recommended_role_slug", "engine_version"]
    search_fields = ["uuid", "attempt__uuid"]
    date_hierarchy = "created_at"


@admin.register(Persona)
class PersonaAdmin(LabelledFieldsMixin, admin.ModelAdmin):
    """A persona's answers are given with the quiz's own controls (quiz/persona_form.py),
    and a persona can start from the answers of a staff preview: "Save these answers as a
    calibration persona" on its result page opens the add page with ``?result=<uuid>``."""

    form = PersonaForm
    list_display = [
        "name",
        "quiz",
        "expected_role",
        "current_top_role",
        "expected_rank",
        "passes",
        "held_out",
    ]
    list_filter = ["quiz", "expected_role", "held_out"]
    search_fields = ["name", "notes"]
    readonly_fields = ["outcome"]

    def get_fieldsets(self, request, obj=None):
        fields = ["quiz", "name", "expected_role", "outcome", "held_out", "notes"]
        return [(None, {"fields": fields if obj is not None else [f for f in fields if f != "outcome"]})]

    def get_form(self, request, obj=None, change=False, **kwargs):
        quiz = obj.quiz if obj is not None else self._quiz_to_add(request)
        editable = obj is None or self.has_change_permission(request, obj)
        kwargs["form"] = PersonaForm.for_quiz(quiz, editable=editable)
        return super().get_form(request, obj, change=change, **kwargs)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.pop("answers", None)  # only ever from a preview, never from the address
        if "result" in request.GET:
            result = _preview_result(request.GET["result"])
            role = Role.objects.filter(slug=result.recommended_role_slug).values_list("pk", flat=True).first()
            initial.update(quiz=result.attempt.quiz_id, expected_role=role, answers=preview_answers(result))
        return initial

    def render_change_form(self, request, context, *args, **kwargs):
        response = super().render_change_form(request, context, *args, **kwargs)
        if request.method == "POST" and context["adminform"].form.errors:
            response.status_code = 422  # the same page with its messages; nothing was saved
        return response

    @staticmethod
    def _quiz_to_add(request) -> Quiz | None:
        """The quiz whose questions a new persona answers: the preview's, the one named in
        the address, or the only one; None while there are several to choose from."""
        if "result" in request.GET:
            return _preview_result(request.GET["result"]).attempt.quiz
        named = request.GET.get("quiz", "")
        found = list((Quiz.objects.filter(pk=named) if named.isdigit() else Quiz.objects.all())[:2])
        return found[0] if len(found) == 1 else None

    def changelist_view(self, request, extra_context=None):
        self._outcomes = {o.persona_id: o for quiz in Quiz.objects.all() for o in persona_outcomes(quiz)}
        return super().changelist_view(request, extra_context)

    def _outcome(self, obj):
        outcomes = getattr(self, "_outcomes", None)
        if outcomes is None or obj.pk not in outcomes:
            outcomes = {o.persona_id: o for o in persona_outcomes(obj.quiz)}
        return outcomes.get(obj.pk)

    @admin.display(description=_("top role now"))
    def current_top_role(self, obj):
        outcome = self._outcome(obj)
        return (outcome.error or outcome.top) if outcome else "-"

    @admin.display(description=_("its role ranks"))
    def expected_rank(self, obj):
        outcome = self._outcome(obj)
        return outcome.rank if outcome and outcome.rank else "-"

    @admin.display(description=_("passes (first)"), boolean=True)
    def passes(self, obj):
        outcome = self._outcome(obj)
        return bool(outcome and outcome.passed)

    @admin.display(description=_("recommended now"))
    def outcome(self, obj):
        # Computed afresh: the page that shows it is often the one where answers just changed.
        return persona_verdict(obj)


def _preview_result(raw: str) -> Result:
    """The result of a staff preview with this public id. A job seeker's result is never
    offered: their answers stay out of the bank."""
    try:
        result_uuid = uuid.UUID(raw)
    except ValueError:
        result_uuid = None
    result = (
        Result.objects.previews().select_related("attempt__quiz").filter(uuid=result_uuid).first()
        if result_uuid
        else None
    )
    if result is None:
        raise NotFound(
            _(
                "No preview has this result. Only the answers of “Preview this quiz” can be saved "
                "as a calibration persona."
            )
        )
    return result
