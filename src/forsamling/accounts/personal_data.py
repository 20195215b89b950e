"""Staff enrolment links: a hash of a one-time token."""

from forsamling.domain.personal_data import LogDeclaration

NOT_PERSONAL = {
    "accounts.StaffEnrolment": "A hash of a staff user's one-time link.",
    "accounts.AuthenticatorApp": "A staff user's second factor (its own name for the device).",
    "accounts.EditionRole": "A staff user's role for an edition: the user and the edition.",
}

LOGS = [
    LogDeclaration(
        "forsamling.logins",
        ("staff user name or user id", "client IP address", "organiser's user name"),
        "Login links sent and used, wrong codes, refused logins during a lockout and lockouts "
        "lifted (and by whom): to see password guessing and who let whom in (art. 32).",
    ),
]
