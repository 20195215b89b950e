"""A file for the browser to save: one way to answer with CSV, XLSX, JSON or PDF bytes."""

from __future__ import annotations

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse

JSON = "application/json; charset=utf-8"


def attachment(
    body: bytes | str, filename: str, content_type: str, *, disposition: str = "attachment"
) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def personal_data_file(data: dict[str, Any], filename: str) -> HttpResponse:
    """A person's data as readable JSON (dates as ISO text, Danish letters as themselves)."""
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    return attachment(body, filename, JSON)
