"""The registration pages' addresses. The pages themselves are in `registration_pages/`:
`single.register` is where a registration starts."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache

from forsamling.public.registration_pages import group, private, single

# Never cached: the form carries a fresh idempotency key per page load (a cached copy would
# hand one person's registration to the next), and the other pages carry private links.
ROOT = "<slug:edition>/tilmelding/"
OWN = ROOT + "<slug:token>/"
PAGES: list[tuple[str, Callable[..., HttpResponse], str]] = [
    (ROOT, single.register, "register"),
    (ROOT + "send-link/", single.resend_link, "registration_resend"),
    (ROOT + "gruppe/", group.group_start, "registration_group_start"),
    (ROOT + "gruppe/<slug:token>/", group.group, "registration_group"),
    (ROOT + "overdraget/", private.handed_over, "registration_handed_over"),
    (OWN, private.manage, "registration"),
    (OWN + "kvittering/", single.done, "registration_done"),
    (OWN + "sessioner/", private.change_choices, "registration_choices"),
    (OWN + "saeson/", private.change_track, "registration_track"),
    (OWN + "oplysninger/", private.update_details, "registration_details"),
    (OWN + "overdrag/", private.substitute, "registration_substitute"),
    (OWN + "afmeld/", private.cancel, "registration_cancel"),
    (OWN + "post/", private.demo_inbox, "registration_inbox"),
]
urlpatterns = [path(route, never_cache(view), name=name) for route, view, name in PAGES]
