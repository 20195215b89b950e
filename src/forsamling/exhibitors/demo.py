"""Demo stands for an edition, with a drawn floor plan: sizes, prices and zones are invented.

`load_demo_stands(edition)` may be called again and again: it adds what is missing and
updates the catalogue, but never touches a stand's booking.
"""

from __future__ import annotations

import io
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageDraw

from forsamling.conferences.models import Edition
from forsamling.exhibitors.models import Extra, FloorPlan, Stand

WIDTH, HEIGHT = 1200, 700
# (number, size, zone, price, included passes, left px, top px, width px, height px)
DEMO_STANDS = [
    *[
        (f"A{i}", "3 x 2 m", "Foyer", Decimal("12500"), 2, 80 + (i - 1) * 170, 60, 150, 100)
        for i in range(1, 7)
    ],
    *[
        (f"B{i}", "4 x 2 m", "Hal B", Decimal("16000"), 3, 80 + (i - 1) * 170, 300, 150, 120)
        for i in range(1, 7)
    ],
    *[
        (f"C{i}", "2 x 2 m", "Ved caféen", Decimal("8500"), 1, 160 + (i - 1) * 230, 540, 150, 90)
        for i in range(1, 5)
    ],
]

# (name, description, price without VAT, most per exhibitor)
DEMO_EXTRAS = [
    ("Strøm (230 V, 16 A)", "Én stikkontakt med tre udtag ved standen.", Decimal("950"), 2),
    ("Ekstra bord", "Højbord, 70 cm i diameter.", Decimal("450"), 4),
    ("Barstol", "", Decimal("150"), 6),
    ("Kablet internet", "Fast forbindelse, 100 Mbit/s.", Decimal("1200"), 1),
    ("Frokost til ekstra standpersonale", "Pr. person pr. dag.", Decimal("295"), 10),
]


@transaction.atomic(durable=True)
def load_demo_stands(edition: Edition) -> list[Stand]:
    stands = []
    for number, size, zone, price, passes, left, top, width, height in DEMO_STANDS:
        stand, _ = Stand.objects.update_or_create(
            edition=edition,
            number=number,
            defaults={
                "size": size,
                "zone": zone,
                "price": price,
                "included_passes": passes,
                "position_x": _percent(left + width / 2, WIDTH),
                "position_y": _percent(top + height / 2, HEIGHT),
            },
        )
        stands.append(stand)
    for order, (name, description, price, most) in enumerate(DEMO_EXTRAS):
        Extra.objects.update_or_create(
            edition=edition,
            name=name,
            defaults={
                "description": description,
                "price": price,
                "max_quantity": most,
                "order": order,
            },
        )
    if not FloorPlan.objects.filter(edition=edition).exists():
        FloorPlan.objects.create(
            edition=edition,
            image=ContentFile(_draw_plan(), name=f"plantegning-{edition.slug}.png"),
            description=(
                "Plantegning over udstillingsområdet: stand A1–A6 i foyeren, B1–B6 i hal B "
                "og C1–C4 ved caféen."
            ),
        )
    return stands


def _percent(value: float, whole: int) -> Decimal:
    return Decimal(str(round(value / whole * 100, 2)))


def _draw_plan() -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), "#f5f5f5")
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, WIDTH - 20, HEIGHT - 20), outline="#333333", width=4)
    draw.line((20, 230, WIDTH - 20, 230), fill="#999999", width=2)
    draw.line((20, 480, WIDTH - 20, 480), fill="#999999", width=2)
    for label, y in (("Foyer", 30), ("Hal B", 240), ("Ved caféen", 490)):
        draw.text((30, y), label, fill="#333333")
    for _number, _size, _zone, _price, _passes, left, top, width, height in DEMO_STANDS:
        draw.rectangle((left, top, left + width, top + height), fill="#dde6ee", outline="#4d6a85")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
