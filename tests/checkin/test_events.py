"""Scans from door devices: taken once, whoever sends them how often, with warnings."""

from __future__ import annotations

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from forsamling.checkin.models import CheckIn, CheckInEvent, Outcome, SessionEntry
from forsamling.checkin.services import record_event
from forsamling.checkin.tokens import badge_code
from forsamling.domain.checkin import DoorWarning
from forsamling.registration.models import AuditEntry, Choice, ChoiceStatus
from forsamling.registration.services import cancel_registration
from tests.backoffice.conftest import make_conference, register

CPH = ZoneInfo("Europe/Copenhagen")
AT_9_02 = datetime(2026, 5, 7, 9, 2, 17, tzinfo=CPH)


def scan(conference, registration_or_code, *, device="Indgang A", at=AT_9_02, session=None,
         event_id=None):  # fmt: skip
    code = (
        registration_or_code
        if isinstance(registration_or_code, str)
        else badge_code(registration_or_code.pk)
    )
    return record_event(
        edition=conference.edition,
        event_id=event_id or uuid.uuid4(),
        code=code,
        device=device,
        scanned_at=at,
        session=session,
    )


def test_a_scan_checks_the_person_in_at_the_moment_and_device_of_the_scan(conference, people):
    answer = scan(conference, people.zara)
    assert answer.event.outcome == Outcome.CHECKED_IN and answer.event.warnings == []
    checkin = CheckIn.objects.get(registration=people.zara)
    assert checkin.at == AT_9_02 and checkin.device == "Indgang A"
    entry = AuditEntry.objects.get(registration=people.zara, action="checked_in")
    assert entry.details["device"] == "Indgang A"


def test_the_same_event_sent_twice_counts_once_and_gets_the_same_answer(conference, people):
    event_id = uuid.uuid4()
    first = scan(conference, people.bo, event_id=event_id)
    again = scan(conference, people.bo, event_id=event_id, device="Indgang A")
    assert first.event.outcome == again.event.outcome == Outcome.CHECKED_IN
    assert CheckInEvent.objects.count() == 1 and CheckIn.objects.count() == 1
    assert AuditEntry.objects.filter(action="checked_in").count() == 1


def test_a_second_device_is_told_when_and_where_the_person_was_checked_in(conference, people):
    scan(conference, people.bo, device="indgang B")
    later = datetime(2026, 5, 7, 9, 5, tzinfo=CPH)
    second = scan(conference, people.bo, device="Indgang A", at=later)
    assert second.event.outcome == Outcome.ALREADY
    assert second.first_at == AT_9_02 and second.first_device == "indgang B"
    assert CheckIn.objects.count() == 1 and CheckInEvent.objects.count() == 2


def test_a_cancelled_registration_is_refused_with_a_warning(conference, people):
    cancel_registration(registration=people.bo)
    answer = scan(conference, people.bo)
    assert answer.event.outcome == Outcome.REFUSED
    assert answer.event.warnings == [DoorWarning.CANCELLED]
    assert not CheckIn.objects.exists()


def test_a_badge_of_another_edition_is_refused_and_says_so(conference, people):
    other = make_conference("2027")
    answer = scan(other, people.bo)
    assert answer.event.warnings == [DoorWarning.OTHER_EDITION]
    assert answer.event.outcome == Outcome.REFUSED and not CheckIn.objects.exists()


def test_a_forged_or_mistyped_code_is_unknown(conference, people):
    answer = scan(conference, f"{people.bo.pk}-0000000000000000")
    assert answer.event.warnings == [DoorWarning.UNKNOWN]
    assert answer.registration is None and not CheckIn.objects.exists()


def test_someone_only_on_a_waiting_list_is_checked_in_with_a_warning(conference, people):
    # Ældrepleje på øerne has two seats, both taken: the next one waits.
    waiter = register(conference, "Vera Venter", sessions=[conference.small])
    assert Choice.objects.get(registration=waiter).status == ChoiceStatus.WAITING
    answer = scan(conference, waiter)
    assert answer.event.outcome == Outcome.CHECKED_IN
    assert answer.event.warnings == [DoorWarning.WAITING_ONLY]


def test_a_session_door_counts_people_in_once_registered_or_not(conference, people):
    small = conference.small
    seated = scan(conference, people.aase, session=small)
    assert seated.event.warnings == [] and seated.entered == 1
    unregistered = scan(conference, people.zara, session=small, device="Sal 2")
    assert unregistered.event.warnings == [DoorWarning.NOT_REGISTERED]
    assert unregistered.entered == 2
    again = scan(conference, people.aase, session=small, device="Sal 2")
    assert again.event.outcome == Outcome.ALREADY and again.entered == 2
    full = scan(conference, people.oline, session=small)
    assert full.event.warnings == [DoorWarning.NOT_REGISTERED, DoorWarning.FULL]
    assert full.entered == 3
    registered = dict(SessionEntry.objects.values_list("registration_id", "registered"))
    assert registered == {people.aase.pk: True, people.zara.pk: False, people.oline.pk: False}
    assert not CheckIn.objects.exists()


def test_a_session_door_warns_about_someone_on_its_waiting_list(conference, people):
    answer = scan(conference, people.bo, session=conference.small)
    assert answer.event.warnings == [DoorWarning.WAITING]
