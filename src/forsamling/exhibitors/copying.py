"""The exhibitors' part of next year's copy (`registration.copying`): the stand catalogue, the
floor plan, and the extras exhibitors can order with their prices. Not the exhibitors, their
bookings, holds or staff: those belong to one year, so every copied stand starts free."""

from __future__ import annotations

from forsamling.conferences.models import Edition
from forsamling.core.copying import values_of
from forsamling.domain.stands import StandStatus
from forsamling.exhibitors.models import Extra, FloorPlan, Stand
from forsamling.registration.copying import Copied

STAND_FIELDS = ("number", "size", "zone", "price", "included_passes", "position_x", "position_y")
EXTRA_FIELDS = ("name", "description", "price", "max_quantity", "order")


def copy_stands_and_floor_plan(source: Edition, copy: Edition, copied: Copied) -> None:
    plan = FloorPlan.objects.filter(edition=source).first()
    if plan is not None:
        # The same image file: the plan is replaced by uploading a new one, never edited.
        FloorPlan.objects.create(edition=copy, image=plan.image.name, description=plan.description)
    Stand.objects.bulk_create(
        Stand(**values_of(stand, STAND_FIELDS), edition=copy, status=StandStatus.FREE.value)
        for stand in Stand.objects.filter(edition=source).order_by("number")
    )
    Extra.objects.bulk_create(
        Extra(**values_of(extra, EXTRA_FIELDS), edition=copy)
        for extra in Extra.objects.filter(edition=source)
    )
