"""A preference round end to end in Chromium: a participant ranks with the keyboard alone, an
organiser closes the round, runs, previews and publishes it, and the participant sees the
result. axe-core checks every public page on the way."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core import mail

from forsamling.preferences import services
from forsamling.registration.models import ChoiceStatus
from tests.e2e.keyboard import tab_to
from tests.e2e.login import submit_login
from tests.preferences.conftest import ORGANISER, make_round, register

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
RESULT = "Resultatet af fordelingen"


def test_a_round_from_ranking_to_published_result(
    page, browser, live_server, edition, assert_accessible
):
    round = make_round(edition, [edition.themes_slot])
    services.open_round(round=round, actor=ORGANISER)
    mette = register(edition, edition.official, "Mette Hansen")
    for name in ("Anna Berg", "Bo Dahl", "Carl Eriksen"):
        services.save_rankings(
            round=round,
            registration=register(edition, edition.official, name),
            rankings={edition.themes_slot.pk: [edition.big_theme, edition.small_theme]},
        )
    themes = edition.themes_slot.pk

    # The participant finds the ranking page from the private link and ranks by keyboard.
    page.goto(f"{live_server.url}/{edition.slug}/tilmelding/{mette.token}/")
    assert "Nogle sessioner fordeles efter prioritering" in page.inner_text("main")
    assert_accessible(page)
    tab_to(page, "a[href$='/prioriteringer/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/prioriteringer/")
    assert_accessible(page)
    tab_to(page, f"#id_slot_{themes}_1")
    page.keyboard.press("ArrowDown")  # "Faste teams i ældreplejen"
    small_at_second = page.locator(f"#id_slot_{themes}_2 option[value='{edition.small_theme.pk}']")
    assert small_at_second.is_disabled()  # already the first choice
    tab_to(page, f"#id_slot_{themes}_2")
    page.keyboard.press("ArrowDown")  # skips the greyed-out first choice: "Psykiatri"
    tab_to(page, ".ranking-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Dine prioriteringer er gemt.")
    assert_accessible(page)
    assert list(mette.rankings.values_list("session", flat=True)) == [
        edition.small_theme.pk,
        edition.big_theme.pk,
    ]

    page.goto(f"{live_server.url}/{edition.slug}/fordeling/")
    assert round.seed_commitment in page.inner_text("main")
    assert_accessible(page)

    # The organiser closes the round, runs the allocation, looks at the preview, publishes.
    User.objects.create_superuser("arrangoer", "arrangoer@kl.dk", "et-langt-kodeord-2026")
    office = browser.new_page(locale="da-DK")
    office.goto(f"{live_server.url}/backoffice/praeferencer/{round.pk}/")
    submit_login(office, "arrangoer", "et-langt-kodeord-2026")
    office.click("text=Luk prioriteringen")
    office.click("text=Fordel pladserne")
    office.wait_for_selector("text=Forhåndsvisning – ikke offentliggjort")
    assert "Hvor fulde bliver sessionerne?" in office.inner_text("#content-main")
    assert not [m for m in mail.outbox if m.subject.startswith(RESULT)]
    office.click("text=Offentliggør fordelingen og send e-mails")
    office.wait_for_selector("text=Fordelingen er offentliggjort")
    office.close()

    # The participant sees the result on the private link, and got it by e-mail.
    page.goto(f"{live_server.url}/{edition.slug}/tilmelding/{mette.token}/prioriteringer/")
    text = page.inner_text("main")
    assert "Pladserne er fordelt" in text
    choice = mette.choices.get()
    assert choice.status == ChoiceStatus.CONFIRMED
    assert choice.session.title in text
    assert_accessible(page)
    assert [m.to for m in mail.outbox if m.subject.startswith(RESULT)].count([mette.email]) == 1
    page.goto(f"{live_server.url}/{edition.slug}/fordeling/")
    round.refresh_from_db()
    assert round.seed in page.inner_text("main")
    assert_accessible(page)
