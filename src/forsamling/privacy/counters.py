"""Rate counters keyed by a person's e-mail address (`mail-link:<edition>:<e-mail>`), read
here through the counter model only, whatever the keys look like.

A counter is needed for its window and the one after it; `forsamling.core.abuse` removes a
key's older windows only when the key is hit again, so a key never hit again would stay for
ever. The retention removes every expired window, and an erasure the person's keys at once.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q

from forsamling.core.models import RateCounter
from forsamling.privacy import registry

# A window number is the time divided by its window's length: a number only fits a length if
# it puts the window's start within this horizon, which tells the lengths apart.
HORIZON = timedelta(days=366)


def window_lengths() -> set[int]:
    """Every window length the site counts in (seconds)."""
    return {
        settings.FORSAMLING_RATE_WINDOW_SECONDS,
        settings.FORSAMLING_RESEND_INTERVAL_SECONDS,
    }


def delete_expired_counters(now: datetime) -> int:
    """Deletes the windows that ended before the current one's predecessor, for every length
    (a row belongs to the length under which its window started in the last year)."""
    moment = now.timestamp()
    expired = Q(pk__in=[])
    for seconds in window_lengths():
        current = int(moment // seconds)
        earliest = int((moment - HORIZON.total_seconds()) // seconds)
        expired |= Q(window__gte=earliest, window__lt=current - 1)
    deleted, _ = RateCounter.objects.filter(expired).delete()
    return deleted


def delete_counters_of(person: registry.Person, now: datetime) -> int:
    """The person's counters: every key that contains one of their addresses."""
    keys = Q(pk__in=[])
    for email in person.emails:
        keys |= Q(key__icontains=email.strip())
    deleted, _ = RateCounter.objects.filter(keys).delete()
    return deleted
