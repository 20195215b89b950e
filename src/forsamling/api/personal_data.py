"""The API's rows (collected by `forsamling.privacy.registry`)."""

NOT_PERSONAL = {
    "api.ApiToken": (
        "An organiser's key to the API: a hash, the organiser's own label for it and its "
        "scopes; the organiser is a staff user, not a participant."
    ),
}
