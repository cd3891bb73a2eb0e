from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class EditorConfig(AppConfig):
    """The editor's templates, management commands and views."""

    name = "editor"
    verbose_name = "Career Quiz editor"


class EditorAdminConfig(AdminConfig):
    """Django's admin with the Career Quiz site (editor/site.py) as the default site."""

    default_site = "editor.site.CareerQuizAdminSite"
