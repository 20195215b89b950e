"""The issue's finding: one address took all 16 stands in 6.9 s with the same CVR number, as
"at most 2 stands" was checked per booking. The limit counts a company's (CVR number) and a
contact's (e-mail) stands across their bookings, checked under a lock so that concurrent
bookings cannot both pass."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection

from forsamling.domain import stands as rules
from forsamling.exhibitors import services
from forsamling.exhibitors.messages import describe
from forsamling.exhibitors.models import Exhibitor, Stand
from tests.exhibitors.conftest import details, make_edition, make_stand
from tests.exhibitors.test_pages import book_url, booking_data
from tests.racing import race


def test_a_company_cannot_pass_the_limit_by_booking_one_stand_at_a_time(client, edition, stands):
    extra = make_stand(edition, "C1")
    for stand in stands[:2]:
        response = client.post(book_url(edition), booking_data([stand]))
        assert response.status_code == 302
    refused = client.post(book_url(edition), booking_data([extra], contact_email="ny@example.dk"))
    assert refused.status_code == 422
    page = refused.content.decode()
    assert "har allerede booket 2 stande" in page and "højst have 2" in page
    assert 'value="ny@example.dk"' in page  # what was typed is kept
    assert Stand.objects.filter(exhibitor__isnull=False).count() == 2


def test_the_same_contact_e_mail_with_another_cvr_counts_too(client, edition, stands):
    assert client.post(book_url(edition), booking_data(stands[:2])).status_code == 302
    other = booking_data([stands[2]], cvr="10 40 34 21", contact_email="SOREN@example.dk")
    refused = client.post(book_url(edition), other)
    assert refused.status_code == 422 and "har allerede booket 2 stande" in refused.content.decode()
    assert Exhibitor.objects.count() == 1


def test_another_company_books_as_before(client, edition, stands):
    assert client.post(book_url(edition), booking_data(stands[:2])).status_code == 302
    other = booking_data([stands[2]], cvr="10 40 34 21", contact_email="anden@example.dk")
    assert client.post(book_url(edition), other).status_code == 302


def test_one_more_stand_up_to_the_limit_is_allowed(db):
    edition = make_edition()
    first, second = make_stand(edition, "A1"), make_stand(edition, "A2")
    services.book_stands(edition=edition, stand_ids=[first.pk], details=details())
    services.book_stands(edition=edition, stand_ids=[second.pk], details=details())
    third = make_stand(edition, "A3")
    with pytest.raises(rules.StandLimitReached) as error:
        services.book_stands(edition=edition, stand_ids=[third.pk], details=details())
    assert "allerede booket 2 stande" in describe(error.value)


@pytest.mark.concurrency
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL (run with-postgres)"
)
def test_concurrent_bookings_with_one_cvr_get_at_most_the_limit():
    """Sixteen stands, sixteen bookings at once from one company, each for its own stand:
    two are booked, fourteen refused in Danish, no deadlock."""
    edition = make_edition()
    stands = [make_stand(edition, f"S{i}") for i in range(16)]

    def attempt(i: int) -> Callable[[], object]:
        # Half of them under another e-mail: the CVR number alone holds them back.
        email = "soren@example.dk" if i % 2 else f"kollega{i}@example.dk"
        return lambda: services.book_stands(
            edition=edition, stand_ids=[stands[i].pk], details=details(contact_email=email)
        )

    results = race([attempt(i) for i in range(16)])
    booked = [r for r in results if isinstance(r, Exhibitor)]
    refused = [r for r in results if isinstance(r, rules.StandLimitReached)]
    assert len(booked) == 2 and len(refused) == 14, results
    assert Stand.objects.filter(exhibitor__isnull=False).count() == 2
