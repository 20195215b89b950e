"""The outbox's personal data (collected by `forsamling.privacy.registry`)."""

from forsamling.domain.personal_data import Declaration, Erasure, LogDeclaration

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

LOGS = [
    LogDeclaration(
        "forsamling.outbox",
        ("message id", "the mail server's answer (addresses in it replaced)"),
        "An e-mail the mail server did not accept (the recipient's address replaced), mail "
        "tasks queued again after a worker died.",
    ),
]
