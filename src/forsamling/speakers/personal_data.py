"""Speakers' records: the invitation's address, what they wrote, photo, slides and needs."""

from forsamling.domain.personal_data import Declaration, Erasure

PERSONAL_DATA = [
    Declaration(
        "speakers.SpeakerRecord",
        (
            "email",
            "token",
            "title",
            "organisation",
            "bio",
            "photo",
            "slides",
            "consent_photo",
            "consent_film",
            "consent_stream",
            "travel",
            "hotel_night",
            "dietary",
            "technical_needs",
        ),
        Erasure.DELETE,
        by_email=("email",),
        by_registration=("registration",),
        title="Oplægsholder",
        shown=("edition", "speaker"),
    ),
]
