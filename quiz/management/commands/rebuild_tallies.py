from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from quiz import tallies
from quiz.models import Quiz


class Command(BaseCommand):
    help = (
        "Recounts the analytics' daily tallies from the attempts: after loading attempts in bulk, "
        "changing TIME_ZONE, or writing attempts outside quiz.services."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiz", help="Quiz slug (default: every quiz).")

    def handle(self, *args, **options):
        quizzes = Quiz.objects.all()
        if options["quiz"]:
            quizzes = quizzes.filter(slug=options["quiz"])
            if not quizzes.exists():
                raise CommandError(f'unknown quiz "{options["quiz"]}"')
        for quiz in quizzes:
            with transaction.atomic():
                tallies.rebuild([quiz.pk])
            self.stdout.write(f"{quiz.slug}: recounted")
