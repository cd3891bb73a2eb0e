from django.contrib import admin
from django.urls import include, path

from . import health

urlpatterns = [
    path("-/ping/", health.ping, name="ping"),
    path("-/health/", health.health, name="health"),
    path("robots.txt", health.robots_txt, name="robots"),
    path("admin/", admin.site.urls),
    path("roles/", include("roles.urls")),
    path("", include("quiz.urls")),
]

handler400 = "quiz.errors.bad_request"
handler403 = "quiz.errors.permission_denied"
handler404 = "quiz.errors.page_not_found"
handler500 = "quiz.errors.server_error"
