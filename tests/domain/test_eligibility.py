import pytest

from forsamling.domain.registration_rules import (
    EVERYONE,
    HEALTH_COUNCIL,
    NON_POLITICIANS,
    POLITICIANS,
    Attendee,
    NotEligible,
    check_eligible,
    may_attend,
)

POLITICIAN = Attendee(is_politician=True, is_health_council=False)
HEALTH_COUNCIL_MEMBER = Attendee(is_politician=True, is_health_council=True)
OFFICIAL = Attendee(is_politician=False, is_health_council=False)


@pytest.mark.parametrize("attendee", [POLITICIAN, HEALTH_COUNCIL_MEMBER, OFFICIAL])
def test_everyone_may_attend_a_session_for_everyone(attendee):
    assert may_attend(attendee, EVERYONE)


def test_politicians_and_health_council_members_may_attend_an_assembly_house():
    assert may_attend(POLITICIAN, POLITICIANS)
    assert may_attend(HEALTH_COUNCIL_MEMBER, POLITICIANS)
    assert not may_attend(OFFICIAL, POLITICIANS)


def test_only_non_politicians_may_attend_the_breakout_for_non_politicians():
    assert may_attend(OFFICIAL, NON_POLITICIANS)
    assert not may_attend(POLITICIAN, NON_POLITICIANS)
    assert not may_attend(HEALTH_COUNCIL_MEMBER, NON_POLITICIANS)


def test_only_health_council_members_may_attend_the_health_council_house():
    assert may_attend(HEALTH_COUNCIL_MEMBER, HEALTH_COUNCIL)
    assert not may_attend(POLITICIAN, HEALTH_COUNCIL)
    assert not may_attend(OFFICIAL, HEALTH_COUNCIL)


def test_check_eligible_raises_not_eligible_with_the_audience():
    with pytest.raises(NotEligible) as error:
        check_eligible(OFFICIAL, POLITICIANS)
    assert error.value.audience == POLITICIANS


def test_an_unknown_audience_is_a_programming_error():
    with pytest.raises(ValueError, match="Unknown audience"):
        may_attend(OFFICIAL, "vips")
