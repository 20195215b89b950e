"""Done when (issue 13): register, change, hand over and cancel with the keyboard alone in
Chromium; at each stop the focused element has a visible focus ring next to its label."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from forsamling.registration.models import Registration
from tests.e2e.forms import register_with_the_keyboard
from tests.e2e.keyboard import tab_to

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# What the focused element shows: its focus ring (for DKFDS's checkboxes and radio buttons,
# drawn on the label's box) and where its label is.
FOCUS = """() => {
  const el = document.activeElement;
  const tag = el.tagName, type = el.type || '';
  let ringOn = el, ring = getComputedStyle(el);
  const choice = tag === 'INPUT' && (type === 'radio' || type === 'checkbox');
  const label = el.id ? document.querySelector(`label[for='${el.id}']`) : null;
  if (choice) { ring = getComputedStyle(label, '::before'); }
  const box = (choice ? label : el).getBoundingClientRect();
  const visible = box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight;
  const outline = ring.outlineStyle !== 'none' && parseFloat(ring.outlineWidth) >= 2;
  const shadow = ring.boxShadow && ring.boxShadow !== 'none';
  const l = label ? label.getBoundingClientRect() : null;
  return {tag, type, id: el.id, text: (el.innerText || el.value || '').trim().slice(0, 60),
          ring: outline || shadow, visible,
          box: {x: box.x, y: box.y, w: box.width, h: box.height},
          label: l ? {x: l.x, y: l.y, w: l.width, h: l.height} : null};
}"""


def check_focus(page, *, labelled: bool = True) -> dict:
    focus = page.evaluate(FOCUS)
    assert focus["ring"], f"no visible focus ring on {focus}"
    assert focus["visible"], f"the focused element is out of view: {focus}"
    if labelled and focus["tag"] in ("INPUT", "SELECT", "TEXTAREA"):
        box, label = focus["box"], focus["label"]
        assert label is not None, f"no label for {focus}"
        if focus["type"] in ("radio", "checkbox"):
            pass  # the ring is drawn on the label itself, beside the text
        else:  # the label sits right above the field, at its left edge
            assert abs(label["x"] - box["x"]) <= 4, focus
            assert 0 <= box["y"] - (label["y"] + label["h"]) <= 80, focus
    return focus


def tab_and_check(page, selector: str) -> dict:
    tab_to(page, selector)
    return check_focus(page)


def test_register_change_hand_over_and_cancel_with_the_keyboard_alone(
    page, live_server, edition, assert_accessible
):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/{edition.slug}/tilmelding/")

    register_with_the_keyboard(page, edition, tab=tab_and_check)
    page.wait_for_url("**/kvittering/")
    registration = Registration.objects.get()

    # To the private page, by its link.
    tab_and_check(page, f"main a[href$='{registration.token}/']")
    page.keyboard.press("Enter")
    page.wait_for_selector("#choices-button")
    assert_accessible(page)

    # Change sessions: open the section, move to another theme meeting, save.
    tab_and_check(page, "#choices-button")
    page.keyboard.press("Enter")
    tab_and_check(page, f"input[name=slot_{edition.themes_slot.pk}]")
    page.keyboard.press("ArrowDown")
    tab_and_check(page, "#choices-content button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector(".alert-success")
    expect(page.locator(".alert-success")).to_be_focused()
    check_focus(page)
    assert "Dine sessioner er gemt." in page.inner_text(".alert-success")
    assert registration.choices.get(slot=edition.themes_slot).session == edition.big_theme

    # Hand over: a mistake first (the focus goes to the summary), then the colleague.
    tab_and_check(page, "#handover-button")
    page.keyboard.press("Enter")
    tab_and_check(page, "#handover-content button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator("#handover-error-summary")).to_be_focused()
    check_focus(page)
    assert_accessible(page)
    tab_and_check(page, "#handover-name")
    page.keyboard.type("Bo Kollega")
    tab_and_check(page, "#handover-email")
    page.keyboard.type("bo@aalborg.dk")
    tab_and_check(page, "#handover-keeps_dinner")
    page.keyboard.press("Space")
    tab_and_check(page, "#handover-content button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tilmelding/overdraget/")
    assert "Pladsen er overdraget" in page.inner_text("main")
    registration.refresh_from_db()
    assert (registration.name, registration.dinner) == ("Bo Kollega", True)

    # The colleague cancels, from the link in their e-mail.
    page.goto(f"{live_server.url}/{edition.slug}/tilmelding/{registration.token}/")
    tab_and_check(page, "#cancel-button")
    page.keyboard.press("Enter")
    tab_and_check(page, "#cancel-content a.button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/afmeld/")
    tab_and_check(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Tilmeldingen blev afmeldt")
    registration.refresh_from_db()
    assert not registration.is_active
    assert_accessible(page)
