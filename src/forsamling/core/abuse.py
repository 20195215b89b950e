"""What holds bots off the public forms that create rows or send e-mail: the registration
(and a group's members), "send my link again", a group booking's start, a nomination for
the prize and an exhibitor's stand booking. (Forms behind a private link need the link's
secret first, and carry no proof of work.)

- A proof of work (ALTCHA) that the visitor's browser solves while the form is filled in, each
  challenge accepted once. Without JavaScript there is no solution: the form says so, in Danish,
  with the organisers' contact, rather than letting scripts through.
- Rate limits per client address and per e-mail domain, counted in the database (shared by all
  workers), with defaults a municipality's secretary registering 30 colleagues does not reach.
- "Send my link again": at most one e-mail per address per few minutes, the same answer always.

The checks cost one transaction of two statements (the challenge used up, both counters
incremented in one upsert) before the registration's own transaction, committed without a disk
flush on PostgreSQL (`ratelimit.counting`): a challenge used up by a registration is flushed
with the registration's commit; one whose registration never committed may come back after a
crash, and may then serve one registration.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _

from forsamling.core import proof_of_work, ratelimit
from forsamling.core.clients import client_address


@dataclass(frozen=True)
class Refusal:
    message: str
    status: int
    retry_after: int | None = None


def _no_proof() -> Refusal:
    return Refusal(
        _(
            "Din browser nåede ikke at bekræfte, at formularen er udfyldt af et menneske. Vent "
            "et øjeblik, og send formularen igen. Det kræver, at JavaScript er slået til."
        ),
        400,
    )


def _replayed() -> Refusal:
    return Refusal(
        _("Formularen er allerede sendt én gang. Vent et øjeblik, og send den igen."), 400
    )


def _too_many(seconds: int) -> Refusal:
    left = seconds - int(time.time()) % seconds
    return Refusal(
        _(
            "Der er sendt mange formularer fra din internetforbindelse eller dit e-maildomæne "
            "på kort tid. Vent %(minutes)s minutter, og send formularen igen. Skal I tilmelde "
            "mange, så kontakt arrangøren."
        )
        % {"minutes": max(1, (left + 59) // 60)},
        429,
        left,
    )


def _domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].strip().lower()


def _check(request: HttpRequest, keys: dict[str, int], seconds: int) -> Refusal | None:
    proof = None
    if proof_of_work.enabled():
        proof = proof_of_work.verified_signature(request.POST.get(proof_of_work.FIELD, ""))
        if proof is None:
            return _no_proof()
    with ratelimit.counting():
        if proof is not None and not proof_of_work.use_up(*proof):
            return _replayed()
        counts = ratelimit.hit(list(keys), seconds=seconds)
    if any(counts[key] > limit for key, limit in keys.items()):
        return _too_many(seconds)
    return None


def check_registration(request: HttpRequest, *, email: str) -> Refusal | None:
    """None if this registration may go on to the service; else why not."""
    address = client_address(request)
    return _check(
        request,
        {
            f"register:address:{address}": settings.FORSAMLING_RATE_REGISTRATIONS_PER_ADDRESS,
            f"register:domain:{_domain(email)}": settings.FORSAMLING_RATE_REGISTRATIONS_PER_DOMAIN,
        },
        settings.FORSAMLING_RATE_WINDOW_SECONDS,
    )


def check_resend(request: HttpRequest) -> Refusal | None:
    """The "send my link again" form, per client address (the per-address e-mail limit is
    `may_mail_link`, which answers the same either way)."""
    address = client_address(request)
    return _check(
        request,
        {f"resend:address:{address}": settings.FORSAMLING_RATE_RESENDS_PER_ADDRESS},
        settings.FORSAMLING_RATE_WINDOW_SECONDS,
    )


def check_form(request: HttpRequest, *, form: str) -> Refusal | None:
    """Another public form that creates rows and sends e-mail (`form` names it: "group",
    "nomination", "exhibitor"): the proof of work, and a limit per client address."""
    address = client_address(request)
    return _check(
        request,
        {f"{form}:address:{address}": settings.FORSAMLING_RATE_FORMS_PER_ADDRESS},
        settings.FORSAMLING_RATE_WINDOW_SECONDS,
    )


def may_mail_link(edition_slug: str, email: str) -> bool:
    """At most one "here is your link" e-mail per address per FORSAMLING_RESEND_INTERVAL."""
    key = f"mail-link:{edition_slug}:{email.strip().lower()}"
    with ratelimit.counting():
        counts = ratelimit.hit([key], seconds=settings.FORSAMLING_RESEND_INTERVAL_SECONDS)
    return counts[key] <= 1
