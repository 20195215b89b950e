"""The organisers' pages: one root (/backoffice/ in the project's URLs), one URL module per
capability. Every view asks `forsamling.accounts.access` first."""

from django.urls import include, path

from forsamling.backoffice.urls import (
    api_tokens,
    checkin,
    dinner,
    exhibitors,
    figures,
    invitations,
    invoices,
    meals,
    messages,
    next_year,
    outputs,
    overview,
    preferences,
    privacy,
    prize,
    programme,
    registrations,
    speakers,
    surveys,
    users,
)

# Under /backoffice/konference/, in the namespace "backoffice". The staff users' pages come
# first: their paths (totp/, logins/) would otherwise read as an edition's slug.
pages = [
    path("", include(users)),
    path("", include(overview)),
    path("", include(registrations)),
    path("", include(invitations)),
    path("", include(outputs)),
    path("", include(exhibitors)),
    path("", include(meals)),
    path("", include(messages)),
    path("", include(invoices)),
    path("", include(privacy)),
    path("", include(prize)),
    path("", include(programme)),
    path("", include(checkin)),
    path("", include(speakers)),
    path("", include(dinner)),
    path("", include(api_tokens)),
    path("", include(surveys)),
    path("", include(next_year)),
    path("", include(figures)),
]

urlpatterns = [
    path("praeferencer/", include(preferences)),  # namespace "preferences_backoffice"
    path("konference/", include((pages, "backoffice"))),
]
