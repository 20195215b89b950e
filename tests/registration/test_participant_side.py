"""The participant's side (issue 13): ids, errors tied to fields, the private page's forms."""

from __future__ import annotations

import pytest
from django.urls import reverse

from forsamling.registration.models import Registration
from tests.public.html_checks import (
    duplicate_ids,
    in_page_order,
    loose_choices,
    summary_targets,
    untied_errors,
)

from .test_pages import form_data, manage_url, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def registration(client, edition):
    client.post(url(edition), form_data(edition))
    return Registration.objects.get()


def test_the_registration_form_has_every_checkbox_and_radio_beside_its_label(client, edition):
    for response in (client.get(url(edition)), client.post(url(edition), {})):
        assert loose_choices(response.content) == []


def test_the_private_page_has_every_checkbox_and_radio_beside_its_label(client, registration):
    assert loose_choices(client.get(manage_url(registration)).content) == []


def test_the_private_page_has_unique_ids_also_with_errors_in_each_form(client, registration):
    pages = [client.get(manage_url(registration)).content]
    for action in ("registration_choices", "registration_details", "registration_substitute"):
        response = client.post(manage_url(registration, action), {})
        assert response.status_code == 400
        pages.append(response.content)
    for content in pages:
        assert duplicate_ids(content) == []
    page = client.get(manage_url(registration)).content.decode()
    # "Kollegaens navn" labels the colleague's field, not the participant's own name.
    assert '<label class="form-label" for="handover-name">Kollegaens navn' in page
    assert 'id="details-name"' in page and 'id="handover-name"' in page


def test_the_registration_pages_have_unique_ids(client, edition):
    pages = [
        client.get(url(edition)),
        client.post(url(edition), {}),
        client.get(reverse("public:registration_resend", kwargs={"edition": edition.slug})),
        client.post(reverse("public:registration_resend", kwargs={"edition": edition.slug}), {}),
        client.get(reverse("public:registration_group_start", kwargs={"edition": edition.slug})),
    ]
    for response in pages:
        assert duplicate_ids(response.content) == []


def test_the_error_summary_follows_the_page_and_every_message_is_tied_to_its_field(client, edition):
    response = client.post(url(edition), {"idempotency_key": "k"})
    targets = summary_targets(response.content)
    assert targets[:2] == ["id_name", "id_email"]
    assert targets[-1] == "id_accept_terms"
    assert in_page_order(response.content, targets)
    assert untied_errors(response.content) == []


@pytest.mark.parametrize(
    ("action", "summary"),
    [
        ("registration_choices", "choices-error-summary"),
        ("registration_details", "details-error-summary"),
        ("registration_substitute", "handover-error-summary"),
    ],
)
def test_a_failed_private_page_form_opens_at_its_error_summary(
    client, registration, action, summary
):
    response = client.post(manage_url(registration, action), {})
    page = response.content.decode()
    assert f'id="{summary}"' in page and "data-focus-on-load" in page
    assert in_page_order(response.content, summary_targets(response.content, summary))
    assert untied_errors(response.content) == []
    section = summary.removesuffix("-error-summary")
    assert f'id="{section}-button" aria-expanded="true"' in page  # its accordion is open
    assert page.count('aria-expanded="true"') == 1


@pytest.mark.parametrize(
    "action", ["registration_choices", "registration_details", "registration_substitute"]
)
def test_reloading_an_action_address_shows_the_private_page(client, registration, action):
    response = client.get(manage_url(registration, action), follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == manage_url(registration)
    assert "Din tilmelding" in response.content.decode()


def test_a_successful_save_is_confirmed_visibly_and_announced(client, registration, edition):
    data = form_data(edition)
    data["job_title"] = "Rådmand"
    response = client.post(manage_url(registration, "registration_details"), data, follow=True)
    page = response.content.decode()
    assert 'class="alert alert-success" role="status"' in page
    assert "Dine oplysninger er gemt." in page
    assert "public/forms.js" in page  # which moves the focus to it


def hand_over_to_bo(client, edition, **keeps):
    """A vegetarian registers with a person reference and for dinner, then hands the place over
    to Bo Kollega, who keeps what `keeps` says; returns the registration as it is after."""
    client.post(
        url(edition), form_data(edition, dietary="Vegetar", person_reference="PR-1", dinner="ja")
    )
    registration = Registration.objects.get()
    client.post(
        manage_url(registration, "registration_substitute"),
        {"name": "Bo Kollega", "email": "bo@aalborg.dk", **keeps},
    )
    registration.refresh_from_db()
    return registration


def test_the_hand_over_asks_what_the_colleague_keeps(client, edition):
    registration = hand_over_to_bo(client, edition, keeps_dinner="on")
    assert (registration.name, registration.dinner) == ("Bo Kollega", True)
    assert (registration.dietary, registration.person_reference) == ("", "")
    assert registration.ean == "5798000420489"  # the invoice goes with the place


def test_the_hand_over_keeps_dietary_needs_and_the_person_reference_when_asked(client, edition):
    registration = hand_over_to_bo(client, edition, keeps_dietary="on", keeps_person_reference="on")
    assert (registration.dinner, registration.dietary) == (False, "Vegetar")
    assert registration.person_reference == "PR-1"


def test_the_private_page_shows_the_badge_code_as_a_qr_code(client, registration):
    page = client.get(manage_url(registration)).content.decode()
    assert '<svg role="img"' in page and "QR-kode til indtjekning" in page


def test_the_private_page_shows_sessions_the_person_may_not_attend_as_such(
    client, registration, edition
):
    page = client.get(manage_url(registration)).content.decode()
    # A politician may not choose the break out for officials: shown, disabled, and said so.
    officials = f'id="choices-slot_{edition.houses_slot.pk}_{edition.officials_breakout.pk}"'
    tag = page[page.index(officials) : page.index(">", page.index(officials))]
    assert " disabled" in tag
    assert "ikke for din deltagerkategori" in page


def test_the_private_page_shows_the_programme_by_day_with_rooms_and_waiting_places(
    client, registration, edition
):
    from datetime import time

    from forsamling.programme.models import Item, ItemKind, Room
    from forsamling.programme.services import publish_programme

    room = Room.objects.create(edition=edition, name="Europahallen")
    Item.objects.create(
        edition=edition,
        day=edition.houses_slot.day,
        kind=ItemKind.WELCOME,
        title="Velkomst",
        starts_at=time(10, 0),
        ends_at=time(10, 30),
        room=room,
        order=0,
    )
    publish_programme(edition=edition, comment="Første udgave")
    page = " ".join(client.get(manage_url(registration)).content.decode().split())
    assert "Torsdag den 7. maj 2026" in page
    assert "Velkomst" in page and "Lokale: Europahallen" in page
    assert "Forsamlingshus om sundhed" in page and "Du har plads" in page


def test_an_unpublished_edit_of_a_slots_time_does_not_change_what_participants_can_choose(
    client, edition
):
    from datetime import time

    from forsamling.programme.services import publish_programme

    publish_programme(edition=edition, comment="Første udgave")
    # In the back office, not yet published: the theme meetings moved on top of the houses.
    themes = edition.themes_slot
    themes.starts_at, themes.ends_at = time(13, 30), time(14, 0)
    themes.save()

    form = client.get(url(edition)).content.decode()
    assert "Temamøder (kl. 15.00–16.30)" in form  # the published time
    response = client.post(url(edition), form_data(edition))
    assert response.status_code == 302, response.content.decode()
    assert Registration.objects.get().choices.count() == 2


def test_without_a_published_programme_the_draft_times_still_decide(client, edition):
    from datetime import time

    themes = edition.themes_slot
    themes.starts_at, themes.ends_at = time(13, 30), time(14, 0)
    themes.save()
    response = client.post(url(edition), form_data(edition))
    assert response.status_code == 400
    assert not Registration.objects.exists()


def start_group(client, edition, secretary_name, **invoice_details):
    """Aalborg's secretary starts a group booking through the public form."""
    start = reverse("public:registration_group_start", kwargs={"edition": edition.slug})
    return client.post(
        start,
        {
            "organisation": "Aalborg Kommune",
            "secretary_name": secretary_name,
            "secretary_email": "sif@aalborg.dk",
            **invoice_details,
        },
    )


def test_a_group_secretary_types_the_invoice_details_once_for_the_group(client, edition):
    response = start_group(
        client, edition, "Sif Sekretær", ean="5798000420489", order_reference="PO-77",
        person_reference="SIF",
    )  # fmt: skip
    assert response.status_code == 302
    group_page = response["Location"]
    page = client.get(group_page).content.decode()
    assert "5798000420489" in page and "PO-77" in page
    assert 'name="ean"' not in page  # not asked again for each participant
    data = form_data(edition, ean=None, order_reference=None, person_reference=None)
    assert client.post(group_page, data).status_code == 302
    member = Registration.objects.get()
    assert (member.ean, member.order_reference, member.person_reference) == (
        "5798000420489",
        "PO-77",
        "SIF",
    )


def test_a_group_with_a_wrong_ean_is_refused_next_to_the_field(client, edition):
    response = start_group(client, edition, "Sif", ean="5798000420480")
    page = response.content.decode()
    assert 'id="id_ean-error"' in page and 'value="5798000420480"' in page


def test_with_parallel_tracks_registration_asks_which_one_and_the_overview_counts_them(
    client, edition
):
    from forsamling.backoffice.queries import overview
    from forsamling.programme.models import Track

    social = Track.objects.create(edition=edition, key="social", name="Den Socialpolitiske Sæson")
    Track.objects.create(
        edition=edition, key="sundhed", name="Den Sundheds- og ældrepolitiske Sæson", order=1
    )
    page = client.get(url(edition)).content.decode()
    assert "Hvilken af de parallelle sæsoner deltager du i om eftermiddagen?" in page

    missing = client.post(url(edition), form_data(edition))
    assert missing.status_code == 400
    assert "Vælg den sæson, du deltager i." in missing.content.decode()
    assert summary_targets(missing.content) == ["id_track-error"]

    response = client.post(url(edition), form_data(edition, track=str(social.pk)))
    assert response.status_code == 302
    assert Registration.objects.get().track == social
    assert overview(edition).by_track == [
        ("Den Socialpolitiske Sæson", 1),
        ("Den Sundheds- og ældrepolitiske Sæson", 0),
    ]


def test_without_tracks_registration_asks_nothing_about_them(client, edition):
    assert "sæsoner" not in client.get(url(edition)).content.decode()
