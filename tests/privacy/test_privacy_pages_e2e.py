"""The privacy pages new or changed by issue 24 pass axe-core (WCAG 2.1 A and AA) at 390 and
1280 px and do not scroll sideways: 'Få dine data' and its answer, the one-time link's page and
its end, a group member's private page asking them to confirm, their data page, the notice and
the erasure's receipt. With SCREENSHOTS=<folder> each page is also saved there."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.conftest import page_problems

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, edition):
    from forsamling.outbox.models import SentMessage
    from forsamling.privacy import access
    from forsamling.registration import groups
    from forsamling.registration.models import Registration
    from tests.registration.conftest import details

    groups.register_group(
        edition=edition,
        organisation="Aalborg Kommune",
        secretary_name="Sif Sekretær",
        secretary_email="sif@aalborg.dk",
        members=[
            groups.GroupMember(
                idempotency_key="e2e-member",
                details=details("Mads Medlem", "mads@aalborg.dk", list_consent=True),
                category=edition.politician,
            )
        ],
    )
    member = Registration.objects.get(email="mads@aalborg.dk")
    access.request_link(edition=edition, email="sif@aalborg.dk")
    body = SentMessage.objects.filter(to="sif@aalborg.dk").latest("id").body
    link = re.search(r"https?://[^/\s]+(/\S+/dine-data/\S+/)", body).group(1)
    slug = edition.slug
    return {
        "url": live_server.url,
        "pages": [
            ("notice", f"/{slug}/privatliv/", None, "Databeskyttelsesrådgiver"),
            ("access", f"/{slug}/privatliv/dine-data/", None, "Send mig et link"),
            ("access-error", f"/{slug}/privatliv/dine-data/", "error", "Send mig et link"),
            ("access-sent", f"/{slug}/privatliv/dine-data/", "send", "Tjek din e-mail"),
            ("access-data", link, None, "Sif Sekretær"),
            ("access-gone", f"/{slug}/privatliv/dine-data/udloebet/", None, "Få et nyt link"),
            ("member-confirm", f"/{slug}/tilmelding/{member.token}/", None, "Bekræft din"),
            (
                "member-data",
                f"/{slug}/tilmelding/{member.token}/mine-oplysninger/",
                None,
                "registre",
            ),
            ("erased", f"/{slug}/privatliv/slettet/", None, "anonymiseret"),
        ],
    }


def visit(page, url, action):
    page.goto(url)
    if action == "error":
        page.fill("#id_email", "nej")
        page.click("main form button[type=submit]")
        page.wait_for_selector(".error-summary")
    elif action == "send":
        page.fill("#id_email", "hvemsomhelst@example.dk")
        page.click("main form button[type=submit]")
        page.wait_for_selector("text=Tjek din e-mail")


@pytest.mark.parametrize("width", [390, 1280])
def test_the_privacy_pages_pass_axe_and_fit_the_screen(browser, site, width):
    folder = os.environ.get("SCREENSHOTS")
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
    page = context.new_page()
    problems = []
    for name, path, action, text in site["pages"]:
        visit(page, site["url"] + path, action)
        if text not in page.content():
            problems.append(f"{name}: no {text!r} on the page")
        problems += page_problems(page, name, width)
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{folder}/{name}-{width}.png", full_page=True)
    context.close()
    assert not problems, "\n".join(problems)
