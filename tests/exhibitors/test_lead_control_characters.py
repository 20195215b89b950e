"""The lead scan's note refuses control characters like every other form (it goes into the
exhibitor's CSV and XLSX); a refused scan stores no lead and keeps no note."""

from __future__ import annotations

import pytest
from django.urls import reverse

from forsamling.checkin.tokens import badge_code
from forsamling.exhibitors.models import Lead

pytestmark = pytest.mark.django_db

CONTROL = "usynligt styretegn"
ONE_LINE = "Feltet må kun have én linje"
HIDDEN = ["\x01", "\x1f", "\x85", "\u202e"]
BREAKS = ["\r", "\n", "\t"]


def scan_url(exhibitor) -> str:
    return reverse(
        "public:exhibitor_leads",
        kwargs={"edition": exhibitor.edition.slug, "token": exhibitor.token},
    )


@pytest.mark.parametrize("character", HIDDEN + BREAKS)
def test_a_leads_note_refuses_the_character(client, fair, character):
    response = client.post(
        scan_url(fair.exhibitor),
        {"code": badge_code(fair.ida.pk), "note": f"Demo{character}af app"},
    )
    assert response.status_code in (400, 422)
    assert (ONE_LINE if character in BREAKS else CONTROL) in response.content.decode()
    assert not Lead.objects.exists()


def test_a_second_scan_with_a_refused_note_keeps_the_first_note(client, fair):
    client.post(scan_url(fair.exhibitor), {"code": badge_code(fair.ida.pk), "note": "Demo"})
    client.post(scan_url(fair.exhibitor), {"code": badge_code(fair.ida.pk), "note": "Ny\x1bnote"})
    assert Lead.objects.get().note == "Demo"
