"""/healthz, /readyz and /metrics, at the root of the site."""

from django.urls import path

from forsamling.ops import views

app_name = "ops"
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("metrics", views.metrics_page, name="metrics"),
]
