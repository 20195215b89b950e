"""The token's place in the OpenAPI document (drf-spectacular finds it when this is imported,
from `ApiConfig.ready`)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "forsamling.api.authentication.TokenAuthentication"
    name = "organiserToken"
    priority = 1

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "An organiser's token for one edition, made in the back office (API-nøgler). "
                "Scopes: read_programme, read_registrations, write_checkins."
            ),
        }
