"""The registration app's personal data (collected by `forsamling.privacy.registry`)."""

from forsamling.domain.personal_data import Declaration, Erasure

PERSONAL_DATA = [
    Declaration(
        "registration.Registration",
        (
            "name",
            "email",
            "phone",
            "job_title",
            "committee",
            "dietary",
            "accessibility_needs",
            "ean",
            "order_reference",
            "person_reference",
            "token",
        ),
        Erasure.ANONYMISE,
        "The row stays for the counts per category, organisation and session.",
        by_email=("email",),
        shown=("edition", "organisation", "created_at"),
    ),
    Declaration(
        "registration.GroupBooking",
        ("secretary_name", "secretary_email", "person_reference", "token"),
        Erasure.ANONYMISE,
        "The group stays for its members' organisation and invoice details.",
        by_email=("secretary_email",),
    ),
    Declaration(
        "registration.AuditEntry",
        ("actor", "details"),
        Erasure.ANONYMISE,
        "The log keeps what happened and when, not to or by whom.",
        by_registration=("registration",),
        contains=("actor", "details"),
        shown=("at", "action"),
    ),
    Declaration(
        "registration.TableSeat",
        ("table", "by_hand"),
        Erasure.DELETE,
        by_registration=("registration",),
        title="Bordplacering",
    ),
]

NOT_PERSONAL = {
    "registration.Category": "A participant category's name.",
    "registration.DinnerTable": "A dinner table's number and seats.",
}
