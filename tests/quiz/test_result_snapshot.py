from django.core.cache import cache

from quiz import engine
from quiz.models import Answer, Attempt, Result
from quiz.services import answer_save, attempt_complete
from roles.models import Role, RoleCompetency, Transition
from tests.factories import answer_everything


def test_completing_an_attempt_stores_the_snapshot_once(default_content):
    attempt = Attempt.objects.create(quiz=default_content, owner_key="k")
    answer_everything(attempt, "program-manager")
    result = attempt_complete(attempt=attempt)
    assert result.recommended_role_slug == "program-manager"
    assert result.engine_version == engine.ENGINE_VERSION
    assert result.snapshot["recommended"] == "program-manager"
    assert attempt_complete(attempt=attempt) == result
    assert Result.objects.count() == 1
    attempt.refresh_from_db()
    assert attempt.completed_at is not None


def test_later_edits_of_the_bank_never_change_a_result_page(default_content, client):
    """The page is drawn from the stored snapshot, never from today's bank: renaming the
    role and emptying its profile changes nothing a visitor of the share link sees."""
    attempt = Attempt.objects.create(quiz=default_content, owner_key="k")
    answer_everything(attempt, "program-manager")
    url = attempt_complete(attempt=attempt).get_absolute_url()
    before = client.get(url).content.decode()
    assert "Program Manager" in before
    Role.objects.filter(slug="program-manager").update(name="Renamed role", summary="Changed")
    RoleCompetency.objects.filter(role__slug="program-manager").update(level=0)
    Transition.objects.filter(to_role__slug="program-manager").delete()
    cache.clear()
    after = client.get(url).content.decode()
    assert "Renamed role" not in after
    assert _article(after) == _article(before)


def _article(html: str) -> str:
    return html[html.index("<article") : html.rindex("</article>")]


def test_changing_an_answer_replaces_it(default_content):
    attempt = Attempt.objects.create(quiz=default_content, owner_key="k")
    question = default_content.active_questions().get(slug="done-recently")
    answer_save(
        attempt=attempt,
        question=question,
        options=list(question.options.filter(slug__in=["pm-certificate", "led-initiative"])),
    )
    answer_save(attempt=attempt, question=question, options=list(question.options.filter(slug="none-yet")))
    answer = Answer.objects.get(attempt=attempt, question=question)
    assert [o.slug for o in answer.options.all()] == ["none-yet"]


ENGINE_1_SNAPSHOT = {
    "engine_version": "1.0",
    "recommended": "product-manager",
    "target": "product-manager",
    "current_role": "product-owner",
    "current_role_name": "Product Owner",
    "confidence": {"weak": False, "reason": "", "message": ""},
    "ranking": [
        {"role": "product-manager", "name": "Product Manager", "match": 91.2, "fit": "best"},
        {"role": "product-owner", "name": "Product Owner", "match": 80.0, "fit": "great"},
    ],
    "roles": {
        "product-manager": {
            "slug": "product-manager",
            "name": "Product Manager",
            "summary": "S",
            "salary": None,
        },
        "product-owner": {"slug": "product-owner", "name": "Product Owner", "summary": "S", "salary": None},
    },
    "explanation": {"raised": [], "lowered": [], "change": None, "sentences": ["Because of you."]},
    "profile": [],
    "plans": {
        "product-manager": {
            "gaps": [
                {
                    "competency": "c",
                    "name": "Customer insight",
                    "user": 2,
                    "expected": 3,
                    "measured": True,
                    "actions": ["Talk to users"],
                }
            ],
            "plan": {
                "kind": "fallback",
                "hops": [],
                "gap_actions": [],
                "total_months": 4,
                "summary": "Old plan.",
            },
        },
        "product-owner": {
            "gaps": [],
            "plan": {"kind": "grow", "hops": [], "gap_actions": [], "total_months": 6, "summary": "Grow."},
        },
    },
    "answers": {},
}


def test_a_result_of_the_previous_engine_still_renders_from_its_snapshot(default_content, client):
    attempt = Attempt.objects.create(quiz=default_content, owner_key="k")
    result = Result.objects.create(
        attempt=attempt,
        engine_version="1.0",
        recommended_role_slug="product-manager",
        match=91,
        snapshot=ENGINE_1_SNAPSHOT,
    )
    page = client.get(result.get_absolute_url())
    html = page.content.decode()
    assert page.status_code == 200
    assert (
        "Product Manager" in html and "Great fit" in html and "Old plan." in html and "Talk to users" in html
    )


def test_no_template_syntax_leaks_into_the_result_page(default_content, client):
    attempt = Attempt.objects.create(quiz=default_content, owner_key="k")
    answer_everything(attempt, "group-pm")
    html = client.get(attempt_complete(attempt=attempt).get_absolute_url()).content.decode()
    for syntax in ("{#", "#}", "{%", "{{"):
        assert syntax not in html
