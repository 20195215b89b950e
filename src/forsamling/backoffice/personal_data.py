"""The back office's rows: none personal (collected by `forsamling.privacy.registry`)."""

NOT_PERSONAL = {
    "backoffice.BackgroundTask": "A task's arguments are ids, never names or addresses.",
}
