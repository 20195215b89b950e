"""/api/v1/: where to start (the browsable API's front page)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
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
