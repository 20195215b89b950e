"""Done when (issue 13): axe-core (WCAG 2.1 A and AA) finds nothing on every public page and
every error state, at 390 px and at 1280 px, and no page scrolls sideways at 390 px."""

from __future__ import annotations

import pytest

from tests.conftest import page_problems
from tests.demo.open_demo import load_the_open_demo, register_mette

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_site(live_server, transactional_db):
    """The seeds' editions and the demo, its registration open, one participant, one group,
    one exhibitor: every public page has something to show."""
    from forsamling.exhibitors import leads
    from forsamling.exhibitors import services as exhibitors
    from forsamling.exhibitors.models import Stand
    from forsamling.registration import groups
    from forsamling.registration.queries import breakout_slots
    from tests.exhibitors.conftest import details as exhibitor_details

    demo, _ = load_the_open_demo()
    offers = breakout_slots(demo)
    registration = register_mette(
        demo,
        "axe-1",
        sessions=[offer.sessions[0].session for offer in offers],
        track=demo.tracks.first(),
    )
    group = groups.register_group(
        edition=demo,
        organisation="Aalborg Kommune",
        secretary_name="Sif",
        secretary_email="sif@aalborg.dk",
        ean="5798000420489",
    )
    stand = Stand.objects.filter(edition=demo).first()
    exhibitor = exhibitors.book_stands(
        edition=demo, stand_ids=[stand.pk], details=exhibitor_details()
    )
    scan = leads.new_scan_link(exhibitor=exhibitor)
    return {
        "scan": f"/demo/udstillere/scan/{scan}/",
        "url": live_server.url,
        "own": f"/demo/tilmelding/{registration.token}/",
        "group": f"/demo/tilmelding/gruppe/{group.token}/",
        "booth": f"/demo/udstillere/booking/{exhibitor.token}/",
    }


def pages(site):
    own, group, booth = site["own"], site["group"], site["booth"]
    return [
        ("/", None),
        ("/arkiv/", None),
        ("/tilgaengelighed/", None),
        ("/2023/", None),
        ("/2023/program/", None),
        ("/2023/program/aendringer/", None),
        ("/demo/", None),
        ("/demo/tilmelding/", None),
        ("/demo/tilmelding/", "main form.registration-form button[type=submit]"),
        ("/demo/tilmelding/send-link/", None),
        ("/demo/tilmelding/send-link/", "main form button[type=submit]"),
        ("/demo/tilmelding/gruppe/", None),
        ("/demo/tilmelding/gruppe/", "main form button[type=submit]"),
        (group, None),
        (group, "main form.registration-form button[type=submit]"),
        (own, None),
        (own, "open-all"),
        (own, "#details"),
        (own, "#handover"),
        (own + "kvittering/", None),
        (own + "afmeld/", None),
        (own + "prioriteringer/", None),
        ("/demo/tilmelding/overdraget/", None),
        ("/demo/udstillere/", None),
        ("/demo/udstillere/book/", None),
        ("/demo/udstillere/book/", "main form button[type=submit]"),
        (booth, None),
        (booth, "form[action$='standpersonale/'] button[type=submit]"),
        (booth + "leads/", None),
        (site["scan"], None),
        ("/demo/fordeling/", None),
    ]


def visit(page, site, path, action):
    page.goto(site["url"] + path)
    if action == "open-all":
        for section in ("choices", "details", "handover", "cancel"):
            page.click(f"#{section}-button")
    elif action and action.startswith("#"):
        section = action[1:]
        page.click(f"#{section}-button")
        page.fill(f"#{section}-name", "")
        page.fill(f"#{section}-email", "nej")
        page.click(f"#{section}-content button[type=submit]")
        page.wait_for_selector(f"#{section}-error-summary")
    elif action:
        page.click(action)
        page.wait_for_selector(".error-summary")


@pytest.mark.parametrize("width", [390, 1280])
def test_every_public_page_and_error_state_passes_axe(browser, demo_site, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
    page = context.new_page()
    problems = []
    for path, action in pages(demo_site):
        visit(page, demo_site, path, action)
        problems += page_problems(page, f"{path} {action or ''}", width)
    context.close()
    assert not problems, "\n".join(problems)
