"""The figures' own rows hold counts only."""

PERSONAL_DATA: list = []

NOT_PERSONAL = {
    "figures.CommitteeCount": "How many active participants named a committee, kept as a "
    "count when their registrations are anonymised (the committee text goes from them).",
}
