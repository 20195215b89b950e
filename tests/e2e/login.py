"""Browser contexts already logged in, for the browser tests of the back office."""

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
