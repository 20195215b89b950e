"""An edition whose exhibitor booking is open, with a small stand catalogue and a floor plan."""

from __future__ import annotations

import io
import zlib
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from forsamling.conferences.models import Edition
from forsamling.exhibitors.models import FloorPlan, Stand
from forsamling.exhibitors.services import ExhibitorDetails
from forsamling.registration.models import Category
from tests.exhibitors.leads_fixtures import fair  # noqa: F401  (lead scanning)


def image_bytes(image_format: str = "PNG", size: tuple[int, int] = (40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#dde6ee").save(buffer, format=image_format)
    return buffer.getvalue()


def make_edition(**overrides: object) -> Edition:
    now = timezone.now()
    first_day = (now + timedelta(days=120)).date()
    values: dict[str, object] = {
        "slug": "forum",
        "year": first_day.year,
        "title": "Social- og Sundhedspolitisk Forum",
        "start_date": first_day,
        "end_date": first_day + timedelta(days=1),
        "city": "Aalborg",
        "exhibitors_open_at": now - timedelta(days=1),
        "contact_name": "Johanne Søe Nedergaard",
        "contact_email": "josn@kl.dk",
    }
    values.update(overrides)
    return Edition.objects.create(**values)


def make_stand(edition: Edition, number: str, **overrides: object) -> Stand:
    values: dict[str, object] = {
        "size": "3 x 2 m",
        "zone": "Foyer",
        "price": Decimal("12500"),
        "included_passes": 2,
        "position_x": Decimal("20"),
        "position_y": Decimal("30"),
    }
    values.update(overrides)
    return Stand.objects.create(edition=edition, number=number, **values)


def cvr_for(name: str) -> str:
    """A valid CVR number of its own for each organisation name (modulus 11)."""
    weights = [2, 7, 6, 5, 4, 3, 2]
    start = 1_000_000 + zlib.crc32(name.encode()) % 8_000_000
    while True:
        digits = [int(c) for c in str(start)]
        check = -sum(w * d for w, d in zip(weights, digits, strict=True)) % 11
        if check < 10:
            return f"{start}{check}"
        start += 1


def details(**overrides: str) -> ExhibitorDetails:
    """Ældre Sagen's details; another organisation gets its own CVR number and e-mail, as
    the limit on stands counts per company and contact across bookings."""
    if "organisation" in overrides and overrides["organisation"] != "Ældre Sagen":
        name = overrides["organisation"]
        overrides = {
            "cvr": cvr_for(name),
            "contact_email": f"kontakt{zlib.crc32(name.encode())}@example.dk",
            **overrides,
        }
    values = {
        "organisation": "Ældre Sagen",
        "cvr": "55133018",
        "contact_name": "Søren Ærø",
        "contact_email": "soren@example.dk",
        "contact_phone": "+45 33 70 30 00",
        "invoice_address": "Nørregade 49\n1165 København K",
        "invoice_reference": "PO-123",
        "ean": "",
    }
    values.update(overrides)
    return ExhibitorDetails(**values)


@pytest.fixture
def edition(db: None) -> Edition:
    return make_edition()


@pytest.fixture
def stands(edition: Edition) -> list[Stand]:
    return [
        make_stand(edition, "A1", position_x=Decimal("10"), position_y=Decimal("20")),
        make_stand(edition, "A2", position_x=Decimal("30"), position_y=Decimal("20")),
        make_stand(
            edition, "B1", size="4 x 2 m", zone="Hal B", price=Decimal("16000"), included_passes=3
        ),
    ]


@pytest.fixture
def stand_staff_category(edition: Edition) -> Category:
    """The stand staff's category, which the staff an exhibitor names are registered in."""
    return Category.objects.create(
        edition=edition, key="standpersonale", name="Standpersonale", price=Decimal("1900")
    )


@pytest.fixture
def floor_plan(edition: Edition) -> FloorPlan:
    return FloorPlan.objects.create(
        edition=edition,
        image=ContentFile(image_bytes(), name="plan.png"),
        description="Plantegning over udstillingsområdet",
    )
