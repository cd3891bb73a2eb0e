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

handler400 = "careerquiz.errors.bad_request"
handler403 = "careerquiz.errors.permission_denied"
handler404 = "careerquiz.errors.page_not_found"
handler500 = "careerquiz.errors.server_error"
