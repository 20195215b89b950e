"""The API's rows (collected by `forsamling.privacy.registry`)."""

from forsamling.domain.personal_data import Declaration, Erasure

PERSONAL_DATA = [
    Declaration(
        "api.ApiToken",
        ("user", "label", "last_used_at"),
        Erasure.KEEP_MINIMISED,
        "An organiser's key to the API: whose it is (a staff user, not a data subject of the "
        "forms), their own label for it and when it was last used; its secret only as a hash. "
        "It goes with the staff account (deleted with the user) or the edition.",
    ),
]

NOT_PERSONAL = {
    "api.IdempotentRequest": (
        "A retried write's key and stored answer for a day: ids and times, never a name."
    ),
    "api.Removal": (
        "A tombstone for API clients: the kind and id of a deleted row and when; no name, "
        "no contact details, nothing that says who it was."
    ),
}
