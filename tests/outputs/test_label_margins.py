"""The label sheet (2×4 on A4) and the single labels keep their coloured band and every word
at least 2 mm inside each label's cut line, as printers shift a sheet by a millimetre:
checked on the layout's numbers and on the PDF rendered to pixels (poppler's `pdftoppm`)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image
from weasyprint import HTML

from forsamling.outputs.badges import GEOMETRY, LABEL, SHEET, badges_html
from tests.backoffice.conftest import conference  # noqa: F401
from tests.checkin.badge_boxes import words
from tests.outputs.pdf_text import needs_poppler
from tests.outputs.test_badge_edges import PT_PER_MM, all_badges

SAFE = 2.0  # mm
DPI = 200
PX_PER_MM = DPI / 25.4
BAND = (0x00, 0x5A, 0x8C)  # the colour `all_badges` gives every band


@pytest.mark.parametrize("layout", [SHEET, LABEL])
def test_the_band_and_the_texts_are_laid_out_two_mm_inside_the_label(layout):
    g = GEOMETRY[layout]
    assert g.inset >= SAFE
    assert g.inset + g.band_width + g.inset == pytest.approx(g.width)  # left and right alike
    assert g.pad >= SAFE and g.text_top >= SAFE
    assert g.qr_bottom >= g.inset + g.band  # the QR code sits above the band, not on it
    assert g.text_top + g.text_height <= g.height - g.inset - g.band


def band_pixels(png: Path) -> list[tuple[int, int]]:
    image = Image.open(png).convert("RGB")
    width, height = image.size
    data = image.load()
    return [
        (x, y)
        for y in range(0, height)
        for x in range(0, width)
        if sum(abs(a - b) for a, b in zip(data[x, y], BAND, strict=True)) < 40
    ]


@needs_poppler
@pytest.mark.parametrize("layout", [SHEET, LABEL])
def test_the_rendered_band_keeps_two_mm_from_every_cut_line(conference, layout):  # noqa: F811
    g = GEOMETRY[layout]
    badges = all_badges()[: 8 if layout == SHEET else 1]
    pdf = HTML(string=badges_html(SimpleNamespace(title="Forum"), badges, layout)).write_pdf()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "labels.pdf"
        path.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-r", str(DPI), "-f", "1", "-l", "1", "-png", str(path), f"{folder}/p"],
            check=True,
        )
        [png] = Path(folder).glob("p*.png")
        pixels = band_pixels(png)
    assert pixels, "no band was drawn"
    cells: dict[tuple[int, int], list[float]] = {}
    for x, y in pixels:
        x_mm, y_mm = x / PX_PER_MM, y / PX_PER_MM
        column, row = int(x_mm // g.width), int(y_mm // g.height)
        left, top = column * g.width, row * g.height
        distance = min(x_mm - left, left + g.width - x_mm, y_mm - top, top + g.height - y_mm)
        cells.setdefault((column, row), []).append(distance)
    assert len(cells) == len(badges)  # one band on each label, none across a cut line
    nearest = min(min(distances) for distances in cells.values())
    assert nearest >= SAFE, f"a band comes {nearest:.2f} mm from a cut line"

    for word in words(pdf):
        if word.page:
            continue
        x0, x1 = word.x_min / PT_PER_MM, word.x_max / PT_PER_MM
        y0, y1 = word.y_min / PT_PER_MM, word.y_max / PT_PER_MM
        column, row = int(x0 // g.width), int(y0 // g.height)
        left, top = column * g.width, row * g.height
        assert min(x0 - left, left + g.width - x1, y0 - top, top + g.height - y1) >= SAFE, word
