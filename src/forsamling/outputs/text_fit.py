"""Fitting a line of text into a box of a badge: the largest size at which it wraps into the
lines allowed, measured with the font the PDF uses; cut with "…" if even the smallest is too
large. The lines are printed as measured (no wrapping left to chance), so nothing crosses
the badge's edge whatever the name, organisation or category.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import ImageFont

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu")]
FONT_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
MEASURE_AT = 100  # px: measured large, scaled to the point size asked
SAFETY = 0.96  # of the box's width: room for rounding and kerning differences
MM_PER_PT = 25.4 / 72
_BREAK = re.compile(r"(?<=-)|(?<= )")  # a line may break after a space or a hyphen


@dataclass(frozen=True)
class Fitted:
    size: float  # points
    lines: list[str]


@cache
def _font(bold: bool) -> ImageFont.FreeTypeFont | None:
    for folder in FONT_DIRS:
        path = folder / FONT_FILES[bold]
        if path.exists():
            return ImageFont.truetype(str(path), MEASURE_AT)
    return None


def width_mm(text: str, size: float, *, bold: bool) -> float:
    """The text's width at `size` points in DejaVu Sans; without the font, a generous guess."""
    font = _font(bold)
    em = font.getlength(text) / MEASURE_AT if font else len(text) * 0.8
    return em * size * MM_PER_PT


def wrap(text: str, size: float, box_mm: float, *, bold: bool) -> list[str]:
    """Greedy wrapping at spaces and after hyphens; a word wider than the box is cut."""
    limit = box_mm * SAFETY
    lines: list[str] = []
    current = ""
    for piece in (p for p in _BREAK.split(" ".join(text.split())) if p):
        candidate = current + piece
        if width_mm(candidate.rstrip(), size, bold=bold) <= limit:
            current = candidate
            continue
        if current:
            lines.append(current.rstrip())
        current = piece
        while width_mm(current.rstrip(), size, bold=bold) > limit and len(current) > 1:
            cut = len(current) - 1
            while cut > 1 and width_mm(current[:cut], size, bold=bold) > limit:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current.strip():
        lines.append(current.rstrip())
    return lines


def fit(
    text: str, *, box_mm: float, max_lines: int, sizes: Sequence[float], bold: bool = False
) -> Fitted:
    """The largest of `sizes` at which `text` takes at most `max_lines` lines of `box_mm`."""
    if not text.strip():
        return Fitted(sizes[0], [])
    for size in sizes:
        lines = wrap(text, size, box_mm, bold=bold)
        if len(lines) <= max_lines:
            return Fitted(size, lines)
    size = sizes[-1]
    lines = wrap(text, size, box_mm, bold=bold)[:max_lines]
    last = lines[-1]
    while last and width_mm(last + "…", size, bold=bold) > box_mm * SAFETY:
        last = last[:-1]
    lines[-1] = last.rstrip() + "…"
    return Fitted(size, lines)
