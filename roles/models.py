"""Careers: roles, the competencies the quiz measures, each role's expected profile
and the transitions between roles."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .facts import EXPERIENCE_YEARS, PEOPLE_MANAGED, fact_words
from .levels import LEVEL_COUNT, MAX_LEVEL, MIN_LEVEL, generic_level_words

LEVEL_VALIDATORS = [MinValueValidator(MIN_LEVEL), MaxValueValidator(MAX_LEVEL)]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _labelled(line: str) -> dict[str, str]:
    """“Label: text” as its two parts (a line without a label keeps all its words as text)."""
    label, sep, text = line.partition(": ")
    return {"label": label, "text": text} if sep else {"label": "", "text": line}


class RoleQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def recommendable(self):
        return self.active().filter(recommendable=True)


class Role(models.Model):
    class Family(models.TextChoices):
        PRODUCT = "product", _("Product management")
        DELIVERY = "delivery", _("Delivery: programs and projects")
        LEADERSHIP = "leadership", _("Product leadership")
        ORIGIN = "origin", _("Where people come from")

    class SalaryBasis(models.TextChoices):
        BASE = "base", _("base salary")
        ANNUAL_WAGE = (
            "annual-wage",
            _("annual wage: base pay plus commissions and production bonuses, no stock"),
        )
        TOTAL = "total", _("total pay: salary, bonus and stock")

    class Seniority(models.IntegerChoices):
        ENTRY = 0, _("Entry")
        MID = 1, _("Mid-level")
        SENIOR = 2, _("Senior")
        LEAD = 3, _("Lead / manager")
        DIRECTOR = 4, _("Director")
        EXECUTIVE = 5, _("Executive")

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    family = models.CharField(_("family"), max_length=20, choices=Family.choices)
    seniority = models.PositiveSmallIntegerField(_("seniority"), choices=Seniority.choices)
    summary = models.TextField(_("summary"))
    responsibilities = models.TextField(_("responsibilities"), help_text=_("One per line."))
    typical_week = models.TextField(_("a typical week"), blank=True)
    scope_teams = models.CharField(_("teams"), max_length=200, blank=True)
    scope_reports = models.CharField(_("direct reports"), max_length=200, blank=True)
    scope_budget = models.CharField(_("budget / P&L"), max_length=200, blank=True)
    scope_horizon = models.CharField(_("roadmap horizon"), max_length=200, blank=True)
    salary_low = models.PositiveIntegerField(_("salary low"), null=True, blank=True)
    salary_median = models.PositiveIntegerField(_("salary median"), null=True, blank=True)
    salary_high = models.PositiveIntegerField(_("salary high"), null=True, blank=True)
    salary_currency = models.CharField(_("currency"), max_length=3, blank=True, default="USD")
    salary_source = models.CharField(_("salary source"), max_length=300, blank=True)
    salary_source_url = models.URLField(_("salary source link"), max_length=500, blank=True)
    salary_year = models.PositiveSmallIntegerField(_("salary year"), null=True, blank=True)
    salary_region = models.CharField(_("salary region"), max_length=100, blank=True)
    salary_basis = models.CharField(
        _("salary basis"), max_length=20, choices=SalaryBasis.choices, blank=True, default=""
    )
    salary_occupation = models.CharField(
        _("salary occupation"),
        max_length=200,
        blank=True,
        help_text=_("The official occupation the figures describe, with its code."),
    )
    salary_proxy = models.BooleanField(
        _("salary from a proxy occupation"),
        default=False,
        help_text=_("The occupation is the nearest official one, not this role itself: the page says so."),
    )
    salary_low_percentile = models.PositiveSmallIntegerField(
        _("percentile of the low figure"), null=True, blank=True, help_text=_("10 or 25.")
    )
    salary_high_percentile = models.PositiveSmallIntegerField(
        _("percentile of the high figure"), null=True, blank=True, help_text=_("75 or 90.")
    )
    salary_high_open = models.BooleanField(
        _("high figure is a floor"),
        default=False,
        help_text=_("The source publishes the high figure as “this much or more” (a top-coded wage)."),
    )
    pay_note = models.TextField(
        _("pay note"),
        blank=True,
        help_text=_(
            "What to read into the figure (a proxy occupation, where this role usually sits in its "
            "range), why there is no figure, or a claim that circulates without a checkable source."
        ),
    )
    search_titles = models.TextField(
        _("job search: titles to search"),
        blank=True,
        help_text=_("One line per company size or setting, e.g. “Startups: …”."),
    )
    search_evidence = models.TextField(
        _("job search: evidence for the CV or case study"), blank=True, help_text=_("One per line.")
    )
    search_network = models.TextField(
        _("job search: referrals and internal moves"), blank=True, help_text=_("One per line.")
    )
    search_interviews = models.TextField(
        _("job search: the interview loop and how to prepare"),
        blank=True,
        help_text=_("One interview per line: “Product sense: how to prepare”."),
    )
    search_offer = models.TextField(
        _("job search: levelling and negotiation"), blank=True, help_text=_("One per line.")
    )
    aliases = models.TextField(
        _("also called"), blank=True, help_text=_("Other titles for this role, one per line.")
    )
    reports_to = models.CharField(_("reports to"), max_length=200, blank=True)
    experience = models.CharField(_("typical experience"), max_length=200, blank=True)
    company_context = models.TextField(
        _("in startups and enterprises"),
        blank=True,
        help_text=_("How the role differs with the setting: context, never a rule that decides the match."),
    )
    leadership_style = models.TextField(
        _("usual leadership style"), blank=True, help_text=_("For roles that lead people.")
    )
    sources = models.TextField(
        _("sources"), blank=True, help_text=_("Where the description comes from, one per line.")
    )
    recommendable = models.BooleanField(
        _("recommendable"),
        default=True,
        help_text=_(
            "Origin roles (e.g. Software Engineer, Student) are starting points, never recommendations."
        ),
    )
    active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = RoleQuerySet.as_manager()

    class Meta:
        ordering = ["order", "seniority", "name"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(salary_low__isnull=True)
                | models.Q(salary_median__isnull=True)
                | models.Q(salary_low__lte=models.F("salary_median")),
                name="role_salary_low_lte_median",
            ),
            models.CheckConstraint(
                condition=models.Q(salary_high__isnull=True)
                | models.Q(salary_median__isnull=True)
                | models.Q(salary_median__lte=models.F("salary_high")),
                name="role_salary_median_lte_high",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("roles:detail", args=[self.slug])

    @property
    def has_salary(self):
        return self.salary_median is not None or self.salary_low is not None

    @property
    def salary(self) -> dict | None:
        """The salary range with its source and year, or None when there is no figure."""
        if not self.has_salary:
            return None
        return {
            "low": self.salary_low,
            "median": self.salary_median,
            "high": self.salary_high,
            "currency": self.salary_currency,
            "source": self.salary_source,
            "source_url": self.salary_source_url,
            "year": self.salary_year,
            "region": self.salary_region,
            "basis": self.salary_basis,
            "occupation": self.salary_occupation,
            "proxy": self.salary_proxy,
            "low_percentile": self.salary_low_percentile,
            "high_percentile": self.salary_high_percentile,
            "high_open": self.salary_high_open,
        }

    def job_search(self) -> dict[str, list[str]] | None:
        """The last hop of every plan to this role: how to get hired into it, or None when
        the role has no job-search advice (starting points)."""
        search = {
            "titles": _lines(self.search_titles),
            "evidence": _lines(self.search_evidence),
            "network": _lines(self.search_network),
            "interviews": [_labelled(line) for line in _lines(self.search_interviews)],
            "offer": _lines(self.search_offer),
        }
        return search if any(search.values()) else None

    def _fact_words(self, fact: str, note: str) -> str:
        # Reads the profile through .all(), so a page that prefetched it asks nothing more.
        rows = {row.competency.slug: row for row in self.profile.all()}
        levels = {slug: row.level for slug, row in rows.items()}
        labels = {slug: row.competency.level_words() for slug, row in rows.items() if slug == fact}
        return fact_words(levels, labels, fact, note)

    def experience_words(self) -> str:
        """Typical experience, as every page says it (see roles/facts.py)."""
        return self._fact_words(EXPERIENCE_YEARS, self.experience)

    def reports_words(self) -> str:
        """Direct reports, as every page says them (see roles/facts.py)."""
        return self._fact_words(PEOPLE_MANAGED, self.scope_reports)

    def seniority_label(self) -> str:
        """The rung's name: the lead rung of the product track is an individual contributor's
        (principal), not a manager's."""
        if self.seniority == self.Seniority.LEAD and self.family == self.Family.PRODUCT:
            return str(_("Principal (individual contributor)"))
        return self.get_seniority_display()

    def responsibility_list(self):
        return _lines(self.responsibilities)

    def source_list(self):
        return _lines(self.sources)

    def alias_list(self):
        return _lines(self.aliases)

    def source_links(self) -> list[tuple[str, str]]:
        """Sources as (name, url): a line "Name: https://…" becomes a named link; a line
        without an address keeps its words and an empty url."""
        links = []
        for line in self.source_list():
            name, sep, url = line.rpartition(": http")
            if sep and " " not in url:
                links.append((name, "http" + url))
            else:
                links.append((line, ""))
        return links


class CompetencyQuerySet(models.QuerySet):
    def by_kind(self):
        """Skills, then preferences, then experience facts; each kind in its order."""
        kinds = [models.When(kind=kind, then=index) for index, kind in enumerate(Competency.Kind)]
        return self.order_by(models.Case(*kinds), "order", "name")


class Competency(models.Model):
    class Kind(models.TextChoices):
        SKILL = "skill", _("Skill")
        PREFERENCE = "preference", _("Preference")
        EXPERIENCE = "experience", _("Experience fact")

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"))
    low_label = models.CharField(
        _("low end"), max_length=100, blank=True, help_text=_("For preferences: what level 0 means.")
    )
    high_label = models.CharField(
        _("high end"), max_length=100, blank=True, help_text=_("For preferences: what level 4 means.")
    )
    level_labels = models.TextField(
        _("what each level means"),
        blank=True,
        help_text=_("Five lines, for levels 0 to 4, in words a job seeker understands."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = CompetencyQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        labels = self.level_label_list()
        if labels and len(labels) != LEVEL_COUNT:
            raise ValidationError(
                {"level_labels": _("Write one line for each level from 0 to 4 (five lines), or none.")}
            )

    def level_label_list(self):
        return _lines(self.level_labels)

    def level_words(self) -> tuple[str, ...]:
        """What each level 0–4 means: in this competency's own words, or the generic ones."""
        labels = self.level_label_list()
        return tuple(labels) if len(labels) == LEVEL_COUNT else generic_level_words()


class DevelopmentAction(models.Model):
    """A concrete way to grow a skill, for people working toward one level of it: a plan
    never hands someone an action below the level they already have."""

    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="actions")
    level = models.PositiveSmallIntegerField(
        _("helps reach level"),
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("1–4: the level this action helps a person reach."),
    )
    text = models.CharField(_("action"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["competency", "level", "order", "pk"]
        verbose_name = _("development action")
        verbose_name_plural = _("development actions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=4), name="action_level_1_to_4"
            ),
        ]

    def __str__(self):
        return self.text


class RoleCompetency(models.Model):
    class Importance(models.IntegerChoices):
        LOW = 1, _("Low")
        MEDIUM = 2, _("Medium")
        HIGH = 3, _("High")

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="profile")
    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="role_levels")
    level = models.PositiveSmallIntegerField(_("expected level"), validators=LEVEL_VALIDATORS)
    importance = models.PositiveSmallIntegerField(
        _("importance"), choices=Importance.choices, default=Importance.MEDIUM
    )

    class Meta:
        ordering = ["role", "competency"]
        verbose_name = _("expected level")
        verbose_name_plural = _("expected levels")
        constraints = [
            models.UniqueConstraint(fields=["role", "competency"], name="one_level_per_role_and_competency"),
            models.CheckConstraint(condition=models.Q(level__lte=4), name="role_level_0_to_4"),
            models.CheckConstraint(
                condition=models.Q(importance__gte=1, importance__lte=3), name="role_importance_1_to_3"
            ),
        ]

    def __str__(self):
        return f"{self.role} · {self.competency}: {self.level}"


class Transition(models.Model):
    class Commonness(models.IntegerChoices):
        OCCASIONAL = 1, _("occasional: it happens, but it is not the usual way")
        COMMON = 2, _("common: a frequent direct move")
        USUAL = 3, _("usual: the conventional next step")

    from_role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="transitions_out", verbose_name=_("from role")
    )
    to_role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="transitions_in", verbose_name=_("to role")
    )
    typical_months = models.PositiveSmallIntegerField(_("typical months"), validators=[MinValueValidator(1)])
    summary = models.TextField(_("summary"))
    months_basis = models.TextField(
        _("where the months come from"), blank=True, help_text=_("A source, or (J) and the reasoning.")
    )
    sources = models.TextField(_("sources"), blank=True)
    commonness = models.PositiveSmallIntegerField(
        _("how common the move is"),
        choices=Commonness.choices,
        default=Commonness.COMMON,
        help_text=_(
            "Routes prefer the usual ladder: a common move counts two years longer and an occasional "
            "one five years longer when a route is chosen (the months shown stay the real ones)."
        ),
    )

    class Meta:
        ordering = ["from_role", "to_role"]
        verbose_name = _("transition")
        verbose_name_plural = _("transitions")
        constraints = [
            models.UniqueConstraint(fields=["from_role", "to_role"], name="one_transition_per_pair"),
            models.CheckConstraint(
                condition=~models.Q(from_role=models.F("to_role")), name="transition_between_two_roles"
            ),
            models.CheckConstraint(
                condition=models.Q(commonness__gte=1, commonness__lte=3), name="transition_commonness_1_to_3"
            ),
        ]

    def __str__(self):
        return f"{self.from_role} → {self.to_role}"


class TransitionStep(models.Model):
    transition = models.ForeignKey(Transition, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    detail = models.TextField(_("detail"))
    competency = models.ForeignKey(
        Competency,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="transition_steps",
        verbose_name=_("builds competency"),
    )
    resource_url = models.URLField(_("resource link"), max_length=500, blank=True)
    done_when = models.CharField(
        _("done when the answer is"),
        max_length=201,
        blank=True,
        validators=[
            RegexValidator(r"^[-a-zA-Z0-9_]+/[-a-zA-Z0-9_]+$", _("Write it as question-slug/option-slug."))
        ],
        help_text=_("question-slug/option-slug: the step shows as done for people who chose this answer."),
    )
    done_at_level = models.PositiveSmallIntegerField(
        _("done at level"),
        null=True,
        blank=True,
        validators=LEVEL_VALIDATORS,
        help_text=_("The step shows as done when the person's level of its competency is at least this."),
    )

    class Meta:
        ordering = ["transition", "order", "pk"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self):
        return self.title
