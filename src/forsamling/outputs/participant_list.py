"""The participant list for publication: only those who said yes to being on it."""

from __future__ import annotations

from collections.abc import Sequence

from django.template.loader import render_to_string

from forsamling.conferences.models import Edition
from forsamling.registration.models import Registration


def participant_list_html(edition: Edition, participants: Sequence[Registration]) -> str:
    return render_to_string(
        "outputs/participant_list.html", {"edition": edition, "participants": participants}
    )
