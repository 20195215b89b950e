"""A participant's private calendar feed: made, renewed or revoked from "Mit program".

The feed has its own token, not the private link's: revoking it stops every calendar that
follows it and leaves the link working; renewing gives a new address and stops the old one.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from forsamling.registration.models import CalendarFeed, Registration, new_token


def feed_of(registration: Registration) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(registration=registration).first()


def create_calendar_feed(*, registration: Registration) -> CalendarFeed:
    """The participant's feed, made if they have none (asking twice gives the same address)."""
    with transaction.atomic(durable=True):
        feed, _created = CalendarFeed.objects.get_or_create(registration=registration)
    return feed


def calendar_feed_for_email(registration: Registration) -> CalendarFeed:
    """The feed the confirmation e-mail offers, made when the e-mail is written (by the mail
    task, in whatever transaction it runs: a single get-or-create)."""
    feed, _created = CalendarFeed.objects.get_or_create(registration=registration)
    return feed


def renew_calendar_feed(*, registration: Registration) -> CalendarFeed:
    """A new address for the feed; the old one answers 404 from now on."""
    with transaction.atomic(durable=True):
        feed, created = CalendarFeed.objects.select_for_update().get_or_create(
            registration=registration
        )
        if not created:
            feed.token = new_token()
            feed.save(update_fields=["token"])
    return feed


def revoke_calendar_feed(*, registration: Registration) -> None:
    """No feed any more: calendars following it get 404."""
    with transaction.atomic(durable=True):
        CalendarFeed.objects.filter(registration=registration).delete()


def feed_registration(token: str) -> Registration | None:
    """The registration whose feed this is, if the token is still valid."""
    feed = (
        CalendarFeed.objects.select_related("registration__edition", "registration__track")
        .filter(token=token, registration__edition__is_public=True)
        .first()
    )
    return feed.registration if feed else None


def feed_path(feed: CalendarFeed) -> str:
    return reverse(
        "public:calendar_feed",
        kwargs={"edition": feed.registration.edition.slug, "feed": feed.token},
    )


def webcal_url(feed: CalendarFeed) -> str:
    """The address to subscribe to: the site's, with `webcal://` for calendars to follow it."""
    site = settings.SITE_URL
    host = site.split("://", 1)[1] if "://" in site else site
    return f"webcal://{host}{feed_path(feed)}"


def https_url(feed: CalendarFeed) -> str:
    """The same feed over plain http(s), for calendars that ask for such an address."""
    return f"{settings.SITE_URL}{feed_path(feed)}"
