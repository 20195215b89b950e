"""Name badges: name, title, organisation, the category by colour and in words, a QR code.

The QR code holds the check-in URL with the badge's code, so a phone camera opens the
check-in desk for that person; a hand scanner types the same URL into the desk's field.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import SafeString

from forsamling.checkin.tokens import badge_code
from forsamling.conferences.models import Edition
from forsamling.outputs.text_fit import MM_PER_PT, Fitted, fit
from forsamling.registration import dinner
from forsamling.registration.models import Category, Registration

# Dark enough for white text (WCAG AA) and told apart by the category's name as well.
COLOURS = ["#005a8c", "#1b6e20", "#a13d00", "#6a1b9a", "#b71c1c", "#00695c", "#4e342e",
           "#37474f", "#283593", "#827717"]  # fmt: skip

SHEET = "sheet"  # 2×4 labels on A4
PAGES = "pages"  # one badge per A6 page
LABEL = "label"  # one badge per 4×3 inch (101.6×76.2 mm) label, for a label printer at the desk


@dataclass(frozen=True)
class Badge:
    name: str
    title: str
    organisation: str
    category: str
    colour: str
    qr: SafeString
    table: int | None = None  # the dinner's table, when the table plan seats them


def category_colours(categories: Sequence[Category]) -> dict[int, str]:
    return {category.pk: COLOURS[i % len(COLOURS)] for i, category in enumerate(categories)}


def checkin_url(edition: Edition, registration_id: int) -> str:
    path = reverse("backoffice:checkin", args=[edition.slug])
    return f"{settings.SITE_URL}{path}?{urlencode({'kode': badge_code(registration_id)})}"


def make_badges(
    edition: Edition, registrations: Sequence[Registration], colours: dict[int, str]
) -> list[Badge]:
    """Expects `category` selected on each registration; the table numbers in one query."""
    tables = dinner.table_numbers(r.pk for r in registrations)
    return [
        Badge(
            name=r.name,
            title=r.job_title,
            organisation=r.organisation,
            category=r.category.name,
            colour=colours.get(r.category_id, COLOURS[0]),
            qr=qr_image(checkin_url(edition, r.pk)),
            table=tables.get(r.pk),
        )
        for r in registrations
    ]


def qr_image(url: str) -> SafeString:
    """The QR code as a small inline PNG made by segno, drawn with sharp edges.

    Measured for 2,000 badges: inline SVG made the PDF twice as slow to write (WeasyPrint
    draws every module as a vector), and segno's search for the best mask pattern took 15 ms
    a code; a fixed mask takes 3 ms and scans as well.
    """
    uri = segno.make(url, error="m", mask=0).png_data_uri(scale=4, border=0)
    return format_html('<img src="{}" alt="QR-kode til indtjekning">', uri)


def badge_pdf(edition: Edition, registrations: Sequence[Registration], layout: str) -> bytes:
    """Badges printed at the desk: a walk-in's, or one reprinted. Expects `category` selected."""
    from weasyprint import HTML

    colours = category_colours(list(Category.objects.filter(edition=edition)))
    html = badges_html(edition, make_badges(edition, registrations, colours), layout)
    return bytes(HTML(string=html).write_pdf())


@dataclass(frozen=True)
class Geometry:
    """One badge's box in mm, and the sizes (pt, largest first) its texts may take."""

    width: float
    height: float
    pad: float
    qr: float
    band: float
    event_size: float
    name_sizes: tuple[float, ...]
    small_sizes: tuple[float, ...]
    band_sizes: tuple[float, ...]
    # How far the coloured band keeps from the badge's edges (mm). Labels are cut, and
    # printers shift a sheet by a millimetre or more: the band stops short of every cut line.
    inset: float = 0
    table_width: float = 24  # the table number's end of the band

    @property
    def band_width(self) -> float:
        return self.width - 2 * self.inset

    @property
    def inner(self) -> float:
        return self.width - 2 * self.pad

    @property
    def text_width(self) -> float:
        """The text column, left of the QR code."""
        return self.inner - self.qr - 3

    @property
    def qr_bottom(self) -> float:
        return self.inset + self.band + 3

    @property
    def text_top(self) -> float:
        return self.pad + self.event_size * 1.4 * 0.3528 + 1.5

    @property
    def text_height(self) -> float:
        return self.height - self.inset - self.band - 2 - self.text_top


# Labels (a sheet of 2×4, a label printer's roll) keep everything 3 mm inside the cut line;
# the band is a little lower so the texts above keep their room.
LABEL_INSET = 3.0
_SHEET_LABEL = Geometry(
    105, 74, 6, 22, 12, 7, (18, 16, 14, 12, 10.5), (9.5, 8.5, 7.5), (11, 9.5, 8), LABEL_INSET
)
GEOMETRY = {
    SHEET: _SHEET_LABEL,
    # A roll's label (4 × 3 inches) prints as a sheet's does, with a taller band.
    LABEL: replace(_SHEET_LABEL, width=101.6, height=76.2, band=13, band_sizes=(12, 10, 8.5)),
    PAGES: Geometry(
        148,
        105,
        10,
        30,
        20,
        9,
        (28, 24, 20, 17, 14),
        (13, 11.5, 10),
        (16, 13, 11),
        table_width=32,
    ),
}


@dataclass(frozen=True)
class PrintedBadge:
    """A badge with each text fitted into its box: sizes in pt, lines as they are printed."""

    badge: Badge
    event: Fitted
    name: Fitted
    title: Fitted
    organisation: Fitted
    category: Fitted
    table: Fitted | None = None
    left: float = 0
    top: float = 0
    band: float = 0

    @property
    def band_pad(self) -> float:
        """The band's text centred in its height (mm)."""
        text = len(self.category.lines) * self.category.size * 1.1 * MM_PER_PT
        return max(0.0, (self.band - text) / 2)


def printed(
    edition: Edition, badge: Badge, g: Geometry, left: float = 0, top: float = 0
) -> PrintedBadge:
    return PrintedBadge(
        badge=badge,
        event=fit(edition.title, box_mm=g.inner, max_lines=1, sizes=(g.event_size, 6)),
        name=fit(badge.name, box_mm=g.text_width, max_lines=2, sizes=g.name_sizes, bold=True),
        title=fit(badge.title, box_mm=g.text_width, max_lines=2, sizes=g.small_sizes),
        organisation=fit(
            badge.organisation, box_mm=g.text_width, max_lines=2, sizes=g.small_sizes, bold=True
        ),
        category=fit(
            badge.category.upper(),
            box_mm=g.band_width - 2 * g.pad - (g.table_width if badge.table is not None else 0),
            max_lines=2,
            sizes=g.band_sizes,
            bold=True,
        ),
        table=None
        if badge.table is None
        else fit(
            f"BORD {badge.table}",
            box_mm=g.table_width - 2,
            max_lines=1,
            sizes=g.band_sizes,
            bold=True,
        ),
        left=left,
        top=top,
        band=g.band,
    )


def badges_html(edition: Edition, badges: Sequence[Badge], layout: str) -> str:
    """Every badge in a box of its own size, absolutely placed, its texts fitted inside it."""
    g = GEOMETRY[layout]
    if layout == SHEET:
        pages = [
            [
                printed(edition, badge, g, left=(i % 2) * g.width, top=(i // 2) * g.height)
                for i, badge in enumerate(badges[start : start + 8])
            ]
            for start in range(0, len(badges), 8)
        ]
    else:
        pages = [[printed(edition, badge, g)] for badge in badges]
    return render_to_string(
        "outputs/badges.html",
        {"edition": edition, "pages": pages, "layout": layout, "g": g},
    )
