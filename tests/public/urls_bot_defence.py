"""The site's URLs and two public forms someone forgot to defend, for the bot-defence walk's
own test: one anyone can open, one whose token nobody checks."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from forsamling.urls import urlpatterns as site


def open_form(request: HttpRequest, edition: str) -> HttpResponse:
    return HttpResponse(request.POST.get("name", ""))


def unchecked_token(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    return HttpResponse(request.POST.get("name", ""))


FORGOTTEN = [
    path("<slug:edition>/ny-formular/", open_form, name="forgotten_open"),
    path("<slug:edition>/ny-formular/<slug:token>/", unchecked_token, name="forgotten_token"),
]
urlpatterns = FORGOTTEN + site
