"""The back office's newer forms refuse control characters like every other form: the API
key's label, the dinner's tables and seats, the venue plan's description, the speaker's
invitation, an invitation code's note and the admin's e-mail to exhibitors. Nothing of what
they refuse is stored."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from forsamling.api.models import ApiToken
from forsamling.backoffice.admin.exhibitors import EmailExhibitorsForm
from forsamling.backoffice.views.invitations import CodeForm
from forsamling.programme.models import ItemSpeaker, Room, Speaker, VenuePlan
from forsamling.registration.models import Category, DinnerTable
from forsamling.speakers.models import SpeakerRecord

pytestmark = pytest.mark.django_db

CONTROL = "usynligt styretegn"
ONE_LINE = "Feltet må kun have én linje"
# Start of heading, unit separator (whitespace to Python's regular expressions), next line
# (C1) and the right-to-left override: refused everywhere.
HIDDEN = ["\x01", "\x1f", "\x85", "\u202e"]
BREAKS = ["\r", "\n", "\t"]  # refused in one-line fields only


def expected(character: str) -> str:
    return ONE_LINE if character in BREAKS else CONTROL


def office(conference, tail: str) -> str:
    return f"/backoffice/konference/{conference.edition.slug}/{tail}"


@pytest.mark.parametrize("character", HIDDEN + BREAKS)
def test_an_api_keys_label_refuses_the_character(client, conference, users, character):
    client.force_login(users.organiser)
    response = client.post(
        office(conference, "api-noegler/"),
        {"label": f"Skanner{character}A", "scopes": ["read_programme"]},
    )
    assert response.status_code == 400
    assert expected(character) in response.content.decode()
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("character", [*HIDDEN, "\r", "\n"])
def test_the_dinners_tables_refuse_the_character(client, conference, users, evening, character):
    """Without the rule, 8<US>8 was read as two tables: Python counts US as a space."""
    client.force_login(users.organiser)
    response = client.post(office(conference, "middag/borde/"), {"sizes": f"8{character}8"})
    assert response.status_code == 400
    assert expected(character) in response.content.decode()
    assert not DinnerTable.objects.exists()


def test_the_dinners_tables_still_take_a_plain_list(client, conference, users, evening):
    client.force_login(users.organiser)
    response = client.post(office(conference, "middag/borde/"), {"sizes": "8, 8 10"})
    assert response.status_code == 302
    assert list(DinnerTable.objects.values_list("seats", flat=True)) == [8, 8, 10]


def png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 25), "white").save(buffer, "PNG")
    return SimpleUploadedFile("plan.png", buffer.getvalue(), content_type="image/png")


@pytest.mark.parametrize("character", HIDDEN + BREAKS)
def test_the_venue_plans_description_refuses_the_character(client, conference, users, character):
    hall = Room.objects.create(edition=conference.edition, name="Store Sal", order=1)
    client.force_login(users.organiser)
    response = client.post(
        office(conference, "program/lokaleoversigt/"),
        {
            "image": png(),
            "description": f"Store Sal{character}til venstre.",
            f"x_{hall.pk}": "",
            f"y_{hall.pk}": "",
        },
    )
    assert response.status_code == 400
    assert expected(character) in response.content.decode()
    assert not VenuePlan.objects.exists()


@pytest.mark.parametrize("character", HIDDEN + BREAKS)
def test_a_speakers_invitation_refuses_the_character(client, conference, users, character):
    category = Category.objects.create(
        edition=conference.edition, key="taler", name="Oplægsholder", price=Decimal("0"),
        invitation_only=True, order=9,
    )  # fmt: skip
    speaker = Speaker.objects.create(name="Sofie Dahl")
    ItemSpeaker.objects.create(item=conference.small.slot, speaker=speaker)
    client.force_login(users.organiser)
    response = client.post(
        office(conference, "oplaegsholdere/inviter/"),
        {"speaker": speaker.pk, "email": f"sofie{character}@example.dk", "category": category.pk},
    )
    assert response.status_code == 400
    assert expected(character) in response.content.decode()
    assert not SpeakerRecord.objects.exists()


def code_form(conference, note: str) -> CodeForm:
    data = {"category": conference.politician.pk, "max_uses": "", "expires_at": "", "note": note}
    return CodeForm(data, edition=conference.edition)


def email_form(conference, subject: str, body: str) -> EmailExhibitorsForm:
    return EmailExhibitorsForm({"subject": subject, "body": body, "apply": "1"})


# Each form and text field with what it takes around the character; a text area (the
# e-mail's body) keeps its line breaks, so only the hidden characters are refused there.
TEXTS = {
    ("code", "note"): lambda c, x: code_form(c, f"Til{x}borgmesteren"),
    ("email", "subject"): lambda c, x: email_form(c, f"Opstilling{x}af stande", "Kl. 7.00."),
    ("email", "body"): lambda c, x: email_form(c, "Opstilling", f"Standene{x}kan stilles op."),
}
CASES = [
    (form, name, character)
    for (form, name) in TEXTS
    for character in (HIDDEN if name == "body" else HIDDEN + BREAKS)
]


@pytest.mark.parametrize(("form", "name"), list(TEXTS))
def test_the_forms_take_plain_text(conference, form, name):
    made = TEXTS[form, name](conference, " ")
    assert made.is_valid(), made.errors


@pytest.mark.parametrize(("form", "name", "character"), CASES)
def test_the_forms_text_fields_refuse_the_character(conference, form, name, character):
    made = TEXTS[form, name](conference, character)
    assert not made.is_valid()
    assert list(made.errors) == [name]
    assert expected(character) in " ".join(made.errors[name])
