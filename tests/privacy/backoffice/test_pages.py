"""Organisers' personal-data pages, and who sees dietary and accessibility needs."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.contrib.admin.sites import site

from forsamling.outbox.models import SentMessage
from forsamling.privacy.models import DataRequest, PrivacySettings
from forsamling.registration.models import PrivacyNotice


def page(conference, rest=""):
    return f"/backoffice/konference/{conference.edition.slug}/{rest}"


def test_the_record_lists_each_category_with_its_count_and_deletion_date(
    client, conference, people, users
):
    client.force_login(users.viewer)
    html = client.get(page(conference, "persondata/")).content.decode()
    assert "Kosthensyn og behov for tilgængelighed" in html
    assert "22. maj 2026" in html  # 14 days after 8 May
    assert "8. november 2026" in html  # 6 months after
    assert "1. januar 2032" in html  # 5 years after the invoice year
    assert '<td class="num">2</td>' in html  # two participants have needs
    assert "Vegetar" not in html and people.aase.name not in html


def test_the_record_is_read_in_a_fixed_number_of_queries(
    client, conference, people, users, django_assert_max_num_queries
):
    client.force_login(users.organiser)
    # Fixed: the record's holdings (nominations, people added by others, invoices included).
    with django_assert_max_num_queries(23):
        assert client.get(page(conference, "persondata/")).status_code == 200


@pytest.mark.parametrize(
    ("who", "status"), [("organiser", 200), ("viewer", 403), ("checkin", 403), ("no_role", 403)]
)
def test_only_organisers_change_the_notice_and_see_the_requests(
    client, conference, users, who, status
):
    client.force_login(getattr(users, who))
    assert client.get(page(conference, "persondata/indstillinger/")).status_code == status
    assert client.get(page(conference, "persondata/anmodninger/")).status_code == status


def test_a_changed_notice_is_published_as_the_next_version(client, conference, users):
    client.force_login(users.organiser)
    form = client.get(page(conference, "persondata/indstillinger/")).context["form"]
    data = {**form.initial, "needs_days": 7, "personal_months": 3, "invoice_years": 5,
            "asks_photo_consent": "on"}  # fmt: skip
    data["text"] = "# Hvem\nKL er dataansvarlig."
    assert client.post(page(conference, "persondata/indstillinger/"), data).status_code == 302
    assert client.post(page(conference, "persondata/indstillinger/"), data).status_code == 302
    notices = PrivacyNotice.objects.filter(edition=conference.edition)
    assert list(notices.values_list("version", flat=True)) == [1]
    settings = PrivacySettings.objects.get(edition=conference.edition)
    assert (settings.needs_days, settings.personal_months, settings.asks_photo_consent) == (
        7,
        3,
        True,
    )
    public = client.get(f"/{conference.edition.slug}/privatliv/").content.decode()
    assert "KL er dataansvarlig." in public and "Version 1" in public


def test_invoices_cannot_be_kept_shorter_than_the_law_says(client, conference, users):
    client.force_login(users.organiser)
    form = client.get(page(conference, "persondata/indstillinger/")).context["form"]
    data = {**form.initial, "needs_days": 14, "personal_months": 6, "invoice_years": 2}
    response = client.post(page(conference, "persondata/indstillinger/"), data)
    assert response.status_code == 400
    assert "Bogføringsloven" in response.content.decode()


def test_the_request_audit_shows_who_when_what_and_no_names(client, conference, people, users):
    registration = people.aase
    client.get(f"/{conference.edition.slug}/tilmelding/{registration.token}/mine-oplysninger/")
    client.force_login(users.organiser)
    html = client.get(page(conference, "persondata/anmodninger/")).content.decode()
    assert f"#{registration.pk}" in html and "Indsigt (side)" in html and "Deltageren selv" in html
    assert registration.name not in html and registration.email not in html
    assert DataRequest.objects.count() == 1


def test_viewers_see_no_ones_needs_organisers_do(client, conference, people, users):
    url = page(conference, f"tilmeldinger/{people.aeble.pk}/")
    client.force_login(users.viewer)
    assert "Kørestol" not in client.get(url).content.decode()
    client.force_login(users.organiser)
    assert "Kørestol" in client.get(url).content.decode()


@pytest.mark.parametrize("who", ["viewer", "organiser"])
def test_exports_leave_needs_out_by_default(client, conference, people, users, who):
    client.force_login(getattr(users, who))
    body = client.get(
        page(
            conference,
            "tilmeldinger/?format=csv&behov=1" if who == "viewer" else "tilmeldinger/?format=csv",
        )
    ).content
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))
    assert "Kosthensyn" not in rows[0] and "Tilgængelighed" not in rows[0]
    assert not any("Kørestol" in cell for row in rows for cell in row)


def test_organisers_may_ask_for_the_needs_in_an_export(client, conference, people, users):
    client.force_login(users.organiser)
    body = client.get(page(conference, "tilmeldinger/?format=csv&behov=1")).content.decode(
        "utf-8-sig"
    )
    assert "Kosthensyn" in body and "Kørestol" in body


def test_the_admin_shows_stored_emails_without_private_links(
    client, conference, people, users, django_capture_on_commit_callbacks
):
    from forsamling.registration.services import resend_link

    with django_capture_on_commit_callbacks(execute=True):
        resend_link(edition=conference.edition, email=people.aase.email)
    message = SentMessage.objects.filter(registration=people.aase).latest("id")
    assert people.aase.token in message.body
    client.force_login(users.superuser)
    html = client.get(f"/backoffice/outbox/sentmessage/{message.pk}/change/").content.decode()
    assert "Dit link til din tilmelding" in html
    assert people.aase.token not in html and "[skjult]" in html
    assert site.is_registered(SentMessage)


def test_an_organiser_exports_for_a_person_and_the_audit_names_the_organiser(
    client, conference, people, users
):
    client.force_login(users.organiser)
    response = client.get(
        page(conference, f"persondata/tilmelding/{people.bo.pk}/oplysninger.json")
    )
    data = json.loads(response.content)
    assert data["registration"]["name"] == "Bo Andersen"
    request = DataRequest.objects.get()
    assert (request.kind, request.by_user, request.registration_id) == (
        "export_json", users.organiser, people.bo.pk,
    )  # fmt: skip
    html = client.get(page(conference, "persondata/anmodninger/")).content.decode()
    assert "arrangoer" in html


def test_an_organiser_erases_on_a_persons_request_after_the_conference(
    client, conference, people, users
):
    client.force_login(users.organiser)
    url = page(conference, f"persondata/tilmelding/{people.zara.pk}/slet/")
    assert "anonymiseres med det samme" in client.get(url).content.decode()
    client.post(url)
    people.zara.refresh_from_db()
    assert people.zara.name == "Anonymiseret"
    assert DataRequest.objects.get(kind="erasure").by_user == users.organiser


@pytest.mark.parametrize("who", ["viewer", "checkin"])
def test_others_may_not_export_or_erase_for_a_person(client, conference, people, users, who):
    client.force_login(getattr(users, who))
    base = page(conference, f"persondata/tilmelding/{people.bo.pk}/")
    assert client.get(base + "oplysninger.json").status_code == 403
    assert client.post(base + "slet/").status_code == 403
    people.bo.refresh_from_db()
    assert people.bo.name == "Bo Andersen"
