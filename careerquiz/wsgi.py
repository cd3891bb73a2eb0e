"""WSGI entry point for Career Quiz."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerquiz.settings")

application = get_wsgi_application()
