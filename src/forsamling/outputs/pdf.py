"""The printable programme: A4, laid out like the printed 2023 programme, made with WeasyPrint."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import HTML
from weasyprint.document import Document

from forsamling.conferences.models import Edition
from forsamling.domain.programme import Programme
from forsamling.programme.models import ProgrammeVersion


def programme_html(edition: Edition, version: ProgrammeVersion, programme: Programme) -> str:
    """The printable programme as HTML: the timetable, then the sessions' descriptions.

    Once the conference is over, the programme is final: it no longer says it is updated."""
    sessions = [
        (session, slot)
        for session, slot in programme.sessions()
        if session.description and not session.cancelled
    ]
    return render_to_string(
        "outputs/programme_pdf.html",
        {
            "edition": edition,
            "version": version,
            "programme": programme,
            "sessions": sessions,
            "final": timezone.localdate() > edition.end_date,
        },
    )


def programme_document(
    edition: Edition, version: ProgrammeVersion, programme: Programme
) -> Document:
    """The laid-out pages, before they are written as PDF."""
    return HTML(string=programme_html(edition, version, programme)).render()


def programme_pdf(edition: Edition, version: ProgrammeVersion, programme: Programme) -> bytes:
    return bytes(programme_document(edition, version, programme).write_pdf())
