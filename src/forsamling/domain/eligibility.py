"""Who may attend which session: a participant category against a session's audience.

Health council members are elected politicians (regional and municipal councillors), but a
category says so explicitly with both flags rather than one implying the other, so an
organiser can see and change it.
"""

from __future__ import annotations

from dataclasses import dataclass

EVERYONE = "everyone"
POLITICIANS = "politicians"
NON_POLITICIANS = "non_politicians"
HEALTH_COUNCIL = "health_council"
AUDIENCES = (EVERYONE, POLITICIANS, NON_POLITICIANS, HEALTH_COUNCIL)


class NotEligible(ValueError):
    """The participant's category may not attend the session."""

    def __init__(self, audience: str) -> None:
        super().__init__(f"Category may not attend a session for {audience!r}")
        self.audience = audience


@dataclass(frozen=True)
class Attendee:
    """What eligibility needs to know about a participant's category."""

    is_politician: bool
    is_health_council: bool


def may_attend(attendee: Attendee, audience: str) -> bool:
    if audience == EVERYONE:
        return True
    if audience == POLITICIANS:
        return attendee.is_politician
    if audience == NON_POLITICIANS:
        return not attendee.is_politician
    if audience == HEALTH_COUNCIL:
        return attendee.is_health_council
    raise ValueError(f"Unknown audience {audience!r}")


def check_eligible(attendee: Attendee, audience: str) -> None:
    if not may_attend(attendee, audience):
        raise NotEligible(audience)
