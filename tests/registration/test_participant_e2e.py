"""The participant's forms in a real browser (issue 13): every checkbox and radio beside its
label, tabbing that keeps the page where it is, and the focus on the error summary after a
failed submit on every form."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from forsamling.domain import audit
from forsamling.registration.models import Registration
from tests.e2e.keyboard import tab_to

from .test_pages import form_data, manage_url, url

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# For each visible checkbox and radio button: its box and its label's box.
BOXES = """() => Array.from(document.querySelectorAll('input.form-checkbox, input.form-radio'))
  .filter(input => input.closest('[aria-hidden=true]') === null)
  .map(input => {
    const label = document.querySelector(`label[for='${input.id}']`);
    const a = input.getBoundingClientRect(), b = label.getBoundingClientRect();
    return {id: input.id, x: a.x, y: a.y, w: a.width, h: a.height,
            lx: b.x, ly: b.y, lw: b.width, lh: b.height};
  })"""


def assert_beside_their_labels(page) -> int:
    boxes = page.evaluate(BOXES)
    assert boxes
    for box in boxes:
        # The box starts at the label's left edge (DKFDS pads the label for it) and lies
        # within the label's height.
        assert abs(box["x"] - box["lx"]) <= 4, box
        assert box["ly"] - 4 <= box["y"] and box["y"] + box["h"] <= box["ly"] + box["lh"] + 4, box
    return len(boxes)


@pytest.mark.parametrize("width", [390, 1280])
def test_every_checkbox_and_radio_sits_beside_its_label(page, live_server, edition, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}{url(edition)}")
    assert assert_beside_their_labels(page) > 10
    page.goto(f"{live_server.url}/{edition.slug}/tilmelding/gruppe/")  # no boxes, no errors
    page.goto(f"{live_server.url}{url(edition)}")
    page.click(".registration-form button[type=submit]")
    page.wait_for_selector("#error-summary")
    assert_beside_their_labels(page)

    Registration.objects.all().delete()
    from django.test import Client

    Client().post(url(edition), form_data(edition))
    registration = Registration.objects.get()
    page.goto(f"{live_server.url}{manage_url(registration)}")
    for section in ("choices", "details", "handover"):
        page.click(f"#{section}-button")
    assert assert_beside_their_labels(page) > 8


def test_tabbing_to_the_terms_checkbox_keeps_the_page_where_it_is(page, live_server, edition):
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{live_server.url}{url(edition)}")
    tab_to(page, "#id_accept_terms")
    assert page.evaluate("window.scrollY") > 1000
    box = page.locator("#id_accept_terms").bounding_box()
    assert 0 <= box["y"] <= 800  # in view, where its label is
    page.keyboard.press("Space")
    assert page.is_checked("#id_accept_terms")


def focused(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.tagName")


def submit_and_expect_focus(page, button: str, summary: str = "error-summary") -> None:
    page.click(button)
    page.wait_for_selector(f"#{summary}")
    expect(page.locator(f"#{summary}")).to_be_focused()
    assert focused(page) == summary


def test_focus_moves_to_the_error_summary_on_every_participant_form(page, live_server, edition):
    base = live_server.url
    page.goto(f"{base}/{edition.slug}/tilmelding/send-link/")
    page.fill("#id_email", "ikke-en-adresse")
    submit_and_expect_focus(page, "main button[type=submit]")

    from django.test import Client

    Client().post(url(edition), form_data(edition))
    registration = Registration.objects.get()
    own = f"{base}{manage_url(registration)}"
    for section, summary in [
        ("details", "details-error-summary"),
        ("handover", "handover-error-summary"),
    ]:
        page.goto(own)
        page.click(f"#{section}-button")
        page.fill(f"#{section}-name", "")
        page.fill(f"#{section}-email", "nej")
        submit_and_expect_focus(page, f"#{section}-content button[type=submit]", summary)
        assert page.get_attribute(f"#{section}-email", "aria-invalid") == "true"
        assert page.locator(f"#{summary}").is_visible()

    # Saved: a confirmation that is shown and gets the focus, so a screen reader reads it.
    page.goto(own)
    page.click("#details-button")
    page.fill("#details-job_title", "Rådmand")
    page.click("#details-content button[type=submit]")
    page.wait_for_selector(".alert-success")
    expect(page.locator(".alert-success")).to_be_focused()
    assert "Dine oplysninger er gemt." in page.inner_text(".alert-success")


def test_focus_moves_to_the_error_summary_when_changing_sessions_fails(page, live_server, edition):
    from django.test import Client

    Client().post(url(edition), form_data(edition))
    registration = Registration.objects.get()
    page.goto(f"{live_server.url}{manage_url(registration)}")
    page.click("#choices-button")
    # A session cancelled while the page was open: the server refuses it.
    edition.small_theme.is_cancelled = True
    edition.small_theme.save()
    page.check(f"#choices-slot_{edition.themes_slot.pk}_{edition.small_theme.pk}")
    page.evaluate(
        "document.querySelectorAll('#choices-content input').forEach(i => i.disabled = false)"
    )
    page.check(f"#choices-slot_{edition.houses_slot.pk}_{edition.health_house.pk}")
    submit_and_expect_focus(page, "#choices-content button[type=submit]", "choices-error-summary")


def test_focus_moves_to_the_error_summary_on_the_exhibitor_forms(page, live_server, db):
    from forsamling.exhibitors import services
    from tests.exhibitors.conftest import details, make_edition, make_stand

    fair = make_edition(slug="messe")
    stands = [make_stand(fair, "A1"), make_stand(fair, "A2")]
    base = live_server.url
    page.goto(f"{base}/messe/udstillere/book/")
    submit_and_expect_focus(page, "main form button[type=submit]")
    summary = page.inner_text("#error-summary")
    assert "Vælg mindst én stand" in summary and "Organisation" in summary  # every field

    exhibitor = services.book_stands(edition=fair, stand_ids=[stands[0].pk], details=details())
    own = f"{base}/messe/udstillere/booking/{exhibitor.token}/"
    page.goto(own)
    page.fill("#id_email", "nej")
    submit_and_expect_focus(page, "form[action$='standpersonale/'] button[type=submit]")
    page.goto(own)
    page.set_input_files(
        "#id_logo", {"name": "logo.png", "mimeType": "image/png", "buffer": b"not an image"}
    )
    submit_and_expect_focus(page, "form[action$='profil/'] button[type=submit]")
    assert page.get_attribute("#id_logo", "aria-invalid") == "true"


def test_focus_moves_to_the_error_summary_on_the_ranking_form(page, live_server, edition):
    from forsamling.preferences import services as rounds
    from tests.preferences.conftest import make_round, register

    round = make_round(edition, [edition.themes_slot])
    rounds.open_round(round=round, actor=audit.organiser("test"))
    registration = register(edition, edition.politician)
    page.goto(f"{live_server.url}/{edition.slug}/tilmelding/{registration.token}/prioriteringer/")
    theme = edition.small_theme.pk
    page.evaluate(
        """([a, b, value]) => {
            for (const id of [a, b]) {
              const select = document.getElementById(id);
              select.querySelectorAll('option').forEach(o => o.disabled = false);
              select.value = value;
            }}""",
        [f"id_slot_{edition.themes_slot.pk}_1", f"id_slot_{edition.themes_slot.pk}_2", str(theme)],
    )
    submit_and_expect_focus(page, ".ranking-form button[type=submit]")
