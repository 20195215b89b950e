"""Staff enrolment links: a hash of a one-time token."""

NOT_PERSONAL = {
    "accounts.StaffEnrolment": "A hash of a staff user's one-time link.",
    "accounts.AuthenticatorApp": "A staff user's second factor (its own name for the device).",
    "accounts.EditionRole": "A staff user's role for an edition: the user and the edition.",
}
