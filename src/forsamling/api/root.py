"""/api/v1/: where to start (the browsable API's front page)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import (
    api_view,
    authentication_classes,
    permission_classes,
    throttle_classes,
)
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from forsamling.api.conventions import ETagMixin


class ApiRoot(ETagMixin, APIView):
    """Forsamling's API, version 1: the editions, the OpenAPI document, the documentation."""

    @extend_schema(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return Response(
            {
                "version": "1",
                "editions": reverse("api:editions", request=request),
                "schema": reverse("api:schema", request=request),
                "documentation": "docs/api.md in Forsamling's source",
            }
        )


@extend_schema(exclude=True)  # above @api_view: drf-spectacular reads it from the view
@api_view(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
@authentication_classes([])
@permission_classes([])
@throttle_classes([])
def not_found(request: Request) -> Response:
    """Any other path under /api/: a JSON 404 (the site's Danish page is HTML)."""
    raise NotFound
