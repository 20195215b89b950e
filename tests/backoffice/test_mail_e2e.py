"""The outbox pages in a real browser: accessible, and "send again" works from the keyboard."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from forsamling.outbox.models import MessageStatus, SentMessage
from tests.backoffice.test_backoffice_e2e import log_in
from tests.e2e.screens import assert_no_sideways_scroll

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("FORSAMLING_SCREENSHOTS")  # a folder: also save screenshots there


def shoot(page, name):
    if SHOTS:
        for width in (390, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
            assert_no_sideways_scroll(page, width, "test_mail_e2e")


def test_an_organiser_finds_a_refused_confirmation_and_sends_it_again(
    page, live_server, conference, people, users, assert_accessible
):
    SentMessage.objects.create(
        edition=conference.edition, registration=people.aase, to=people.aase.email,
        subject="Tak for din tilmelding – Forum 2026", body="Tak.", attempts=1,
        status=MessageStatus.FAILED, last_error="550 5.1.1 No such user here",
    )  # fmt: skip
    SentMessage.objects.create(
        edition=conference.edition, registration=people.aeble, to=people.aeble.email,
        subject="Tak for din tilmelding – Forum 2026", body="Tak.", attempts=2,
        status=MessageStatus.WAITING, last_error="451 4.3.0 Try again later",
        next_attempt_at=timezone.now() + timedelta(minutes=5),
    )  # fmt: skip
    log_in(page, live_server, users.organiser.username)
    page.goto(f"{live_server.url}/backoffice/konference/{conference.edition.slug}/")
    page.get_by_role("link", name="Udbakke").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Udbakke")
    expect(page.get_by_role("cell", name="550 5.1.1 No such user here").first).to_be_visible()
    assert_accessible(page)
    shoot(page, "outbox")
    page.set_viewport_size({"width": 1280, "height": 900})
    button = page.get_by_role("button", name=f"Send igen til {people.aase.email}")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messagelist").first).to_contain_text(
        f"E-mailen til {people.aase.email} er sendt igen."  # the mail server took it at once
    )
    expect(page.get_by_role("cell", name="550 5.1.1 No such user here")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("link", name="Ægir Bøgh").click()
    expect(page.get_by_role("heading", name="E-mails til deltageren")).to_be_visible()
    assert_accessible(page)
    shoot(page, "registration-mail")
