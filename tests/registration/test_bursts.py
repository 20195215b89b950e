"""Organisers see a burst of registrations from one network or e-mail domain in the back
office, and cancel exactly the listed ones in one confirmed step (issue 23)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from forsamling.accounts.roles import grant_role
from forsamling.domain.permissions import Role
from forsamling.registration.models import Registration, Status
from tests.backoffice.conftest import make_user

from .test_pages import form_data, url


@pytest.fixture
def organiser(edition):
    user = make_user("arrangoer", is_staff=True)
    grant_role(user=user, edition=edition, role=Role.ORGANISER)
    return user


@pytest.fixture
def threshold(settings):
    settings.FORSAMLING_BURST_THRESHOLD = 4
    return settings


def register(client, edition, n, *, address, domain="herning.dk"):
    data = form_data(edition, idempotency_key=f"burst-{n}-{domain}", email=f"p{n}@{domain}")
    response = client.post(url(edition), data, REMOTE_ADDR=address)
    assert response.status_code == 302
    return response


def page(edition):
    return reverse("backoffice:bursts", kwargs={"edition": edition.slug})


def cancel_url(edition):
    return reverse("backoffice:bursts_cancel", kwargs={"edition": edition.slug})


def test_the_public_form_records_the_network_ipv4_address_or_ipv6_64(client, edition):
    register(client, edition, 1, address="203.0.113.30")
    register(client, edition, 2, address="2001:db8:5:6:aaaa::1")
    networks = set(Registration.objects.values_list("network", flat=True))
    assert networks == {"203.0.113.30/32", "2001:db8:5:6::/64"}


def test_a_burst_from_one_network_and_one_domain_is_listed_for_organisers(
    client, edition, organiser, threshold, django_assert_max_num_queries
):
    for n in range(4):
        register(client, edition, n, address=f"2001:db8:5:6::{n + 1}")  # one /64, rotated
    register(client, edition, 9, address="198.51.100.9", domain="aalborg.dk")
    client.force_login(organiser)
    with django_assert_max_num_queries(12):
        response = client.get(page(edition))
    text = response.content.decode()
    assert response.status_code == 200
    assert "<code>2001:db8:5:6::/64</code>: 4 tilmeldinger" in text
    assert "<code>herning.dk</code>: 4 tilmeldinger" in text
    assert "aalborg.dk" not in text and "198.51.100.9" not in text
    assert "p3@herning.dk" in text


def test_only_organisers_see_or_cancel_bursts(client, edition, threshold):
    viewer = make_user("laeser", is_staff=True)
    grant_role(user=viewer, edition=edition, role=Role.VIEWER)
    register(client, edition, 1, address="203.0.113.30")
    client.force_login(viewer)
    assert client.get(page(edition)).status_code == 403
    ids = str(Registration.objects.get().pk)
    assert client.post(cancel_url(edition), {"ids": ids, "confirm": "ja"}).status_code == 403
    assert Registration.objects.get().status == Status.ACTIVE


def test_cancelling_needs_the_tick_and_cancels_only_the_listed_registrations(
    client, edition, organiser, threshold, mailoutbox, django_capture_on_commit_callbacks
):
    for n in range(4):
        register(client, edition, n, address="203.0.113.30")
    client.force_login(organiser)
    text = client.get(page(edition)).content.decode()
    listed = text.split('name="ids" value="')[1].split('"')[0]
    client.logout()
    register(client, edition, 7, address="203.0.113.30")  # arrives after the page was read
    client.force_login(organiser)
    unticked = client.post(cancel_url(edition), {"ids": listed}, follow=True)
    assert "Intet er afmeldt" in unticked.content.decode()
    assert not Registration.objects.filter(status=Status.CANCELLED).exists()
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(cancel_url(edition), {"ids": listed, "confirm": "ja"}, follow=True)
    assert "4 tilmeldinger er afmeldt." in done.content.decode()
    cancelled = Registration.objects.filter(status=Status.CANCELLED)
    assert sorted(cancelled.values_list("email", flat=True)) == [
        f"p{n}@herning.dk" for n in range(4)
    ]
    assert Registration.objects.get(email="p7@herning.dk").status == Status.ACTIVE
