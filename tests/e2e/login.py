"""Logging in to the back office in the browser tests: through its login form, as a person
does, or with browser contexts already logged in."""

from __future__ import annotations

from typing import Any

from django.test import Client


def log_in_context(context: Any, live_server: Any, user: Any) -> None:
    """Gives the browser context a session of `user`, as if they had logged in."""
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value,
          "url": live_server.url}]
    )  # fmt: skip


def logged_in(browser: Any, live_server: Any, user: Any, **options: Any) -> Any:
    """A new Danish browser context on Copenhagen's clock (`options` as for `new_context`),
    logged in as `user`."""
    context = browser.new_context(locale="da-DK", timezone_id="Europe/Copenhagen", **options)
    log_in_context(context, live_server, user)
    return context


def submit_login(page: Any, username: str, password: str) -> None:
    """Types `username` and `password` into the back office's login form on `page` and sends it
    with its "Log ind" button; the caller waits for what should follow."""
    page.get_by_label("Brugernavn").fill(username)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").click()


def log_in_with_form(
    page: Any, base_url: str, username: str, password: str, at: str = "/backoffice/login/"
) -> None:
    """Opens `at` (the login page, or a page that asks for a login) and logs in there with
    `submit_login`."""
    page.goto(f"{base_url}{at}")
    submit_login(page, username, password)
