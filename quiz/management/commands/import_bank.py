from django.core.management.base import BaseCommand, CommandError

from quiz.bank import BankError, import_bank
from quiz.jsonfile import NotJSON, read_json_file
from quiz.revisions import record_revision


class Command(BaseCommand):
    help = (
        "Loads a careerquiz-bank JSON file. Validates the whole file first; an invalid file writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Show what would change, write nothing.")

    def handle(self, *args, **options):
        try:
            data = read_json_file(options["file"])
        except OSError as exc:
            raise CommandError(f"{options['file']}: {exc.strerror}") from exc
        except NotJSON as exc:
            raise CommandError(f"{options['file']}: not valid JSON ({exc})") from exc
        try:
            report = import_bank(data, dry_run=options["dry_run"])
        except BankError as exc:
            raise CommandError("invalid bank, nothing written:\n" + "\n".join(exc.errors)) from exc
        verbose = options["verbosity"] > 1 or options["dry_run"]
        if verbose:
            for label, items in (
                ("add", report.added),
                ("change", report.changed),
                ("remove", report.removed),
            ):
                for item in items:
                    self.stdout.write(f"{label}: {item}")
        if not options["dry_run"]:
            record_revision(summary=f"Bank file {options['file']} imported: {report.summary()}")
        prefix = "Dry run, nothing written: would have " if options["dry_run"] else "Imported: "
        self.stdout.write(prefix + report.summary())
