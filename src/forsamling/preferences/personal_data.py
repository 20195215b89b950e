"""Preference rounds: published with pseudonyms only."""

NOT_PERSONAL = {
    "preferences.PreferenceRound": "The published instance and result name pseudonyms only; "
    "the key that links them to registrations is the round's secret.",
}
