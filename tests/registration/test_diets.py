"""Dietary needs as choices the kitchen can count, and the days attended where an edition
allows one-day attendance: on the public form, the private page and in the migration."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from forsamling.registration.models import Registration
from tests.registration.test_pages import form_data, manage_url, url

pytestmark = pytest.mark.django_db

diets_from_text = importlib.import_module(
    "forsamling.registration.migrations.0014_diets_from_free_text"
).diets_from_text


def test_the_form_offers_vegetarian_vegan_and_the_fourteen_allergens(client, edition):
    page = client.get(url(edition)).content.decode()
    assert page.count('name="diets"') == 16
    assert "Veganer" in page and "Lupin" in page
    assert "udtrykkeligt samtykke" in page  # art. 9(2)(a): choosing is consenting, said so
    assert 'name="days"' not in page  # the edition is attended whole


def test_chosen_diets_and_words_are_stored(client, edition):
    data = form_data(edition, diets=["vegan", "sesame"], dietary="ingen rå løg")
    assert client.post(url(edition), data).status_code == 302
    registration = Registration.objects.get()
    assert registration.diets == ["vegan", "sesame"]
    assert registration.dietary == "ingen rå løg"
    assert registration.days == []


def test_an_unknown_diet_is_refused_in_danish_and_the_rest_is_kept(client, edition):
    response = client.post(url(edition), form_data(edition, diets=["vegan", "paleo"]))
    page = response.content.decode()
    assert response.status_code == 400
    assert "Vælg kosthensyn fra listen." in page
    assert 'value="Mette Hansen"' in page
    assert not Registration.objects.exists()


def test_an_edition_with_one_day_attendance_asks_which_days(client, edition):
    edition.day_attendance = True
    edition.save()
    page = client.get(url(edition)).content.decode()
    assert 'value="2026-05-07"' in page and 'value="2026-05-08"' in page
    refused = client.post(url(edition), form_data(edition))
    assert refused.status_code == 400 and "Vælg mindst én dag." in refused.content.decode()
    assert client.post(url(edition), form_data(edition, days=["2026-05-08"])).status_code == 302
    assert Registration.objects.get().days == ["2026-05-08"]


def test_the_private_page_changes_the_diets(client, edition):
    client.post(url(edition), form_data(edition, diets=["vegetarian"]))
    registration = Registration.objects.get()
    page = client.get(
        reverse("public:registration", args=[edition.slug, registration.token])
    ).content.decode()
    assert 'value="vegetarian" checked' in page
    data = form_data(edition, diets=["milk"])
    assert client.post(manage_url(registration, "registration_details"), data).status_code == 302
    registration.refresh_from_db()
    assert registration.diets == ["milk"]


def test_the_migration_turns_old_free_text_into_diets_and_keeps_what_no_choice_covers(
    client, edition
):
    client.post(url(edition), form_data(edition))
    Registration.objects.update(dietary="Vegetar, glutenfri")
    diets_from_text(apps, None)
    registration = Registration.objects.get()
    assert (registration.diets, registration.dietary) == (["vegetarian", "gluten"], "")
    Registration.objects.update(diets=[], dietary="Pescetar, ingen løg")
    diets_from_text(apps, None)
    registration.refresh_from_db()
    assert (registration.diets, registration.dietary) == ([], "Pescetar, ingen løg")
