from django.urls import path

from . import views

app_name = "quiz"

urlpatterns = [
    path("", views.landing, name="home"),
    path("quiz/<slug:slug>/", views.landing, name="landing"),
    path("quiz/<slug:slug>/start/", views.start, name="start"),
    path(
        "attempts/<uuid:attempt_uuid>/questions/<slug:question_slug>/", views.question_step, name="question"
    ),
    path("attempts/<uuid:attempt_uuid>/summary/", views.summary, name="summary"),
    path("attempts/<uuid:attempt_uuid>/finish/", views.finish, name="finish"),
    path("attempts/<uuid:attempt_uuid>/more/", views.more, name="more"),
    path("results/<uuid:result_uuid>/", views.result, name="result"),
    path("results/<uuid:result_uuid>/check/", views.result_check, name="check"),
]
