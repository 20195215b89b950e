from django.urls import path

from forsamling.public import (
    exhibitor_views,
    my_programme_views,
    preference_views,
    privacy_views,
    prize_views,
    programme_urls,
    registration_views,
    survey_views,
    views,
)

app_name = "public"

urlpatterns = [
    path("", views.home, name="home"),
    path("arkiv/", views.archive, name="archive"),
    path("tilgaengelighed/", views.accessibility, name="accessibility"),
    *registration_views.urlpatterns,
    *my_programme_views.urlpatterns,
    *programme_urls.urlpatterns,
    *exhibitor_views.urlpatterns,
    *preference_views.urlpatterns,
    *privacy_views.urlpatterns,
    *prize_views.urlpatterns,
    *survey_views.urlpatterns,
    path("<slug:edition>/", views.edition, name="edition"),
]
