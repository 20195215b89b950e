"""'Få dine data' (issue 24): anyone the site holds data about, with or without a registration,
gets a one-time link by e-mail to see, download and erase it; the answer is the same whatever
the address."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from forsamling.outbox.models import SentMessage
from forsamling.privacy.models import AccessLink
from forsamling.privacy.retention import apply_retention
from tests.prizes.conftest import make_nomination, setup  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db

NOMINATOR = "mette.holm@aalborg.dk"  # the contact of `make_nomination`


def ask(client, edition, email):
    return client.post(
        reverse("public:privacy_access", kwargs={"edition": edition.slug}), {"email": email}
    )


def mailed_link(email: str) -> str:
    body = SentMessage.objects.filter(to=email).latest("id").body
    return re.search(r"https?://\S+/dine-data/\S+/", body).group(0)


def path_of(link: str) -> str:
    return "/" + link.split("://", 1)[-1].split("/", 1)[1]


def test_the_answer_is_the_same_for_a_known_and_an_unknown_address(client, setup):  # noqa: F811
    make_nomination(setup.prize)
    known = ask(client, setup.edition, NOMINATOR)
    unknown = ask(client, setup.edition, "ingen@example.dk")
    assert known.status_code == unknown.status_code == 200
    strip = lambda r: re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", r.content.decode())  # noqa: E731
    assert strip(known) == strip(unknown)
    assert SentMessage.objects.filter(to=NOMINATOR).count() == 1
    assert not SentMessage.objects.filter(to="ingen@example.dk").exists()
    assert AccessLink.objects.count() == 1


def test_a_nominator_without_a_registration_sees_and_downloads_their_data(client, setup):  # noqa: F811
    make_nomination(setup.prize)
    ask(client, setup.edition, NOMINATOR)
    page_path = path_of(mailed_link(NOMINATOR))
    page = client.get(page_path)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Mette Holm" in html and "Indstillinger" in html
    data = client.get(page_path + "data.json").json()
    assert data["registre"]["indstillinger"][0]["kontaktperson"] == "Mette Holm"
    assert data["e-mail"] == NOMINATOR


def test_erasing_by_the_link_anonymises_the_nomination_and_ends_the_link(client, setup):  # noqa: F811
    nomination = make_nomination(setup.prize)
    ask(client, setup.edition, NOMINATOR)
    page_path = path_of(mailed_link(NOMINATOR))
    response = client.post(page_path + "slet/")
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.contact_name == "Anonymiseret" and "@" in nomination.contact_email
    assert NOMINATOR not in nomination.contact_email
    assert nomination.project_title == "Sund start i dagtilbud"  # the project stays
    assert client.get(page_path).status_code == 404
    assert not AccessLink.objects.exists()


def test_an_expired_link_is_gone_and_the_retention_removes_it(client, setup):  # noqa: F811
    make_nomination(setup.prize)
    ask(client, setup.edition, NOMINATOR)
    page_path = path_of(mailed_link(NOMINATOR))
    AccessLink.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(page_path)
    assert response.status_code == 404
    assert "Linket virker ikke længere" in response.content.decode()
    apply_retention(now=timezone.now())
    assert not AccessLink.objects.exists()
