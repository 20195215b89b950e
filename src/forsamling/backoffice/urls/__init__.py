"""The organisers' pages: one root (/backoffice/ in the project's URLs), one URL module per
capability. Every view asks `forsamling.accounts.access` first."""

from django.urls import include, path

from forsamling.backoffice.urls import (
    checkin,
    figures,
    invitations,
    invoices,
    messages,
    outputs,
    overview,
    preferences,
    privacy,
    prize,
    programme,
    registrations,
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
    path("", include(messages)),
    path("", include(invoices)),
    path("", include(privacy)),
    path("", include(prize)),
    path("", include(programme)),
    path("", include(checkin)),
    path("", include(surveys)),
    path("", include(figures)),
]

urlpatterns = [
    path("praeferencer/", include(preferences)),  # namespace "preferences_backoffice"
    path("konference/", include((pages, "backoffice"))),
]
