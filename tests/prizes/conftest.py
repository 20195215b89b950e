"""A prize whose nomination window is open, with three weighted criteria and an award item."""

from __future__ import annotations

import io
from datetime import date, time, timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from forsamling.accounts.roles import grant_role
from forsamling.domain.permissions import Role
from forsamling.prizes.models import (
    Attachment,
    Criterion,
    Juror,
    Nomination,
    NominationState,
    Prize,
)
from forsamling.programme.models import ItemKind
from tests.factories import DayFactory, EditionFactory, ItemFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_upload(name: str = "foto.png", image_format: str = "PNG") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), "#2a7f62").save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf_upload(name: str = "projekt.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def pdf_attachment(nomination: Nomination, name: str = "projekt.pdf") -> Attachment:
    """A small PDF attached to the nomination, as an upload leaves it."""
    return Attachment.objects.create(
        nomination=nomination,
        kind="pdf",
        extension="pdf",
        content_type="application/pdf",
        original_name=name,
        size=len(PDF_BYTES),
        file=ContentFile(PDF_BYTES, name=name),
    )


def image_attachment(nomination: Nomination) -> Attachment:
    """A photo attached to the nomination, as an upload leaves it."""
    return Attachment.objects.create(
        nomination=nomination,
        kind="image",
        extension="png",
        content_type="image/png",
        original_name="foto.png",
        size=10,
        file=ContentFile(png_upload().read(), name="foto.png"),
    )


def complete_values(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "municipality": "Aalborg",
        "nominator_municipality": "Aalborg",
        "project_title": "Sund start i dagtilbud",
        "description": "Et tværfagligt forløb for familier med små børn.",
        "results": "Færre børn med overvægt efter to år.",
        "contact_name": "Mette Holm",
        "contact_title": "Sundhedschef",
        "contact_email": "mette.holm@aalborg.dk",
        "contact_phone": "99 31 31 31",
        "publish_consent": True,
    }
    values.update(overrides)
    return values


def make_prize(**overrides: Any) -> SimpleNamespace:
    now = timezone.now()
    edition = EditionFactory()
    day1 = DayFactory(edition=edition)
    day2 = DayFactory(edition=edition, date=date(2026, 5, 8))
    first, award = (
        ItemFactory(day=day, kind=kind, title=title, starts_at=starts_at, ends_at=ends_at)
        for day, kind, title, starts_at, ends_at in [
            (day1, ItemKind.PRIZE_NOMINEES, "1. nominerede til KL’s Forebyggelsespris",
             time(11, 10), time(11, 15)),
            (day2, ItemKind.PRIZE_AWARD, "Uddeling af KL´s Forebyggelsespris", time(9, 55),
             time(10, 5)),
        ]
    )  # fmt: skip
    values: dict[str, Any] = {
        "edition": edition,
        "name": "KL's Forebyggelsespris 2026",
        "theme": "Forebyggelse i det nære",
        "description": "Prisen hylder kommuner, der forebygger.",
        "nominations_open_at": now - timedelta(days=1),
        "nominations_close_at": now + timedelta(days=30),
        "jury_deadline": now + timedelta(days=60),
        "award_item": award,
    }
    values.update(overrides)
    prize = Prize.objects.create(**values)
    criteria = [
        Criterion.objects.create(prize=prize, order=1, title="Effekt", weight=3),
        Criterion.objects.create(prize=prize, order=2, title="Udbredelse", weight=2),
        Criterion.objects.create(prize=prize, order=3, title="Nytænkning", weight=1),
    ]
    return SimpleNamespace(
        edition=edition, prize=prize, criteria=criteria, first_item=first, award=award
    )


def make_nomination(prize: Prize, **overrides: Any) -> Nomination:
    values = complete_values()
    values.update(state=NominationState.SUBMITTED, submitted_at=timezone.now())
    values.update(overrides)
    return Nomination.objects.create(prize=prize, **values)


def make_juror(prize: Prize, username: str, **overrides: Any) -> Juror:
    user = get_user_model().objects.create_user(username=username, password="pw")
    grant_role(user=user, edition=prize.edition, role=Role.JURY)
    return Juror.objects.create(prize=prize, user=user, **overrides)


@pytest.fixture
def setup(db: None) -> SimpleNamespace:
    return make_prize()
