"""Consents are records: what, in which wording and version, when given, when withdrawn."""

import uuid

import pytest

from forsamling.domain.registration_rules import EditionFull
from forsamling.privacy import consents
from forsamling.registration import seats, services
from forsamling.registration.models import AuditEntry, ConsentRecord, PrivacyNotice, Purpose
from tests.privacy.conftest import details


def register(edition, **extra):
    return services.register_participant(
        edition=edition,
        idempotency_key=uuid.uuid4().hex,
        details=details(**extra),
        category=edition.politician,
        sessions=[],
    ).registration


def test_ticking_the_box_at_registration_records_the_default_wording(edition):
    registration = register(edition, list_consent=True)
    (record,) = ConsentRecord.objects.filter(registration=registration)
    assert record.purpose == Purpose.PARTICIPANT_LIST
    assert record.version == 0
    assert "deltagerlisten" in record.wording
    assert record.given_at == registration.terms_accepted_at
    assert record.withdrawn_at is None


def test_no_box_no_record(edition):
    registration = register(edition)
    assert not ConsentRecord.objects.filter(registration=registration).exists()


def test_a_published_notice_version_is_recorded_with_its_wording(edition):
    PrivacyNotice.objects.create(
        edition=edition, version=3, text="# Tekst", list_consent_text="Ja til listen (v3)",
        photo_consent_text="Ja til fotos (v3)",
    )  # fmt: skip
    registration = register(edition)
    consents.give_consent(registration=registration, purpose=Purpose.PHOTOS)
    record = ConsentRecord.objects.get(registration=registration)
    assert (record.version, record.wording) == (3, "Ja til fotos (v3)")


def test_withdrawing_keeps_the_record_and_takes_the_participant_off_the_list(edition):
    registration = register(edition, list_consent=True)
    consents.withdraw_consent(registration=registration, purpose=Purpose.PARTICIPANT_LIST)
    registration.refresh_from_db()
    assert registration.list_consent is False
    (record,) = ConsentRecord.objects.filter(registration=registration)
    assert record.withdrawn_at is not None
    actions = list(
        AuditEntry.objects.filter(registration=registration).values_list("action", flat=True)
    )
    assert "consent_withdrawn" in actions


def test_giving_again_makes_a_new_record_and_giving_twice_changes_nothing(edition):
    registration = register(edition, list_consent=True)
    consents.withdraw_consent(registration=registration, purpose=Purpose.PARTICIPANT_LIST)
    consents.give_consent(registration=registration, purpose=Purpose.PARTICIPANT_LIST)
    consents.give_consent(registration=registration, purpose=Purpose.PARTICIPANT_LIST)
    records = list(ConsentRecord.objects.filter(registration=registration).order_by("id"))
    assert [r.withdrawn_at is None for r in records] == [False, True]
    registration.refresh_from_db()
    assert registration.list_consent is True


def test_unticking_the_box_in_the_details_withdraws(edition):
    registration = register(edition, list_consent=True)
    changed = services.ParticipantDetails.of(registration).__dict__ | {"list_consent": False}
    services.update_details(
        registration=registration, details=services.ParticipantDetails(**changed)
    )
    assert not ConsentRecord.objects.filter(registration=registration, withdrawn_at=None).exists()


def test_a_hand_over_ends_the_former_participants_consents(edition):
    registration = register(edition, list_consent=True)
    consents.give_consent(registration=registration, purpose=Purpose.PHOTOS)
    colleague = details(name="Jens Kollega")
    services.substitute_participant(registration=registration, details=colleague)
    assert not ConsentRecord.objects.filter(registration=registration, withdrawn_at=None).exists()


def test_a_registration_refused_after_its_consent_step_leaves_no_record(edition):
    """The consent is a step of the registration's own transaction, not a hook after it: when
    the edition's last place is gone (the step after it), neither registration nor record stays."""
    edition.capacity = 0
    edition.save(update_fields=["capacity"])
    seats.recount_places(edition)
    with pytest.raises(EditionFull):
        register(edition, list_consent=True)
    assert not ConsentRecord.objects.exists()
