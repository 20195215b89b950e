"""Root URLs: the public site (Danish paths), the back office, language switching."""

from django.contrib import admin
from django.urls import include, path

from forsamling.core import views as core_views

urlpatterns = [
    path("backoffice/", include("forsamling.backoffice.urls")),  # before the admin's
    path("backoffice/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("altcha/udfordring/", core_views.challenge, name="altcha_challenge"),
    path("", include("forsamling.ops.urls")),
    path("", include("forsamling.public.urls")),
]

# Danish error pages in the design system; a database outage answers 503 (forsamling.core.errors).
handler400 = "forsamling.core.errors.bad_request"
handler403 = "forsamling.core.errors.permission_denied"
handler404 = "forsamling.core.errors.page_not_found"
handler500 = "forsamling.core.errors.server_error"
