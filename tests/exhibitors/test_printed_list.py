"""The exhibitor list for the printed programme: every exhibitor with a booked stand, sorted
the Danish way, with stand, description and logo, as PDF and XLSX; for those who may export."""

from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile
from openpyxl import load_workbook

from forsamling.accounts.roles import grant_role
from forsamling.domain.permissions import Role
from forsamling.exhibitors.services import book_stands
from tests.backoffice.conftest import make_user
from tests.exhibitors.conftest import details, image_bytes, make_edition, make_stand
from tests.outputs.pdf_text import needs_poppler, pdf_text


@pytest.fixture
def edition(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    edition = make_edition()
    aeldre = book_stands(
        edition=edition, stand_ids=[make_stand(edition, "B2").pk], details=details()
    )
    aeldre.description = "Rådgivning om  ældre\nog demens."
    aeldre.logo.save("logo.png", ContentFile(image_bytes()), save=True)
    book_stands(
        edition=edition,
        stand_ids=[make_stand(edition, "A1").pk],
        details=details(organisation="Aabenraa Sundhedscenter"),
    )
    make_stand(edition, "C1")  # free: nobody to list
    return edition


def url(edition, name):
    return f"/backoffice/konference/{edition.slug}/{name}"


@pytest.fixture
def viewer(client, edition):
    user = make_user("laeser")
    grant_role(user=user, edition=edition, role=Role.VIEWER)
    client.force_login(user)
    return client


def test_the_spreadsheet_lists_name_stand_description_and_logo_aabenraa_last(viewer, edition):
    response = viewer.get(url(edition, "udstillerliste.xlsx"))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("Udstiller", "Stand", "Beskrivelse", "Hjemmeside", "Logo")
    assert [row[:3] for row in rows[1:]] == [
        ("Ældre Sagen", "B2", "Rådgivning om ældre og demens."),
        ("Aabenraa Sundhedscenter", "A1", None),
    ]
    assert rows[1][4].endswith(".png")


@needs_poppler
def test_the_pdf_has_every_exhibitor_and_embeds_the_logo(viewer, edition):
    response = viewer.get(url(edition, "udstillerliste.pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert "2 udstillere" in text
    assert text.index("Ældre Sagen") < text.index("Aabenraa Sundhedscenter")
    assert "Stand B2" in text and "Rådgivning om ældre og demens." in text
    assert b"/Subtype /Image" in response.content or b"/Image" in response.content


@pytest.mark.parametrize("name", ["udstillerliste.pdf", "udstillerliste.xlsx"])
def test_check_in_staff_may_not_fetch_it(client, edition, name):
    door = make_user("doer")
    grant_role(user=door, edition=edition, role=Role.CHECKIN)
    client.force_login(door)
    assert client.get(url(edition, name)).status_code == 403
