"""Logging out of the check-in app, or of the back office on the same device, deletes the door
list from the phone's IndexedDB; scans not yet sent are sent first, and those that cannot be
are kept until they are (a check-in is never lost)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from forsamling.checkin.models import CheckIn
from forsamling.checkin.tokens import badge_code
from forsamling.registration.models import Registration
from tests.checkin.test_app_e2e import open_app, pending, phone
from tests.e2e.login import log_in_context
from tests.e2e.screens import shot

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

FORGOTTEN = "Indtjekningens deltagerliste er slettet fra denne enhed."

# Everything the app keeps in IndexedDB, store by store, as JSON text (only databases that
# exist are opened: opening one that does not would create it).
DUMP = """async () => {
  const names = (await indexedDB.databases()).map(d => d.name)
    .filter(n => n.startsWith('forsamling-checkin-'));
  const out = {};
  for (const name of names) {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = fail;
    });
    for (const store of db.objectStoreNames) {
      out[name + '/' + store] = await new Promise((ok, fail) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => ok(r.result); r.onerror = fail;
      });
    }
    db.close();
  }
  return JSON.stringify(out);
}"""


TRIED_THRICE = """async () => {
  const db = await CheckinOutbox.open(document.querySelector('main').dataset.edition);
  const [event] = await db.getAll('outbox');
  db.close();
  return event !== undefined && event.tries >= 3;
}"""


def stored(page) -> dict:
    return json.loads(page.evaluate(DUMP))


def names_in(dump: dict) -> set[str]:
    text = json.dumps(dump, ensure_ascii=False)
    return {name for name in Registration.objects.values_list("name", flat=True) if name in text}


def scan_while_the_server_cannot_be_reached(page, code) -> str:
    events = page.get_attribute("main", "data-events-url")
    page.route(f"**{events}", lambda route: route.abort())
    page.get_by_label("Kode fra navneskiltet").fill(code)
    page.get_by_label("Kode fra navneskiltet").press("Enter")
    expect(pending(page)).to_have_attribute("data-count", "1")
    return events


def log_out_of_the_app(page):
    page.get_by_role("button", name="Log ud").click()
    expect(page.get_by_text(FORGOTTEN)).to_be_visible()
    shot(page, "logged-out-390")


def test_logging_out_of_the_app_sends_waiting_scans_then_deletes_the_list(
    browser, live_server, conference, people, users
):
    context = phone(browser, live_server, users.checkin)
    page = open_app(context, live_server, conference, "Indgang A")
    assert names_in(stored(page)) == {"Aase Ørum", "Ægir Bøgh", "Bo Andersen", "Øline Ås",
                                      "Zara Holm"}  # fmt: skip
    events = scan_while_the_server_cannot_be_reached(page, badge_code(people.zara.pk))
    # Three failed tries: the next is 4–8 s away. The server is back, and at once the user
    # logs out; the app's own retry would come too late for the check below.
    page.wait_for_function(TRIED_THRICE, polling=100)
    page.unroute(f"**{events}")

    log_out_of_the_app(page)
    assert list(CheckIn.objects.values_list("registration__name", flat=True)) == ["Zara Holm"]
    dump = stored(page)
    assert names_in(dump) == set()
    assert not any(dump[key] for key in dump if not key.endswith("/meta"))
    assert page.url.endswith("/backoffice/logout/")
    context.close()


def test_scans_that_cannot_be_sent_at_logout_are_kept_and_sent_after_the_next_login(
    browser, live_server, conference, people, users
):
    context = phone(browser, live_server, users.checkin)
    page = open_app(context, live_server, conference, "Indgang A")
    events = scan_while_the_server_cannot_be_reached(page, badge_code(people.zara.pk))

    log_out_of_the_app(page)
    dump = stored(page)
    assert names_in(dump) == set()
    [outbox] = [v for k, v in dump.items() if k.endswith("/outbox")]
    assert [event["code"] for event in outbox] == [badge_code(people.zara.pk)]
    assert CheckIn.objects.count() == 0

    page.unroute(f"**{events}")
    log_in_context(context, live_server, users.checkin)
    page.goto(f"{live_server.url}/backoffice/konference/{conference.edition.slug}/tjekind/")
    expect(pending(page)).to_have_attribute("data-count", "0", timeout=30_000)
    assert list(CheckIn.objects.values_list("registration__name", flat=True)) == ["Zara Holm"]
    context.close()


def test_logging_out_of_the_back_office_deletes_the_list_on_that_device(
    browser, live_server, conference, people, users
):
    context = phone(browser, live_server, users.checkin)
    page = open_app(context, live_server, conference, "Indgang A")
    assert names_in(stored(page))
    page.goto(f"{live_server.url}/backoffice/")
    page.get_by_role("button", name="Log ud").click()
    expect(page.get_by_text(FORGOTTEN)).to_be_visible()
    assert names_in(stored(page)) == set()
    context.close()
