from django.core.management.base import BaseCommand, CommandError

from editor.health import ERROR, check_bank
from quiz.models import Quiz


class Command(BaseCommand):
    help = "Lists every problem of the question bank; exits non-zero when any is an error."

    def add_arguments(self, parser):
        parser.add_argument("--quiz", help="Quiz slug (default: every published quiz).")

    def handle(self, *args, **options):
        quizzes = Quiz.objects.filter(slug=options["quiz"]) if options["quiz"] else Quiz.objects.published()
        if options["quiz"] and not quizzes.exists():
            raise CommandError(f'unknown quiz "{options["quiz"]}"')
        errors = 0
        for quiz in quizzes:
            problems = check_bank(quiz)
            errors += sum(1 for p in problems if p.level == ERROR)
            for problem in problems:
                self.stdout.write(
                    f"{quiz.slug}: {problem.level}: {problem.kind}: {problem.message} ({problem.url})"
                )
            if not problems:
                self.stdout.write(f"{quiz.slug}: no problems")
        if errors:
            raise CommandError(f"{errors} error(s) in the bank")
