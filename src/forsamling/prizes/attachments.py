"""Checks for a nomination's attachments: PDF or images, their own bytes decide, not the name.

A PDF must begin with the `%PDF-` header; an image must be read by Pillow as PNG, JPEG or
WebP. The stored file gets the extension of the format found, and a random name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from forsamling.core.uploads import checked_size, first_bytes, verified_image_format

MAX_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 6
IMAGE_FORMATS = {"PNG": ("png", "image/png"), "JPEG": ("jpg", "image/jpeg")}
IMAGE_FORMATS["WEBP"] = ("webp", "image/webp")


@dataclass(frozen=True)
class Checked:
    upload: Any
    kind: str  # "pdf" or "image"
    extension: str
    content_type: str


def check_attachment(upload: Any) -> Checked:
    """Raises a Danish ValidationError unless the upload is a PDF or a PNG, JPEG or WebP."""
    size = checked_size(
        upload,
        MAX_BYTES,
        _("%(name)s fylder %(size)s MB. En fil må højst fylde 10 MB."),
        code="too_large",
        name=upload.name,
    )
    if size == 0:
        raise ValidationError(_("%(name)s er tom."), code="empty", params={"name": upload.name})
    if first_bytes(upload, 5) == b"%PDF-":
        return Checked(upload, "pdf", "pdf", "application/pdf")
    image_format = verified_image_format(
        upload,
        unreadable=ValidationError(
            _("%(name)s er hverken en PDF eller et billede, vi kan læse (PNG, JPEG eller WebP)."),
            code="unreadable",
            params={"name": upload.name},
        ),
    )
    if image_format not in IMAGE_FORMATS:
        raise ValidationError(
            _("%(name)s er et %(format)s-billede. Brug PDF, PNG, JPEG eller WebP."),
            code="format",
            params={"name": upload.name, "format": image_format},
        )
    extension, content_type = IMAGE_FORMATS[image_format or ""]
    return Checked(upload, "image", extension, content_type)
