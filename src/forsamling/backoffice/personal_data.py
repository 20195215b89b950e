"""The back office's personal data (collected by `forsamling.privacy.registry`)."""

from forsamling.domain.personal_data import Declaration, Erasure

PERSONAL_DATA = [
    Declaration(
        "backoffice.Delivery",
        ("to", "error"),
        Erasure.ANONYMISE,
        "The mailing log keeps that a message went, not to whom nor the server's answer.",
        by_email=("to",),
        by_registration=("registration",),
    ),
    Declaration(
        "backoffice.OutputJob",
        ("kind", "file"),
        Erasure.DELETE,
        "Badges, door lists, participant lists and invoice bases made before name people: an "
        "erasure makes every finished file of the person's edition again without them.",
        # Which files name the person is not in the row: every finished file of the edition
        # is made again (`forsamling.backoffice.retention.remake_pdfs`).
        contains=("file",),
        shown=("edition", "created_at"),
    ),
    Declaration(
        "backoffice.Mailing",
        ("subject", "body"),
        Erasure.KEEP_MINIMISED,
        "An organiser's message to many, written once; the recipients are in `Delivery`.",
    ),
]

NOT_PERSONAL = {
    "backoffice.AuthenticatorApp": "A staff user's second factor (its own name for the device).",
    "backoffice.BackgroundTask": "A task's arguments are ids, never names or addresses.",
}
