"""The check-in app for phones at the doors: its page, manifest and service worker, the door
list it downloads and the endpoint it sends its scans to.

The page is an app shell without personal data (the service worker keeps it for offline use);
everything about people comes from `door_list`, which the app keeps in IndexedDB. Scans go to
`events` as JSON, each with its own id, and are taken idempotently.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from typing import Any

from csp.decorators import csp_update
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from forsamling.backoffice.views.edition_access import edition_for
from forsamling.checkin import services
from forsamling.checkin.models import Outcome
from forsamling.checkin.queries import door_list as door_list_query
from forsamling.checkin.queries import door_sessions
from forsamling.conferences.models import Edition
from forsamling.domain.checkin import DoorWarning
from forsamling.domain.danish import format_time
from forsamling.domain.permissions import Action

SHELL_VERSION = "1"  # raise to make phones fetch the shell again when its URLs stay the same
SHELL_FONTS = [f"complete/woff2/IBMPlexSans-{w}.woff2" for w in ("Regular", "SemiBold", "Bold")]
MAX_EVENTS = 200  # per request; the app sends its queue in batches this size


# The barcode polyfill compiles ZXing's WebAssembly: only the app's own pages allow that, not
# the rest of the site. (django-csp types its decorator for views without URL arguments.)
WASM = {"script-src": ["'wasm-unsafe-eval'"]}
with_wasm: Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]] = csp_update(WASM)  # type: ignore[assignment]


@with_wasm
@require_GET
def app(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, Action.CHECK_IN)
    return render(
        request,
        "backoffice/checkin_app/app.html",
        {"edition": the_edition, "texts_json": json.dumps(texts(), ensure_ascii=False)},
    )


@require_GET
def manifest(request: HttpRequest, edition: str) -> HttpResponse:
    the_edition, _actions = edition_for(request, edition, Action.CHECK_IN)
    start = reverse("backoffice:checkin_app", args=[the_edition.slug])
    body = {
        "name": _("Indtjekning – %(edition)s") % {"edition": the_edition.title},
        "short_name": _("Indtjekning"),
        "lang": "da",
        "start_url": start,
        "scope": start,
        "id": start,
        "display": "standalone",
        "orientation": "portrait",
        "background_color": "#ffffff",
        "theme_color": "#004993",
        "icons": [
            {"src": icon, "sizes": size, "type": "image/png", "purpose": "any"}
            for icon, size in _icons()
        ],
    }
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@with_wasm
@require_GET
def service_worker(request: HttpRequest, edition: str) -> HttpResponse:
    """The worker script, from the app's own URL so its scope is the app."""
    the_edition = get_object_or_404(Edition, slug=edition)
    fonts = [static(f"dkfds/fonts/IBMPlexSans/{name}") for name in SHELL_FONTS]
    version = hashlib.sha256(
        "|".join([SHELL_VERSION, *fonts, static("backoffice/checkin_app/app.js")]).encode()
    ).hexdigest()[:12]
    response = render(
        request,
        "backoffice/checkin_app/sw.js",
        {"edition": the_edition, "fonts": fonts, "version": version},
        content_type="text/javascript; charset=utf-8",
    )
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = reverse("backoffice:checkin_app", args=[edition])
    return response


@require_GET
def door_list(request: HttpRequest, edition: str) -> HttpResponse:
    """The door's list, with an ETag: a device that has this version gets a 304."""
    the_edition, _actions = edition_for(request, edition, Action.CHECK_IN)
    download = door_list_query(the_edition)
    etag = f'"{download.version}"'
    if etag in _etags(request.headers.get("If-None-Match", "")):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(download.body, content_type="application/json; charset=utf-8")
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    response["X-CSRFToken"] = get_token(request)
    return response


@require_POST
def events(request: HttpRequest, edition: str) -> HttpResponse:
    """Takes the app's scans: `{"events": [{"id", "code", "device", "at", "session"}]}`.

    Every event gets an answer; an event that cannot be read is answered `invalid` (and
    is not taken), so the app can drop it rather than retry it forever.
    """
    the_edition, _actions = edition_for(request, edition, Action.CHECK_IN)
    try:
        payload = json.loads(request.body)
        items = payload["events"]
        if not isinstance(items, list):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": _("Forespørgslen kunne ikke læses.")}, status=400)
    if len(items) > MAX_EVENTS:
        return JsonResponse(
            {"error": _("Højst %(n)d scanninger ad gangen.") % {"n": MAX_EVENTS}}, status=400
        )
    sessions = {s.pk: s for s in door_sessions(the_edition)}
    answers = [_take(request, the_edition, sessions, item) for item in items]
    return JsonResponse({"results": answers}, json_dumps_params={"ensure_ascii": False})


def _take(
    request: HttpRequest, edition: Edition, sessions: dict[int, Any], item: Any
) -> dict[str, Any]:
    if not isinstance(item, dict):
        return {"id": None, "outcome": "invalid"}
    raw_id = item.get("id")
    try:
        event_id = uuid.UUID(str(raw_id))
    except ValueError:
        return {"id": raw_id, "outcome": "invalid"}
    code, device = item.get("code"), item.get("device")
    session_id = item.get("session")
    if not isinstance(code, str) or not isinstance(device, str) or not device.strip():
        return {"id": str(event_id), "outcome": "invalid"}
    if session_id is not None and session_id not in sessions:
        return {"id": str(event_id), "outcome": "invalid"}
    scanned_at = parse_datetime(str(item.get("at") or ""))
    if scanned_at is None or timezone.is_naive(scanned_at):
        scanned_at = timezone.now()
    answer = services.record_event(
        edition=edition,
        event_id=event_id,
        code=code,
        device=device.strip(),
        scanned_at=scanned_at,
        session=sessions.get(session_id) if session_id is not None else None,
        by=request.user,
    )
    return answer_json(answer)


def answer_json(answer: services.EventAnswer) -> dict[str, Any]:
    event, registration = answer.event, answer.registration
    shown = registration is not None and DoorWarning.OTHER_EDITION not in event.warnings
    return {
        "id": str(event.pk),
        "outcome": event.outcome,
        "warnings": event.warnings,
        "name": registration.name if shown and registration else "",
        "organisation": registration.organisation if shown and registration else "",
        "category": registration.category.name if shown and registration else "",
        "first_at": answer.first_at.isoformat() if answer.first_at else None,
        "first_device": answer.first_device,
        "entered": answer.entered,
        "message": answer_message(answer),
    }


def answer_message(answer: services.EventAnswer) -> str:
    """The answer in Danish, as the app also words it offline (see `texts`)."""
    words = texts()
    if answer.event.outcome == Outcome.ALREADY and answer.first_at is not None:
        return (
            words["already"]
            .replace("{time}", format_time(answer.first_at))
            .replace("{device}", answer.first_device)
        )
    if answer.event.outcome == Outcome.REFUSED:
        return " ".join(words[w] for w in answer.event.warnings)
    message = words["checked_in" if answer.event.session_id is None else "entered"]
    return " ".join([message, *(words[w] for w in answer.event.warnings)])


def texts() -> dict[str, str]:
    """The app's sentences, translated here and handed to its script through the page."""
    return {
        "checked_in": _("Tjekket ind."),
        "entered": _("Lukket ind i sessionen."),
        "already": _("Allerede tjekket ind kl. {time} ({device})."),
        "queued": _("Gemt på telefonen. Sendes, når der er net."),
        "refused": _(
            "Afvist: ikke tjekket ind. Søg på navnet, eller send personen til informationen."
        ),
        "refused_offline": _(
            "Afvist: ikke tjekket ind. Telefonen er offline, så listen kan være for gammel: "
            "søg på navnet, prøv igen, når der er net, eller send personen til informationen."
        ),
        "code_format": _("Koden består af tal, en bindestreg og 16 tegn, fx 123-0a1b2c3d4e5f6a7b."),
        "unknown_code": _(
            "Koden {code} er ikke på listen til denne konference. Personen er afvist."
        ),
        DoorWarning.UNKNOWN: _("Ukendt navneskilt: ikke på listen til denne konference."),
        DoorWarning.OTHER_EDITION: _("Navneskiltet er fra en anden konference."),
        DoorWarning.CANCELLED: _("Tilmeldingen er afmeldt. Henvis personen til informationen."),
        DoorWarning.WAITING_ONLY: _("Står kun på venteliste til en session."),
        DoorWarning.NOT_REGISTERED: _("Ikke tilmeldt denne session."),
        DoorWarning.WAITING: _("Står på venteliste til denne session."),
        DoorWarning.FULL: _("Sessionen er fuld."),
        "online": _("Online"),
        "offline": _("Offline: scanninger gemmes på telefonen"),
        "pending": _("{n} scanninger venter på at blive sendt"),
        "pending_one": _("1 scanning venter på at blive sendt"),
        "refreshed": _("Listen hentet kl. {time} ({n} personer)"),
        "not_refreshed": _("Listen er ikke hentet endnu"),
        "count": _(
            "{entered} af {capacity} pladser er brugt: "
            "{registered} tilmeldte, {other} ikke tilmeldte."
        ),
        "count_open": _("{entered} er kommet ind: {registered} tilmeldte, {other} ikke tilmeldte."),
        "found": _("{n} fundet"),
        "found_none": _("Ingen fundet"),
        "check_in": _("Tjek ind"),
        "reprint": _("Print navneskiltet igen"),
        "camera_start": _("Start kameraet"),
        "camera_stop": _("Stop kameraet"),
        "camera_error": _("Kameraet kunne ikke startes. Skriv koden, eller søg på navnet."),
        "bad_code": _("Koden kunne ikke læses."),
        "arrived_mark": _("tjekket ind"),
        "cancelled_mark": _("afmeldt"),
    }


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


def _icons() -> list[tuple[str, str]]:
    return [
        (static("backoffice/checkin_app/icon-192.png"), "192x192"),
        (static("backoffice/checkin_app/icon-512.png"), "512x512"),
    ]
