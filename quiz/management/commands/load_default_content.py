from django.core.management.base import BaseCommand
from django.db import transaction

from quiz.bank import import_bank
from quiz.content import default_bank
from quiz.models import Quiz
from quiz.revisions import record_revision
from roles.models import Role


class Command(BaseCommand):
    help = (
        "Loads the default roles, competencies, transitions and quiz into an empty bank. "
        "Does nothing when a bank is already there, so an admin's edits are never overwritten."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            if Role.objects.exists() or Quiz.objects.exists():
                self.stdout.write("A question bank is already loaded; leaving it as it is.")
                return
            report = import_bank(default_bank())
        # The first version: an editor's first change can be undone.
        record_revision(summary="Default content loaded")
        self.stdout.write(self.style.SUCCESS(f"Loaded the default content: {len(report.added)} items."))
