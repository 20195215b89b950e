"""Bots held off: the proof of work (ALTCHA) used once, rate limits per address and per e-mail
domain shared through the database, "send my link again" at most once per few minutes, and
the organisers' pause switch."""

from __future__ import annotations

import altcha
import pytest
from django.urls import reverse

from forsamling.core.models import RateCounter, UsedChallenge
from forsamling.registration.models import AuditEntry, GroupBooking, Registration
from tests.registration.test_pages import form_data


@pytest.fixture
def bots_held_off(settings):
    """The production defaults (tests/settings.py turns these off for the rest of the suite)."""
    settings.FORSAMLING_ALTCHA = True
    settings.FORSAMLING_RATE_REGISTRATIONS_PER_ADDRESS = 60
    settings.FORSAMLING_RATE_REGISTRATIONS_PER_DOMAIN = 120
    settings.FORSAMLING_RATE_RESENDS_PER_ADDRESS = 20
    settings.FORSAMLING_RESEND_INTERVAL_SECONDS = 300
    return settings


def solved(client) -> str:
    """What the browser's widget sends: the challenge from our endpoint, solved."""
    challenge = client.get("/altcha/udfordring/").json()
    solution = altcha.solve_challenge_v1(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxNumber"]
    )
    return altcha.PayloadV1(
        challenge["algorithm"],
        challenge["challenge"],
        solution.number,
        challenge["salt"],
        challenge["signature"],
    ).to_base64()


def url(edition):
    return reverse("public:register", kwargs={"edition": edition.slug})


def person(edition, n, domain="aalborg.dk", **extra):
    return form_data(
        edition,
        idempotency_key=f"key-{n}-{domain.replace('.', '-')}",
        email=f"deltager{n}@{domain}",
        **extra,
    )


def test_the_challenge_is_fresh_signed_and_never_cached(client, bots_held_off):
    first = client.get("/altcha/udfordring/")
    second = client.get("/altcha/udfordring/").json()
    assert "no-store" in first["Cache-Control"]
    data = first.json()
    assert data["algorithm"] == "SHA-256" and data["maxNumber"] == 2000
    assert data["signature"] != second["signature"] and "expires=" in data["salt"]


def test_a_registration_without_the_proof_of_work_is_refused_in_danish(
    client, edition, bots_held_off
):
    """What a script that skips the browser gets; nothing is stored, nothing typed is lost."""
    response = client.post(url(edition), person(edition, 1))
    page = response.content.decode()
    assert response.status_code == 400
    assert "kræver, at JavaScript er slået til" in page
    assert 'value="deltager1@aalborg.dk"' in page
    assert not Registration.objects.exists()


def test_a_solved_challenge_registers_once_and_a_replay_is_refused(client, edition, bots_held_off):
    proof = solved(client)
    first = client.post(url(edition), {**person(edition, 1), "altcha": proof})
    assert first.status_code == 302
    replay = client.post(url(edition), {**person(edition, 2), "altcha": proof})
    assert replay.status_code == 400
    assert "allerede sendt én gang" in replay.content.decode()
    assert Registration.objects.count() == 1
    assert UsedChallenge.objects.count() == 1


def test_a_double_click_still_gets_its_confirmation(client, edition, bots_held_off):
    """The same form twice (same key, same proof): the second answers with the first."""
    data = {**person(edition, 1), "altcha": solved(client)}
    first = client.post(url(edition), data)
    again = client.post(url(edition), data)
    assert again.status_code == 302 and again["Location"] == first["Location"]


def test_a_tampered_solution_is_refused(client, edition, bots_held_off):
    challenge = client.get("/altcha/udfordring/").json()
    forged = altcha.PayloadV1(
        "SHA-256", challenge["challenge"], 1, challenge["salt"], challenge["signature"]
    ).to_base64()
    for proof in [forged, "bm9uc2Vuc2U=", "x" * 5000, ""]:
        response = client.post(url(edition), {**person(edition, 1), "altcha": proof})
        assert response.status_code == 400
    assert not Registration.objects.exists()


def test_registrations_per_address_are_limited_with_retry_after(client, edition, bots_held_off):
    bots_held_off.FORSAMLING_RATE_REGISTRATIONS_PER_ADDRESS = 3
    for n in range(3):
        data = {**person(edition, n, domain=f"d{n}.dk"), "altcha": solved(client)}
        assert client.post(url(edition), data, REMOTE_ADDR="203.0.113.5").status_code == 302
    data = {**person(edition, 9, domain="d9.dk"), "altcha": solved(client)}
    refused = client.post(url(edition), data, REMOTE_ADDR="203.0.113.5")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    page = refused.content.decode()
    assert "Vent" in page and "minutter" in page and 'value="deltager9@d9.dk"' in page
    data["altcha"] = solved(client)
    assert client.post(url(edition), data, REMOTE_ADDR="198.51.100.1").status_code == 302
    assert Registration.objects.count() == 4


def test_registrations_per_e_mail_domain_are_limited(client, edition, bots_held_off):
    bots_held_off.FORSAMLING_RATE_REGISTRATIONS_PER_DOMAIN = 2
    for n in range(2):
        data = {**person(edition, n, domain="bot.example"), "altcha": solved(client)}
        assert client.post(url(edition), data, REMOTE_ADDR=f"203.0.113.{n}").status_code == 302
    data = {**person(edition, 5, domain="bot.example"), "altcha": solved(client)}
    assert client.post(url(edition), data, REMOTE_ADDR="203.0.113.99").status_code == 429
    assert RateCounter.objects.get(key="register:domain:bot.example").count == 3


def test_a_secretary_registering_30_colleagues_is_not_stopped_by_the_defaults(
    client, edition, bots_held_off
):
    """One address, one municipal domain, 30 registrations in a few minutes: all go through."""
    group = GroupBooking.objects.create(
        edition=edition,
        organisation="Aalborg Kommune",
        secretary_name="Sekretær",
        secretary_email="sekretaer@aalborg.dk",
    )
    group_url = reverse(
        "public:registration_group", kwargs={"edition": "2026", "token": group.token}
    )
    for n in range(30):
        data = {**person(edition, n), "altcha": solved(client)}
        response = client.post(group_url, data, REMOTE_ADDR="203.0.113.30")
        assert response.status_code == 302, (n, response.status_code)
    assert Registration.objects.filter(group=group).count() == 30


def test_send_my_link_mails_at_most_once_per_few_minutes_and_answers_the_same(
    client, edition, bots_held_off, mailoutbox, django_capture_on_commit_callbacks
):
    """The issue's finding: 30 requests sent 30 e-mails. Now one; the answers are identical."""
    client.post(url(edition), {**person(edition, 1), "altcha": solved(client)})
    mailoutbox.clear()
    resend = reverse("public:registration_resend", kwargs={"edition": "2026"})
    pages = set()
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(10):
            known = client.post(resend, {"email": "deltager1@aalborg.dk", "altcha": solved(client)})
            unknown = client.post(
                resend, {"email": f"ukendt{n}@aalborg.dk", "altcha": solved(client)}
            )
            assert known.status_code == unknown.status_code == 200
            pages |= {known.content.decode(), unknown.content.decode()}
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["deltager1@aalborg.dk"]
    assert len({p.split("csrfmiddlewaretoken")[0] for p in pages}) == 1


def test_send_my_link_needs_the_proof_and_is_limited_per_address(client, edition, bots_held_off):
    resend = reverse("public:registration_resend", kwargs={"edition": "2026"})
    assert client.post(resend, {"email": "a@aalborg.dk"}).status_code == 400
    bots_held_off.FORSAMLING_RATE_RESENDS_PER_ADDRESS = 2
    for _ in range(2):
        assert (
            client.post(resend, {"email": "a@aalborg.dk", "altcha": solved(client)}).status_code
            == 200
        )
    refused = client.post(resend, {"email": "a@aalborg.dk", "altcha": solved(client)})
    assert refused.status_code == 429 and "Retry-After" in refused


def test_a_paused_registration_refuses_new_registrations(client, edition, users_for_edition):
    """The organiser's switch: the form refuses at once, in Danish; changes still work."""
    client.force_login(users_for_edition)
    pause = f"/backoffice/konference/{edition.slug}/tilmelding/pause/"
    assert "Sæt tilmeldingen på pause" in client.get(pause).content.decode()
    assert client.post(pause, {"paused": "ja"}).status_code == 302
    edition.refresh_from_db()
    assert edition.registration_paused
    assert AuditEntry.objects.filter(action="registration_paused").exists()
    client.logout()
    response = client.post(url(edition), person(edition, 1))
    assert response.status_code == 400
    assert "sat på pause af arrangøren" in response.content.decode()
    assert not Registration.objects.exists()
    client.force_login(users_for_edition)
    client.post(pause, {"paused": "nej"})
    client.logout()
    assert client.post(url(edition), person(edition, 1)).status_code == 302


def test_only_organisers_may_pause(client, edition, db):
    from forsamling.backoffice.services import grant_role
    from forsamling.domain.permissions import Role
    from tests.backoffice.conftest import make_user

    viewer = make_user("laeser", is_staff=True)
    grant_role(user=viewer, edition=edition, role=Role.VIEWER)
    client.force_login(viewer)
    response = client.post(
        f"/backoffice/konference/{edition.slug}/tilmelding/pause/", {"paused": "ja"}
    )
    assert response.status_code == 403
    edition.refresh_from_db()
    assert not edition.registration_paused


@pytest.fixture
def users_for_edition(edition):
    from forsamling.backoffice.services import grant_role
    from forsamling.domain.permissions import Role
    from tests.backoffice.conftest import make_user

    organiser = make_user("arrangoer", is_staff=True)
    grant_role(user=organiser, edition=edition, role=Role.ORGANISER)
    return organiser
