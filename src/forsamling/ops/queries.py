"""The few aggregate reads behind the readiness check and the business metrics.

Each is one statement; a scrape costs five, whatever the number of registrations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Case, Count, F, Min, Q, When
from django.db.models.functions import Greatest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from forsamling.conferences.models import Edition
from forsamling.outbox.models import MessageStatus, SentMessage
from forsamling.registration.models import Choice, ChoiceStatus, Status


@dataclass(frozen=True)
class Queue:
    depth: int  # tasks due to run and not yet taken by a worker
    oldest_age: float  # seconds the longest-waiting of them has waited; 0 when none


def task_queue(now: datetime | None = None) -> Queue:
    """The worker's queue: tasks that are due and waiting. A task with a later start
    (`run_after`, a retry's pause) waits from then, not from when it was queued."""
    now = now or timezone.now()
    never = get_date_max()
    waiting_since = Case(
        When(run_after=never, then=F("enqueued_at")),
        default=Greatest("enqueued_at", "run_after"),
    )
    row = DBTaskResult.objects.ready().aggregate(depth=Count("pk"), since=Min(waiting_since))
    since = row["since"]
    age = max(0.0, (now - since).total_seconds()) if since is not None else 0.0
    return Queue(depth=row["depth"], oldest_age=age)


def registrations_by_edition() -> dict[str, int]:
    """Active registrations per edition slug, every edition named (0 when none)."""
    rows = Edition.objects.annotate(
        active=Count("registrations", filter=Q(registrations__status=Status.ACTIVE))
    ).values_list("slug", "active")
    return dict(rows)


def choices_by_edition() -> dict[str, dict[str, int]]:
    """Per edition slug: the session seats taken and the places on waiting lists, of active
    registrations."""
    rows = (
        Choice.objects.filter(registration__status=Status.ACTIVE)
        .values_list("registration__edition__slug", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[str, dict[str, int]] = {}
    for slug, status, n in rows:
        counts.setdefault(slug, dict.fromkeys(ChoiceStatus.values, 0))[status] = n
    return counts


def emails_by_status() -> dict[str, int]:
    """The outbox's messages per status (sent, waiting, failed, demo)."""
    rows = SentMessage.objects.values_list("status").annotate(n=Count("pk")).order_by()
    counts = dict.fromkeys(MessageStatus.values, 0)
    counts.update(dict(rows))
    return counts


def login_lockouts(now: datetime | None = None) -> int:
    """User names or addresses django-axes refuses now: as many failures as the limit, the
    last one within the cool-off time."""
    now = now or timezone.now()
    attempts = AccessAttempt.objects.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
    cooloff = settings.AXES_COOLOFF_TIME
    if isinstance(cooloff, timedelta):
        attempts = attempts.filter(attempt_time__gte=now - cooloff)
    return attempts.count()
