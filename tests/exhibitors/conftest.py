"""An edition whose exhibitor booking is open, with a small stand catalogue and a floor plan."""

from __future__ import annotations

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from forsamling.conferences.models import Edition
from forsamling.exhibitors.models import FloorPlan, Stand
from forsamling.exhibitors.services import ExhibitorDetails


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


def details(**overrides: str) -> ExhibitorDetails:
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
def floor_plan(edition: Edition) -> FloorPlan:
    return FloorPlan.objects.create(
        edition=edition,
        image=ContentFile(image_bytes(), name="plan.png"),
        description="Plantegning over udstillingsområdet",
    )
