"""Checking in at the door: once, audited, with a clear answer the second time."""

import pytest

from forsamling.checkin.models import CheckIn
from forsamling.checkin.services import check_in
from forsamling.checkin.tokens import badge_code
from forsamling.domain.checkin import NotRegistered, UnknownBadge
from forsamling.registration.models import AuditEntry
from forsamling.registration.services import cancel_registration
from tests.backoffice.conftest import make_conference


def test_check_in_marks_the_participant_and_audits_it(conference, people, users):
    result = check_in(edition=conference.edition, code=badge_code(people.bo.pk), by=users.checkin)
    assert not result.already and result.registration == people.bo
    assert CheckIn.objects.get().by == users.checkin
    entry = AuditEntry.objects.get(registration=people.bo, action="checked_in")
    assert entry.actor == "indtjekning:doer"


def test_second_scan_says_already_checked_in_and_when(conference, people, users):
    code = badge_code(people.bo.pk)
    first = check_in(edition=conference.edition, code=code, by=users.checkin)
    again = check_in(edition=conference.edition, code=code, by=users.organiser)
    assert again.already and again.checkin.at == first.checkin.at
    assert again.checkin.by == users.checkin
    assert CheckIn.objects.count() == 1


def test_a_cancelled_registration_cannot_check_in(conference, people, users):
    cancel_registration(registration=people.bo)
    with pytest.raises(NotRegistered):
        check_in(edition=conference.edition, code=badge_code(people.bo.pk), by=users.checkin)


def test_a_forged_code_is_unknown(conference, people, users):
    with pytest.raises(UnknownBadge):
        check_in(
            edition=conference.edition, code=f"{people.bo.pk}-0000000000000000", by=users.checkin
        )


def test_a_badge_from_another_edition_is_unknown(conference, people, users):
    other = make_conference("2027")
    with pytest.raises(UnknownBadge):
        check_in(edition=other.edition, code=badge_code(people.bo.pk), by=users.checkin)
