"""/metrics: only for the monitoring (a bearer token or an allowed network, else a page not
found), with request counts and the conference's numbers read from the database at scrape
time."""

from __future__ import annotations

import json
import re
import uuid
from datetime import timedelta
from ipaddress import ip_network
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from prometheus_client.parser import text_string_to_metric_families

from forsamling.outbox.models import MessageStatus, SentMessage
from forsamling.registration import services
from tests.ops.conftest import details
from tests.ops.test_health import queued_task

pytestmark = pytest.mark.django_db
TOKEN = "metrics-token-for-the-tests-0123456789"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def token(settings):
    settings.METRICS_TOKEN = TOKEN
    settings.METRICS_ALLOWED_NETWORKS = []


def scrape(client, **headers) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """The samples, by name and labels."""
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}", **headers)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    samples = {}
    for family in text_string_to_metric_families(response.content.decode()):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def value(samples, name, **labels) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def register(edition, name, sessions):
    return services.register_participant(
        edition=edition,
        idempotency_key=uuid.uuid4().hex,
        details=details(name),
        category=edition.official,
        sessions=sessions,
    ).registration


def test_without_the_token_the_metrics_are_a_page_not_found(client, settings):
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION=f"Basic {TOKEN}").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code == 200
    page = client.get("/metrics")
    assert b"forsamling_" not in page.content and "Siden findes ikke" in page.content.decode()


def test_no_token_configured_means_no_token_opens_them(client, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer").status_code == 404


def test_an_allowed_network_may_scrape_directly_but_not_through_the_proxy(client, settings):
    settings.METRICS_TOKEN = ""
    settings.METRICS_ALLOWED_NETWORKS = [ip_network("10.0.0.0/8"), ip_network("fd00::/8")]
    assert client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="fd00::5").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="192.0.2.1").status_code == 404
    # The proxy sits in the allowed network; what it forwards is the public's.
    forwarded = client.get("/metrics", REMOTE_ADDR="10.1.2.3", HTTP_X_FORWARDED_FOR="10.1.2.3")
    assert forwarded.status_code == 404


def test_a_registration_through_the_service_moves_the_counts(client, edition):
    before = scrape(client)
    assert value(before, "forsamling_registrations", edition="2026") == 0
    first = register(edition, "Mette Hansen", [edition.small_theme])
    register(edition, "Ole Olsen", [edition.small_theme])
    register(edition, "Lis Lund", [edition.small_theme, edition.officials_breakout])
    after = scrape(client)
    assert value(after, "forsamling_registrations", edition="2026") == 3
    # "Faste teams" has two seats: two taken, one on its waiting list; one seat elsewhere.
    assert value(after, "forsamling_seats_taken", edition="2026") == 3
    assert value(after, "forsamling_waiting_list", edition="2026") == 1
    services.cancel_registration(registration=first)
    cancelled = scrape(client)
    assert value(cancelled, "forsamling_registrations", edition="2026") == 2


def test_requests_are_counted_by_route_and_status(client, edition):
    before = scrape(client)
    client.get("/2026/program/")
    client.get("/findes/ikke/")
    after = scrape(client)
    programme = {"method": "GET", "route": "public:programme", "status": "200"}
    missing = {"method": "GET", "route": "unmatched", "status": "404"}
    assert value(after, "forsamling_http_requests_total", **programme) == (
        value(before, "forsamling_http_requests_total", **programme) + 1
    )
    assert value(after, "forsamling_http_requests_total", **missing) == (
        value(before, "forsamling_http_requests_total", **missing) + 1
    )
    count = "forsamling_http_request_duration_seconds_count"
    assert value(after, count, route="public:programme") == (
        value(before, count, route="public:programme") + 1
    )


def test_the_queue_the_outbox_and_the_lockouts_are_read_from_the_database(client, settings):
    settings.AXES_FAILURE_LIMIT = 3
    queued_task(waited=timedelta(seconds=90))
    queued_task(waited=timedelta(seconds=5))
    for status, n in ((MessageStatus.SENT, 4), (MessageStatus.FAILED, 1)):
        for i in range(n):
            SentMessage.objects.create(to=f"p{i}@aalborg.dk", subject="Kvittering", status=status)
    get_user_model().objects.create_user("arrangoer", password="rigtigt-kodeord-123")
    for _ in range(3):
        client.post("/backoffice/login/", {"username": "arrangoer", "password": "forkert"})
    samples = scrape(client)
    assert value(samples, "forsamling_task_queue_depth") == 2
    assert 90 <= value(samples, "forsamling_task_queue_oldest_age_seconds") < 120
    assert value(samples, "forsamling_emails_sent_total") == 4
    assert value(samples, "forsamling_emails_failed") == 1
    assert value(samples, "forsamling_login_lockouts") == 1
    assert value(samples, "forsamling_database_up") == 1


def test_a_scrape_is_a_few_queries_whatever_the_data(client, edition, django_assert_num_queries):
    register(edition, "Mette Hansen", [edition.small_theme])
    with django_assert_num_queries(5):
        scrape(client)


def test_the_grafana_dashboard_asks_only_for_metrics_that_exist(client, edition):
    """deploy/grafana-dashboard.json (README, Monitoring): every series its queries name is in a
    real scrape."""
    client.get("/2026/program/")
    exposed = {name for name, _ in scrape(client)}
    dashboard = json.loads((ROOT / "deploy" / "grafana-dashboard.json").read_text())
    expressions = [t["expr"] for p in dashboard["panels"] for t in p["targets"]]
    named = {name for expr in expressions for name in re.findall(r"forsamling_\w+", expr)}
    assert len(named) >= 10
    assert named <= exposed, named - exposed
