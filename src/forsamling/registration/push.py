"""Web Push to participants who asked for it on "Mit program" (the Push API with VAPID).

E-mail stays the default: push is an extra, off unless the site has VAPID keys
(`FORSAMLING_VAPID_PUBLIC_KEY`, `FORSAMLING_VAPID_PRIVATE_KEY`, `FORSAMLING_VAPID_SUBJECT`;
`manage.py generate_vapid_keys` makes a pair). A participant hears when a session of theirs
moved or was cancelled in a newly published version, or when a seat from the waiting list
became theirs. Messages go through a durable background task (`send_push_task`), queued in
the caller's transaction like the e-mails: never sent inside a request's transaction. A push
service answering 404 or 410 says the subscription is gone; it is deleted.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db import DatabaseBackend
from pywebpush import WebPushException, webpush

from forsamling.registration.emails import my_programme_url
from forsamling.registration.models import Choice, PushSubscription, Registration

logger = logging.getLogger(__name__)

GONE = {404, 410}  # the push service forgot the subscription (RFC 8030, section 7.3)
RETRIES = 3
RETRY_AFTER = timedelta(minutes=5)
TTL = 24 * 60 * 60  # a message waits a day at most for a phone that is off


@dataclass(frozen=True)
class SubscriptionKeys:
    endpoint: str
    p256dh: str
    auth: str


class InvalidSubscription(ValueError):
    """The browser's subscription is not one we can send to."""


def is_configured() -> bool:
    return bool(public_key() and getattr(settings, "FORSAMLING_VAPID_PRIVATE_KEY", ""))


def public_key() -> str:
    return getattr(settings, "FORSAMLING_VAPID_PUBLIC_KEY", "")


def read_subscription(data: object) -> SubscriptionKeys:
    """The subscription a browser's `PushSubscription.toJSON()` describes; only https push
    services (a test may allow its own local one through `FORSAMLING_PUSH_ALLOW_HTTP`)."""
    if not isinstance(data, dict):
        raise InvalidSubscription("not an object")
    endpoint, keys = data.get("endpoint"), data.get("keys")
    if not isinstance(endpoint, str) or not isinstance(keys, dict):
        raise InvalidSubscription("no endpoint or keys")
    allowed = ("https://", "http://") if settings.FORSAMLING_PUSH_ALLOW_HTTP else ("https://",)
    if not endpoint.startswith(allowed) or len(endpoint) > 1000:
        raise InvalidSubscription("endpoint")
    p256dh, auth = keys.get("p256dh"), keys.get("auth")
    if not isinstance(p256dh, str) or not isinstance(auth, str):
        raise InvalidSubscription("keys")
    if not (60 <= len(p256dh) <= 200 and 10 <= len(auth) <= 100):
        raise InvalidSubscription("key lengths")
    return SubscriptionKeys(endpoint, p256dh, auth)


def subscribe(*, registration: Registration, keys: SubscriptionKeys) -> PushSubscription:
    """Keeps the browser's subscription for the participant (the same browser again replaces
    its keys; a browser handed to another participant's link becomes theirs)."""
    with transaction.atomic(durable=True):
        subscription, _created = PushSubscription.objects.update_or_create(
            endpoint=keys.endpoint,
            defaults={"registration": registration, "p256dh": keys.p256dh, "auth": keys.auth},
        )
    return subscription


def unsubscribe(*, registration: Registration, endpoint: str) -> None:
    with transaction.atomic(durable=True):
        PushSubscription.objects.filter(registration=registration, endpoint=endpoint).delete()


def notify(registration: Registration, *, title: str, body: str, url: str) -> None:
    """Queues a push message to the participant's browsers, as part of the caller's change:
    written in its transaction with the database backend, handed over on commit otherwise.
    Nothing is queued for a participant without a subscription, or when push is off."""
    if not is_configured() or not registration.push_subscriptions.exists():
        return
    if isinstance(send_push_task.get_backend(), DatabaseBackend):
        send_push_task.enqueue(registration.pk, title, body, url, 0)
    else:
        transaction.on_commit(partial(send_push_task.enqueue, registration.pk, title, body, url, 0))


def send_push(registration_pk: int, title: str, body: str, url: str, attempt: int = 0) -> int:
    """Sends the message to each of the participant's browsers; returns how many took it."""
    payload = json.dumps({"title": title, "body": body, "url": url}, ensure_ascii=False)
    delivered = 0
    failed = False
    for subscription in PushSubscription.objects.filter(registration_id=registration_pk):
        try:
            webpush(
                subscription_info={
                    "endpoint": subscription.endpoint,
                    "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth},
                },
                data=payload,
                vapid_private_key=settings.FORSAMLING_VAPID_PRIVATE_KEY,
                vapid_claims={"sub": settings.FORSAMLING_VAPID_SUBJECT},
                ttl=TTL,
                timeout=10,
            )
        except WebPushException as error:
            status = error.response.status_code if error.response is not None else None
            if status in GONE:
                subscription.delete()
            else:
                logger.warning("Push to registration %s failed: %s", registration_pk, status)
                failed = True
        except OSError as error:  # the push service could not be reached (requests' errors)
            logger.warning("Push to registration %s failed: %s", registration_pk, error)
            failed = True
        else:
            delivered += 1
    if failed and attempt + 1 < RETRIES and send_push_task.get_backend().supports_defer:
        send_push_task.using(run_after=timezone.now() + RETRY_AFTER).enqueue(
            registration_pk, title, body, url, attempt + 1
        )
    return delivered


def notify_promotion(choice: Choice) -> None:
    """A seat from the waiting list became the participant's (in the promoting transaction)."""
    registration = choice.registration
    notify(
        registration,
        title="Du har fået plads",
        body=f"Du har fået en plads fra ventelisten: {choice.session}.",
        url=my_programme_url(registration),
    )


def notify_programme_changes(registration: Registration, changes: list[str]) -> None:
    """A newly published programme version moved or cancelled a session of the participant's."""
    notify(
        registration,
        title="Ændringer i dit program",
        body=" ".join(changes[:3]) + (" …" if len(changes) > 3 else ""),
        url=my_programme_url(registration),
    )


@task()
def send_push_task(registration_pk: int, title: str, body: str, url: str, attempt: int) -> int:
    """`send_push` in the background worker (`manage.py db_worker`)."""
    return send_push(registration_pk, title, body, url, attempt)
