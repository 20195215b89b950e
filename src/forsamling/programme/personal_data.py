"""The programme's personal data: speakers, published with their consent."""

from forsamling.domain.personal_data import Declaration, Erasure

PERSONAL_DATA = [
    Declaration(
        "programme.Speaker",
        ("name", "title", "organisation", "bio"),
        Erasure.KEEP_MINIMISED,
        "A speaker's name and role in the published programme and its archive (art. 6(1)(e)); "
        "changed or removed by the organiser on the speaker's request.",
    ),
]

NOT_PERSONAL = {
    "programme.Room": "A room's name.",
    "programme.Track": "A track's name and text.",
    "programme.Day": "A day's title.",
    "programme.Item": "A programme item's texts (speakers are `Speaker`).",
    "programme.Session": "A session's texts (speakers are `Speaker`).",
    "programme.ProgrammeVersion": "A published programme (speakers as published).",
    "programme.VenuePlan": "The venue's floor plan image and its description.",
}
