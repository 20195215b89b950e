"""The operations app's log lines (collected by `forsamling.privacy.registry`); it keeps no
personal data in the database."""

from forsamling.domain.personal_data import LogDeclaration

LOGS = [
    LogDeclaration(
        "forsamling.access",
        ("the page's address (private tokens replaced)", "request id"),
        "One line per request: method, path without the query string, status and duration; "
        "no client address (ACCESS_LOG=0 turns it off).",
    ),
    LogDeclaration("forsamling.ops", (), "The metrics could not read the database: the error."),
]
