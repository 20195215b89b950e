"""The registration app's personal data (collected by `forsamling.privacy.registry`)."""

from forsamling.domain.personal_data import Declaration, Erasure, LogDeclaration

PERSONAL_DATA = [
    Declaration(
        "registration.Registration",
        (
            "name",
            "email",
            "phone",
            "job_title",
            "committee",
            "diets",
            "dietary",
            "days",
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
    Declaration(
        "registration.ConsentRecord",
        ("wording", "given_by"),
        Erasure.KEEP_MINIMISED,
        "The proof of consent (art. 7(1)): what was agreed, in which wording, when and by whom; "
        "it names no one once its registration is anonymised.",
        by_registration=("registration",),
    ),
    Declaration(
        "registration.InvitationCode",
        ("note",),
        Erasure.KEEP_MINIMISED,
        "An organiser's note on a code (whom it was for, by organisation); goes with the edition. "
        "A speaker's code is noted with their name, cut out when they are erased.",
        contains=("note",),
    ),
]

PERSONAL_DATA += [
    Declaration(
        "registration.CalendarFeed",
        ("token",),
        Erasure.DELETE,
        "The key of a participant's calendar subscription; it goes with the person.",
        by_registration=("registration",),
        title="Kalenderabonnement",
        shown=("created_at",),
    ),
    Declaration(
        "registration.PushSubscription",
        ("endpoint", "p256dh", "auth"),
        Erasure.DELETE,
        "The address and keys of a browser that asked for push messages.",
        by_registration=("registration",),
        title="Push-beskeder",
        shown=("created_at",),
    ),
]

NOT_PERSONAL = {
    "registration.Category": "A participant category's name.",
    "registration.Meal": "A meal of the edition: its day, kind and name.",
    "registration.DinnerTable": "A dinner table's number and seats.",
    "registration.PrivacyNotice": "The notice's published text.",
}

LOGS = [
    LogDeclaration(
        "forsamling.registration",
        ("registration id", "an organiser's test message's recipient (the address replaced)"),
        "A registration that failed (with its form's key and the error), a push message a "
        "browser's push service refused, a test message that could not be sent.",
    ),
]
