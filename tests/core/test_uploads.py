"""The shared upload checks (`core.uploads`)."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from forsamling.core.uploads import verified_image_format

UNREADABLE = ValidationError("Filen kan ikke læses som et billede.", code="unreadable")


def png(width: int, height: int) -> SimpleUploadedFile:
    data = io.BytesIO()
    Image.new("1", (width, height)).save(data, format="PNG")
    return SimpleUploadedFile("logo.png", data.getvalue(), content_type="image/png")


def test_a_small_png_is_read_as_png():
    assert verified_image_format(png(40, 20), unreadable=UNREADABLE) == "PNG"


def test_a_decompression_bomb_is_refused_with_the_checks_own_error_not_a_server_error():
    """A small file that claims a huge image (past twice Pillow's pixel limit) is refused as
    unreadable, with the check's Danish message, instead of raising Pillow's own error."""
    side = int((2 * Image.MAX_IMAGE_PIXELS) ** 0.5) + 100
    bomb = png(side, side)
    assert bomb.size < 2_000_000  # small on disk
    with pytest.raises(ValidationError) as refused:
        verified_image_format(bomb, unreadable=UNREADABLE)
    assert refused.value.code == "unreadable"
