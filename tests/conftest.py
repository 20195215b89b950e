"""Shared fixtures: a real Chromium for end-to-end tests, and axe-core for accessibility."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# Playwright's sync API runs an event loop in the test thread; Django's ORM must still be usable.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _forget_recent_reads() -> None:
    """Each test starts without the public site's one-second reads of an earlier test (its
    editions are gone, their slugs come back). Only tests that turn the cache on keep any."""
    from forsamling.core.abuse import forget_served_counts
    from forsamling.core.recent import forget

    forget()
    forget_served_counts()


@pytest.fixture
def organiser_client(client: Any, db: None) -> Any:
    """The test client logged in as a superuser ("kl"): every edition, every role."""
    from tests.factories import organiser_client  # imports models: only once Django is set up

    return organiser_client(client)


@pytest.fixture
def altcha_on(settings: Any) -> Any:
    """The proof of work on, at the production's price (tests/settings.py turns it off), over
    plain http as the live server serves."""
    settings.FORSAMLING_ALTCHA = True
    settings.FORSAMLING_ALTCHA_MAX_NUMBER = 50_000  # the production default
    settings.CSRF_COOKIE_SECURE = False
    return settings


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Debian's Chromium: Playwright cannot download its own browsers here."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "locale": "da-DK", "timezone_id": "Europe/Copenhagen"}


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Runs axe-core's WCAG 2.1 A and AA rules on the page; returns the violations."""
    # Evaluated through the DevTools protocol, not a <script> tag: the pages' Content-Security-
    # Policy allows no inline script, and tests must see the pages as they are served.
    page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    return list(result["violations"])


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        targets = [node["target"] for node in violation["nodes"][:5]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    return "\n".join(lines)


def page_problems(page: Any, label: str, width: int) -> list[str]:
    """axe-core's findings on the page and a sideways scroll at `width` px, a line each, headed
    by `label`."""
    problems = []
    violations = axe_violations(page)
    if violations:
        problems.append(f"{label}: {format_violations(violations)}")
    scroll = page.evaluate("document.documentElement.scrollWidth")
    if scroll > width:
        problems.append(f"{label}: {scroll} px wide at {width} px")
    return problems


@pytest.fixture
def assert_accessible() -> Any:
    """`assert_accessible(page)`: fails with axe-core's findings, if there are any."""

    def check(page: Any) -> None:
        violations = axe_violations(page)
        assert not violations, format_violations(violations)

    return check


@pytest.fixture
def seed_editions(db: None) -> dict[int, Any]:
    """The seeds' editions (2022, 2023, 2026) loaded as the demo loads them."""
    from forsamling.demo.load import load_seed_editions

    return {edition.year: edition for edition, _ in load_seed_editions()}
