"""Uploaded floor plans and logos: PNG, JPEG or WebP read by Pillow, at most 5 MB."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from forsamling.exhibitors.images import MAX_IMAGE_BYTES, validate_image
from tests.exhibitors.conftest import image_bytes


@pytest.mark.parametrize("image_format", ["PNG", "JPEG", "WEBP"])
def test_png_jpeg_and_webp_images_are_accepted(image_format):
    validate_image(SimpleUploadedFile("plan", image_bytes(image_format)))


def test_an_image_over_5_mb_is_refused_before_it_is_read():
    upload = SimpleUploadedFile("plan.png", b"\0" * (MAX_IMAGE_BYTES + 1))
    with pytest.raises(ValidationError) as caught:
        validate_image(upload)
    assert caught.value.code == "image_too_large"
    assert "højst fylde 5 MB" in caught.value.messages[0]


def test_a_file_named_png_that_is_not_an_image_is_refused():
    with pytest.raises(ValidationError) as caught:
        validate_image(SimpleUploadedFile("plan.png", b"<svg></svg>"))
    assert caught.value.code == "image_unreadable"


@pytest.mark.parametrize("image_format", ["GIF", "BMP", "TIFF"])
def test_other_image_formats_are_refused_by_name(image_format):
    with pytest.raises(ValidationError) as caught:
        validate_image(SimpleUploadedFile("plan.png", image_bytes(image_format)))
    assert caught.value.code == "image_format"
    assert f"ikke {image_format}" in caught.value.messages[0]


def test_the_upload_can_still_be_read_from_the_start_after_the_check():
    upload = SimpleUploadedFile("plan.png", image_bytes("PNG"))
    validate_image(upload)
    assert upload.read(8) == b"\x89PNG\r\n\x1a\n"
