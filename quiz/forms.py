from collections.abc import Callable

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout
from django import forms
from django.utils.translation import gettext_lazy as _

from .engine.explain import scale_choice
from .engine.types import MAX_TARGET_ROLES
from .models import SCALE_MAX, SCALE_MIN, Option, Question

NOT_APPLICABLE_PREFIX = "na-"
# How a form names an option: its id in the quiz, its slug on a persona's page.
OptionValue = Callable[[Option], str]


def _grouped_by_family(options: list[Option], value: OptionValue) -> list:
    """The current-role question's many options, in runs of one role family under its name
    (Product management, Product leadership, …), so a long list reads as a few short ones.
    Options without a role ("Something else") stand on their own."""
    grouped: list = []
    for option in options:
        family = option.role.get_family_display() if option.role else None
        choice = (value(option), option.label)
        if family and grouped and isinstance(grouped[-1][1], list) and grouped[-1][0] == family:
            grouped[-1][1].append(choice)
        elif family:
            grouped.append((family, [choice]))
        else:
            grouped.append(choice)
    return grouped


def _option_pk(option: Option) -> str:
    return str(option.pk)


def answer_field(
    question: Question, options: list[Option], *, value: OptionValue = _option_pk
) -> forms.Field:
    """The control for one question, as the quiz shows it: radios for a single choice,
    checkboxes for a multiple choice, the 1–5 scale in words (then any "not applicable"
    option, sent as "na-<value>") for a statement. ``value`` names each option in the
    form (its id in the quiz)."""
    names_roles = question.is_current_role or question.purpose == Question.Purpose.TARGET_ROLES
    choices = _grouped_by_family(options, value) if names_roles else [(value(o), o.label) for o in options]
    required = _("Choose an answer to continue.")
    if question.kind == Question.Kind.MULTIPLE:
        field = forms.MultipleChoiceField(
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            error_messages={
                "required": _("Choose at least one answer to continue."),
                "invalid_choice": _("That answer is not one of the options."),
            },
        )
    elif question.kind == Question.Kind.SCALE:
        field = forms.ChoiceField(
            choices=[(str(v), scale_choice(v)) for v in range(SCALE_MIN, SCALE_MAX + 1)]
            + [(f"{NOT_APPLICABLE_PREFIX}{value(o)}", o.label) for o in options if o.not_applicable],
            widget=forms.RadioSelect,
            error_messages={"required": required, "invalid_choice": _("Choose a value from 1 to 5.")},
        )
    else:
        field = forms.ChoiceField(
            choices=choices,
            widget=forms.RadioSelect,
            error_messages={
                "required": required,
                "invalid_choice": _("That answer is not one of the options."),
            },
        )
    field.label = question.text
    field.help_text = question.help_text
    return field


def check_combination(chosen: list[Option]) -> None:
    """A multiple choice's options may be combined, except an exclusive one ("None of these")."""
    exclusive = [o for o in chosen if o.exclusive]
    if exclusive and len(chosen) > 1:
        raise forms.ValidationError(
            _("“%(option)s” cannot be combined with other answers."),
            params={"option": exclusive[0].label},
        )


class AnswerForm(forms.Form):
    """The answer to one question. Choices come from the database for this question only:
    an option id from anywhere else is an invalid choice, never trusted."""

    def __init__(self, question: Question, options: list[Option], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        self.options = {str(o.pk): o for o in options}
        self.fields["answer"] = answer_field(question, options)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        # The question is the page's heading, inside the options' legend (GOV.UK's pattern).
        self.helper.layout = Layout(Field("answer", template="quiz/answer-field.html"))

    @property
    def option_count(self) -> int:
        """How many answers there are to choose from (groups counted by their options)."""
        return sum(len(c[1]) if isinstance(c[1], list | tuple) else 1 for c in self.fields["answer"].choices)

    def clean(self):
        cleaned = super().clean()
        # A radio group sends one value; several mean a tampered form, never a choice.
        if self.question.kind != Question.Kind.MULTIPLE and len(self.data.getlist("answer")) > 1:
            self.add_error("answer", _("Choose only one answer."))
        return cleaned

    def clean_answer(self):
        value = self.cleaned_data["answer"]
        if self.question.kind == Question.Kind.MULTIPLE:
            # A checkbox is sent once; the same option twice is a tampered form.
            if len(set(value)) != len(value):
                raise forms.ValidationError(_("Choose each answer only once."))
            check_combination([self.options[v] for v in value])
            if self.question.purpose == Question.Purpose.TARGET_ROLES and len(value) > MAX_TARGET_ROLES:
                raise forms.ValidationError(
                    _("Choose at most %(count)d roles: the ones you are weighing most."),
                    params={"count": MAX_TARGET_ROLES},
                )
        return value

    def chosen_options(self) -> list[Option]:
        value = self.cleaned_data["answer"]
        if self.question.kind == Question.Kind.SCALE:
            return [self.options[value[len(NOT_APPLICABLE_PREFIX) :]]] if not value.isdigit() else []
        values = value if isinstance(value, list) else [value]
        return [self.options[v] for v in values]

    def scale_value(self) -> int | None:
        if self.question.kind != Question.Kind.SCALE:
            return None
        value = self.cleaned_data["answer"]
        return int(value) if value.isdigit() else None

    @staticmethod
    def initial_for(question: Question, saved) -> dict:
        """The form's initial value from a saved answer: (scale value, option ids) or None."""
        if saved is None:
            return {}
        scale_value, option_ids = saved
        if question.kind == Question.Kind.SCALE:
            if scale_value is None and option_ids:
                return {"answer": f"{NOT_APPLICABLE_PREFIX}{option_ids[0]}"}
            return {"answer": str(scale_value)}
        ids = [str(pk) for pk in option_ids]
        return {"answer": ids if question.kind == Question.Kind.MULTIPLE else (ids[0] if ids else None)}


class PlanForm(forms.Form):
    """Pick the role whose gaps and plan the result page shows."""

    role = forms.ChoiceField(label=_("See the plan for another role"))

    def __init__(self, ranking: list[dict], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r["role"], r["name"]) for r in ranking]
