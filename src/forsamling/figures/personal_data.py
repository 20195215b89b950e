"""The figures' own rows hold counts only."""

PERSONAL_DATA: list = []

NOT_PERSONAL = {
    "figures.CommitteeCount": "How many active participants named a committee, kept when their "
    "registrations are anonymised; a committee named by fewer than five is kept without its "
    "text (it is typed freely and could point to a person).",
}
