"""What left the organisers' lists (`removed/`): a client that syncs with `changed_since`
learns of deleted choices, check-ins, registrations and draft invoices, and of erased people."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from forsamling.checkin.models import CheckIn
from forsamling.privacy.anonymise import anonymise_registrations
from forsamling.registration.models import Choice, Registration
from forsamling.registration.services import cancel_registration
from tests.api.conftest import api

pytestmark = pytest.mark.django_db

BASE = "/api/v1/editions/2026/"
JSON = {"HTTP_ACCEPT": "application/json"}


def removed(client, **params):
    response = client.get(f"{BASE}removed/", params, **JSON)
    assert response.status_code == 200, response.content
    return [(r["kind"], r["id"], r["reason"]) for r in response.json()["results"]]


def test_a_cancellation_changes_the_registration_and_removes_its_choices(client, keys, people):
    moment = timezone.now()
    choices = list(Choice.objects.filter(registration=people.zara).values_list("pk", flat=True))
    assert choices
    cancel_registration(registration=people.zara)
    reader = api(client, keys.registrations)
    changed = reader.get(f"{BASE}registrations/", {"changed_since": moment.isoformat()}, **JSON)
    assert [(r["id"], r["status"]) for r in changed.json()["results"]] == [
        (people.zara.pk, "cancelled")
    ]
    gone = removed(reader, changed_since=moment.isoformat())
    assert {("choice", pk, "deleted") for pk in choices} <= set(gone)
    listed = reader.get(f"{BASE}choices/", **JSON).json()["results"]
    assert not {r["id"] for r in listed} & set(choices)


def test_deleted_rows_and_erased_people_are_reported_from_the_moment_asked(client, keys, people):
    before = timezone.now()
    checkin = CheckIn.objects.create(registration=people.bo)
    checkin_id = checkin.pk
    checkin.delete()
    registration_id = people.oline.pk
    Registration.objects.filter(pk=registration_id).delete()
    anonymise_registrations(Registration.objects.filter(pk=people.aase.pk), timezone.now())
    reader = api(client, keys.registrations)
    gone = removed(reader, changed_since=before.isoformat())
    assert ("checkin", checkin_id, "deleted") in gone
    assert ("registration", registration_id, "deleted") in gone
    assert ("registration", people.aase.pk, "erased") in gone
    listed = {r["id"] for r in reader.get(f"{BASE}registrations/", **JSON).json()["results"]}
    assert people.aase.pk not in listed and registration_id not in listed
    assert removed(reader, kind="checkin") == [("checkin", checkin_id, "deleted")]
    later = (timezone.now() + timedelta(seconds=1)).isoformat()
    assert removed(reader, changed_since=later) == []


def test_the_removed_list_needs_a_registrations_or_checkins_scope(client, keys, people):
    assert api(client, keys.programme).get(f"{BASE}removed/", **JSON).status_code == 403
    assert api(Client(), keys.checkins).get(f"{BASE}removed/", **JSON).status_code == 200
    bad = api(Client(), keys.registrations).get(f"{BASE}removed/", {"kind": "x"}, **JSON)
    assert bad.status_code == 400
