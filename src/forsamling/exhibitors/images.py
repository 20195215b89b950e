"""Checks for images organisers and exhibitors upload: floor plans and logos.

The file's own bytes decide, not its name: Pillow must read it as PNG, JPEG or WebP, and it
may be at most 5 MB.
"""

from __future__ import annotations

import mimetypes
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.http import FileResponse
from django.utils.translation import gettext_lazy as _
from PIL import Image

from forsamling.core.uploads import checked_size, verified_image_format

MAX_IMAGE_BYTES = 5 * 1024 * 1024
ALLOWED_FORMATS = {"PNG", "JPEG", "WEBP"}


def validate_image(upload: Any) -> None:
    """Raises a Danish ValidationError unless the upload is a real PNG, JPEG or WebP ≤ 5 MB."""
    if upload is None:
        return
    checked_size(
        upload,
        MAX_IMAGE_BYTES,
        _("Billedet må højst fylde 5 MB (det fylder %(size)s MB)."),
        code="image_too_large",
    )
    image_format = verified_image_format(
        upload,
        unreadable=ValidationError(
            _("Filen er ikke et billede, vi kan læse. Brug PNG, JPEG eller WebP."),
            code="image_unreadable",
        ),
    )
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("Billedet skal være PNG, JPEG eller WebP (ikke %(format)s)."),
            code="image_format",
            params={"format": image_format},
        )


EXTENSIONS = {"PNG": ".png", "JPEG": ".jpg", "WEBP": ".webp"}


def with_detected_extension(upload: Any) -> Any:
    """Names the upload after what its bytes are, not what its name says: a PNG called
    "logo.html" is stored as "logo.png" and served as an image (call after validate_image)."""
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            extension = EXTENSIONS[image.format or ""]
    finally:
        upload.seek(position or 0)
    stem = (upload.name or "billede").rsplit("/", 1)[-1].rsplit(".", 1)[0] or "billede"
    upload.name = f"{stem}{extension}"
    return upload


def image_response(image: FieldFile) -> FileResponse:
    """An uploaded image served from storage, whatever storage and host serve media files."""
    content_type = mimetypes.guess_type(image.name or "")[0] or "application/octet-stream"
    response = FileResponse(image.open("rb"), content_type=content_type)
    response["Cache-Control"] = "private, max-age=300"
    return response
