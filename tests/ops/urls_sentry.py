"""The site's URLs plus a form view that fails with the visitor's e-mail address in hand."""

from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from forsamling.urls import handler400, handler403, handler404, handler500  # noqa: F401
from forsamling.urls import urlpatterns as site


@csrf_exempt  # the test posts without a form page first
def failing_form(request: HttpRequest, token: str) -> HttpResponse:
    email = request.POST["email"]
    raise RuntimeError(f"could not register {email}")


urlpatterns = [path("test-sentry/<str:token>/", failing_form), *site]
