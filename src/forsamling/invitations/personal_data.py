"""Invitation codes: an organiser's note on a code."""

from forsamling.domain.personal_data import Declaration, Erasure

PERSONAL_DATA = [
    Declaration(
        "invitations.InvitationCode",
        ("note",),
        Erasure.KEEP_MINIMISED,
        "An organiser's note on a code (whom it was for, by organisation); goes with the edition.",
    ),
]
