"""Demo stands for the 2026 edition: loaded again and again, bookings untouched."""

from __future__ import annotations

import pytest

from forsamling.exhibitors import services
from forsamling.exhibitors.demo import load_demo_stands
from forsamling.exhibitors.models import FloorPlan, Stand
from tests.exhibitors.conftest import details, make_edition

pytestmark = pytest.mark.django_db


def test_demo_stands_are_placed_on_a_drawn_floor_plan(seed_editions):
    edition = seed_editions[2026]
    stands = load_demo_stands(edition)
    assert len(stands) == Stand.objects.filter(edition=edition).count() == 16
    assert all(stand.has_position and 0 < stand.position_x < 100 for stand in stands)
    plan = FloorPlan.objects.get(edition=edition)
    assert plan.image.name.endswith(".png")
    assert "Plantegning" in plan.description


def test_loading_demo_stands_twice_keeps_one_of_each_and_keeps_bookings(seed_editions):
    edition = seed_editions[2026]
    first = load_demo_stands(edition)
    services.hold_stand(stand=first[0], note="KL")
    load_demo_stands(edition)
    assert Stand.objects.filter(edition=edition).count() == 16
    assert FloorPlan.objects.filter(edition=edition).count() == 1
    assert Stand.objects.get(pk=first[0].pk).status == "held"


def test_demo_stands_can_be_booked_while_the_window_is_open(db):
    edition = make_edition()
    stands = load_demo_stands(edition)
    exhibitor = services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())
    load_demo_stands(edition)
    assert Stand.objects.get(pk=stands[0].pk).exhibitor == exhibitor
