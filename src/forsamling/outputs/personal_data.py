"""The outputs' personal data (collected by `forsamling.privacy.registry`)."""

from forsamling.domain.personal_data import Declaration, Erasure, LogDeclaration

PERSONAL_DATA = [
    Declaration(
        "outputs.OutputJob",
        ("kind", "file"),
        Erasure.DELETE,
        "Badges, door lists, participant lists and invoice bases made before name people: an "
        "erasure makes every finished file of the person's edition again without them.",
        # Which files name the person is not in the row: every finished file of the edition
        # is made again (`forsamling.outputs.jobs.remake_files`).
        contains=("file",),
        shown=("edition", "created_at"),
    ),
]

LOGS = [
    LogDeclaration("forsamling.outputs", (), "A PDF job that failed: its id and the error."),
]
