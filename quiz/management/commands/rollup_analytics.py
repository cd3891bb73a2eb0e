from django.core.management.base import BaseCommand, CommandError

from quiz import tallies
from quiz.models import Quiz


class Command(BaseCommand):
    help = (
        "Brings the editors' analytics up to date: counts the job seekers' attempts changed since "
        "the last run (every attempt the first time). Run it every few minutes (a timer in "
        "production, docs/operations-analytics.md); running it again, or twice at once, changes "
        "nothing twice. --full forgets the counts and counts every attempt again: after attempts "
        "were deleted or TIME_ZONE changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiz", help="Quiz slug (default: every quiz).")
        parser.add_argument("--full", action="store_true", help="Count every attempt again from nothing.")

    def handle(self, *args, **options):
        quizzes = Quiz.objects.order_by("slug")
        if options["quiz"]:
            quizzes = quizzes.filter(slug=options["quiz"])
            if not quizzes.exists():
                raise CommandError(f'unknown quiz "{options["quiz"]}"')
        count = tallies.rebuild if options["full"] else tallies.rollup
        for quiz in quizzes:
            looked_at = count([quiz.pk])
            self.stdout.write(f"{quiz.slug}: {looked_at} attempts counted")
