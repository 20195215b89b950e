"""A participant changes their afternoon track ("sæson") after registering (issue 25)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from forsamling.domain.audit import AuditAction
from forsamling.domain.registration_rules import RegistrationCancelled
from forsamling.programme.models import Track
from forsamling.registration import services
from forsamling.registration.models import AuditEntry, ConsentRecord
from tests.factories import EditionFactory

from .conftest import details

pytestmark = pytest.mark.django_db


def tracks(edition):
    social = Track.objects.create(edition=edition, key="social", name="Den Socialpolitiske Sæson")
    health = Track.objects.create(
        edition=edition, key="sundhed", name="Den Sundhedspolitiske Sæson", order=1
    )
    return social, health


def registered(edition, track):
    return services.register_participant(
        edition=edition,
        idempotency_key=f"track-{track.key}",
        details=details("Mette Hansen", list_consent=True),
        category=edition.politician,
        sessions=[],
        track=track,
    ).registration


def test_changing_the_track_changes_it_and_says_so_in_the_log_only(edition):
    social, health = tracks(edition)
    registration = registered(edition, social)
    consents = list(ConsentRecord.objects.values_list("id", "withdrawn_at"))
    services.change_track(registration=registration, track=health)
    registration.refresh_from_db()
    assert registration.track == health
    entry = AuditEntry.objects.filter(registration=registration).latest("id")
    assert (entry.action, entry.details) == (AuditAction.DETAILS_UPDATED, {"fields": ["track"]})
    assert list(ConsentRecord.objects.values_list("id", "withdrawn_at")) == consents


def test_another_edition_s_track_or_a_cancelled_registration_is_refused(edition):
    social, _ = tracks(edition)
    registration = registered(edition, social)
    elsewhere = Track.objects.create(
        edition=EditionFactory(slug="2027", year=2027), key="x", name="Anden udgave"
    )
    with pytest.raises(ValueError):
        services.change_track(registration=registration, track=elsewhere)
    services.cancel_registration(registration=registration)
    registration.refresh_from_db()
    with pytest.raises(RegistrationCancelled):
        services.change_track(registration=registration, track=social)


def test_the_private_page_offers_the_track_only_to_who_chose_one(client, edition):
    social, health = tracks(edition)
    registration = registered(edition, social)
    kwargs = {"edition": edition.slug, "token": registration.token}
    page = client.get(reverse("public:registration", kwargs=kwargs)).content.decode()
    assert "Skift sæson" in page
    url = reverse("public:registration_track", kwargs=kwargs)
    assert client.post(url, {}).status_code == 400  # sent empty: the error, nothing lost
    response = client.post(url, {"track": str(health.pk)}, follow=True)
    assert "Din sæson er gemt." in response.content.decode()
    assert "Den Sundhedspolitiske Sæson" in response.content.decode()

    no_track = services.register_participant(
        edition=edition,
        idempotency_key="no-track",
        details=details("Jens Hansen"),
        category=edition.politician,
        sessions=[],
    ).registration
    kwargs = {"edition": edition.slug, "token": no_track.token}
    assert (
        "Skift sæson"
        not in client.get(reverse("public:registration", kwargs=kwargs)).content.decode()
    )
    assert client.post(reverse("public:registration_track", kwargs=kwargs), {}).status_code == 404
