"""The default content: roles, competencies, transitions and the product careers quiz,
assembled as a bank in the ``export_bank`` format and loaded through ``import_bank``."""

import json
from pathlib import Path

from quiz.bank import FORMAT, VERSION

from .competencies import competencies
from .questions import questions
from .roles import roles
from .transitions import transitions

QUIZ_SLUG = "product-careers"


PERSONAS = Path(__file__).with_name("personas.json")


def personas() -> list[dict]:
    """The hand-written calibration personas: people written from a role's description and
    the question texts alone, each answering as that person would (never derived from the
    profiles). ``held_out`` ones were written by a separate author and never used to tune
    the bank."""
    return json.loads(PERSONAS.read_text(encoding="utf-8"))


def default_bank():
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
                "personas": personas(),
            }
        ],
    }
