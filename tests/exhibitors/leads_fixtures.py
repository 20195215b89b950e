"""An exhibitor at the check-in tests' conference, and visitors who did and did not consent."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from forsamling.exhibitors.models import Exhibitor
from forsamling.privacy import consents
from forsamling.registration.models import Purpose
from tests.backoffice.conftest import make_conference, register


def make_exhibitor(edition, organisation="Ældre Sagen") -> Exhibitor:
    return Exhibitor.objects.create(
        edition=edition,
        organisation=organisation,
        cvr="55133018",
        contact_name="Søren Ærø",
        contact_email="soren@example.dk",
        contact_phone="+45 33 70 30 00",
        invoice_address="Nørregade 49\n1165 København K",
    )


def consent_to_leads(registration) -> None:
    consents.give_consent(registration=registration, purpose=Purpose.EXHIBITOR_LEADS)


@pytest.fixture
def fair(db):
    """Ida consented to share her details with exhibitors, Ole did not; Vera is at another
    edition (and consented there)."""
    conference = make_conference()
    other = make_conference(slug="2025")
    ida = register(conference, "Ida Ærenfeldt", organisation="Aarhus Kommune",
                   job_title="Socialchef", email="ida@example.dk")  # fmt: skip
    ole = register(conference, "Ole Østergaard", organisation="Ærø Kommune", email="ole@example.dk")
    vera = register(other, "Vera Ågård", organisation="Vejle Kommune", email="vera@example.dk")
    consent_to_leads(ida)
    consent_to_leads(vera)
    return SimpleNamespace(
        conference=conference,
        edition=conference.edition,
        exhibitor=make_exhibitor(conference.edition),
        other_exhibitor=make_exhibitor(conference.edition, "Bedre Psykiatri"),
        ida=ida,
        ole=ole,
        vera=vera,
    )
