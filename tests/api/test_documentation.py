"""The API documents itself within the site's Content-Security-Policy (issue 26): the
browsable pages load only our own static files and run no inline script; the OpenAPI
document names the token scheme."""

from __future__ import annotations

import json
import re


def test_the_browsable_api_runs_only_our_own_static_scripts(client, db):
    response = client.get("/api/v1/editions/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    html = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts
    for attributes in scripts:
        assert 'src="/static/' in attributes or 'type="application/json"' in attributes
    for href in re.findall(r'<link[^>]*href="([^"]+)"', html):
        assert href.startswith("/static/")
    assert 'style="' not in html
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_the_openapi_document_names_the_token_and_the_organisers_operations_need_it(client, db):
    document = json.loads(client.get("/api/v1/schema/", {"format": "json"}).content)
    assert document["openapi"].startswith("3.")
    scheme = document["components"]["securitySchemes"]["organiserToken"]
    assert scheme == {**scheme, "type": "http", "scheme": "bearer"}
    registrations = document["paths"]["/api/v1/editions/{edition}/registrations/"]["get"]
    assert {"organiserToken": []} in registrations["security"]
    assert {"count", "next", "previous", "results"} <= set(
        document["components"]["schemas"]["PaginatedRegistrationList"]["properties"]
    )
