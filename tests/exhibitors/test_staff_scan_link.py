"""The stand staff's scan-only link: it scans and adds notes, shows no list, no download and
not the booking, and the contact ends it by making a new one."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from forsamling.exhibitors.models import Lead
from forsamling.outputs.badges import checkin_url
from tests.exhibitors.test_lead_pages import scan_url

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def make_link(client, exhibitor) -> str:
    url = reverse(
        "public:exhibitor_staff_link",
        kwargs={"edition": exhibitor.edition.slug, "token": exhibitor.token},
    )
    assert client.post(url).status_code == 302
    exhibitor.refresh_from_db()
    assert exhibitor.scan_token and exhibitor.scan_token != exhibitor.token
    return reverse(
        "public:exhibitor_staff_scan",
        kwargs={"edition": exhibitor.edition.slug, "token": exhibitor.scan_token},
    )


def test_the_staff_link_scans_and_notes_but_shows_no_list_downloads_or_booking(client, fair):
    exhibitor = fair.exhibitor
    client.post(scan_url(exhibitor), {"code": checkin_url(fair.edition, fair.ida.pk)})
    staff = make_link(client, exhibitor)
    contact_page = text(client.get(scan_url(exhibitor)))
    assert f"http://testserver{staff}" in contact_page

    page = client.get(staff)
    assert page.status_code == 200
    assert "camera=(self)" in page["Permissions-Policy"]
    html = text(page)
    assert "Start kameraet" in html and "Kode fra navneskiltet" in html
    assert "Ida Ærenfeldt" not in html  # the contact's list is not shown
    assert "leads.csv" not in html and "leads.xlsx" not in html
    assert exhibitor.token not in html  # no way to the booking or the contact's page

    response = client.post(
        staff, {"code": checkin_url(fair.edition, fair.ida.pk), "note": "Vil have en demo"}
    )
    assert response.status_code == 302 and response["Location"] == staff
    assert Lead.objects.get(exhibitor=exhibitor).note == "Vil have en demo"
    refused = client.post(staff, {"code": checkin_url(fair.edition, fair.ole.pk)})
    assert refused.status_code == 422
    assert Lead.objects.count() == 1

    # The scan token opens nothing of the contact's.
    for name in ("exhibitor_booking", "exhibitor_leads", "exhibitor_leads_csv"):
        kwargs = {"edition": exhibitor.edition.slug, "token": exhibitor.scan_token}
        url = reverse(f"public:{name}", kwargs=kwargs)
        assert client.get(url).status_code == 404, name


def test_a_new_link_ends_the_old_and_no_link_exists_before_the_contact_makes_one(client, fair):
    exhibitor = fair.exhibitor
    assert exhibitor.scan_token is None
    assert "standpersonalets link" not in text(client.get(scan_url(exhibitor))).lower()
    first = make_link(client, exhibitor)
    second = make_link(client, exhibitor)
    assert first != second
    assert client.get(first).status_code == 404
    assert client.post(first, {"code": checkin_url(fair.edition, fair.ida.pk)}).status_code == 404
    assert client.get(second).status_code == 200
    assert not Lead.objects.exists()


def test_another_exhibitors_staff_link_scans_for_that_exhibitor_only(client, fair):
    staff = make_link(client, fair.other_exhibitor)
    client.post(staff, {"code": checkin_url(fair.edition, fair.ida.pk)})
    assert Lead.objects.get().exhibitor == fair.other_exhibitor
