"""The printable programme: an A4 PDF that reads like the printed 2023 programme."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from forsamling.domain.programme import programme_from_snapshot
from forsamling.outputs.pdf import programme_document, programme_html
from forsamling.programme.queries import current_version

pytestmark = pytest.mark.django_db

PRINTED = (
    "Torsdag den 11. maj 2023",
    "10.00–10.20 Velkomst og åbning af konferencen",
    "10.20–10.45 Vi skal genfinde omsorgen Leif Vestergaard, formand for Etisk Råd",
    "Pause Besøg standene",
    "Temamøde 3: Små, faste teams i ældreplejen – hvordan?",
    "Ordstyrer: Lene Johansen, journalist",
    "Beskrivelse af sessionerne",
)


def test_printable_programme_lists_the_days_times_talks_and_sessions(edition_2023):
    version = current_version(edition_2023)
    html = programme_html(edition_2023, version, programme_from_snapshot(version.snapshot))
    body = html[html.index("<body>") :]
    text = " ".join(re.sub(r"<[^>]+>", " ", body).split())
    for expected in PRINTED:
        assert expected in text


def test_programme_pdf_is_served_as_a_pdf(client, edition_2023):
    response = client.get("/2023/program/program.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert 'filename="program-2023-v1.pdf"' in response["Content-Disposition"]


def test_printable_programme_is_laid_out_on_a4_pages(edition_2023):
    version = current_version(edition_2023)
    document = programme_document(edition_2023, version, programme_from_snapshot(version.snapshot))
    a4_in_css_px = (round(210 / 25.4 * 96), round(297 / 25.4 * 96))
    assert {(round(p.width), round(p.height)) for p in document.pages} == {a4_in_css_px}
    assert len(document.pages) >= 2


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_programme_pdf_text_reads_like_the_programme(client, edition_2023, tmp_path):
    path = tmp_path / "program.pdf"
    path.write_bytes(client.get("/2023/program/program.pdf").content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    for expected in ("Torsdag den 11. maj 2023", "Velfærd i balance", "Besøg standene"):
        assert expected in flat


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_an_archived_programme_pdf_says_it_is_final_and_a_current_one_that_it_is_updated(
    client, edition_2023, tmp_path
):
    """Issue 25: the 2023 programme PDF still said "opdateres løbende" years later."""
    from datetime import timedelta

    from django.utils import timezone

    def pdf_words() -> str:
        path = tmp_path / "program.pdf"
        path.write_bytes(client.get("/2023/program/program.pdf").content)
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        return " ".join(text.split())

    archived = pdf_words()
    assert "Dette er det endelige program." in archived
    assert "opdateres løbende" not in archived
    feed = client.get("/2023/program/aendringer.atom").content.decode()
    assert "Dette er det endelige program." in feed and "opdateres løbende" not in feed

    # The same edition while still to come: its programme may change, and says so.
    today = timezone.localdate()
    edition_2023.start_date, edition_2023.end_date = (
        today + timedelta(days=30),
        today + timedelta(days=31),
    )
    edition_2023.save(update_fields=["start_date", "end_date"])
    current = pdf_words()
    assert "Programmet opdateres løbende." in current
    assert "endelige program" not in current
