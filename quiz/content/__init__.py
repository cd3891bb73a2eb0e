"""The default content: roles, competencies, transitions and the product careers quiz,
assembled as a bank in the ``export_bank`` format and loaded through ``import_bank``."""

from quiz import scoring
from quiz.bank import FORMAT, VERSION, engine_bank

from .competencies import competencies
from .questions import questions
from .roles import roles
from .transitions import transitions

QUIZ_SLUG = "product-careers"


PERSONA_NAMES = {
    "associate-pm": "New graduate in an associate PM programme",
    "product-owner": "Classic Scrum product owner",
    "product-manager": "Discovery-minded product manager",
    "senior-pm": "Senior PM running a multi-team initiative",
    "group-pm": "Group PM coaching three product managers",
    "program-manager": "Ops-heavy program manager",
    "project-manager": "Deadline-driven project manager",
    "head-of-product": "First product leader at a startup",
    "director-of-product": "Director of a product domain in an enterprise",
    "vp-product": "VP scaling a product organisation",
    "cpo": "Board-facing chief product officer",
}


def _personas(bank: dict) -> list[dict]:
    """One calibration persona per recommendable role: the answers a person in the role
    would give (the closest option to the role's profile, question by question)."""
    engine = engine_bank(bank, QUIZ_SLUG)
    personas = []
    for role in engine.recommendable_roles():
        answers = {}
        for slug, value in scoring.answer_as_role(engine, role.slug).items():
            kind = engine.questions[slug].kind
            answers[slug] = value if kind == "scale" else (list(value) if kind == "multiple" else value[0])
        personas.append(
            {
                "name": PERSONA_NAMES.get(role.slug, role.name),
                "expected_role": role.slug,
                "answers": answers,
                "notes": "Answers a typical person in the role would give. Shipped with the default content.",
            }
        )
    return sorted(personas, key=lambda p: p["name"])


def default_bank():
    bank = _bank_without_personas()
    bank["quizzes"][0]["personas"] = _personas(bank)
    return bank


def _bank_without_personas():
    return {
        "format": FORMAT,
        "version": VERSION,
        "competencies": competencies(),
        "roles": roles(),
        "transitions": transitions(),
        "quizzes": [
            {
                "slug": QUIZ_SLUG,
                "title": "Which product role fits you?",
                "intro": (
                    "Product owner, product manager, program manager, head of product or CPO: "
                    "the titles sound alike, the jobs are not. Answer questions about what you do "
                    "well and what you want next. We compare your answers with the profile of each "
                    "role, recommend the one that fits, explain why, and plan your route there from "
                    "the job you have now."
                ),
                "published": True,
                "questions": questions(),
            }
        ],
    }
