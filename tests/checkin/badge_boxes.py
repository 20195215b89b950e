"""Where a PDF's words are, from poppler's `pdftotext -bbox`: to check that badges keep
their text inside their own edges."""

from __future__ import annotations

import subprocess
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

NS = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


def _bbox(pdf: bytes) -> ET.Element:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.pdf"
        path.write_bytes(pdf)
        done = subprocess.run(
            ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
        )
    return ET.fromstring(done.stdout)


def page_size(pdf: bytes) -> tuple[float, float]:
    page = next(_bbox(pdf).iter(f"{NS}page"))
    return float(page.get("width", 0)), float(page.get("height", 0))


def words(pdf: bytes) -> list[Word]:
    found = []
    for number, page in enumerate(_bbox(pdf).iter(f"{NS}page")):
        for word in page.iter(f"{NS}word"):
            found.append(
                Word(
                    number,
                    word.text or "",
                    float(word.get("xMin", 0)),
                    float(word.get("yMin", 0)),
                    float(word.get("xMax", 0)),
                    float(word.get("yMax", 0)),
                )
            )
    return found
