"""The outbox's personal data (collected by `forsamling.privacy.registry`)."""

from forsamling.domain.personal_data import Declaration, Erasure

PERSONAL_DATA = [
    Declaration(
        "outbox.SentMessage",
        ("to", "body", "attachments", "last_error"),
        Erasure.ANONYMISE,
        "The row stays as the proof that a message went, without address or text.",
        by_email=("to",),
        by_registration=("registration",),
        contains=("body",),
        shown=("sent_at", "subject"),
    ),
    Declaration(
        "outbox.Delivery",
        ("to", "error"),
        Erasure.ANONYMISE,
        "The mailing log keeps that a message went, not to whom nor the server's answer.",
        by_email=("to",),
        by_registration=("registration",),
    ),
    Declaration(
        "outbox.Mailing",
        ("subject", "body"),
        Erasure.KEEP_MINIMISED,
        "An organiser's message to many, written once; the recipients are in `Delivery`.",
    ),
]
