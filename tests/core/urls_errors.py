"""The site's URLs plus a page that fails, for the tests of the error pages."""

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.urls import path

from forsamling.urls import handler400, handler403, handler404, handler500  # noqa: F401
from forsamling.urls import urlpatterns as site


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("secret detail that must never reach the visitor")


def database_gone(request: HttpRequest) -> HttpResponse:
    raise OperationalError("connection to server on socket failed: secret detail")


urlpatterns = [path("test-boom/", boom), path("test-db-gone/", database_gone), *site]
