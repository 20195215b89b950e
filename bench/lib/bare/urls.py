from django.urls import path

from bench.lib.bare import views

urlpatterns = [path("bare/", views.take), path("empty/", views.empty)]
