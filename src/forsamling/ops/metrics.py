"""Prometheus metrics (prometheus_client).

Two kinds:
- Request metrics, counted by `middleware.RequestMiddleware` in each process. With several
  gunicorn workers, set PROMETHEUS_MULTIPROC_DIR (an empty directory, emptied at each start)
  and every worker writes its counts there; a scrape of any worker adds them all up
  (prometheus_client's multiprocess mode; `gunicorn_conf.child_exit` tidies up after a worker).
- Business gauges, computed at scrape time from the database by `BusinessCollector`, so they
  are the same whichever worker or server answers.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

from django.db import DatabaseError
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector

from forsamling.ops import queries

logger = logging.getLogger(__name__)

CONTENT_TYPE = CONTENT_TYPE_LATEST
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

REQUESTS = Counter(
    "forsamling_http_requests",
    "HTTP requests answered, by method, route (the URL's name) and status code.",
    ["method", "route", "status"],
)
LATENCY = Histogram(
    "forsamling_http_request_duration_seconds",
    "Time to answer an HTTP request, by route.",
    ["route"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)


def observe(*, method: str, route: str, status: int, seconds: float) -> None:
    method = method if method in METHODS else "other"
    REQUESTS.labels(method=method, route=route, status=str(status)).inc()
    LATENCY.labels(route=route).observe(seconds)


class BusinessCollector:
    """The conference's numbers, read from the database at each scrape (five statements)."""

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily(
            "forsamling_database_up", "Whether the scrape could read the database (1) or not (0)."
        )
        try:
            metrics = list(self._read())
        except DatabaseError:
            logger.exception("Metrics: could not read the database")
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield from metrics

    def _read(self) -> Iterator[Metric]:
        registrations = GaugeMetricFamily(
            "forsamling_registrations", "Active registrations.", labels=["edition"]
        )
        seats = GaugeMetricFamily(
            "forsamling_seats_taken",
            "Session seats taken by active registrations.",
            labels=["edition"],
        )
        waiting = GaugeMetricFamily(
            "forsamling_waiting_list", "Places on the sessions' waiting lists.", labels=["edition"]
        )
        choices = queries.choices_by_edition()
        for slug, count in sorted(queries.registrations_by_edition().items()):
            registrations.add_metric([slug], count)
            counts = choices.get(slug, {})
            seats.add_metric([slug], counts.get("confirmed", 0))
            waiting.add_metric([slug], counts.get("waiting", 0))
        yield from (registrations, seats, waiting)

        queue = queries.task_queue()
        yield GaugeMetricFamily(
            "forsamling_task_queue_depth",
            "Background tasks due to run and waiting for a worker.",
            value=queue.depth,
        )
        yield GaugeMetricFamily(
            "forsamling_task_queue_oldest_age_seconds",
            "How long the longest-waiting due task has waited (0 when none waits).",
            value=queue.oldest_age,
        )

        emails = queries.emails_by_status()
        # A counter: only grows, except when the retention rules delete old messages
        # (Prometheus takes that for a reset).
        yield CounterMetricFamily(
            "forsamling_emails_sent",
            "E-mails the mail server accepted (the outbox's sent messages).",
            value=emails["sent"],
        )
        yield GaugeMetricFamily(
            "forsamling_emails_failed",
            "E-mails that failed for good (the outbox's failed messages).",
            value=emails["failed"],
        )
        yield GaugeMetricFamily(
            "forsamling_emails_waiting",
            "E-mails waiting to be sent or retried.",
            value=emails["waiting"],
        )
        yield GaugeMetricFamily(
            "forsamling_login_lockouts",
            "User names and addresses locked out of the back office now (django-axes).",
            value=queries.login_lockouts(),
        )


def multiprocess_dir() -> str | None:
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR") or None


def exposition() -> bytes:
    """The text Prometheus scrapes: this process's (or all workers') request metrics and the
    business gauges."""
    registry = CollectorRegistry(auto_describe=False)
    if (path := multiprocess_dir()) is not None:
        MultiProcessCollector(registry, path=path)
    else:
        registry.register(REGISTRY)  # a registry is a collector too
    registry.register(BusinessCollector())
    return generate_latest(registry)
