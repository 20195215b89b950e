"""The lead-scanning page on the exhibitor's private link, its downloads, and the consent on
the participant's private page."""

from __future__ import annotations

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from forsamling.checkin.tokens import badge_code
from forsamling.exhibitors.models import Lead
from forsamling.outputs.badges import checkin_url
from forsamling.registration.models import ConsentRecord, Purpose

pytestmark = pytest.mark.django_db

NO_CONSENT = "Personen har ikke givet samtykke til at dele sine oplysninger"


def scan_url(exhibitor):
    return reverse(
        "public:exhibitor_leads",
        kwargs={"edition": exhibitor.edition.slug, "token": exhibitor.token},
    )


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def code_input(page: str) -> str:
    return re.search(r'<input[^>]*name="code"[^>]*>', page).group(0)


def test_the_scan_page_offers_the_camera_the_code_field_and_is_not_indexed(client, fair):
    response = client.get(scan_url(fair.exhibitor))
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "camera=(self)" in response["Permissions-Policy"]
    assert "'wasm-unsafe-eval'" in response["Content-Security-Policy"]
    page = text(response)
    assert "Start kameraet" in page and "Kode fra navneskiltet" in page
    booking = text(client.get(fair.exhibitor.get_absolute_url()))
    assert scan_url(fair.exhibitor) in booking


def test_a_consenting_visitor_is_stored_and_named_in_the_message(client, fair):
    response = client.post(
        scan_url(fair.exhibitor),
        {"code": checkin_url(fair.edition, fair.ida.pk), "note": "Demo af app"},
        follow=True,
    )
    page = text(response)
    assert "Gemt: Ida Ærenfeldt, Aarhus Kommune." in page
    assert Lead.objects.get().note == "Demo af app"
    # The address after the scan holds no code and no name.
    assert response.redirect_chain == [(scan_url(fair.exhibitor), 302)]
    again = text(
        client.post(scan_url(fair.exhibitor), {"code": badge_code(fair.ida.pk)}, follow=True)
    )
    assert "er allerede på jeres liste" in again
    assert Lead.objects.count() == 1


def test_a_visitor_without_consent_is_refused_at_the_field_and_nothing_is_stored(client, fair):
    typed = badge_code(fair.ole.pk)
    response = client.post(scan_url(fair.exhibitor), {"code": typed, "note": "Ring"})
    assert response.status_code == 422
    page = text(response)
    assert NO_CONSENT in page
    assert "Ole Østergaard" not in page
    field = code_input(page)
    assert 'aria-invalid="true"' in field and "id_code-error" in field
    assert f'value="{typed}"' in field and "Ring" in page  # nothing typed is lost
    assert not Lead.objects.exists()


@pytest.mark.parametrize("code", ["", "hej", "99999999-0123456789abcdef"])
def test_a_bad_code_gets_a_clear_error_tied_to_the_field(client, fair, code):
    response = client.post(scan_url(fair.exhibitor), {"code": code})
    assert response.status_code == 422
    page = text(response)
    field = code_input(page)
    assert 'aria-invalid="true"' in field
    assert 'aria-describedby="id_code-hint id_code-error"' in field
    assert 'id="id_code-error"' in page
    assert not Lead.objects.exists()


def test_another_editions_badge_is_unknown_here(client, fair):
    response = client.post(scan_url(fair.exhibitor), {"code": badge_code(fair.vera.pk)})
    assert response.status_code == 422
    assert "passer ikke til et navneskilt til denne konference" in text(response)
    assert not Lead.objects.exists()


def test_tampered_posts_get_no_500_and_store_nothing(client, fair):
    url = scan_url(fair.exhibitor)
    assert client.post(url, {"code": "a" * 301}).status_code == 422
    assert client.post(url, {"code": badge_code(fair.ida.pk), "note": "x" * 501}).status_code == 422
    assert client.post(url, {"code": f"{badge_code(fair.ida.pk)}\x00"}).status_code == 422
    assert client.post(url, {"code": ["1", "2"]}).status_code == 422
    wrong_token = reverse(
        "public:exhibitor_leads", kwargs={"edition": fair.edition.slug, "token": "gaet-et-link"}
    )
    assert client.post(wrong_token, {"code": badge_code(fair.ida.pk)}).status_code == 404
    wrong_edition = reverse(
        "public:exhibitor_leads", kwargs={"edition": "2025", "token": fair.exhibitor.token}
    )
    assert client.post(wrong_edition, {"code": badge_code(fair.ida.pk)}).status_code == 404
    assert client.put(url).status_code == 405
    assert not Lead.objects.exists()


def test_the_downloads_hold_only_consenting_leads_of_this_exhibitor(client, fair):
    client.post(scan_url(fair.exhibitor), {"code": badge_code(fair.ida.pk)})
    kwargs = {"edition": fair.edition.slug, "token": fair.exhibitor.token}
    csv = client.get(reverse("public:exhibitor_leads_csv", kwargs=kwargs))
    assert csv["Content-Disposition"].startswith("attachment;")
    assert "ida@example.dk" in csv.content.decode("utf-8-sig")
    xlsx = client.get(reverse("public:exhibitor_leads_xlsx", kwargs=kwargs))
    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.values)
    assert [row[3] for row in rows[1:]] == ["ida@example.dk"]
    other = {"edition": fair.edition.slug, "token": fair.other_exhibitor.token}
    body = client.get(reverse("public:exhibitor_leads_csv", kwargs=other)).content
    assert "ida@example.dk" not in body.decode("utf-8-sig")


def test_the_participant_gives_and_withdraws_the_consent_on_their_private_page(client, fair):
    kwargs = {"edition": fair.edition.slug, "token": fair.ole.token}
    page = text(client.get(reverse("public:registration", kwargs=kwargs)))
    assert "Udstillere:" in page
    url = reverse("public:privacy_consent", kwargs=kwargs)
    client.post(url, {"purpose": Purpose.EXHIBITOR_LEADS, "give": "1"})
    record = ConsentRecord.objects.get(registration=fair.ole, purpose=Purpose.EXHIBITOR_LEADS)
    assert record.withdrawn_at is None and "navneskilt" in record.wording
    response = client.post(scan_url(fair.exhibitor), {"code": badge_code(fair.ole.pk)}, follow=True)
    assert "Gemt: Ole Østergaard" in text(response)
    client.post(url, {"purpose": Purpose.EXHIBITOR_LEADS, "give": "0"})
    record.refresh_from_db()
    assert record.withdrawn_at is not None
    assert "Ole Østergaard" not in text(client.get(scan_url(fair.exhibitor)))
