import json
import sys

from django.core.management.base import BaseCommand, CommandError

from quiz.answers import AnswerFileError, parse_answer_file
from quiz.bank import load_bank
from quiz.engine import recommend
from quiz.jsonfile import NotJSON, read_json_file
from quiz.models import Quiz


class Command(BaseCommand):
    help = "Scores a set of answers against a quiz and prints the full result as JSON. Writes nothing."

    def add_arguments(self, parser):
        parser.add_argument("--quiz", required=True, help="Quiz slug.")
        parser.add_argument(
            "--answers",
            required=True,
            help="JSON file mapping question slug to an option slug, a list of option slugs, or a 1–5 value.",
        )
        parser.add_argument(
            "--target", help="Role slug whose gaps and plan to show (default: the recommended one)."
        )

    def handle(self, *args, **options):
        quiz = Quiz.objects.filter(slug=options["quiz"]).first()
        if quiz is None:
            raise CommandError(f'unknown quiz "{options["quiz"]}"')
        try:
            raw = read_json_file(options["answers"])
        except OSError as exc:
            raise CommandError(f"{options['answers']}: {exc.strerror}") from exc
        except NotJSON as exc:
            raise CommandError(f"{options['answers']}: not valid JSON ({exc})") from exc
        bank = load_bank(quiz)
        try:
            answers = parse_answer_file(bank, raw)
        except AnswerFileError as exc:
            raise CommandError(str(exc)) from exc
        target = options["target"]
        if target is not None and (target not in bank.roles or not bank.roles[target].recommendable):
            raise CommandError(f'unknown or non-recommendable role "{target}"')
        result = recommend(bank, answers, target=target)
        shown = result["target"]
        output = {
            "quiz": quiz.slug,
            "engine_version": result["engine_version"],
            "recommended": result["recommended"],
            "current_role": result["current_role"],
            "confidence": result["confidence"],
            "ranking": result["ranking"],
            "explanation": result["explanation"],
            "target": shown,
            "gaps": result["plans"][shown]["gaps"] if shown else [],
            "plan": result["plans"][shown]["plan"] if shown else None,
        }
        sys.stdout.write(json.dumps(output, indent=2, ensure_ascii=False) + "\n")
