"""The job seeker's quiz: landing, one question per step, summary, and the result page.

Every page works as ordinary forms and links; htmx requests get the ``quiz-card`` or
``plan`` partial of the same template."""

from __future__ import annotations

import hashlib
import math
import secrets
from urllib.parse import urlsplit

from crispy_forms.utils import render_crispy_form
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.cache import patch_cache_control
from django.utils.http import quote_etag
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_http_methods, require_POST, require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import push_url
from django_ratelimit.decorators import ratelimit

from careerquiz.errors import NotFound
from roles.models import Role
from roles.selectors import job_search_for

from . import engine
from .caching import bank_cached, bank_version, code_version
from .charts import gap_groups, profile_chart
from .engine.explain import scale_choice
from .flow import AdaptiveProgress, Progress
from .forms import AnswerForm, PlanForm
from .models import Attempt, Option, Question, Quiz, Result
from .result_page import (
    TOP_ROLES_SHOWN,
    bank_measures,
    change_sentence,
    check_offer,
    plain_words,
    plan_for_page,
    unchecked_competencies,
)
from .selectors import Saved, attempt_answers, attempt_with_answers, engine_answers
from .services import (
    AttemptClosed,
    AttemptIncomplete,
    answer_save,
    attempt_complete,
    attempt_extend,
    attempt_start,
    current_bank,
    walk_key,
    walk_memo,
)

OWNER_SESSION_KEY = "careerquiz_owner"
OWNER_COOKIE_SALT = "careerquiz.owner"
# Silent reading of plain prose runs at about 200–250 words a minute; questions are read
# with care, so the lower end. Most answers then take a single click.
READING_WORDS_PER_MINUTE = 200
SECONDS_PER_ANSWER = 4
# "Answer a few more to sharpen it" asks at least this many more questions.
FEW_MORE = 5
RESULT_CACHE_SECONDS = 60 * 60 * 24 * 7
# How long browsers and shared caches keep a result page: a day, so that a new release's
# look reaches old links soon (the content itself never changes).
RESULT_MAX_AGE = 60 * 60 * 24
DEFAULT_PORTS = {"http": 80, "https": 443}
FORM_CACHE_SECONDS = 60 * 60 * 24


def _owner_key(request: HttpRequest) -> str | None:
    """The random key this browser's quizzes belong to: a signed, HttpOnly cookie, so
    that a quiz step reads no session store. Quizzes started before the cookie existed
    kept the key in the session, which is read only when there is one."""
    key = request.get_signed_cookie(settings.OWNER_COOKIE_NAME, default=None, salt=OWNER_COOKIE_SALT)
    if key is None and settings.SESSION_COOKIE_NAME in request.COOKIES:
        key = request.session.get(OWNER_SESSION_KEY)
    return key


def _remember_owner(response: HttpResponse, key: str) -> HttpResponse:
    response.set_signed_cookie(
        settings.OWNER_COOKIE_NAME,
        key,
        salt=OWNER_COOKIE_SALT,
        max_age=settings.SESSION_COOKIE_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def _is_partial(request: HttpRequest) -> bool:
    # A history restore asks for the whole page, like a reload.
    return bool(request.htmx) and not request.htmx.history_restore_request


def _owned_attempt(request: HttpRequest, attempt_uuid) -> tuple[Attempt, dict[int, Saved]]:
    """The attempt and its counted answers (one query), if this browser owns it. Checked
    here, in the view."""
    found = attempt_with_answers(attempt_uuid)
    if found is None:
        raise NotFound(_("We could not find this quiz."))
    attempt, counted = found
    key = _owner_key(request)
    if key is None or not secrets.compare_digest(key, attempt.owner_key):
        raise PermissionDenied(
            _("This quiz was started in another browser. Start your own quiz from the home page.")
        )
    if attempt.is_preview and not request.user.is_staff:
        # The owner cookie outlives a staff login: whoever uses the browser after the
        # editor logged out starts their own quiz rather than finishing the preview.
        raise PermissionDenied(
            _("This is a staff preview of the quiz. Start your own quiz from the home page.")
        )
    return attempt, counted


def _resumable(request: HttpRequest, quiz: Quiz) -> Attempt | None:
    key = _owner_key(request)
    if key is None:
        return None
    attempts = Attempt.objects.in_progress().owned_by(key).filter(quiz=quiz)
    if not request.user.is_staff:
        attempts = attempts.filter(is_preview=False)  # a staff preview is never a job seeker's to continue
    return attempts.order_by("-updated_at").first()


def _last_result(request: HttpRequest, quiz: Quiz) -> Result | None:
    """This browser's latest result of ``quiz`` (staff previews left out), without its
    snapshot: the landing page only links to it."""
    key = _owner_key(request)
    if key is None:
        return None
    results = Result.objects.real().filter(attempt__owner_key=key, attempt__quiz=quiz)
    return results.defer("snapshot").order_by("-created_at").first()


def _active_questions(quiz: Quiz) -> list[Question]:
    return bank_cached(f"questions:{quiz.pk}", lambda: list(quiz.active_questions()))


def _typical_length(quiz: Quiz) -> int:
    """The adaptive quiz's usual length: simulated once per bank version and settings, and
    shared through the cache with every process."""
    settings = quiz.adaptive_settings
    key = f"typical:{quiz.pk}:{settings.max_questions}:{settings.margin}"
    return bank_cached(key, lambda: engine.adaptive.typical_length(current_bank(quiz), settings))


def _progress(attempt: Attempt, counted: dict[int, Saved] | None = None) -> Progress:
    """Where the attempt stands, from its counted answers (read here if not given). An
    adaptive quiz replays them to find the questions asked and the next one
    (quiz/engine/adaptive.py), reusing the decisions it kept on the attempt."""
    if counted is None:
        counted = attempt_answers(attempt)
    saved = {qid: (a.scale_value, a.option_ids) for qid, a in counted.items()}
    questions = _active_questions(attempt.quiz)
    quiz = attempt.quiz
    if not quiz.adaptive or attempt.answer_all:
        return Progress(questions, saved)
    bank, adaptive_settings = current_bank(quiz), quiz.adaptive_settings
    memo = walk_memo(attempt)
    path = engine.adaptive.walk(
        bank, engine_answers(counted), adaptive_settings, at_least=attempt.at_least, memo=memo
    )
    by_slug = {q.slug: q for q in questions}
    asked = [by_slug[slug] for slug in path.asked if slug in by_slug]
    if path.next is not None:
        # Both caches follow the bank's version; an edit landing between the two reads
        # is read from the database rather than failing the step.
        current = (
            by_slug.get(path.next.question) or quiz.questions.active().filter(slug=path.next.question).first()
        )
        if current is not None:
            asked.append(current)
    where = engine.adaptive.progress(
        bank, path, engine_answers(counted), adaptive_settings, _typical_length(quiz), attempt.at_least
    )
    return AdaptiveProgress(
        asked,
        {q.pk: saved[q.pk] for q in asked if q.pk in saved},
        path=path,
        more=where.more,
        at_most=where.at_most,
        deciding=tuple(bank.roles[slug].name for slug in where.deciding if slug in bank.roles),
        everything=questions,
    )


def _walk_memo(attempt: Attempt, progress: Progress) -> dict | None:
    """The memo to keep on the attempt after this step (None: not an adaptive quiz)."""
    if not isinstance(progress, AdaptiveProgress) or progress.path is None:
        return None
    return {"key": walk_key(attempt.quiz), "decisions": list(progress.path.memo)}


def _estimated_minutes(quiz: Quiz) -> int:
    """An honest time estimate from the words a person reads: every question, its hint and
    its options at READING_WORDS_PER_MINUTE, plus SECONDS_PER_ANSWER to choose."""
    questions = _active_questions(quiz)
    texts = [q.text for q in questions] + [q.help_text for q in questions]
    texts += Option.objects.active().filter(question__in=questions).values_list("label", flat=True)
    words = sum(len(text.split()) for text in texts)
    seconds = words * 60 / READING_WORDS_PER_MINUTE + SECONDS_PER_ANSWER * len(questions)
    return max(1, math.ceil(seconds / 60))


def _step_url(attempt: Attempt, question: Question, *, then: str = "") -> str:
    url = reverse("quiz:question", args=[attempt.uuid, question.slug])
    return f"{url}?then=summary" if then == "summary" else url


def _where_next(attempt: Attempt, progress: Progress) -> str:
    question = progress.first_unanswered()
    if question is None:
        return reverse("quiz:summary", args=[attempt.uuid])
    return _step_url(attempt, question)


# --------------------------------------------------------------------------- landing


@require_safe
def landing(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    if slug is None:
        quiz = Quiz.objects.published().order_by("pk").first()
        if quiz is None:
            return render(request, "quiz/no_quiz.html", status=503)
    else:
        quiz = get_object_or_404(Quiz.objects.published(), slug=slug)
    total = len(_active_questions(quiz))
    minutes = bank_cached(f"minutes:{quiz.pk}", lambda: _estimated_minutes(quiz))
    typical = None
    if quiz.adaptive and total:
        typical = _typical_length(quiz)
        minutes = max(1, math.ceil(minutes * typical / total))
    resume = _resumable(request, quiz)
    resume_progress = _progress(resume) if resume else None
    roles = list(Role.objects.recommendable().order_by("seniority", "order", "name"))
    last_result = _last_result(request, quiz)
    last_role = None
    if last_result is not None:
        last_role = next((r for r in roles if r.slug == last_result.recommended_role_slug), None)
    return render(
        request,
        "quiz/landing.html",
        {
            "quiz": quiz,
            "total": total,
            "typical": typical,
            "minutes": minutes,
            "resume": resume,
            "resume_progress": resume_progress,
            "resume_url": _where_next(resume, resume_progress) if resume else None,
            "last_result": last_result,
            "last_role": last_role,
            "role_count": len(roles),
            # The roles it compares, by family in the order the role explorer shows them.
            "role_families": [
                {"label": family.label, "roles": [r for r in roles if r.family == family]}
                for family in Role.Family
                if any(r.family == family for r in roles)
            ],
        },
    )


@require_POST
@ratelimit(key="ip", rate=lambda group, request: settings.RATELIMIT_START, method="POST", block=True)
def start(request: HttpRequest, slug: str) -> HttpResponse:
    """Starts the quiz, or continues the one in progress. "Start again" (``restart=ask``)
    first asks on a page of its own if the quiz in progress has answers (the page works
    without JavaScript); only its answer (``restart=1``) leaves them behind."""
    quiz = get_object_or_404(Quiz.objects.published(), slug=slug)
    restart = request.POST.get("restart", "")
    attempt = _resumable(request, quiz)
    if restart == "ask" and attempt is not None:
        progress = _progress(attempt)
        if progress.answered_count:  # with no answer yet there is nothing to leave behind
            context = {"quiz": quiz, "progress": progress, "resume_url": _where_next(attempt, progress)}
            return render(request, "quiz/restart.html", context)
    if restart:
        attempt = None
    key = _owner_key(request) or secrets.token_urlsafe(32)
    if attempt is None:
        attempt = attempt_start(
            quiz=quiz,
            owner_key=key,
            is_preview=bool(request.user.is_staff and request.POST.get("preview")),
        )
    # Each start renews the cookie for another SESSION_COOKIE_AGE.
    return _remember_owner(redirect(_where_next(attempt, _progress(attempt))), key)


# --------------------------------------------------------------------------- steps


def _step_place(attempt: Attempt, progress: Progress, question: Question, then: str) -> dict:
    """The step page's context but the form: where the question stands in the quiz."""
    previous = progress.previous(question)
    position = progress.position(question)
    adaptive = isinstance(progress, AdaptiveProgress)
    last_asked = adaptive and progress.stopped is not None and position == len(progress.questions)
    return {
        "adaptive": adaptive,
        "more": progress.more if adaptive else 0,
        # Past the usual length: the most that can remain, and the roles they decide between.
        "at_most": progress.at_most if adaptive else 0,
        "deciding": progress.deciding if adaptive else (),
        # An earlier answer decides what comes after it: say so where it can be changed.
        "changing": adaptive and question.pk in progress.answered and position < len(progress.questions),
        "quiz": attempt.quiz,
        "attempt": attempt,
        "question": question,
        "position": position,
        "total": progress.total,
        "answered": progress.answered_count,
        "is_last": then == "summary" or last_asked or (not adaptive and position == progress.total),
        "then": then,
        "step_url": _step_url(attempt, question, then=then),
        "previous_url": _step_url(attempt, previous) if previous else None,
        "summary_url": reverse("quiz:summary", args=[attempt.uuid]),
    }


def _form_context(form: AnswerForm) -> dict:
    """The step page's context for its form."""
    return {"form": form, "form_html": _form_html(form), "option_count": form.option_count}


def question_preview_context(
    question: Question, options: list[Option], *, position: int, total: int, step_url: str
) -> dict:
    """The step page's context for a question and options that may be unsaved, as a job
    seeker sees it the first time: the editors' preview (quiz/admin.py). Its Next posts to
    ``step_url``."""
    form = AnswerForm(question, options)
    return {
        "adaptive": False,
        "more": 0,
        "changing": False,
        "question": question,
        "form": form,
        "form_html": render_crispy_form(form),
        "position": position,
        "total": total,
        "answered": position - 1,
        "is_last": position == total,
        "then": "",
        "step_url": step_url,
        "previous_url": None,
        "summary_url": "",
        "option_count": form.option_count,
    }


def _active_options(question: Question) -> list[Option]:
    return bank_cached(
        f"options:{question.pk}",
        lambda: list(question.options.active().select_related("role").order_by("order", "pk")),
    )


def _saved_initial(progress: Progress, question: Question) -> dict:
    """The question's form's initial value: the answer saved earlier (if any)."""
    return AnswerForm.initial_for(question, progress.saved.get(question.pk))


def _form_html(form: AnswerForm) -> str:
    """The rendered form. Rendering a question's form was about 40% of a question page
    (benchmarks/step_cost.py), and an unbound one depends only on the bank, the saved
    answer it shows, the language and our templates: it is kept in the cache under those.
    Forms with errors, and everything under DEBUG, are rendered afresh."""
    if form.is_bound or settings.DEBUG:
        return render_crispy_form(form)
    answer = form.initial.get("answer")
    shown = ",".join(answer) if isinstance(answer, list) else str(answer)
    key = f"careerquiz:form:{bank_version()}:{code_version()}:{get_language()}:{form.question.pk}:{shown}"
    html = cache.get(key)
    if html is None:
        html = render_crispy_form(form)
        cache.set(key, html, FORM_CACHE_SECONDS)
    return html


def _closed(request: HttpRequest, attempt: Attempt) -> HttpResponse:
    return render(request, "quiz/closed.html", {"attempt": attempt}, status=409)


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=lambda group, request: settings.RATELIMIT_ANSWER, method="POST", block=True)
@vary_on_headers("HX-Request")
def question_step(request: HttpRequest, attempt_uuid, question_slug: str) -> HttpResponse:
    """One question. A valid answer is saved and the person moves on: to the next question
    (a redirect, or its card for htmx with the URL pushed) or, after the last one, to the
    summary. An invalid one shows the same question with the message (422)."""
    attempt, counted = _owned_attempt(request, attempt_uuid)
    if attempt.is_completed:
        return _closed(request, attempt) if request.method == "POST" else redirect(attempt.result)
    form, given = _sent_answer(request, attempt, question_slug, counted)
    progress = _progress(attempt, given)
    question = progress.find(question_slug)
    if question is None and isinstance(progress, AdaptiveProgress) and progress.not_asked(question_slug):
        # Your answers led elsewhere (an earlier answer changed): go where they lead now.
        return redirect(_where_next(attempt, progress))
    if question is None:
        raise NotFound(_("This question is not part of your quiz."))
    then = "summary" if request.GET.get("then") == "summary" else ""
    status, pushed = 200, None
    if form is not None:  # an answer sent (a GET shows the saved answer: form None)
        if not form.is_valid():
            status = 422
        else:
            try:
                answer_save(
                    attempt=attempt,
                    question=question,
                    options=form.chosen_options(),
                    scale_value=form.scale_value(),
                    walk=_walk_memo(attempt, progress),
                )
            except AttemptClosed:
                return _closed(request, attempt)
            following = None if then == "summary" else progress.next(question)
            if following is None:
                next_url = reverse("quiz:summary", args=[attempt.uuid])
                if _is_partial(request):
                    return push_url(_render_summary(request, attempt, progress), next_url)
                return redirect(next_url)
            if not _is_partial(request):
                return redirect(_step_url(attempt, following))
            question, then, pushed = following, "", _step_url(attempt, following)
            form = None  # the next question with its saved answer
    response = _render_step(request, attempt, progress, question, form, then, status)
    return push_url(response, pushed) if pushed else response


def _sent_answer(
    request: HttpRequest, attempt: Attempt, question_slug: str, counted: dict[int, Saved]
) -> tuple[AnswerForm | None, dict[int, Saved]]:
    """The form of the answer a POST sends (None for a GET, or for no active question of
    that slug) and the counted answers with it if it is valid.

    The answer is checked before the walk: whether the quiz asks a question never depends
    on that question's own answer (the adaptive quiz decides from the answers before it),
    so one walk, with the answer, both checks the question and says what comes next. A
    form with errors is walked without it."""
    if request.method != "POST":
        return None, counted
    question = next((q for q in _active_questions(attempt.quiz) if q.slug == question_slug), None)
    if question is None:  # or an editor's new question, not yet in this process's copy
        question = attempt.quiz.questions.active().filter(slug=question_slug).first()
    if question is None:
        return None, counted
    form = AnswerForm(question, _active_options(question), data=request.POST)
    if not form.is_valid():
        return form, counted
    return form, {**counted, question.pk: Saved.of(question, form.scale_value(), form.chosen_options())}


def _render_step(
    request: HttpRequest,
    attempt: Attempt,
    progress: Progress,
    question: Question,
    form: AnswerForm | None,
    then: str,
    status: int,
) -> HttpResponse:
    """The question page (or its card, for htmx) with ``form``, or with the saved answer
    (None)."""
    partial = _is_partial(request)
    template = "quiz/question.html#quiz-card" if partial else "quiz/question.html"
    if form is None:
        form = AnswerForm(question, _active_options(question), initial=_saved_initial(progress, question))
    context = {**_step_place(attempt, progress, question, then), **_form_context(form), "partial": partial}
    return render(request, template, context, status=status)


# --------------------------------------------------------------------------- summary and finish


def _summary_sections(attempt: Attempt, progress: Progress) -> list[dict]:
    """The answers to check, grouped by the quiz's sections in the quiz's order (the
    adaptive quiz asks across sections), each section in the order asked."""
    # The saved answers are already in ``progress``; only the chosen options' labels are read.
    chosen_ids = [pk for _, option_ids in progress.saved.values() for pk in option_ids]
    labels = dict(Option.objects.filter(pk__in=chosen_ids).values_list("pk", "label"))
    section_order = list(dict.fromkeys(q.section for q in _active_questions(attempt.quiz)))
    sections: dict[str, list[dict]] = {}
    for question in progress.questions:
        saved = progress.saved.get(question.pk)
        if saved is None:
            answers = []
        elif question.kind == Question.Kind.SCALE and saved[0] is not None:
            answers = [scale_choice(saved[0])]
        else:
            answers = [labels[pk] for pk in saved[1] if pk in labels]
        sections.setdefault(question.section, []).append(
            {
                "question": question,
                "answers": answers,
                "change_url": _step_url(attempt, question, then="summary"),
            }
        )
    ordered = sorted(
        sections, key=lambda name: section_order.index(name) if name in section_order else len(section_order)
    )
    return [{"name": name, "rows": sections[name]} for name in ordered]


def _render_summary(
    request: HttpRequest, attempt: Attempt, progress: Progress, *, status: int = 200
) -> HttpResponse:
    template = "quiz/summary.html#quiz-card" if _is_partial(request) else "quiz/summary.html"
    missing = progress.first_unanswered()
    return render(
        request,
        template,
        {
            "quiz": attempt.quiz,
            "attempt": attempt,
            "sections": _summary_sections(attempt, progress),
            "total": progress.total,
            "answered": progress.answered_count,
            "missing_url": _step_url(attempt, missing) if missing else None,
            "last_url": _step_url(attempt, progress.questions[-1]) if progress.questions else None,
            "adaptive": isinstance(progress, AdaptiveProgress),
            "stopped": getattr(progress, "stopped", None),
            "all_count": len(_active_questions(attempt.quiz)),
            "few_more": FEW_MORE,
            "partial": _is_partial(request),
        },
        status=status,
    )


@require_safe
@vary_on_headers("HX-Request")
def summary(request: HttpRequest, attempt_uuid) -> HttpResponse:
    attempt, counted = _owned_attempt(request, attempt_uuid)
    if attempt.is_completed:
        return redirect(attempt.result)
    return _render_summary(request, attempt, _progress(attempt, counted))


@require_POST
def finish(request: HttpRequest, attempt_uuid) -> HttpResponse:
    attempt, counted = _owned_attempt(request, attempt_uuid)
    if not attempt.is_completed:
        try:
            attempt_complete(attempt=attempt)
        except AttemptIncomplete:
            return _render_summary(request, attempt, _progress(attempt, counted), status=422)
        attempt.refresh_from_db()
    return redirect(attempt.result)


@require_POST
def more(request: HttpRequest, attempt_uuid) -> HttpResponse:
    """“Answer a few more to sharpen it” (or, with ``everything``, every question)."""
    attempt, counted = _owned_attempt(request, attempt_uuid)
    if attempt.is_completed:
        return redirect(attempt.result)
    progress = _progress(attempt, counted)
    try:
        attempt_extend(
            attempt=attempt,
            asked=len(progress.questions),
            everything=request.POST.get("everything") == "1",
            few=FEW_MORE,
        )
    except AttemptClosed:
        return _closed(request, attempt)
    attempt.refresh_from_db()
    return redirect(_where_next(attempt, _progress(attempt)))


# --------------------------------------------------------------------------- result


def _render_result(request: HttpRequest, result: Result, role_param: str, partial: bool) -> tuple[int, dict]:
    """The result article (or its plan partial) rendered from the snapshot, in plain words
    (quiz/result_page.py): what fits, why, and the way there on the first screen; what no
    answer checked is said as "not checked", never as a gap."""
    snapshot = plain_words(result.snapshot)
    ranking = snapshot["ranking"]
    target = snapshot["target"]
    status = 200
    if role_param:
        form = PlanForm(ranking, data={"role": role_param})
        if form.is_valid():
            target = form.cleaned_data["role"]
        else:
            status = 400
    else:
        form = PlanForm(ranking, initial={"role": target})
    # The page has one headline: the first direction the person named (engine 3.0), else the
    # top of the ranking. The role closest to what they do today is said apart, in the
    # direction's own section, never as a second "best fit" above the plan.
    direction = snapshot.get("direction") or {}
    named = direction.get("headline") if direction.get("items") else None
    recommended = named if named in snapshot["roles"] else snapshot["recommended"]
    role = snapshot["roles"].get(recommended) if recommended else None
    top = next((m for m in ranking if m["role"] == recommended), ranking[0] if ranking else None)
    unchecked = unchecked_competencies(snapshot, recommended) if recommended else []
    key_unchecked = [item for item in unchecked if item["key"]]
    # Offered from today's bank (which questions check what); this result never changes.
    offer = None
    if key_unchecked and not result.attempt.is_preview:
        offer = check_offer(snapshot, bank_measures(current_bank(result.attempt.quiz)))
    context = {
        "result": result,
        "snapshot": snapshot,
        "quiz_slug": result.attempt.quiz.slug,
        "top": top,
        "top_three": ranking[:TOP_ROLES_SHOWN],
        "rest": ranking[TOP_ROLES_SHOWN:],
        "role_count": len(ranking),
        "role": role,
        "unchecked": unchecked,
        "key_unchecked": key_unchecked,
        "check_offer": offer,
        "top_plan": plan_for_page(
            snapshot["plans"].get(recommended, {}), {u["competency"] for u in unchecked}
        ),
        "target": target,
        "target_role": snapshot["roles"].get(target),
        "plan": plan_for_page(
            snapshot["plans"].get(target, {}),
            {u["competency"] for u in unchecked_competencies(snapshot, target)},
        ),
        "form": form,
        # The job-search hop comes from today's bank (the snapshot predates it on old results).
        "job_search": job_search_for(target) if target else None,
        "done_steps": [
            step["title"]
            for hop in snapshot["plans"].get(target, {}).get("plan", {}).get("hops", [])
            for step in hop.get("steps", [])
            if step.get("done")
        ],
        "explanation": snapshot["explanation"],
        "named_direction": bool(named),
        "closest_name": ranking[0]["name"] if ranking else "",
        "change": change_sentence(snapshot["explanation"].get("change"), ranking[0]["name"])
        if ranking
        else "",
        "confidence": snapshot["confidence"],
        "chart": profile_chart(snapshot, recommended) if recommended else None,
        "gap_groups": gap_groups(snapshot, recommended) if recommended else [],
        "share_url": _share_url(request, result),
    }
    context["partial"] = partial
    template = "quiz/result-article.html#plan" if partial else "quiz/result-article.html"
    title = _("Your result: %(name)s") % {"name": role["name"]} if role else _("Your result")
    return status, {"title": title, "article": render_to_string(template, context, request)}


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=lambda group, request: settings.RATELIMIT_START, method="POST", block=True)
def result_check(request: HttpRequest, result_uuid) -> HttpResponse:
    """“Answer N more to check them”, offered on a result whose top role has key skills no
    answer checked (``check_offer`` in quiz/result_page.py). GET says what would be checked
    (the result page, cached for everyone, holds no form that posts); POST starts a new
    attempt for the same owner with every answer copied, asking each question not yet
    answered. The result itself never changes."""
    result = Result.objects.select_related("attempt__quiz").filter(uuid=result_uuid).first()
    if result is None:
        raise NotFound(_("We could not find this result."))
    attempt, snapshot = result.attempt, result.snapshot
    key = _owner_key(request)
    if key is None or attempt.is_preview or not secrets.compare_digest(key, attempt.owner_key):
        raise PermissionDenied(
            _(
                "Only the person who took this quiz can add answers to it. Start your own quiz from the home page."
            )
        )
    offer = check_offer(snapshot, bank_measures(current_bank(attempt.quiz)))
    if offer is None:
        return redirect(result)
    if request.method == "GET":
        role = plain_words(snapshot["roles"][snapshot["recommended"]])
        return render(request, "quiz/result-check.html", {"result": result, "role": role, **offer})
    again = attempt_start(quiz=attempt.quiz, owner_key=attempt.owner_key)
    counted = attempt_answers(attempt)
    questions = {q.pk: q for q in attempt.quiz.questions.active().filter(pk__in=counted)}
    options = Option.objects.active().in_bulk([pk for saved in counted.values() for pk in saved.option_ids])
    for pk, saved in counted.items():
        if pk in questions:
            chosen = [options[o] for o in saved.option_ids if o in options]
            answer_save(attempt=again, question=questions[pk], options=chosen, scale_value=saved.scale_value)
    attempt_extend(attempt=again, asked=len(counted), everything=True)
    again.refresh_from_db()
    return _remember_owner(redirect(_where_next(again, _progress(again))), attempt.owner_key)


def _site_origin(request: HttpRequest) -> str | None:
    """``scheme://host[:port]`` of this request, spelled one way for every spelling of the
    Host header (already checked against ALLOWED_HOSTS): lowercased, without a trailing
    dot or the scheme's default port. None for a port the server does not listen on, so
    that one client cannot fill the cache by varying the Host header."""
    parts = urlsplit(f"//{request.get_host()}")
    try:
        port = parts.port
    except ValueError:  # beyond 65535
        return None
    if port is not None and port == DEFAULT_PORTS.get(request.scheme):
        port = None
    if port is not None and str(port) != request.get_port():
        return None
    name = (parts.hostname or "").rstrip(".")
    host = f"[{name}]" if ":" in name else name  # an IPv6 address
    return f"{request.scheme}://{host}" + (f":{port}" if port is not None else "")


def _share_url(request: HttpRequest, result: Result) -> str:
    origin = _site_origin(request)
    if origin is None:
        return request.build_absolute_uri(result.get_absolute_url())
    return origin + result.get_absolute_url()


def _result_cache_key(request: HttpRequest, result_uuid, role_param: str, partial: bool) -> str | None:
    """Everything a result page varies on, from validated values only: the result's id
    (a UUID from the URL), the plan's role (only a page for a role of the ranking is
    kept), htmx or not, the language, the site's origin (in the share link) and script
    prefix (in every link), and the code and templates it is rendered with. None: do
    not cache."""
    origin = _site_origin(request)
    if origin is None:
        return None
    varies = "|".join(
        [
            str(result_uuid),
            role_param,
            str(partial),
            get_language(),
            origin,
            get_script_prefix(),
            code_version(),
        ]
    )
    return "careerquiz:result:" + hashlib.sha256(varies.encode()).hexdigest()


def _stored_result_page(request: HttpRequest, result_uuid) -> dict | None:
    """The result page kept in the cache for this request, read once per request."""
    if not hasattr(request, "stored_result_page"):
        key = _result_cache_key(request, result_uuid, request.GET.get("role", ""), _is_partial(request))
        request.stored_result_page = cache.get(key) if key else None
    return request.stored_result_page


def _result_etag(request: HttpRequest, result_uuid) -> str | None:
    page = _stored_result_page(request, result_uuid)
    return page["etag"] if page else None


@require_safe
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
@condition(etag_func=_result_etag)
def result(request: HttpRequest, result_uuid) -> HttpResponse:
    """A result permalink. The snapshot never changes, so the rendered page is kept in the
    cache and browsers and shared caches may keep it for RESULT_MAX_AGE; a request with
    the page's ETag gets 304. A history restore sends HX-Request too but gets the whole
    page: the two are kept apart."""
    role_param = request.GET.get("role", "")
    partial = _is_partial(request)
    page = _stored_result_page(request, result_uuid)
    if page is None:
        found = Result.objects.select_related("attempt__quiz").filter(uuid=result_uuid).first()
        if found is None:
            raise NotFound(_("We could not find this result."))
        status, rendered = _render_result(request, found, role_param, partial)
        if partial:
            response = HttpResponse(rendered["article"], status=status)
        else:
            response = render(request, "quiz/result.html", rendered, status=status)
        response["X-Robots-Tag"] = "noindex, nofollow"
        if status != 200:
            return response
        key = _result_cache_key(request, result_uuid, role_param, partial)
        page = {
            "content": response.content,
            "content_type": response["Content-Type"],
            "etag": hashlib.sha256(response.content).hexdigest()[:32],
        }
        if key:
            cache.set(key, page, RESULT_CACHE_SECONDS)
    response = HttpResponse(page["content"], content_type=page["content_type"])
    response["ETag"] = quote_etag(page["etag"])
    response["X-Robots-Tag"] = "noindex, nofollow"
    patch_cache_control(response, public=True, max_age=RESULT_MAX_AGE)
    return response
