"""The editions' personal data: the organisers' own contact person, chosen by them."""

from forsamling.domain.personal_data import Declaration, Erasure

PERSONAL_DATA = [
    Declaration(
        "conferences.Edition",
        ("contact_name", "contact_role", "contact_phone", "contact_email"),
        Erasure.KEEP_MINIMISED,
        "The organiser's staff contact printed on the edition's pages, chosen and changed by "
        "the organiser (a work contact, art. 6(1)(e)).",
    ),
]

NOT_PERSONAL = {"conferences.Theme": "An edition's theme (its title and text)."}
