"""Schemathesis against the OpenAPI document (issue 26): every operation, with generated
parameters and bodies, answers without a server error and as the document says.

Deterministic (derandomized Hypothesis, a fixed number of examples per operation) and run
against the WSGI application, no server. The token has every scope, so the organisers'
operations are exercised too; path parameters point at the scene's edition half the time.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from django.test import override_settings
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
)

from forsamling.wsgi import application

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@pytest.fixture
def keep_connection():
    """As Django's test client does: the WSGI handler's end of request would close the
    test's database connection (and its transaction) otherwise."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def openapi_document() -> dict[str, Any]:
    """The document /api/v1/schema/ serves (`test_the_served_document_is_the_one_tested`),
    made without a request: Schemathesis needs it when the tests are collected, before any
    database exists. (Its lazy fixture loader fails on pytest 9.)"""
    document = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document))


# The examples and fuzzing phases, deterministic; the coverage phase's hundreds of boundary
# cases per operation would take minutes here.
CONFIG = schemathesis.Config.from_dict(
    {
        "phases": {"coverage": {"enabled": False}},
        "generation": {"max-examples": 8, "deterministic": True},
    }
)
schema = schemathesis.openapi.from_dict(openapi_document(), config=CONFIG)
schema.app = application
schema.location = "/api/v1/schema/"


@pytest.fixture
def scene(keep_connection, published, people, keys):
    return keys


def test_the_served_document_is_the_one_tested(client, db):
    served = client.get("/api/v1/schema/", {"format": "json"}, HTTP_ACCEPT="application/json")
    assert served.status_code == 200
    assert json.loads(served.content) == openapi_document()


@pytest.mark.django_db
@override_settings(FORSAMLING_API_RATE_ANONYMOUS=100_000, FORSAMLING_API_RATE_PER_TOKEN=100_000)
@schema.parametrize()
@settings(
    max_examples=8,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_documented(case, scene):
    # Half the examples ask for the scene's edition (a random slug is only ever not found).
    if "edition" in case.path_parameters and len(str(case.path_parameters)) % 2 == 0:
        case.path_parameters["edition"] = "2026"
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {scene.all}"}
    case.call_and_validate(checks=CHECKS)
