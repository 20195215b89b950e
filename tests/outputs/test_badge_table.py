"""The dinner's table number on the badge: in the coloured band, at its right end, never on
top of the category's words nor outside the badge, on every layout."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from weasyprint import HTML

from forsamling.outputs.badges import GEOMETRY, LABEL, PAGES, SHEET, badges_html
from tests.backoffice.conftest import conference  # noqa: F401
from tests.checkin.badge_boxes import words
from tests.outputs.pdf_text import needs_poppler
from tests.outputs.test_badge_edges import PT_PER_MM, TOLERANCE, all_badges, badge_boxes


def with_tables(badges):
    return [
        SimpleNamespace(**{**badge.__dict__, "table": 7 if i % 2 else 112})
        for i, badge in enumerate(badges)
    ]


def overlaps(a, b) -> bool:
    return a.x_min < b.x_max and b.x_min < a.x_max and a.y_min < b.y_max and b.y_min < a.y_max


@needs_poppler
@pytest.mark.parametrize("layout", [PAGES, SHEET, LABEL])
def test_the_table_number_sits_in_the_band_beside_the_category(conference, layout):  # noqa: F811
    edition = SimpleNamespace(title=conference.edition.title)
    badges = with_tables(all_badges())
    pdf = HTML(string=badges_html(edition, badges, layout)).write_pdf()
    found = words(pdf)
    boxes = badge_boxes(layout, len(badges))
    assert len({w.page for w in found}) == len(boxes)
    g = GEOMETRY[layout]
    tables = [w for w in found if w.text == "BORD"]
    assert len(tables) == len(badges)
    for word in found:
        box = next(
            box for box in boxes[word.page]
            if box[0] - TOLERANCE <= word.x_min and word.x_max <= box[2] + TOLERANCE
            and box[1] - TOLERANCE <= word.y_min and word.y_max <= box[3] + TOLERANCE
        )  # fmt: skip
        if word.text in {"BORD", "7", "112"}:
            # In the band: its lowest g.band millimetres.
            assert word.y_min >= box[3] - g.band * PT_PER_MM - TOLERANCE
    # The number on top of no other word (the category's lines beside it, the QR's caption).
    numbers = [w for w in found if w.text in {"BORD", "7", "112"}]
    others = [w for w in found if w not in numbers]
    for a in numbers:
        for b in others:
            if a.page == b.page:
                assert not overlaps(a, b), f"{a} overlaps {b}"
