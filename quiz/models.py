"""The question bank (quizzes, questions, options and their scores) and what job seekers
leave behind (attempts, answers and immutable result snapshots)."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from roles.models import LEVEL_VALIDATORS, Competency, Role

from . import engine
from .engine.types import SCALE_MAX, SCALE_MIN


class QuizQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class Quiz(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    intro = models.TextField(_("introduction"), blank=True)
    published = models.BooleanField(_("published"), default=False)
    adaptive = models.BooleanField(
        _("adaptive"),
        default=True,
        help_text=_(
            "Ask only the questions that still decide the recommendation, and stop when one role "
            "leads clearly. Job seekers can always choose to answer every question."
        ),
    )
    adaptive_max = models.PositiveSmallIntegerField(
        _("most questions asked"),
        default=28,
        validators=[MinValueValidator(5), MaxValueValidator(200)],
        help_text=_("An adaptive quiz stops after this many questions, however close the call."),
    )
    adaptive_margin = models.PositiveSmallIntegerField(
        _("stopping margin (points)"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_(
            "An adaptive quiz stops early only when the leading role is at least this many match "
            "points ahead of the next one (with high confidence)."
        ),
    )

    objects = QuizQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("quiz:landing", args=[self.slug])

    def active_questions(self):
        return self.questions.live().order_by("order", "pk")

    @property
    def adaptive_settings(self):
        return engine.adaptive.Settings(max_questions=self.adaptive_max, margin=float(self.adaptive_margin))


class ActiveQuerySet(models.QuerySet):
    """Bank rows that editors can deactivate (kept because job seekers answered them)."""

    def active(self):
        return self.filter(active=True)


# A question job seekers can answer offers at least this many answers (active options that
# are not "not applicable"): a 1–5 statement's two anchors, or a choice between two.
MIN_ANSWER_OPTIONS = 2


class QuestionQuerySet(ActiveQuerySet):
    def answerable(self):
        """Questions with at least MIN_ANSWER_OPTIONS answers to choose from."""
        answers = models.Count(
            "options", filter=models.Q(options__active=True, options__not_applicable=False)
        )
        return self.alias(answer_options=answers).filter(answer_options__gte=MIN_ANSWER_OPTIONS)

    def live(self):
        """What job seekers may be asked: active and answerable. Editors keep unfinished
        questions inactive (a draft); the admin refuses to activate an incomplete one, and
        this filter keeps one out of the quiz even if a later change leaves it so."""
        return self.active().answerable()


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        SCALE = "scale", _("1–5 agreement scale")

    class Purpose(models.TextChoices):
        """What a question is for, beyond measuring competencies. Every question that is not
        plain is asked in every quiz: the adaptive quiz never skips it."""

        PLAIN = "plain", _("Measures competencies (the adaptive quiz may skip it)")
        CURRENT_ROLE = "current-role", _("Asks for the current role")
        TARGET_ROLES = "target-roles", _("Asks which roles the person is weighing (at most three)")
        INTENT = "intent", _("Asks where the person wants to go (always asked)")

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("Stable identifier; keep it when rewording the question.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    section = models.CharField(_("section"), max_length=100, blank=True)
    text = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.SINGLE)
    is_current_role = models.BooleanField(
        _("asks for the current role"),
        default=False,
        help_text=_("The one question whose options name the job seeker's current role."),
    )
    purpose = models.CharField(
        _("purpose"),
        max_length=20,
        choices=Purpose.choices,
        default=Purpose.PLAIN,
        help_text=_(
            "Questions that ask for the current role, the roles the person is weighing or where they "
            "want to go are always asked; their options name roles or wishes and are not scored."
        ),
    )
    active = models.BooleanField(_("active"), default=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["quiz", "order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        constraints = [
            models.UniqueConstraint(fields=["quiz", "slug"], name="question_slug_unique_in_quiz"),
            models.UniqueConstraint(
                fields=["quiz"],
                condition=models.Q(is_current_role=True),
                name="one_current_role_question_per_quiz",
            ),
            models.UniqueConstraint(
                fields=["quiz"],
                condition=models.Q(purpose="target-roles"),
                name="one_target_roles_question_per_quiz",
            ),
        ]

    def clean(self):
        super().clean()
        # The two ways of saying "asks for the current role" agree (the checkbox came first).
        if self.is_current_role:
            self.purpose = self.Purpose.CURRENT_ROLE
        elif self.purpose == self.Purpose.CURRENT_ROLE:
            self.is_current_role = True
        if self.purpose == self.Purpose.TARGET_ROLES and self.kind != self.Kind.MULTIPLE:
            raise ValidationError(
                {"kind": _("The question of the roles a person is weighing is multiple choice.")}
            )

    def __str__(self):
        return self.text

    @property
    def is_scale(self):
        return self.kind == self.Kind.SCALE

    @property
    def is_multiple(self):
        return self.kind == self.Kind.MULTIPLE


class Option(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    slug = models.SlugField(_("slug"), max_length=100)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    label = models.CharField(_("label"), max_length=300)
    role = models.ForeignKey(
        Role,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="current_role_options",
        help_text=_("For the current-role question: the role this option stands for."),
    )
    exclusive = models.BooleanField(
        _("exclusive"),
        default=False,
        help_text=_("Multiple choice only: cannot be combined with other options (e.g. “None of these”)."),
    )
    not_applicable = models.BooleanField(
        _("not applicable"),
        default=False,
        help_text=_(
            "An answer such as “I haven't worked on a product yet”: it is saved, but leaves the question "
            "out of the profile instead of counting as a level."
        ),
    )
    active = models.BooleanField(_("active"), default=True)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        ordering = ["question", "order", "pk"]
        verbose_name = _("option")
        verbose_name_plural = _("options")
        constraints = [
            models.UniqueConstraint(fields=["question", "slug"], name="option_slug_unique_in_question"),
        ]

    def __str__(self):
        return self.label


class OptionScore(models.Model):
    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="scores")
    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="option_scores")
    value = models.PositiveSmallIntegerField(
        _("level shown"), validators=LEVEL_VALIDATORS, help_text=_("0–4: the level this answer indicates.")
    )

    class Meta:
        ordering = ["option", "competency"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["option", "competency"], name="one_score_per_option_and_competency"
            ),
            models.CheckConstraint(condition=models.Q(value__lte=4), name="option_score_0_to_4"),
        ]

    def __str__(self):
        return f"{self.competency}: {self.value}"


class AttemptQuerySet(models.QuerySet):
    def completed(self):
        return self.filter(completed_at__isnull=False)

    def in_progress(self):
        return self.filter(completed_at__isnull=True)

    def owned_by(self, owner_key):
        return self.filter(owner_key=owner_key)

    def real(self):
        """Attempts of job seekers: staff previews left out of every figure."""
        return self.filter(is_preview=False)


class ResultQuerySet(models.QuerySet):
    def real(self):
        """Results of job seekers: staff previews left out of every figure."""
        return self.filter(attempt__is_preview=False)

    def previews(self):
        """Results of staff previews: the only ones whose answers may become a calibration
        persona, so that no job seeker's answers enter the bank."""
        return self.filter(attempt__is_preview=True)


class Attempt(models.Model):
    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    owner_key = models.CharField(
        _("owner session"),
        max_length=64,
        db_index=True,
        help_text=_("Random key kept in the owner's session."),
    )
    is_preview = models.BooleanField(_("staff preview"), default=False)
    answer_all = models.BooleanField(
        _("answers every question"), default=False, help_text=_("The person chose the whole quiz.")
    )
    at_least = models.PositiveSmallIntegerField(
        _("asked to answer at least"),
        default=0,
        help_text=_("“Answer a few more”: an adaptive quiz does not stop before this many answers."),
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now, db_index=True)
    # Indexed for the analytics rollup, which counts again the attempts changed since its last run.
    updated_at = models.DateTimeField(_("last answer"), auto_now=True, db_index=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True, db_index=True)
    walk = models.JSONField(
        _("adaptive quiz memo"),
        default=dict,
        blank=True,
        editable=False,
        help_text=_("The adaptive quiz's decisions so far, kept so that a step need not replay them all."),
    )

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")

    def __str__(self):
        return f"{self.quiz} · {self.started_at:%Y-%m-%d %H:%M} · {self.uuid}"

    @property
    def is_completed(self):
        return self.completed_at is not None


class Answer(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    options = models.ManyToManyField(Option, through="AnswerChoice", related_name="answers", blank=True)
    scale_value = models.PositiveSmallIntegerField(
        _("scale value"),
        null=True,
        blank=True,
        validators=[MinValueValidator(SCALE_MIN), MaxValueValidator(SCALE_MAX)],
    )
    answered_at = models.DateTimeField(_("answered"), default=timezone.now)

    class Meta:
        ordering = ["attempt", "question__order", "question__pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question"], name="one_answer_per_attempt_and_question"
            ),
            models.CheckConstraint(
                condition=models.Q(scale_value__isnull=True)
                | models.Q(scale_value__gte=SCALE_MIN, scale_value__lte=SCALE_MAX),
                name="answer_scale_value_on_scale",
            ),
        ]

    def __str__(self):
        return f"{self.attempt_id} · {self.question}"


class AnswerChoice(models.Model):
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="choices")
    option = models.ForeignKey(Option, on_delete=models.PROTECT, related_name="choices")

    class Meta:
        verbose_name = _("chosen option")
        verbose_name_plural = _("chosen options")
        constraints = [
            models.UniqueConstraint(fields=["answer", "option"], name="option_chosen_once_per_answer"),
        ]

    def __str__(self):
        return str(self.option)


class Result(models.Model):
    """What the result page shows, computed once when an attempt completes."""

    uuid = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    attempt = models.OneToOneField(Attempt, on_delete=models.CASCADE, related_name="result")
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    engine_version = models.CharField(_("engine version"), max_length=20)
    recommended_role_slug = models.SlugField(_("recommended role"), max_length=100, db_index=True)
    match = models.PositiveSmallIntegerField(_("match"))
    snapshot = models.JSONField(_("snapshot"))

    objects = ResultQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("result")
        verbose_name_plural = _("results")

    def __str__(self):
        return f"{self.recommended_role_slug} ({self.match}%) · {self.uuid}"

    def get_absolute_url(self):
        return reverse("quiz:result", args=[self.uuid])


class Tally(models.Model):
    """How many of a quiz's job-seeker attempts that started on one day share one fact: the
    counts the editors' analytics add up instead of reading every attempt. Brought up to
    date by ``manage.py rollup_analytics`` (``quiz.tallies``), never by a job seeker's
    request."""

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="tallies", db_index=False)
    day = models.DateField(_("day the attempts started"))
    metric = models.CharField(_("metric"), max_length=20)
    key = models.TextField(_("key"), blank=True, default="")
    number = models.BigIntegerField(_("number"), default=0)
    count = models.IntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("tally")
        verbose_name_plural = _("tallies")
        constraints = [
            # Also the index every read of the analytics uses: one metric, a range of days.
            models.UniqueConstraint(
                fields=["quiz", "metric", "day", "key", "number"], name="one_tally_per_fact"
            )
        ]

    def __str__(self):
        return f"{self.day} {self.metric} {self.key} {self.number}: {self.count}"


class AnalyticsRollup(models.Model):
    """How far the analytics rollup of one quiz has got: its row is also the lock that lets
    one run at a time count the quiz's attempts (``select_for_update``)."""

    quiz = models.OneToOneField(Quiz, on_delete=models.CASCADE, primary_key=True, related_name="rollup")
    counted_until = models.DateTimeField(_("attempts changed before this are counted"), null=True, blank=True)

    class Meta:
        verbose_name = _("analytics rollup")
        verbose_name_plural = _("analytics rollups")

    def __str__(self):
        return f"{self.quiz}: {self.counted_until}"


class CountedAttempt(models.Model):
    """What the rollup has counted for one attempt, so that counting it again after a change
    adds only the difference. ``facts`` is empty once the attempt completed: a completed
    attempt never changes again, so its figures are final."""

    attempt = models.OneToOneField(Attempt, on_delete=models.CASCADE, primary_key=True, related_name="+")
    facts = models.JSONField(_("facts counted"), null=True, blank=True)

    class Meta:
        verbose_name = _("counted attempt")
        verbose_name_plural = _("counted attempts")

    def __str__(self):
        return str(self.attempt_id)


class Persona(models.Model):
    """A calibration persona: a named set of answers and the role it should be recommended.
    A persona that stops getting its role after an edit of the bank shows the edit changed
    recommendations."""

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="personas")
    name = models.CharField(_("name"), max_length=200)
    expected_role = models.ForeignKey(
        Role, on_delete=models.PROTECT, related_name="personas", verbose_name=_("should be recommended")
    )
    answers = models.JSONField(
        _("answers"),
        help_text=_("Question slug → option slug, list of option slugs, or a 1–5 value."),
    )
    notes = models.TextField(_("notes"), blank=True)
    held_out = models.BooleanField(
        _("held out"),
        default=False,
        help_text=_("Written to test the bank, never used to tune it: its pass rate is reported apart."),
    )

    class Meta:
        ordering = ["quiz", "name"]
        verbose_name = _("calibration persona")
        verbose_name_plural = _("calibration personas")
        constraints = [models.UniqueConstraint(fields=["quiz", "name"], name="persona_name_unique_in_quiz")]

    def __str__(self):
        return self.name


class BankVersion(models.Model):
    """One row: the version of the bank every app process agrees on when there is no
    shared cache. Every edit of the bank replaces its token."""

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("bank version")

    def __str__(self):
        return self.token

    @classmethod
    def current(cls) -> str:
        row = cls.objects.filter(pk=1).values_list("token", flat=True).first()
        return row or cls.bump(uuid.uuid4().hex)

    @classmethod
    def bump(cls, token: str) -> str:
        cls.objects.update_or_create(pk=1, defaults={"token": token})
        return token


class BankRevision(models.Model):
    """The whole bank, in its file format, as it stood after an applied change or upload:
    editors compare versions and restore one (quiz/revisions.py). Stored compressed (the
    default bank is about 330 KB of JSON, 30 KB compressed)."""

    created_at = models.DateTimeField(_("saved"), default=timezone.now, db_index=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    summary = models.CharField(_("what changed"), max_length=500)
    digest = models.CharField(_("digest"), max_length=64, editable=False)
    compressed = models.BinaryField(_("bank file (compressed)"), editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("bank version")
        verbose_name_plural = _("bank versions")

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} · {self.summary}"
