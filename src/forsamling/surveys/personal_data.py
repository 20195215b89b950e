"""The survey's personal data (collected by `forsamling.privacy.registry`).

Who was asked is personal (an invitation names a registration); it goes when the survey
closes (`services.forget_recipients`), at the edition's retention date at the latest, and at
once with an erasure. The answers are not tied to anyone, but a free text may name someone:
an erasure redacts the person's name or address where a text mentions it, and the retention
empties every free text of the edition with its other personal data (`erase_free_texts`).
"""

from forsamling.domain.personal_data import Declaration, Erasure

PERSONAL_DATA = [
    Declaration(
        "surveys.Invitation",
        ("nonce", "token_hash"),
        Erasure.DELETE,
        "Who was asked and whether they answered; deleted when the survey closes.",
        by_registration=("registration",),
        shown=("answered", "reminded_at"),
        title="Invitation til evaluering",
    ),
    Declaration(
        "surveys.Answer",
        ("text",),
        Erasure.ANONYMISE,
        "Anonymous answers; a free text that names the person is redacted.",
        contains=("text",),
        title="Fritekstsvar i evalueringen, der nævner dig",
    ),
]

NOT_PERSONAL = {
    "surveys.Survey": "The survey's settings and counts.",
    "surveys.Question": "The organisers' questions.",
    "surveys.Response": "A random id and a keyed hash; nothing that names a person.",
}
