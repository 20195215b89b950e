"""/api/v1/: the public resources, the organisers' resources, the OpenAPI document."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView

from forsamling.api import views, views_organisers
from forsamling.api.root import ApiRoot, not_found

app_name = "api"

# Any text as the slug: an unknown one is the API's JSON 404, not the site's page.
EDITION = "v1/editions/<str:edition>/"

urlpatterns = [
    path("v1/", ApiRoot.as_view(), name="root"),
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("v1/editions/", views.EditionList.as_view(), name="editions"),
    path(EDITION, views.EditionDetail.as_view(), name="edition"),
    path(f"{EDITION}programme/", views.Programme.as_view(), name="programme"),
    path(f"{EDITION}sessions/", views.Sessions.as_view(), name="sessions"),
    path(f"{EDITION}speakers/", views.Speakers.as_view(), name="speakers"),
    path(f"{EDITION}rooms/", views.Rooms.as_view(), name="rooms"),
    path(f"{EDITION}tracks/", views.Tracks.as_view(), name="tracks"),
    path(f"{EDITION}exhibitors/", views.Exhibitors.as_view(), name="exhibitors"),
    path(
        f"{EDITION}registrations/", views_organisers.Registrations.as_view(), name="registrations"
    ),
    path(
        f"{EDITION}registrations/<int:id>/",
        views_organisers.RegistrationDetail.as_view(),
        name="registration",
    ),
    path(f"{EDITION}choices/", views_organisers.Choices.as_view(), name="choices"),
    path(f"{EDITION}waiting-lists/", views_organisers.WaitingLists.as_view(), name="waiting_lists"),
    path(f"{EDITION}checkins/", views_organisers.CheckIns.as_view(), name="checkins"),
    path(f"{EDITION}invoices/", views_organisers.Invoices.as_view(), name="invoices"),
    path(f"{EDITION}removed/", views_organisers.Removed.as_view(), name="removed"),
    re_path(r"^.*$", not_found, name="not_found"),
]
