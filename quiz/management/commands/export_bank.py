import json
import sys

from django.core.management.base import BaseCommand

from quiz.bank import export_bank, json_schema


class Command(BaseCommand):
    help = "Writes the whole question bank as careerquiz-bank JSON (or, with --schema, the format's JSON Schema)."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="File to write (default: standard output).")
        parser.add_argument(
            "--schema", action="store_true", help="Write the bank format's JSON Schema instead of the bank."
        )

    def handle(self, *args, **options):
        data = json_schema() if options["schema"] else export_bank()
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as fh:
                fh.write(text)
            self.stderr.write(f"Wrote {options['output']}")
        else:
            sys.stdout.write(text)
