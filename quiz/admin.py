import uuid

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from careerquiz.adminlabels import LabelledFieldsMixin
from careerquiz.errors import NotFound
from careerquiz.workbench import OnePageAdminMixin, object_action_url
from roles.levels import MAX_LEVEL, MIN_LEVEL
from roles.models import Competency, Role

from .caching import bank_changed
from .calibration import persona_outcomes, persona_verdict
from .editing import (
    DOWN,
    UP,
    OptionState,
    option_move,
    option_move_to,
    question_gaps,
    question_move,
    question_move_to,
    question_page_save,
)
from .models import Answer, AnswerChoice, Attempt, Option, OptionScore, Persona, Question, Quiz, Result
from .persona_form import PersonaForm, preview_answers
from .views import question_preview_context

# The move-to-position control: "Move [item] to position [n]" (a select each, one button).
TO = "to"


def requested_position(request, count: int) -> int:
    """The position (from 1) that a move-to control posts, checked against the list."""
    raw = request.POST.get("position", "")
    if not raw.isdigit() or not 1 <= int(raw) <= count:
        raise BadRequest(_("Choose a position from 1 to %(n)d.") % {"n": count})
    return int(raw)


def note_move(request, what: str, moved_from: int, moved_to: int) -> str:
    """What a move says, on the page and as the summary of the bank version it records."""
    text = _("Moved %(what)s from %(from)d to %(to)d") % {"what": what, "from": moved_from, "to": moved_to}
    request.bank_version_summary = text
    return text


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
        return [object_action_url(self, "deactivate", self.deactivate_view), *super().get_urls()]

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


def focus_after_move(request, ids: list[int]) -> str:
    """Which move button has focus after ``?moved=<id>-<up|down>``: the same one again, or
    the other where the item reached the end it moved to (that button is gone)."""
    pk, _sep, direction = request.GET.get("moved", "").partition("-")
    if not pk.isdigit() or int(pk) not in ids or direction not in (UP, DOWN, TO):
        return ""
    if direction == TO:
        return TO  # the "Move" button of the move-to control
    index = ids.index(int(pk))
    if direction == UP and index == 0:
        direction = DOWN
    elif direction == DOWN and index == len(ids) - 1:
        direction = UP
    return f"{pk}-{direction}"


@admin.register(Quiz)
class QuizAdmin(LabelledFieldsMixin, admin.ModelAdmin):
    list_display = ["title", "slug", "published", "adaptive", "question_count"]
    list_filter = ["published", "adaptive"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    # The questions as a list below the form, not an inline: a form with a row per question
    # would post more fields than the app accepts (DATA_UPLOAD_MAX_NUMBER_FIELDS) once a
    # quiz grows. Each moves up or down with a small form of its own
    # (templates/admin/quiz/quiz/change_form.html).

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(question_total=Count("questions"))

    def get_urls(self):
        return [object_action_url(self, "move_question", self.move_question_view), *super().get_urls()]

    def move_question_view(self, request, object_id):
        """Puts one of the quiz's questions at a position, in one move (the move-to
        control below the quiz's questions)."""
        quiz = self.get_object(request, object_id)
        if quiz is None:
            raise Http404(_("No such quiz."))
        if not request.user.has_perm("quiz.change_question"):
            raise PermissionDenied(_("Moving questions needs the permission “Can change question”."))
        raw = request.POST.get("question", "")
        question = quiz.questions.filter(pk=int(raw)).first() if raw.isdigit() else None
        if question is None:
            raise BadRequest(_("Choose one of this quiz's questions to move."))
        position = requested_position(request, quiz.questions.count())
        moved_from, moved_to = question_move_to(question=question, position=position)
        if moved_from != moved_to:
            text = note_move(
                request, _("question “%(text)s”") % {"text": question.text}, moved_from, moved_to
            )
            self.message_user(request, f"{text}.", messages.SUCCESS)
        return _back_after_move(reverse("admin:quiz_quiz_change", args=[quiz.pk]), question, TO)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["questions"] = list(obj.questions.order_by("order", "pk"))
            context["may_move_questions"] = request.user.has_perm("quiz.change_question")
            context["may_add_question"] = request.user.has_perm("quiz.add_question")
            context["moved"] = focus_after_move(request, [q.pk for q in context["questions"]])
        return super().render_change_form(request, context, add, change, form_url, obj)

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


SCORE_PERMISSIONS = tuple(f"quiz.{action}_optionscore" for action in ("add", "change", "delete"))
# Blank score columns a page offers for competencies no option scores yet: enough for
# most new questions in one save; each save offers them again.
NEW_COLUMNS = 2


def _score_field(label: str, initial=None, disabled=False) -> forms.IntegerField:
    message = _("Enter a level from 0 to 4, or leave it empty.")
    field = forms.IntegerField(
        label=label,
        min_value=MIN_LEVEL,
        max_value=MAX_LEVEL,
        required=False,
        initial=initial,
        disabled=disabled,
        widget=forms.NumberInput(attrs={"class": "score-input", "inputmode": "numeric"}),
        error_messages={"invalid": message, "min_value": message, "max_value": message},
    )
    field.names_its_row = True  # the error summary quotes the label as it is
    return field


class OptionForm(forms.ModelForm):
    """An option's row of the question's page: its own fields, then one score cell per
    competency column (0–4; empty for none), then the cells of the new columns."""

    def __init__(self, *args, columns=(), new_columns=0, row_number=None, scores_editable=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.scores_editable = scores_editable
        self.columns = list(columns)
        self.new_columns = new_columns
        saved = (
            {score.competency_id: score.value for score in self.instance.scores.all()}
            if self.instance.pk
            else {}
        )
        if self.instance.pk:
            option = _("option “%(label)s”") % {"label": self.instance.label}
        elif row_number is not None:
            option = _("new option %(n)d") % {"n": row_number}
        else:
            option = _("the added option")
        # Every row has a label, a slug…: each input says whose it is.
        for name, field in self.fields.items():
            if not field.widget.is_hidden and name != "DELETE":
                field.widget.attrs["aria-label"] = _("%(field)s, %(option)s") % {
                    "field": capfirst(field.label),
                    "option": option,
                }
        for competency in self.columns:
            self.fields[self.score_name(competency)] = _score_field(
                _("Score of %(option)s for “%(competency)s”")
                % {"option": option, "competency": competency.name},
                initial=saved.get(competency.pk),
                disabled=not self.scores_editable,
            )
        for index in range(new_columns):
            self.fields[f"new-score-{index}"] = _score_field(
                _("Score of %(option)s for the competency of new column %(n)d")
                % {"option": option, "n": index + 1}
            )

    @staticmethod
    def score_name(competency) -> str:
        return f"score-{competency.pk}"

    def score_cells(self) -> list[forms.BoundField]:
        names = [self.score_name(c) for c in self.columns] + [
            f"new-score-{i}" for i in range(self.new_columns)
        ]
        return [self[name] for name in names]

    def cleaned_scores(self, new_competencies) -> dict:
        """After validation: competency → score (None: no score). A cell the page did not
        send (a column added meanwhile by someone else) leaves that score as it is."""
        scores = {
            c: self.cleaned_data.get(self.score_name(c))
            for c in self.columns
            if self.add_prefix(self.score_name(c)) in self.data
        }
        for index, competency in enumerate(new_competencies):
            value = self.cleaned_data.get(f"new-score-{index}")
            if competency is not None and value is not None:
                scores[competency] = value
        return scores


class NewColumnsForm(forms.Form):
    """The header of each new score column: the competency it scores."""

    def __init__(self, *args, count: int, taken, **kwargs):
        super().__init__(*args, **kwargs)
        choices = Competency.objects.exclude(pk__in=[c.pk for c in taken]).by_kind()
        for index in range(count):
            self.fields[f"column-{index}"] = forms.ModelChoiceField(
                queryset=choices,
                required=False,
                label=_("Competency of new column %(n)d") % {"n": index + 1},
                empty_label=_("add a competency…"),
                error_messages={
                    "invalid_choice": _("That competency has a column already, or no longer exists.")
                },
            )

    def clean(self):
        cleaned = super().clean()
        seen: dict = {}
        for index, name in enumerate(self.fields):
            competency = cleaned.get(name)
            if competency is not None and competency in seen:
                self.add_error(
                    name,
                    _("“%(name)s” is in new column %(n)d already.")
                    % {"name": competency.name, "n": seen[competency]},
                )
            seen.setdefault(competency, index + 1)
        return cleaned

    def competencies(self) -> list:
        cleaned = getattr(self, "cleaned_data", {})
        return [cleaned.get(name) for name in self.fields]


class OptionMatrixFormSet(OptionFormSet):
    """The options of a question and, for each, its scores: a matrix of options ×
    competencies. Columns are the competencies the question's options score now, plus
    NEW_COLUMNS blank ones whose header picks a competency."""

    may_change_saved = True
    may_add = True
    may_score = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        question = self.instance
        in_use = Competency.objects.filter(option_scores__option__question=question.pk).distinct()
        self.columns = list(in_use.by_kind()) if question.pk else []
        # The current-role question names roles; its answers are not scored.
        adds_columns = self.may_add and self.may_score and question.purpose == question.Purpose.PLAIN
        self.columns_form = NewColumnsForm(
            self.data if self.is_bound else None,
            prefix=f"{self.prefix}-columns",
            count=NEW_COLUMNS if adds_columns else 0,
            taken=self.columns,
        )
        self.side_forms = [self.columns_form]

    def get_form_kwargs(self, index):
        saved = index is not None and index < self.initial_form_count()
        return {
            **super().get_form_kwargs(index),
            "columns": self.columns,
            "new_columns": 0 if saved and not self.may_change_saved else len(self.columns_form.fields),
            "row_number": None if index is None else index - self.initial_form_count() + 1,
            "scores_editable": self.may_score and (self.may_change_saved if saved else self.may_add),
        }

    @property
    def empty_form(self):
        form = super().empty_form
        # The template of rows added in the browser: its inputs are sent only once a row
        # is added (editor/workbench.js enables them), which keeps a big question's page
        # under the number of fields a request may carry (DATA_UPLOAD_MAX_NUMBER_FIELDS).
        for field in form.fields.values():
            field.widget.attrs["disabled"] = True
        return form

    def is_valid(self):
        # The formset's clean() checks the new columns against their cells first.
        formset_valid = super().is_valid()
        return self.columns_form.is_valid() and formset_valid

    def clean(self):
        answered = [
            f.instance.label
            for f in self.forms
            if f.instance.pk and (f.cleaned_data or {}).get("DELETE") and f.instance.choices.exists()
        ]
        if answered:
            # Said before Django's own check, which would list every answer that protects it.
            raise ValidationError(
                _(
                    "Job seekers have chosen “%(label)s”: it cannot be deleted. Untick “Active” instead; "
                    "it leaves the quiz and past answers are kept."
                ),
                params={"label": answered[0]},
            )
        self.columns_form.is_valid()
        chosen = self.columns_form.competencies()
        kept = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        for index, competency in enumerate(chosen):
            if competency is None and any(f.cleaned_data.get(f"new-score-{index}") is not None for f in kept):
                self.columns_form.add_error(
                    f"column-{index}",
                    _("Choose the competency new column %(n)d scores, or empty its cells.")
                    % {"n": index + 1},
                )
        super().clean()
        question = self.instance
        # Rows with mistakes are told first: a score not read yet would look missing.
        if question.active and not any(form.errors for form in self.forms):
            gaps = question_gaps(
                kind=question.kind,
                measures=question.purpose == Question.Purpose.PLAIN,
                options=self._option_states(chosen),
            )
            if gaps:
                raise ValidationError(
                    _(
                        "This question is active, so job seekers would get it as it is, but %(gaps)s. "
                        "Complete it, or untick “Active” to save it as a draft that job seekers do not see."
                    ),
                    params={"gaps": "; ".join(gaps)},
                )

    def _option_states(self, chosen) -> list[OptionState]:
        """Each option as this post leaves it: the rows sent (their score cells, or the saved
        scores where the user may not set them) and the saved options not sent."""
        states, sent = [], set()
        for form in self.forms:
            sent.add(form.instance.pk)
            data = form.cleaned_data
            if not data or data.get("DELETE"):
                continue
            scored = any(value is not None for value in form.cleaned_scores(chosen).values())
            if not scored and form.instance.pk and not form.scores_editable:
                scored = form.instance.scores.exists()
            states.append(
                OptionState(
                    label=data.get("label", ""),
                    active=data.get("active", True),
                    not_applicable=data.get("not_applicable", False),
                    scored=scored,
                )
            )
        if self.instance.pk:
            states += [
                OptionState(o.label, o.active, o.not_applicable, o.scores.exists())
                for o in self.instance.options.all()
                if o.pk not in sent
            ]
        return states

    def cleaned_scores(self) -> list[tuple[Option, dict]]:
        """After the options are saved: each kept option and its scores to set."""
        chosen = self.columns_form.competencies()
        deleted = set(map(id, self.deleted_forms))
        return [
            (form.instance, form.cleaned_scores(chosen))
            for form in self.forms
            if form.instance.pk and id(form) not in deleted and form.cleaned_data
        ]


class OptionInline(LabelledFieldsMixin, admin.TabularInline):
    """The options matrix of the question's page (templates/admin/quiz/question/options.html)."""

    model = Option
    form = OptionForm
    formset = OptionMatrixFormSet
    template = "admin/quiz/question/options.html"
    prepopulated_fields = {"slug": ["label"]}
    verbose_name_plural = _("options and their scores")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("scores")

    def get_fields(self, request, obj=None):
        fields = ["label", "slug", "exclusive", "not_applicable", "active"]
        # The role an option stands for matters only on the current-role question.
        names_roles = obj is not None and (obj.is_current_role or obj.purpose == obj.Purpose.TARGET_ROLES)
        return [*fields[:2], "role", *fields[2:]] if names_roles else fields

    def get_extra(self, request, obj=None, **kwargs):
        # A new question starts with five blank options; a saved one with one more.
        return 1 if obj is not None else 5

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        return type(
            formset.__name__,
            (formset,),
            {
                "may_change_saved": self.has_change_permission(request, obj),
                "may_add": self.has_add_permission(request, obj),
                "may_score": request.user.has_perms(SCORE_PERMISSIONS),
            },
        )


@admin.register(Question)
class QuestionAdmin(OnePageAdminMixin, DeactivateInsteadMixin, LabelledFieldsMixin, admin.ModelAdmin):
    """A question, its options and each option's scores on one page and one save, with a
    preview of the question as job seekers see it. Options move up and down with buttons;
    questions move on their quiz's page."""

    list_display = ["text", "quiz", "section", "kind", "order", "active"]
    list_editable = ["order"]
    list_filter = ["quiz", "kind", "section", "active", "purpose"]
    search_fields = ["text", "slug", "help_text"]
    prepopulated_fields = {"slug": ["text"]}
    fields = ["quiz", "text", "slug", "help_text", "section", "kind", "is_current_role", "purpose", "active"]
    inlines = [OptionInline]
    list_select_related = ["quiz"]
    preview_title = _("Preview: the question as job seekers see it")

    def get_urls(self):
        return [object_action_url(self, "move", self.move_view), *super().get_urls()]

    def get_changeform_initial_data(self, request):
        # A new question starts as a draft: job seekers get it once it is complete and an
        # editor ticks "Active" (the save refuses an active question with gaps).
        return {"active": False, **super().get_changeform_initial_data(request)}

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        ids = list(obj.options.order_by("order", "pk").values_list("pk", flat=True)) if obj else []
        context["moved"] = focus_after_move(request, ids)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_page(self, request, form, formsets, change):
        move = _requested_move(request, form.instance) if change else None
        options = next((f for f in formsets if isinstance(f, OptionMatrixFormSet)), None)
        question = question_page_save(form=form, options=options)
        if move is not None:
            option, direction = move
            if direction == TO:
                moved_from, position = option_move_to(
                    option=option, position=requested_position(request, question.options.count())
                )
                if moved_from != position:
                    what = _("option “%(label)s” of “%(text)s”") % {
                        "label": option.label,
                        "text": question.text,
                    }
                    note_move(request, what, moved_from, position)
            else:
                position = option_move(option=option, direction=direction)
            request.moved_option = (option, direction, position)
        return question

    def response_change(self, request, obj):
        moved = getattr(request, "moved_option", None)
        if moved is None:
            return super().response_change(request, obj)
        option, direction, position = moved
        message = _("Saved, and “%(label)s” is now option %(n)d.") % {"label": option.label, "n": position}
        self.message_user(request, message, messages.SUCCESS)
        return _back_after_move(reverse("admin:quiz_question_change", args=[obj.pk]), option, direction)

    def is_preview_step(self, request):
        # The preview's own Next button posts its answer, never the page's fields.
        return request.method == "POST" and "text" not in request.POST

    def render_preview(self, request, obj, form, formsets):
        if self.is_preview_step(request):
            # The preview's own Next button: a preview saves no answer and goes nowhere.
            return HttpResponse(status=204)
        question, options = _previewed(obj, form, formsets)
        questions = list(question.quiz.active_questions()) if question.quiz_id else []
        ids = [q.pk for q in questions]
        listed = obj is not None and obj.pk in ids
        context = question_preview_context(
            question,
            options,
            position=ids.index(obj.pk) + 1 if listed else len(ids) + 1,
            total=len(ids) if listed else len(ids) + 1,
            step_url=self._preview_url(obj),
        )
        return TemplateResponse(request, "quiz/question.html", context)

    def move_view(self, request, object_id):
        """Moves a question one place up or down in its quiz (from the quiz's page)."""
        question = self.get_object(request, object_id)
        if question is None:
            raise Http404(_("No such question."))
        if not self.has_change_permission(request, question):
            raise PermissionDenied
        direction = request.POST.get("direction")
        if direction not in (UP, DOWN):
            raise BadRequest(_("Say which way to move the question: up or down."))
        position = question_move(question=question, direction=direction)
        message = _("“%(text)s” is now question %(n)d.") % {"text": question.text, "n": position}
        self.message_user(request, message, messages.SUCCESS)
        return _back_after_move(
            reverse("admin:quiz_quiz_change", args=[question.quiz_id]), question, direction
        )


def _back_after_move(url: str, item, direction: str) -> HttpResponseRedirect:
    """Back to the list the item moved in, its move button in focus (``focus_after_move``;
    no #fragment: a page opened at one never runs autofocus)."""
    return HttpResponseRedirect(f"{url}?moved={item.pk}-{direction}")


def _requested_move(request, question: Question) -> tuple[Option, str] | None:
    """The option a “Move up/down” button of the page names, checked before anything is
    saved: an option of this question, and a direction."""
    raw = request.POST.get("_move_option")
    if raw is None:
        return None
    if raw == TO:  # the move-to control: the option is chosen in its own select
        raw = f"{request.POST.get('move_option', '')}-{TO}"
    pk, _sep, direction = raw.partition("-")
    option = question.options.filter(pk=int(pk)).first() if pk.isdigit() else None
    if option is None or direction not in (UP, DOWN, TO):
        raise BadRequest(_("That option is not one of this question's, or the move is neither up nor down."))
    return option, direction


def _previewed(obj: Question | None, form, formsets) -> tuple[Question, list[Option]]:
    """The question and its active options as the page has them: posted (the valid
    parts; nothing is saved) or as saved. Options get stand-in ids for the preview."""
    if not form.is_bound:
        question = obj or Question(text=_("Your question"), kind=Question.Kind.SINGLE)
        saved = list(obj.options.active().select_related("role")) if obj else []
        return question, saved
    form.is_valid()
    fields = {name: form.cleaned_data[name] for name in QuestionAdmin.fields if name in form.cleaned_data}
    question = Question(**{"kind": Question.Kind.SINGLE, **fields})
    options: list[Option] = []
    for formset in formsets:
        formset.is_valid()
        for row in formset.forms:
            data = getattr(row, "cleaned_data", None) or {}
            if data.get("label") and data.get("active", True) and not data.get("DELETE"):
                keep = ("label", "role", "exclusive", "not_applicable")
                options.append(Option(pk=len(options) + 1, **{k: data[k] for k in keep if k in data}))
    return question, options


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
    list_filter = ["question__quiz", "attempt__is_preview"]
    search_fields = ["attempt__uuid", "question__text"]
    list_select_related = ["attempt", "question"]
    inlines = [AnswerChoiceInline]


@admin.register(Result)
class ResultAdmin(ReadOnlyAdmin):
    list_display = ["uuid", "recommended_role_slug", "match", "engine_version", "created_at"]
    list_filter = ["attempt__is_preview", "recommended_role_slug", "engine_version"]
    search_fields = ["uuid", "attempt__uuid"]
    date_hierarchy = "created_at"


class PersonaPassesFilter(admin.SimpleListFilter):
    """Personas that get their role first now, or not (computed against the current bank)."""

    title = _("passes (first)")
    parameter_name = "passes"

    def lookups(self, request, model_admin):
        return [("yes", _("Passes")), ("no", _("Fails"))]

    def queryset(self, request, queryset):
        if self.value() not in ("yes", "no"):
            return queryset
        passing = [o.persona_id for quiz in Quiz.objects.all() for o in persona_outcomes(quiz) if o.passed]
        return queryset.filter(pk__in=passing) if self.value() == "yes" else queryset.exclude(pk__in=passing)


@admin.register(Persona)
class PersonaAdmin(LabelledFieldsMixin, admin.ModelAdmin):
    """A persona's answers are given with the quiz's own controls (quiz/persona_form.py),
    and a persona can start from the answers of a staff preview: "Save these answers as a
    calibration persona" on its result page opens the add page with ``?result=<uuid>``."""

    form = PersonaForm
    # Led by pass or fail, the list answers "what broke?" first.
    list_display = [
        "passes",
        "name",
        "quiz",
        "expected_role",
        "current_top_role",
        "expected_rank",
        "held_out",
    ]
    list_display_links = ["name"]
    list_filter = [PersonaPassesFilter, "quiz", "expected_role", "held_out"]
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
