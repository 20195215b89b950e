"""What participants and organisers see of the edition's capacity: a full front page and
form that say what to do, a POST that arrives after the last place went refused in Danish
with nothing lost, the overview's places taken, and the admin's capacity field."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.forms import MultiWidget
from django.urls import reverse
from django.utils import timezone

from forsamling.registration import seats
from forsamling.registration.models import EditionPlaces, Registration
from forsamling.registration.services import cancel_registration

from .conftest import register_official
from .test_pages import form_data, url

pytestmark = pytest.mark.django_db


def fill(edition, capacity):
    """Every place taken; the conference two months ahead (the fixture's dates are fixed)."""
    edition.start_date = timezone.localdate() + timedelta(days=60)
    edition.end_date = edition.start_date + timedelta(days=1)
    edition.capacity = capacity
    edition.save(update_fields=["capacity", "start_date", "end_date"])
    seats.recount_places(edition)
    return [
        register_official(edition, f"fill-{n}", f"Deltager {n}").registration
        for n in range(capacity)
    ]


def text(response) -> str:
    return " ".join(response.content.decode().split())


def front_page(client, edition) -> str:
    response = client.get(reverse("public:edition", kwargs={"edition": edition.slug}))
    assert response.status_code == 200
    return text(response)


def test_an_open_edition_with_places_left_still_says_sign_up(client, edition):
    fill(edition, 2)
    edition.capacity = 3
    edition.save(update_fields=["capacity"])
    html = front_page(client, edition)
    assert ">Tilmeld dig</a>" in html and "fuldt booket" not in html


def test_a_full_edition_says_so_on_the_front_page_and_what_to_do(client, edition):
    fill(edition, 2)
    html = front_page(client, edition)
    assert "Konferencen er fuldt booket" in html
    assert "Alle 2 pladser til Social- og Sundhedspolitisk Forum 2026 er optaget" in html
    assert "hvis en deltager melder fra" in html
    assert "overdrage den til dig fra deres personlige side" in html
    assert 'href="mailto:forum@kl.dk"' in html and "33 70 30 00" in html
    assert ">Tilmeld dig</a>" not in html
    assert "Få dit link igen" in html


def test_a_cancellation_opens_the_front_page_again(client, edition):
    first, _second = fill(edition, 2)
    cancel_registration(registration=first)
    assert ">Tilmeld dig</a>" in front_page(client, edition)


def test_the_form_of_a_full_edition_says_so_and_what_to_do(client, edition):
    fill(edition, 2)
    html = text(client.get(url(edition)))
    assert 'id="edition-full"' in html and "Konferencen er fuldt booket" in html
    assert "overdrage den til dig" in html and "mailto:forum@kl.dk" in html


def test_a_post_after_the_last_place_went_is_refused_in_danish_and_keeps_what_was_typed(
    client, edition
):
    fill(edition, 2)
    response = client.post(
        url(edition), form_data(edition, dietary="Vegetar", committee="Socialudvalget")
    )
    html = text(response)
    assert response.status_code == 400
    assert "Konferencen blev fuldt booket, lige før du sendte formularen" in html
    assert "Det, du har skrevet, er gemt her på siden" in html
    assert 'value="mette@aalborg.dk"' in html and 'value="Vegetar"' in html
    assert 'value="Socialudvalget"' in html
    assert "data-focus-on-load" in html  # the error summary takes the focus
    assert not Registration.objects.filter(email="mette@aalborg.dk").exists()
    assert EditionPlaces.objects.get(edition=edition).taken == 2


def test_a_group_member_beyond_the_capacity_is_refused_in_danish(client, edition):
    fill(edition, 1)
    start = client.post(
        reverse("public:registration_group_start", kwargs={"edition": edition.slug}),
        {
            "organisation": "Aalborg Kommune",
            "secretary_name": "Sekretær",
            "secretary_email": "sek@aalborg.dk",
        },
    )
    assert start.status_code == 302
    response = client.post(start["Location"], form_data(edition))
    assert response.status_code == 400
    html = text(response)
    assert "Konferencen blev fuldt booket" in html and 'id="edition-full"' in html
    assert not Registration.objects.filter(email="mette@aalborg.dk").exists()


def test_the_overview_shows_places_taken_of_the_capacity(client, edition, admin_user):
    fill(edition, 2)
    edition.capacity = 5
    edition.save(update_fields=["capacity"])
    client.force_login(admin_user)
    html = text(client.get(f"/backoffice/konference/{edition.slug}/overblik/"))
    assert "<strong>2/5</strong> pladser i alt optaget, 3 ledige" in html
    edition.capacity = 2
    edition.save(update_fields=["capacity"])
    html = text(client.get(f"/backoffice/konference/{edition.slug}/overblik/"))
    assert "<strong>2/2</strong> pladser i alt optaget: fuldt booket" in html


def test_the_overview_without_a_capacity_shows_no_places(client, edition, admin_user):
    client.force_login(admin_user)
    html = text(client.get(f"/backoffice/konference/{edition.slug}/overblik/"))
    assert "pladser i alt" not in html


def admin_form_data(response) -> dict[str, str]:
    """The edition's change form as the browser would post it unchanged."""
    form = response.context["adminform"].form
    data: dict[str, str] = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field.widget, MultiWidget):
            for index, part in enumerate(field.widget.decompress(value)):
                data[f"{name}_{index}"] = "" if part is None else str(part)
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        else:
            data[name] = "" if value is None else str(value)
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = str(management[name].value())
    return data


def test_organisers_set_the_capacity_in_the_edition_admin_and_it_is_counted(admin_client, edition):
    register_official(edition, "before", "Før Grænsen")
    page = reverse("admin:conferences_edition_change", args=[edition.pk])
    shown = admin_client.get(page)
    assert "Pladser i alt" in shown.content.decode()
    response = admin_client.post(page, {**admin_form_data(shown), "capacity": "300"}, follow=True)
    assert response.status_code == 200, response.context["adminform"].form.errors
    edition.refresh_from_db()
    assert edition.capacity == 300
    assert EditionPlaces.objects.get(edition=edition).taken == 1
    assert "1 af 300 pladser i alt er optaget." in response.content.decode()


def test_the_full_front_page_in_english(client, edition):
    fill(edition, 1)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = front_page(client, edition)
    assert "The conference is fully booked" in html
    assert "The one place at Social- og Sundhedspolitisk Forum 2026 is taken." in html
    assert "hand it over to you from their private page" in html
