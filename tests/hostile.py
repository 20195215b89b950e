"""Fuzzing every form a page offers: read its forms from the HTML, post what a bot might.

`forms_on(client, url)` finds each POST form on a page (its action and fields, with the
values the page filled in); `post_drawn(...)` posts it with each field kept, changed to odd
text, or left out (hypothesis draws which). The checks: never a 5xx, and a refused submit
(400/403/404/405/422, or a redirect with an error message) changes nothing stored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

import pytest
from django.apps import apps
from django.contrib.messages import constants, get_messages
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ODD = st.one_of(
    st.text(max_size=60),
    st.sampled_from([
        "", " ", "\x00", "\x01", "a\u202eb", "0", "-1", "1.5", "99999999999999999999",
        "9223372036854775808", "١٢", "none", "on", "ja", "nej", "ø" * 400, "<script>", "'; --",
        "2026-02-30", "0x10", "1e9",
    ]),
)  # fmt: skip
REFUSED = {400, 403, 404, 405, 409, 422}


@dataclass
class Form:
    action: str
    fields: dict[str, list[str]] = field(default_factory=dict)  # name → possible values


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._form = (
                Form(a.get("action", "")) if a.get("method", "").lower() == "post" else None
            )
            if self._form is not None:
                self.forms.append(self._form)
        if self._form is None or ("name" not in a and tag != "option"):
            return
        if tag == "input" and a.get("type") not in {"submit", "button", "file", "image"}:
            value = a.get("value", "on" if a.get("type") in {"checkbox", "radio"} else "")
            self._form.fields.setdefault(a["name"], []).append(value)
        elif tag == "button" and a.get("name"):
            self._form.fields.setdefault(a["name"], []).append(a.get("value", ""))
        elif tag == "textarea":
            self._form.fields.setdefault(a["name"], []).append("Tekst\nover to linjer")
        elif tag == "select":
            self._select = a["name"]
            self._form.fields.setdefault(self._select, [])
        elif tag == "option" and self._select is not None:
            self._form.fields[self._select].append(a.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def forms_on(client: Any, url: str) -> list[Form]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    parser = _Parser()
    parser.feed(response.content.decode())
    for form in parser.forms:
        form.action = urljoin(url, form.action or url)
    return parser.forms


def stored() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the project's own tables (the test data is small)."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values_list())
        for model in apps.get_models()
        if model.__module__.startswith("forsamling.")
    }


def post_drawn(client: Any, form: Form, data: Any, csrf_fields: set[str] | None = None) -> Any:
    posted: dict[str, Any] = {}
    for name, values in form.fields.items():
        if name == "csrfmiddlewaretoken":
            continue
        choice = data.draw(st.sampled_from(["kept", "odd", "missing"]), label=name)
        if choice == "kept":
            kept = [v for v in values if v] or values or [""]
            posted[name] = data.draw(st.sampled_from(kept), label=f"{name}=")
        elif choice == "odd":
            posted[name] = data.draw(ODD, label=f"{name}=")
    if data.draw(st.booleans(), label="extra field"):
        posted[data.draw(st.sampled_from(["slot", "session", "id", "pk", "x"]))] = data.draw(ODD)
    before = stored()
    response = client.post(form.action, posted)
    assert response.status_code < 500, (form.action, posted, response.status_code)
    errors = (
        [m for m in get_messages(response.wsgi_request) if m.level >= constants.ERROR]
        if hasattr(response, "wsgi_request")
        else []
    )
    if response.status_code in REFUSED or (response.status_code == 302 and errors):
        assert stored() == before, (form.action, posted, response.status_code)
    return response


def fuzz_page(client: Any, url: str, data: Any) -> Any:
    """One example: a form of the page, posted as drawn; the database is rolled back after,
    so every example starts from the same rows (and hypothesis can replay it)."""
    from django.db import transaction

    rollback = transaction.atomic()
    # Marked as TestCase marks its own blocks, so the services' durable transactions (e.g.
    # ordering a PDF) may run inside it, as they do inside a test's transaction.
    rollback._from_testcase = True
    with rollback:
        # Logging out is no bot's attack and would end the examples' session.
        forms = [f for f in forms_on(client, url) if not f.action.endswith("/logout/")]
        assert forms, f"no POST form on {url}"
        form = data.draw(st.sampled_from(forms), label="form")
        response = post_drawn(client, form, data)
        transaction.set_rollback(True)
    return response


def fuzzing_each(pages: list[str], max_examples: int) -> Callable[[Any], Any]:
    """Makes `test(..., page, data)` a test for each of `pages`, run on `max_examples` drawn
    examples (`data`, for `fuzz_page`) each."""

    def decorate(test: Any) -> Any:
        examples = settings(
            max_examples=max_examples,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture],
        )
        return pytest.mark.parametrize("page", pages)(examples(given(data=st.data())(test)))

    return decorate
