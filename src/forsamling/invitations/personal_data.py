"""Invitation codes: their rows are `registration.InvitationCode` (declared in registration's
`personal_data.py`) since issue 22; this app holds none of its own."""

from forsamling.domain.personal_data import Declaration

PERSONAL_DATA: list[Declaration] = []
