"""A speaker's photo and slides: their own bytes decide, not their names.

The photo must be a PNG, JPEG or WebP that Pillow reads, at most 8 MB and 40 megapixels; it
is turned upright, scaled to at most 800 × 800 pixels and saved again as a JPEG, which leaves
EXIF (the camera, the place it was taken) behind. Slides are a PDF (its `%PDF-` header) or a
PowerPoint file (a zip holding `ppt/presentation.xml`), at most 50 MB.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from forsamling.core.uploads import checked_size, first_bytes

MAX_PHOTO_BYTES = 8 * 1024 * 1024
MAX_PHOTO_PIXELS = 40_000_000
PHOTO_FORMATS = {"PNG", "JPEG", "WEBP"}
PHOTO_SIZE = (800, 800)
MAX_SLIDES_BYTES = 50 * 1024 * 1024


def checked_photo(upload: Any) -> ContentFile[bytes]:
    """The photo as it is stored (a resized JPEG without EXIF), or a Danish ValidationError."""
    checked_size(
        upload,
        MAX_PHOTO_BYTES,
        _("Fotoet må højst fylde 8 MB (det fylder %(size)s MB)."),
        code="photo_too_large",
    )
    unreadable = ValidationError(
        _("Filen er ikke et foto, vi kan læse. Brug JPEG, PNG eller WebP."),
        code="photo_unreadable",
    )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            if image.format not in PHOTO_FORMATS:
                raise ValidationError(
                    _("Fotoet skal være JPEG, PNG eller WebP (ikke %(format)s)."),
                    code="photo_format",
                    params={"format": image.format},
                )
            if image.width * image.height > MAX_PHOTO_PIXELS:
                raise ValidationError(
                    _("Fotoet har for mange pixels. Brug et på højst 40 megapixel."),
                    code="photo_pixels",
                )
            image.load()
            upright = ImageOps.exif_transpose(image)
            upright = upright.convert("RGB")
            upright.thumbnail(PHOTO_SIZE)
            out = io.BytesIO()
            upright.save(out, format="JPEG", quality=85, optimize=True)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise unreadable from None
    finally:
        upload.seek(0)
    return ContentFile(out.getvalue(), name="foto.jpg")


def check_slides(upload: Any) -> str:
    """The slides' extension ("pdf" or "pptx"), or a Danish ValidationError."""
    size = checked_size(
        upload,
        MAX_SLIDES_BYTES,
        _("Slides må højst fylde 50 MB (filen fylder %(size)s MB)."),
        code="slides_too_large",
    )
    if size == 0:
        raise ValidationError(_("Filen er tom."), code="slides_empty")
    head = first_bytes(upload, 5)
    if head == b"%PDF-":
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(upload) as archive:
                if "ppt/presentation.xml" in archive.namelist():
                    return "pptx"
        except (zipfile.BadZipFile, OSError):
            pass
        finally:
            upload.seek(0)
    raise ValidationError(
        _("Slides skal være en PDF eller en PowerPoint-fil (.pptx)."), code="slides_format"
    )
