"""The shared counters' personal data (collected by `forsamling.privacy.registry`)."""

from forsamling.domain.personal_data import Declaration, Erasure, LogDeclaration

PERSONAL_DATA = [
    Declaration(
        "core.RateCounter",
        ("key",),
        Erasure.DELETE,
        "A limit per e-mail address keys its counter by the address; a counter is needed for "
        "one window only, and expired windows go with every retention run.",
        contains=("key",),
        title="tællere mod misbrug (fx 'send mit link')",
    ),
]

LOGS = [
    LogDeclaration(
        "forsamling.core", (), "The worker waiting for the database: the database's error."
    ),
]
