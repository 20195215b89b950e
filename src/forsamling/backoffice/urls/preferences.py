"""Preference rounds: ranking, allocation and publishing (under /backoffice/praeferencer/, in
the admin's frame and namespace of their own)."""

from django.contrib import admin
from django.urls import path, re_path

from forsamling.backoffice.views import preferences

app_name = "preferences_backoffice"
urlpatterns = [
    path("", admin.site.admin_view(preferences.round_list), name="rounds"),
    path("<int:round_id>/", admin.site.admin_view(preferences.round_detail), name="round"),
    re_path(
        r"^(?P<round_id>[0-9]+)/(?P<action>open|close|run|rerun|publish)/$",
        admin.site.admin_view(preferences.round_action),
        name="round_action",
    ),
]
