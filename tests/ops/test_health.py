"""/healthz says the process answers; /readyz that the database answers, every migration is
applied and the worker keeps up with its queue, or why not (503, a short JSON reason)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max


def queued_task(*, waited: timedelta, run_after=None) -> DBTaskResult:
    """A task row as the database backend writes it, waiting for a worker since `waited` ago."""
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="forsamling.outbox.sending.deliver",
        backend_name="default",
        run_after=run_after or get_date_max(),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - waited)
    return task


def test_healthz_answers_ok_without_touching_the_database(client):
    """No database for this test: a query would fail it (pytest-django blocks them)."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "Set-Cookie" not in response.headers and not response.cookies
    assert response.headers["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_health_is_answered_over_plain_http_in_production(client, settings):
    """A load balancer's probe speaks HTTP to the server: no redirect to HTTPS."""
    settings.SECURE_SSL_REDIRECT = True
    settings.DEBUG = False
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 200
    assert client.get("/").status_code == 301  # while every page is redirected


@pytest.mark.django_db
def test_health_answers_any_allowed_host_and_refuses_others(client, settings):
    settings.ALLOWED_HOSTS = ["forum.example.org", "10.0.0.7"]
    assert client.get("/healthz", HTTP_HOST="forum.example.org").status_code == 200
    assert client.get("/readyz", HTTP_HOST="10.0.0.7").status_code == 200
    assert client.get("/healthz", HTTP_HOST="evil.example.com").status_code == 400


def test_health_accepts_only_get_and_head(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_readyz_is_ok_when_database_migrations_and_queue_are(client):
    queued_task(waited=timedelta(seconds=10))
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_is_unavailable_while_a_migration_is_not_applied(client, settings):
    settings.MIGRATION_MODULES = {"ops": "tests.ops.pending_migrations"}
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "reasons": ["migrations pending"]}


@pytest.mark.django_db
def test_readyz_is_unavailable_when_the_oldest_waiting_task_is_too_old(client, settings):
    settings.READYZ_MAX_QUEUE_AGE = 300
    queued_task(waited=timedelta(seconds=30))
    queued_task(waited=timedelta(seconds=400))
    response = client.get("/readyz")
    assert response.status_code == 503
    (reason,) = response.json()["reasons"]
    assert reason.startswith("task queue stuck: oldest waiting task 4")
    settings.READYZ_MAX_QUEUE_AGE = 600
    assert client.get("/readyz").status_code == 200


@pytest.mark.django_db
def test_readyz_ignores_finished_tasks_and_counts_a_retry_from_its_start(client, settings):
    settings.READYZ_MAX_QUEUE_AGE = 300
    done = queued_task(waited=timedelta(hours=2))
    DBTaskResult.objects.filter(pk=done.pk).update(status="SUCCESSFUL")
    # Queued two hours ago to run in an hour (a retry's pause): not waiting yet.
    queued_task(waited=timedelta(hours=2), run_after=timezone.now() + timedelta(hours=1))
    # Queued two hours ago to run a minute ago: has waited a minute.
    queued_task(waited=timedelta(hours=2), run_after=timezone.now() - timedelta(minutes=1))
    assert client.get("/readyz").status_code == 200


@pytest.mark.django_db
def test_readyz_is_two_queries_once_the_migrations_have_passed(client, django_assert_num_queries):
    assert client.get("/readyz").status_code == 200
    with django_assert_num_queries(2):  # SELECT 1, the queue's age
        assert client.get("/readyz").status_code == 200
