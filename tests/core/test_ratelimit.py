"""The rate-limit counters are shared: concurrent hits from many connections (as from many
workers) are all counted, by one atomic upsert each."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, transaction

from forsamling.core import abuse
from forsamling.core.models import RateCounter


@pytest.mark.django_db(transaction=True)
def test_concurrent_hits_from_many_connections_are_all_counted():
    def hit(_):
        try:
            return abuse.hit(["register:address:10.0.0.1", "register:domain:kk.dk"], seconds=600)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(hit, range(80)))
    assert RateCounter.objects.get(key="register:address:10.0.0.1").count == 80
    assert RateCounter.objects.get(key="register:domain:kk.dk").count == 80
    # Every hit saw a different count: no two read the same value and wrote it back.
    assert sorted(r["register:address:10.0.0.1"] for r in results) == list(range(1, 81))


@pytest.mark.django_db
def test_a_new_window_starts_from_one_and_drops_the_old_windows():
    for _ in range(3):
        abuse.hit(["k"], seconds=60, now=1_000_000.0)
    assert abuse.hit(["k"], seconds=60, now=1_000_000.0 + 60)["k"] == 1
    assert abuse.hit(["k"], seconds=60, now=1_000_000.0 + 180)["k"] == 1
    assert list(RateCounter.objects.values_list("window", flat=True)) == [(1_000_000 + 180) // 60]


@pytest.fixture
def durable_session():
    """The tests' throwaway cluster runs without flushes; this session asks for them, as
    production's configuration does."""
    if connection.vendor != "postgresql":
        pytest.skip("synchronous_commit is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = on")
    yield
    with connection.cursor() as cursor:
        cursor.execute("RESET synchronous_commit")


def _synchronous_commit() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return str(cursor.fetchone()[0])


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("write", ["hit", "use_up"])
def test_a_counter_is_one_statement_that_commits_without_a_disk_flush(durable_session, write):
    """Outside a transaction, a counter's write is its own transaction, one round trip, and
    that transaction runs with synchronous_commit off; the session's next one is durable."""
    from datetime import UTC, datetime, timedelta

    from django.test.utils import CaptureQueriesContext

    abuse.hit(["register:address:10.0.0.2"], seconds=600)  # a window's first also cleans up
    with CaptureQueriesContext(connection) as queries:
        if write == "hit":
            abuse.hit(["register:address:10.0.0.2"], seconds=600)
        else:
            assert abuse.use_up("f" * 64, datetime.now(UTC) + timedelta(minutes=5))
    assert len(queries) == 1
    assert _synchronous_commit() == "on"  # set for the statement's transaction alone
    # The same statement, run again inside a transaction of the test's, turns the flush off in
    # it: so it did in its own.
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(queries[0]["sql"])
        assert _synchronous_commit() == "off"
    assert _synchronous_commit() == "on"
    if write == "hit":
        assert RateCounter.objects.get(key="register:address:10.0.0.2").count == 3


@pytest.mark.django_db(transaction=True)
def test_inside_a_callers_transaction_the_callers_durability_is_kept(durable_session):
    with transaction.atomic():
        abuse.hit(["mail-link:x"], seconds=600)
        assert _synchronous_commit() == "on"
    assert RateCounter.objects.get(key="mail-link:x").count == 1


@pytest.mark.django_db(transaction=True)
def test_with_autocommit_turned_off_by_hand_too(durable_session):
    """A caller that manages its transaction itself (`set_autocommit(False)`) is in one."""
    transaction.set_autocommit(False)
    try:
        abuse.hit(["mail-link:y"], seconds=600)
        assert _synchronous_commit() == "on"
        transaction.commit()
    finally:
        transaction.set_autocommit(True)
    assert RateCounter.objects.get(key="mail-link:y").count == 1


@pytest.mark.django_db
def test_a_first_hit_is_first_in_its_window_and_the_one_before_also_across_the_edge():
    """CI's failure: a link mailed at 10.29.59 and again at 10.30.00 (two fixed windows)."""
    edge = 1_000_200.0  # a multiple of 300: a window starts here
    assert abuse.first_hit("mail", seconds=300, now=edge - 1)
    assert not abuse.first_hit("mail", seconds=300, now=edge - 0.5)
    assert not abuse.first_hit("mail", seconds=300, now=edge)  # the next window
    assert not abuse.first_hit("mail", seconds=300, now=edge + 299)
    # Two windows on, the earlier hits are out of reach, and the next one is first again.
    assert abuse.first_hit("mail", seconds=300, now=edge + 300)
    assert abuse.first_hit("other", seconds=300, now=edge + 300)


@pytest.mark.django_db
def test_calls_refused_do_not_push_the_next_grant_further_off():
    """Someone asking for another's link every minute never keeps it from them."""
    start = 1_000_200.0
    assert abuse.first_hit("mail", seconds=300, now=start)
    for minute in range(1, 10):
        assert not abuse.first_hit("mail", seconds=300, now=start + 60 * minute - 1)
    assert abuse.first_hit("mail", seconds=300, now=start + 600)
