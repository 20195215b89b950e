"""A page that fails, and an error page that fails too (a missing static file in production):
the error escapes Django's handlers and the server answers 500."""

from django.http import HttpRequest, HttpResponse
from django.urls import path


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("the page fails")


def broken_error_page(request: HttpRequest) -> HttpResponse:
    raise ValueError("Missing staticfiles manifest entry")


handler500 = broken_error_page
urlpatterns = [path("test-boom/", boom, name="boom")]
