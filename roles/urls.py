from django.urls import path

from . import views

app_name = "roles"

urlpatterns = [
    path("", views.index, name="index"),
    path("compare/", views.compare, name="compare"),
    path("<slug:slug>/", views.detail, name="detail"),
]
