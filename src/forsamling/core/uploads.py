"""What the upload checks share (exhibitors' images, prize attachments, speakers' files): an
upload's size as Danes write it, and the format Pillow finds in its bytes. Each check keeps
its own limits, messages and codes."""

from __future__ import annotations

from typing import Any

from PIL import Image, UnidentifiedImageError

# What Pillow raises on bytes that are no image it can read.
UNREADABLE_IMAGE = (UnidentifiedImageError, OSError, SyntaxError, ValueError)


def megabytes(size: int) -> str:
    """'8,4': a size in MB with one decimal and a decimal comma, for the messages."""
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")


def verified_image_format(upload: Any) -> str | None:
    """The image format Pillow reads from the upload's bytes ("PNG", "JPEG", …) once it has
    verified them; raises one of `UNREADABLE_IMAGE` when they are no image it can read. The
    upload is read from its start and left where it was."""
    position = upload.tell() if hasattr(upload, "tell") else None
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            image.verify()
    finally:
        upload.seek(position or 0)
    return image_format
