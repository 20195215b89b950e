"""Root URLs: the public site (Danish paths), the back office, language switching."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("backoffice/praeferencer/", include("forsamling.backoffice.views_preferences")),
    path("backoffice/konference/", include("forsamling.backoffice.urls")),
    path("backoffice/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("forsamling.public.urls")),
]
