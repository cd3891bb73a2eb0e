import json
import sys

from django.core.management.base import BaseCommand

from quiz.bank import export_bank


class Command(BaseCommand):
    help = "Writes the whole question bank as careerquiz-bank JSON."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write (default: standard output).")

    def handle(self, *args, **options):
        text = json.dumps(export_bank(), indent=2, ensure_ascii=False) + "\n"
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as fh:
                fh.write(text)
            self.stderr.write(f"Wrote {options['output']}")
        else:
            sys.stdout.write(text)
