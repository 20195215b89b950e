"""Copy to next year as a step on the edition's back-office page: the preview, then the copy
with everything that configures an edition."""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from forsamling.accounts.roles import grant_role
from forsamling.conferences.models import Edition
from forsamling.domain.permissions import Role
from forsamling.domain.stands import StandStatus
from forsamling.exhibitors.models import FloorPlan, Stand
from forsamling.prizes.models import Criterion, Prize
from forsamling.registration.models import Category

from .conftest import make_conference, make_user

pytestmark = pytest.mark.django_db


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#dde6ee").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def configured():
    """The 2026 forum (Thursday–Friday 7–8 May) with an invitation-only category, stands on a
    floor plan (one held), and a prize with criteria and an award item."""
    c = make_conference()
    c.stand.invitation_only = True
    c.stand.save()
    FloorPlan.objects.create(
        edition=c.edition,
        image=ContentFile(png(), name="plan.png"),
        description="Plantegning over hal A",
    )
    Stand.objects.create(
        edition=c.edition, number="A1", size="3 x 2 m", zone="Foyer", price=Decimal("12500"),
        included_passes=3, position_x=Decimal("20"), position_y=Decimal("30"),
    )  # fmt: skip
    Stand.objects.create(
        edition=c.edition, number="A2", size="2 x 2 m", price=Decimal("9000"),
        status=StandStatus.HELD.value, hold_note="Til KL selv",
    )  # fmt: skip
    award = c.small.slot
    prize = Prize.objects.create(
        edition=c.edition,
        theme="Ensomhed",
        description="Prisen for forebyggelse",
        nominations_open_at=timezone.make_aware(datetime(2026, 1, 8, 9)),
        jury_deadline=timezone.make_aware(datetime(2026, 4, 2, 12)),
        award_item=award,
        blind=True,
        combine="median",
    )
    Criterion.objects.create(prize=prize, order=1, title="Effekt", weight=3)
    Criterion.objects.create(prize=prize, order=2, title="Forankring", weight=0)
    return c


def test_the_copy_keeps_the_invitation_only_categories_invitation_only(client, configured):
    """The 0 kr. speaker, press and stand-staff categories must not open to anyone."""
    client.force_login(make_user("arr", is_superuser=True, is_staff=True))
    client.post(reverse("backoffice:next_year", args=["2026"]))
    copy = Edition.objects.get(slug="2027")
    assert list(
        Category.objects.filter(edition=copy).values_list("key", "invitation_only", "price")
    ) == [
        ("politiker", False, Decimal("3995.00")),
        ("embedsperson", False, Decimal("3995.00")),
        ("stand", True, Decimal("1900.50")),
    ]


def test_the_copy_has_the_stands_free_on_the_same_floor_plan(client, configured):
    client.force_login(make_user("arr", is_superuser=True, is_staff=True))
    client.post(reverse("backoffice:next_year", args=["2026"]))
    copy = Edition.objects.get(slug="2027")
    plan = FloorPlan.objects.get(edition=copy)
    assert plan.image.name == configured.edition.floor_plan.image.name
    assert plan.description == "Plantegning over hal A"
    stands = list(
        Stand.objects.filter(edition=copy).values_list(
            "number", "size", "zone", "price", "included_passes", "position_x", "status",
            "hold_note", "exhibitor",
        )
    )  # fmt: skip
    assert stands == [
        ("A1", "3 x 2 m", "Foyer", Decimal("12500.00"), 3, Decimal("20.00"), "free", "", None),
        ("A2", "2 x 2 m", "", Decimal("9000.00"), 2, None, "free", "", None),
    ]


def test_the_copy_has_the_prize_settings_moved_a_year_without_the_years_theme(client, configured):
    client.force_login(make_user("arr", is_superuser=True, is_staff=True))
    client.post(reverse("backoffice:next_year", args=["2026"]))
    copy = Edition.objects.get(slug="2027")
    assert (copy.start_date, copy.end_date) == (date(2027, 5, 13), date(2027, 5, 14))
    prize = Prize.objects.get(edition=copy)
    assert (prize.blind, prize.combine, prize.theme) == (True, "median", "")
    assert prize.description == "Prisen for forebyggelse"
    assert timezone.localtime(prize.nominations_open_at).date() == date(2027, 1, 14)
    assert prize.nominations_close_at is None
    assert prize.award_item.edition_id == copy.pk
    assert prize.award_item.title == configured.small.slot.title
    assert list(prize.criteria.values_list("title", "weight")) == [
        ("Effekt", 3),
        ("Forankring", 0),
    ]
    assert prize.winner is None and not prize.nominees_published


def test_the_preview_says_what_is_copied_and_what_is_not(client, configured):
    client.force_login(make_user("arr", is_superuser=True, is_staff=True))
    response = client.get(reverse("backoffice:next_year", args=["2026"]))
    page = response.content.decode()
    assert "torsdag 13. maj 2027" in page and "fredag 14. maj 2027" in page
    assert "Deltagerkategorier med priser: <strong>3</strong>" in page
    assert "heraf kun med invitation (forbliver kun med invitation): <strong>1</strong>" in page
    assert "Stande (alle ledige): <strong>2</strong>" in page
    assert "Plantegningen med standenes placering" in page
    assert "Tilmeldinger: <strong>0</strong>" in page
    assert not Edition.objects.filter(slug="2027").exists()  # looking copies nothing


def test_an_organiser_copies_and_organises_the_copy_others_may_not(client, configured):
    organiser, viewer = make_user("arrangoer"), make_user("laeser")
    grant_role(user=organiser, edition=configured.edition, role=Role.ORGANISER)
    grant_role(user=viewer, edition=configured.edition, role=Role.VIEWER)
    client.force_login(viewer)
    assert client.get(reverse("backoffice:next_year", args=["2026"])).status_code == 403
    assert client.post(reverse("backoffice:next_year", args=["2026"])).status_code == 403
    assert not Edition.objects.filter(slug="2027").exists()
    client.force_login(organiser)
    response = client.post(reverse("backoffice:next_year", args=["2026"]))
    assert response["Location"] == reverse("backoffice:overview", args=["2027"])
    assert client.get(response["Location"]).status_code == 200  # theirs to finish
    assert Edition.objects.get(slug="2027").is_public is False
