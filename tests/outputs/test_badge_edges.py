"""Every text of every badge inside that badge: the longest names, organisations and
categories (two-line bands), on A6 pages, on label sheets and on single labels, checked
with the positions of the words in the PDF (poppler's `pdftotext -bbox`)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from weasyprint import HTML

from forsamling.demo.edition import CATEGORIES
from forsamling.outputs.badges import (
    GEOMETRY,
    LABEL,
    PAGES,
    SHEET,
    Badge,
    badges_html,
    qr_image,
)
from forsamling.outputs.text_fit import MM_PER_PT, fit, width_mm
from tests.backoffice.conftest import conference  # noqa: F401
from tests.checkin.badge_boxes import words
from tests.outputs.pdf_text import needs_poppler

PT_PER_MM = 1 / MM_PER_PT
TOLERANCE = 0.5  # pt: poppler's boxes include the glyphs' side bearings

LONGEST = [
    # The longest values in the seeds and the demo, and longer ones still.
    ("Christina Krzyrosiak Hansen", "Repræsentant for KL’s sundheds- og ældreudvalg",
     "økonomisk institut, Aarhus Universitet og formand for reformkommissionen"),
    ("Anne-Mette Kristine Bøgh-Østergaard Vestergaard-Aabenraa Holm-Nielsen",
     "Konstitueret social- og sundhedsdirektør, Sundheds- og Omsorgsforvaltningen",
     "Region Nordjylland, Psykiatrien, Afdeling for Udviklingshæmning og "
     "Børne- og Ungdomspsykiatri"),
    ("W" * 200, "M" * 200, "Æ" * 200),
    ("Bo Ek", "", "KL"),
]  # fmt: skip


def all_badges():
    """Every category of the demo edition with every one of the long values."""
    qr = qr_image(
        "https://forum.kl.dk/backoffice/konference/2026/indtjekning/?kode=1-0a1b2c3d4e5f6a7b"
    )
    return [
        Badge(
            name=name,
            title=title,
            organisation=organisation,
            category=category,
            colour="#005a8c",
            qr=qr,
        )
        for _, category, *_ in CATEGORIES
        for name, title, organisation in LONGEST
    ]


def badge_boxes(layout: str, count: int) -> list[list[tuple[float, float, float, float]]]:
    """Each page's badge boxes in pt, in the order the badges were given."""
    g = GEOMETRY[layout]
    per_page = 8 if layout == SHEET else 1
    pages = []
    for start in range(0, count, per_page):
        boxes = []
        for i in range(min(per_page, count - start)):
            left = (i % 2) * g.width if layout == SHEET else 0
            top = (i // 2) * g.height if layout == SHEET else 0
            boxes.append(
                (left * PT_PER_MM, top * PT_PER_MM,
                 (left + g.width) * PT_PER_MM, (top + g.height) * PT_PER_MM)
            )  # fmt: skip
        pages.append(boxes)
    return pages


@needs_poppler
@pytest.mark.parametrize("layout", [PAGES, SHEET, LABEL])
def test_no_word_crosses_its_badges_edge(conference, layout):  # noqa: F811
    edition = SimpleNamespace(title=conference.edition.title)
    badges = all_badges()
    pdf = HTML(string=badges_html(edition, badges, layout)).write_pdf()
    boxes = badge_boxes(layout, len(badges))
    found = words(pdf)
    assert len({w.page for w in found}) == len(boxes)  # nothing spilled onto an extra page
    for word in found:
        inside = [
            box for box in boxes[word.page]
            if box[0] - TOLERANCE <= word.x_min and word.x_max <= box[2] + TOLERANCE
            and box[1] - TOLERANCE <= word.y_min and word.y_max <= box[3] + TOLERANCE
        ]  # fmt: skip
        assert inside, f"{word} crosses a badge's edge"
    # Every badge still says who it is for (the long ones cut with "…").
    text = " ".join(w.text for w in found)
    assert "Christina" in text and "KOMMUNAL-" in text and "REGIONSPOLITIKER" in text


@needs_poppler
def test_the_two_line_band_stays_on_its_own_badge(conference):  # noqa: F811
    """Today's bug: "KOMMUNAL- ELLER / REGIONSPOLITIKER" printed onto the next badge."""
    edition = SimpleNamespace(title=conference.edition.title)
    badge = all_badges()[0]
    pdf = HTML(string=badges_html(edition, [badge, badge], PAGES)).write_pdf()
    band = [w for w in words(pdf) if w.text in {"KOMMUNAL-", "ELLER", "REGIONSPOLITIKER"}]
    assert sorted({w.page for w in band}) == [0, 1] and len(band) == 6
    height = GEOMETRY[PAGES].height * PT_PER_MM
    assert all(w.y_max <= height for w in band)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(st.characters(codec="latin-1", categories=["L", "N", "P", "Zs"]), max_size=200),
    box=st.floats(20, 130),
    lines=st.integers(1, 3),
)
def test_fitted_lines_are_never_wider_than_the_box(text, box, lines):
    fitted = fit(text, box_mm=box, max_lines=lines, sizes=(18, 12, 8), bold=True)
    assert len(fitted.lines) <= lines
    assert all(width_mm(line, fitted.size, bold=True) <= box for line in fitted.lines)
