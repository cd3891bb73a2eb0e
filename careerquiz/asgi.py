"""ASGI entry point for Career Quiz."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerquiz.settings")

application = get_asgi_application()
