"""The API's rows (collected by `forsamling.privacy.registry`)."""

NOT_PERSONAL = {
    "api.ApiToken": (
        "An organiser's key to the API: a hash, the organiser's own label for it and its "
        "scopes; the organiser is a staff user, not a participant."
    ),
    "api.Removal": (
        "A tombstone for API clients: the kind and id of a deleted row and when; no name, "
        "no contact details, nothing that says who it was."
    ),
}
