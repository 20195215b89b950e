"""The privacy app's own rows, and Django's and the libraries' models that hold personal data
(collected by `forsamling.privacy.registry`)."""

from forsamling.domain.personal_data import Declaration, Erasure, LogDeclaration

PERSONAL_DATA = [
    Declaration(
        "privacy.AccessLink",
        ("email",),
        Erasure.DELETE,
        "A one-time link to one's own data; gone after an hour (retention) or an erasure.",
        by_email=("email",),
        exported=False,
    ),
    Declaration(
        "privacy.RetainedInvoiceLine",
        ("name", "ean", "order_reference", "person_reference"),
        Erasure.KEEP_MINIMISED,
        "The bookkeeping record of an invoice line (bogføringsloven § 12), removed on its date.",
        by_registration=("registration",),
    ),
    Declaration(
        "admin.LogEntry",
        ("object_repr", "change_message"),
        Erasure.ANONYMISE,
        "Django's admin log keeps that an organiser changed a row, not whose row it was.",
        contains=("object_repr", "change_message"),
        title="arrangørernes ændringer i administrationen",
    ),
    Declaration(
        "auth.User",
        ("username", "first_name", "last_name", "email"),
        Erasure.KEEP_MINIMISED,
        "Staff users' own accounts (organisers, jury, check-in), removed by the administrator "
        "when they leave; not the forms' data subjects.",
    ),
    Declaration(
        "axes.AccessAttempt",
        ("username", "user_agent", "get_data", "post_data"),
        Erasure.KEEP_MINIMISED,
        "Failed staff logins, kept for the lock-out against password guessing (art. 32).",
    ),
    Declaration(
        "axes.AccessFailureLog",
        ("username", "user_agent"),
        Erasure.KEEP_MINIMISED,
        "Failed staff logins, kept for the lock-out against password guessing (art. 32).",
    ),
    Declaration(
        "axes.AccessLog",
        ("username", "user_agent"),
        Erasure.KEEP_MINIMISED,
        "Staff logins, kept for security (art. 32).",
    ),
]

NOT_PERSONAL = {
    "auth.Permission": "A permission's name.",
    "auth.Group": "A group of permissions.",
    "contenttypes.ContentType": "A model's name.",
    "otp_totp.TOTPDevice": "A staff user's second factor (its own name for the device).",
    "django_tasks_database.DBTaskResult": "A task's arguments are ids, never names.",
    "sessions.Session": "Staff logins and the language chosen; no form data.",
}

LOGS = [
    LogDeclaration(
        "axes",
        ("staff user name typed at the login", "client IP address", "browser (user agent)"),
        "django-axes logs each failed staff login and each lockout, with the user name typed "
        "and where from, beside its own tables (art. 32).",
    ),
    LogDeclaration(
        "django",
        ("the address of a page that failed (private tokens replaced)",),
        "Django's warnings and errors: a 4xx/5xx answer's path, a refused host; a traceback "
        "may quote a form's value, with e-mail addresses and tokens replaced.",
    ),
]
