"""The exhibitors' personal data (collected by `forsamling.privacy.registry`)."""

from forsamling.domain.personal_data import Declaration, Erasure, LogDeclaration

PERSONAL_DATA = [
    Declaration(
        "exhibitors.Exhibitor",
        ("contact_name", "contact_email", "contact_phone", "invoice_reference", "token"),
        Erasure.ANONYMISE,
        "The company, its stand and invoice address stay; the contact person goes.",
        by_email=("contact_email",),
    ),
    Declaration(
        "exhibitors.StandStaff",
        ("name", "email", "title"),
        Erasure.ANONYMISE,
        "The row stays for the count of passes the exhibitor pays for.",
        by_email=("email",),
        shown=("exhibitor",),
    ),
    Declaration(
        "exhibitors.StandChange",
        ("note",),
        Erasure.KEEP_MINIMISED,
        "An organiser's note on a stand's booking; names no one in normal use.",
    ),
]

NOT_PERSONAL = {
    "exhibitors.FloorPlan": "The hall's map (an image of the stands).",
    "exhibitors.Extra": "An extra exhibitors can order (power, a table) and its price.",
}

PERSONAL_DATA += [
    Declaration(
        "exhibitors.Lead",
        ("note",),
        Erasure.DELETE,
        "A visitor whose badge an exhibitor's stand staff scanned; it goes with the person.",
        by_registration=("registration",),
        title="Scannet af udstillere",
        shown=("exhibitor", "scanned_at"),
    ),
]

LOGS = [
    LogDeclaration(
        "forsamling.exhibitors", (), "An edition without a stand-staff category: its id."
    ),
]
