"""The login pages in a real browser at 390 px and 1280 px: a failed login, the lockout and its
list, the one-time link, the end of an idle session and the enrolment's two steps pass axe-core
and fit the width. Screenshots go to $BACKOFFICE_SCREENSHOTS when it is set."""

from __future__ import annotations

import pytest
from django.contrib.sessions.backends.db import SessionStore

from forsamling.accounts.services import issue_enrolment
from forsamling.backoffice.session_timeout import SEEN
from tests.backoffice.conftest import make_user
from tests.backoffice.test_look_e2e import WIDTHS, check, log_in
from tests.e2e.login import log_in_with_form

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def fail_login(page, live_server, username: str) -> None:
    log_in_with_form(page, live_server.url, username, "forkert")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_login_pages_pass_axe_and_fit_the_width(page, live_server, conference, users, width):
    page.set_viewport_size({"width": width, "height": 900})
    problems: list[str] = []
    fail_login(page, live_server, "laeser")
    assert "passer ikke" in page.content()
    check(page, "login-failed", width, problems)
    for _ in range(4):
        fail_login(page, live_server, "laeser")
    assert "Login er midlertidigt spærret" in page.content()
    check(page, "locked-out", width, problems)

    page.get_by_role("link", name="Log ind med et engangslink").click()
    check(page, "login-link-request", width, problems)
    page.get_by_label("Brugernavn eller e-mailadresse").fill("laeser")
    page.get_by_role("button", name="Send mig et link").click()
    assert "Se din e-mail" in page.content()
    check(page, "login-link-sent", width, problems)

    newcomer = make_user(f"ny{width}", is_staff=True)
    link = issue_enrolment(user=newcomer, by=None).split("8000", 1)[1]
    page.goto(f"{live_server.url}{link}")
    check(page, "enrol-before-password", width, problems)
    page.get_by_label("Din adgangskode").fill("correct horse battery")
    page.get_by_role("button", name="Videre").click()
    assert "QR-kode til godkenderappen" in page.content()
    check(page, "enrol-after-password", width, problems)

    log_in(page, live_server)
    page.goto(f"{live_server.url}/backoffice/konference/logins/spaerrede/")
    assert "laeser" in page.content()
    check(page, "lockouts", width, problems)

    key = next(c["value"] for c in page.context.cookies() if c["name"] == "sessionid")
    session = SessionStore(session_key=key)
    session[SEEN] -= 31 * 60
    session.save()
    page.goto(f"{live_server.url}/backoffice/konference/2026/overblik/")
    assert "ikke har brugt backoffice i 30 minutter" in page.content()
    check(page, "login-timed-out", width, problems)
    assert not problems, "\n".join(problems)
