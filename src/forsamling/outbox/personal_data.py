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
]
