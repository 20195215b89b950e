"""The prize's personal data (collected by `forsamling.privacy.registry`)."""

from forsamling.domain.personal_data import Declaration, Erasure

PERSONAL_DATA = [
    Declaration(
        "prizes.Nomination",
        (
            "contact_name",
            "contact_title",
            "contact_email",
            "contact_phone",
            "description",
            "results",
            "token",
        ),
        Erasure.ANONYMISE,
        "The project and its municipality stay for the jury and the catalogue; the contact "
        "person goes, and their name, address and phone are cut out of the free text.",
        by_email=("contact_email",),
        contains=("description", "results"),
        shown=("prize", "project_title", "created_at"),
    ),
    Declaration(
        "prizes.Attachment",
        ("file", "original_name"),
        Erasure.DELETE,
        "Uploaded files may name anyone; they go with the contact person.",
        by_email=("nomination__contact_email",),
    ),
    Declaration(
        "prizes.Conflict",
        ("reason",),
        Erasure.KEEP_MINIMISED,
        "A juror's own declaration of a conflict of interest (a staff user, not a data "
        "subject of the forms); goes with the edition.",
    ),
    Declaration(
        "prizes.ScoreSheet",
        ("comment",),
        Erasure.KEEP_MINIMISED,
        "The jury's assessment of a project, by staff users; goes with the edition.",
    ),
    Declaration(
        "prizes.Score",
        ("comment",),
        Erasure.KEEP_MINIMISED,
        "The jury's assessment of a project, by staff users; goes with the edition.",
    ),
]

NOT_PERSONAL = {"prizes.Prize": "The prize's name and description (the winner is a nomination)."}
