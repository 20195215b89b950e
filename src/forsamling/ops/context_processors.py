"""The release's version for the back office's footer."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def version(request: HttpRequest) -> dict[str, str]:
    return {"forsamling_version": settings.FORSAMLING_VERSION}
