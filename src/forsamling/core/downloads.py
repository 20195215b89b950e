"""A file for the browser to save: one way to answer with CSV, XLSX, JSON or PDF bytes."""

from __future__ import annotations

from django.http import HttpResponse


def attachment(
    body: bytes | str, filename: str, content_type: str, *, disposition: str = "attachment"
) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
