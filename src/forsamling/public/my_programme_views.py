"""'Mit program': the participant's own days on their phone, installable and offline, with a
private calendar feed and push messages for those who ask.

The page is rendered here and kept by its service worker (scoped to the page's own address
under the private link); its script keeps what the page showed in IndexedDB and marks a line
"Ændret" when it changed since the phone last saw it (`state`). Thin views: one service call
per change, in `registration.calendar_feeds` and `registration.push`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.functional import Promise as StrPromise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from forsamling.core.downloads import attachment
from forsamling.exhibitors.images import image_response
from forsamling.programme.models import VenuePlan
from forsamling.public.badge_qr import badge_qr
from forsamling.public.registration_pages.common import private_registration
from forsamling.registration import calendar_feeds, push
from forsamling.registration.calendar import programme_calendar
from forsamling.registration.models import Registration
from forsamling.registration.my_programme import my_programme as read_my_programme
from forsamling.registration.my_programme import state

SHELL_VERSION = "1"  # raise to make phones fetch the page's files again
SHELL_FONTS = [f"complete/woff2/IBMPlexSans-{w}.woff2" for w in ("Regular", "SemiBold", "Bold")]
SCRIPTS = ["vendor/idb/umd.js", "public/my_programme.js"]
STYLES = ["dkfds/css/dkfds.min.css", "forsamling/site.css", "public/private.css"]


def _page(registration: Registration) -> str:
    return reverse(
        "public:my_programme",
        kwargs={"edition": registration.edition.slug, "token": registration.token},
    )


def page(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = private_registration(request, edition, token)
    programme = read_my_programme(registration) if registration.is_active else None
    feed = calendar_feeds.feed_of(registration)
    plan = VenuePlan.objects.filter(edition=registration.edition).first()
    return render(
        request,
        "public/my_programme/page.html",
        {
            "edition": registration.edition,
            "registration": registration,
            "programme": programme,
            "state": state(programme) if programme else {"version": "", "items": {}},
            "badge_qr": badge_qr(registration) if registration.is_active else "",
            "feed": feed,
            "webcal_url": calendar_feeds.webcal_url(feed) if feed else "",
            "https_url": calendar_feeds.https_url(feed) if feed else "",
            "plan": plan if programme and programme.rooms_on_plan else None,
            "push_key": push.public_key() if push.is_configured() else "",
            "pushing": registration.push_subscriptions.exists(),
            "texts": json.dumps(texts(), ensure_ascii=False),
        },
    )


@require_GET
def data(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    """What the page shows, for the phone to compare (`registration.my_programme.state`)."""
    registration = private_registration(request, edition, token)
    if not registration.is_active:
        return JsonResponse({"version": "", "programme": None, "items": {}})
    return JsonResponse(
        state(read_my_programme(registration)), json_dumps_params={"ensure_ascii": False}
    )


@require_GET
def manifest(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = private_registration(request, edition, token)
    start = _page(registration)
    body = {
        "name": _("Mit program – %(edition)s") % {"edition": registration.edition.title},
        "short_name": _("Mit program"),
        "lang": "da",
        "start_url": start,
        "scope": start,
        "id": start,
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#004993",
        "icons": [
            {"src": static(f"backoffice/checkin_app/icon-{size}.png"), "sizes": f"{size}x{size}",
             "type": "image/png", "purpose": "any"}
            for size in (192, 512)
        ],
    }  # fmt: skip
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@require_GET
def service_worker(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    """The worker script, from the page's own address so its scope is the page."""
    registration = private_registration(request, edition, token)
    fonts = [static(f"dkfds/fonts/IBMPlexSans/{name}") for name in SHELL_FONTS]
    files = [static(name) for name in [*STYLES, *SCRIPTS, "dkfds/js/dkfds.min.js",
                                        "forsamling/site.js"]]  # fmt: skip
    plan = VenuePlan.objects.filter(edition=registration.edition).first()
    if plan is not None:
        files.append(reverse("public:venue_plan", kwargs={"edition": edition}))
    version = hashlib.sha256("|".join([SHELL_VERSION, *fonts, *files]).encode()).hexdigest()[:12]
    if plan is not None:
        version += f"-{int(plan.updated_at.timestamp())}"
    response = render(
        request,
        "public/my_programme/sw.js",
        {"page": _page(registration), "files": [*files, *fonts], "version": version,
         "key": hashlib.sha256(registration.token.encode()).hexdigest()[:12]},
        content_type="text/javascript; charset=utf-8",
    )  # fmt: skip
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def calendar_file(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    """The programme as a one-off .ics file (it does not follow later changes)."""
    registration = private_registration(request, edition, token)
    body = programme_calendar(registration, read_my_programme(registration))
    return attachment(body, "mit-program.ics", "text/calendar; charset=utf-8")


@require_GET
def calendar_feed(request: HttpRequest, edition: str, feed: str) -> HttpResponse:
    """The private feed a calendar follows: 404 once revoked or renewed."""
    registration = calendar_feeds.feed_registration(feed)
    if registration is None or registration.edition.slug != edition:
        raise Http404("No such calendar feed")
    body = programme_calendar(registration, read_my_programme(registration))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    response["X-Robots-Tag"] = "noindex"
    return response


FEED_ACTIONS: dict[str, tuple[Callable[..., object], StrPromise]] = {
    "create": (calendar_feeds.create_calendar_feed, gettext_lazy("Din kalenderadresse er klar.")),
    "renew": (
        calendar_feeds.renew_calendar_feed,
        gettext_lazy("Du har fået en ny kalenderadresse. Den gamle virker ikke længere."),
    ),
    "revoke": (
        calendar_feeds.revoke_calendar_feed,
        gettext_lazy(
            "Kalenderadressen er slået fra. Kalendere, der fulgte den, får ikke flere ændringer."
        ),
    ),
}


@require_POST
def change_calendar_feed(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = private_registration(request, edition, token)
    action = FEED_ACTIONS.get(request.POST.get("action", ""))
    if action is None or not registration.is_active:
        messages.error(request, _("Det kunne ikke lade sig gøre. Prøv igen."))
    else:
        act, done = action
        act(registration=registration)
        messages.success(request, str(done))
    return redirect(_page(registration) + "#kalender")


@require_POST
def subscribe_push(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    """Takes the browser's push subscription (JSON, sent by the page's script)."""
    registration = private_registration(request, edition, token)
    if not push.is_configured() or not registration.is_active:
        return JsonResponse({"error": _("Push-beskeder er ikke slået til.")}, status=409)
    try:
        keys = push.read_subscription(json.loads(request.body))
    except (ValueError, push.InvalidSubscription):
        return JsonResponse({"error": _("Abonnementet kunne ikke læses.")}, status=400)
    push.subscribe(registration=registration, keys=keys)
    return JsonResponse({"ok": True}, status=201)


@require_POST
def unsubscribe_push(request: HttpRequest, edition: str, token: str) -> HttpResponse:
    registration = private_registration(request, edition, token)
    try:
        endpoint = json.loads(request.body)["endpoint"]
        if not isinstance(endpoint, str):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": _("Forespørgslen kunne ikke læses.")}, status=400)
    push.unsubscribe(registration=registration, endpoint=endpoint)
    return JsonResponse({"ok": True})


@require_GET
def venue_plan(request: HttpRequest, edition: str) -> FileResponse:
    plan = get_object_or_404(VenuePlan, edition__slug=edition, edition__is_public=True)
    return image_response(plan.image)


def texts() -> dict[str, str]:
    """The script's sentences, translated here and handed over through the page."""
    return {
        "changed": _("Ændret"),
        "time": _("Tidspunktet er ændret fra {old} til {new}."),
        "day": _("Dagen er ændret fra {old} til {new}."),
        "room": _("Lokalet er ændret fra {old} til {new}."),
        "no_room": _("intet lokale"),
        "cancelled": _("Aflyst."),
        "reinstated": _("Ikke længere aflyst."),
        "title": _("Titlen er ændret fra {old} til {new}."),
        "online": _("Online: programmet opdateres af sig selv."),
        "offline": _("Offline: du ser programmet, som det var kl. {time}."),
        "offline_unknown": _("Offline: du ser det senest hentede program."),
        "seen": _("Jeg har set ændringerne"),
        "push_on": _("Få besked på telefonen"),
        "push_off": _("Stop beskeder på telefonen"),
        "push_done": _("Du får besked på denne telefon, når en af dine sessioner ændres."),
        "push_stopped": _("Du får ikke længere beskeder på denne telefon."),
        "push_denied": _(
            "Telefonen tillader ikke beskeder fra siden. Du kan slå det til i browserens "
            "indstillinger. Du får stadig e-mails."
        ),
        "push_failed": _("Det lykkedes ikke at slå beskeder til. Prøv igen senere."),
    }


ROOT = "<slug:edition>/tilmelding/<slug:token>/mit-program/"
PAGES: list[tuple[str, Callable[..., HttpResponse], str]] = [
    (ROOT, page, "my_programme"),
    (ROOT + "data.json", data, "my_programme_data"),
    (ROOT + "manifest.webmanifest", manifest, "my_programme_manifest"),
    (ROOT + "sw.js", service_worker, "my_programme_sw"),
    (ROOT + "mit-program.ics", calendar_file, "my_programme_ics"),
    (ROOT + "kalender/", change_calendar_feed, "my_programme_feed"),
    (ROOT + "push/", subscribe_push, "my_programme_push"),
    (ROOT + "push/stop/", unsubscribe_push, "my_programme_push_stop"),
]
urlpatterns = [
    *(path(route, never_cache(view), name=name) for route, view, name in PAGES),
    path("<slug:edition>/tilmelding/kalender/<slug:feed>.ics", calendar_feed, name="calendar_feed"),
    path("<slug:edition>/program/lokaleoversigt/", venue_plan, name="venue_plan"),
]
