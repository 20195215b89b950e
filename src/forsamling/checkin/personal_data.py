"""Check-in's personal data: when a registration was scanned, by its badge code."""

from forsamling.domain.personal_data import Declaration, Erasure

PERSONAL_DATA = [
    Declaration(
        "checkin.CheckInEvent",
        ("code",),
        Erasure.ANONYMISE,
        "The scan stays for the check-in figures; the badge code goes.",
        by_registration=("registration",),
    ),
]

NOT_PERSONAL = {
    "checkin.CheckIn": "A device's name and the time (the registration is anonymised).",
    "checkin.SessionEntry": "A device's name and the time (the registration is anonymised).",
}
