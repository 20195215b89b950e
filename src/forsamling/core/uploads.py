"""What the upload checks share (exhibitors' images, prize attachments, speakers' files): the
size limit, an upload's first bytes, and the format Pillow finds in its bytes. Each check keeps
its own limits, messages and codes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

# What Pillow raises on bytes that are no image it can read, or one so large in pixels that
# decoding it would exhaust the server (a "decompression bomb": a small file, a huge image).
UNREADABLE_IMAGE = (
    UnidentifiedImageError,
    OSError,
    SyntaxError,
    ValueError,
    Image.DecompressionBombError,
)


def megabytes(size: int) -> str:
    """'8,4': a size in MB with one decimal and a decimal comma, for the messages."""
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")


def checked_size(
    upload: Any, limit: int, too_large: StrOrPromise, *, code: str, **params: Any
) -> int:
    """The upload's size in bytes (0 when it has none), or a ValidationError with the check's
    own message when it is over `limit`: `%(size)s` in it is the size in MB, and `params`
    fill in the rest."""
    size = getattr(upload, "size", 0) or 0
    if size > limit:
        raise ValidationError(too_large, code=code, params={**params, "size": megabytes(size)})
    return size


def first_bytes(upload: Any, count: int) -> bytes:
    """The upload's first `count` bytes (a file format's signature); the upload is left at its
    start."""
    upload.seek(0)
    head: bytes = upload.read(count)
    upload.seek(0)
    return head


def verified_image_format(upload: Any, *, unreadable: ValidationError) -> str | None:
    """The image format Pillow reads from the upload's bytes ("PNG", "JPEG", …) once it has
    verified them; raises the check's own `unreadable` error when they are no image it can
    read. The upload is read from its start and left where it was."""
    position = upload.tell() if hasattr(upload, "tell") else None
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            image.verify()
    except UNREADABLE_IMAGE as exc:
        raise unreadable from exc
    finally:
        upload.seek(position or 0)
    return image_format
