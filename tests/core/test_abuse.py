"""Bots held off without refusing people: the proof of work (ALTCHA) used once, its cost
growing with the forms accepted from one network (IPv4 address, IPv6 /64) and one e-mail
domain, counted in the database and in a sliding window; "send my link again" at most once per
few minutes per recipient; and the organisers' pause switch."""

from __future__ import annotations

import html
import json
import re

import altcha
import pytest
from django.urls import reverse

from forsamling.core import abuse
from forsamling.core.models import RateCounter, UsedChallenge
from forsamling.registration.models import AuditEntry, GroupBooking, Registration
from tests.registration.test_pages import form_data


@pytest.fixture
def bots_held_off(settings):
    """The production defaults (tests/settings.py turns these off for the rest of the suite)."""
    settings.FORSAMLING_ALTCHA = True
    settings.FORSAMLING_ALTCHA_COST_STEP = 50
    settings.FORSAMLING_ALTCHA_DOMAIN_COST_CAP = 150
    settings.FORSAMLING_ALTCHA_COST_SLACK = 10
    settings.FORSAMLING_RESEND_INTERVAL_SECONDS = 300
    return settings


def challenge(client, form="register", domain="", **extra) -> dict:
    query = {"form": form, **({"domain": domain} if domain else {})}
    return client.get("/altcha/udfordring/", query, **extra).json()


def solved(client, form="register", domain="", **extra) -> str:
    """What the browser's widget sends: the challenge from our endpoint, solved."""
    return solve(challenge(client, form, domain, **extra))


def solve(data: dict) -> str:
    solution = altcha.solve_challenge_v1(
        data["challenge"], data["salt"], data["algorithm"], data["maxNumber"]
    )
    return altcha.PayloadV1(
        data["algorithm"],
        data["challenge"],
        solution.number,
        data["salt"],
        data["signature"],
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


def test_the_challenge_is_fresh_signed_and_never_cached(client, db, bots_held_off):
    first = client.get("/altcha/udfordring/")
    second = client.get("/altcha/udfordring/").json()
    assert "no-store" in first["Cache-Control"]
    data = first.json()
    assert data["algorithm"] == "SHA-256" and data["maxNumber"] == 2000
    assert data["signature"] != second["signature"] and "expires=" in data["salt"]


def test_challenges_asked_within_a_second_share_one_read_of_the_counts(
    client, db, bots_held_off, django_assert_num_queries
):
    """The widget's requests at 10.00 (one gateway, one domain) read the counters once a
    second per process; another network or domain reads its own; a second later, afresh."""
    bots_held_off.PUBLIC_PAGE_CACHE_SECONDS = 60
    abuse.forget_served_counts()
    network = abuse.network_key("register", "127.0.0.1/32")
    abuse.hit([network], seconds=600)
    with django_assert_num_queries(1):
        first = challenge(client, domain="aalborg.dk")
        challenge(client, domain="aalborg.dk")
    with django_assert_num_queries(1):
        challenge(client, domain="kk.dk")
    for _ in range(150):
        abuse.hit([network], seconds=600)
    assert challenge(client, domain="aalborg.dk")["maxNumber"] == first["maxNumber"]
    abuse.forget_served_counts()  # as a second later
    assert challenge(client, domain="aalborg.dk")["maxNumber"] == abuse.cost(151)
    assert first["maxNumber"] == abuse.cost(1)


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
    # A number that is not the solution (a fixed guess would be right once in 2,000 runs).
    right = altcha.solve_challenge_v1(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxNumber"]
    ).number
    forged = altcha.PayloadV1(
        "SHA-256", challenge["challenge"], right + 1, challenge["salt"], challenge["signature"]
    ).to_base64()
    for proof in [forged, "bm9uc2Vuc2U=", "x" * 5000, ""]:
        response = client.post(url(edition), {**person(edition, 1), "altcha": proof})
        assert response.status_code == 400
    assert not Registration.objects.exists()


def accept(n: int, *, form: str, network: str = "", domain: str = "") -> None:
    """n accepted forms from a network and a domain, as the views count them."""
    keys = [abuse.network_key(form, network)] if network else []
    keys += [abuse.domain_key(form, domain)] if domain else []
    for _ in range(n):
        abuse.hit(keys, seconds=600)


def test_the_challenge_costs_more_with_the_forms_accepted_from_the_network(
    client, db, bots_held_off
):
    """Twice the base at one step (50), ten times at three, four hundred at twenty."""
    base = challenge(client, REMOTE_ADDR="203.0.113.5")["maxNumber"]
    assert base == 2000
    accept(150, form="register", network="203.0.113.5/32")
    assert challenge(client, REMOTE_ADDR="203.0.113.5")["maxNumber"] == 10 * base
    assert challenge(client, REMOTE_ADDR="203.0.113.6")["maxNumber"] == base  # another network
    assert challenge(client, "resend", REMOTE_ADDR="203.0.113.5")["maxNumber"] == base
    accept(850, form="register", network="203.0.113.5/32")
    assert challenge(client, REMOTE_ADDR="203.0.113.5")["maxNumber"] == 401 * base


SERVED = re.compile(r'challengejson="([^"]+)"')
PRICED_FOR = re.compile(r'data-priced-for="([^"]*)"')


def served(page: str) -> dict:
    """The challenge a form page serves with itself (as the CSRF token), for its widget."""
    return json.loads(html.unescape(SERVED.search(page)[1]))


def test_the_form_serves_its_first_challenge_priced_for_the_network_and_used_once(
    client, edition, bots_held_off
):
    """The widget needs no request for its first challenge: the page carries one, fresh per
    visitor, priced as the challenge URL would price it, and used up like any other."""
    accept(150, form="register", network="203.0.113.50/32")
    page = client.get(url(edition), REMOTE_ADDR="203.0.113.50").content.decode()
    assert 'challengeurl="/altcha/udfordring/?form=register"' in page  # for later ones
    first = served(page)
    assert first["maxNumber"] == 10 * 2000
    other = served(client.get(url(edition), REMOTE_ADDR="203.0.113.51").content.decode())
    assert other["maxNumber"] == 2000 and other["signature"] != first["signature"]
    proof = solve(first)
    data = {**person(edition, 1), "altcha": proof}
    assert client.post(url(edition), data, REMOTE_ADDR="203.0.113.50").status_code == 302
    replay = client.post(
        url(edition), {**person(edition, 2), "altcha": proof}, REMOTE_ADDR="203.0.113.50"
    )
    assert replay.status_code == 400 and "allerede sendt én gang" in replay.content.decode()
    assert Registration.objects.count() == 1


def test_a_form_shown_again_serves_a_challenge_priced_for_the_domain_it_kept(
    client, edition, bots_held_off
):
    """Asked for more work, the form comes back with what was typed and a challenge priced for
    the typed e-mail's domain, so the widget solves it without asking the server again."""
    accept(150, form="register", domain="victim-kommune.dk")
    data = {**person(edition, 1, domain="victim-kommune.dk")}
    data["altcha"] = solved(client, REMOTE_ADDR="198.51.100.9")  # priced without the domain
    asked = client.post(url(edition), data, REMOTE_ADDR="198.51.100.9")
    assert asked.status_code == 400
    page = asked.content.decode()
    assert PRICED_FOR.search(page)[1] == "victim-kommune.dk"
    again = served(page)
    assert again["maxNumber"] == abuse.cost(150)
    data["altcha"] = solve(again)
    assert client.post(url(edition), data, REMOTE_ADDR="198.51.100.9").status_code == 302


def test_without_the_proof_of_work_the_form_serves_no_challenge(client, edition):
    page = client.get(url(edition)).content.decode()
    assert "challengejson" not in page and "altcha-widget" not in page


def test_the_domain_adds_cost_up_to_its_cap(client, db, bots_held_off):
    """Anyone can type someone else's domain: its count raises the cost only up to the cap,
    a few seconds in a browser, and never refuses."""
    accept(1000, form="register", domain="victim-kommune.dk")
    capped = challenge(client, domain="victim-kommune.dk", REMOTE_ADDR="198.51.100.7")
    assert capped["maxNumber"] == abuse.cost(150) == 10 * 2000
    assert challenge(client, domain="aalborg.dk", REMOTE_ADDR="198.51.100.7")["maxNumber"] == 2000


def test_150_people_behind_one_gateway_and_one_domain_are_all_accepted(
    client, edition, bots_held_off
):
    """The issue's town hall: everyone opened the form before 10.00 (a challenge each at the
    base cost) and sends it in the same minutes. The 61st and the 150th are registered."""
    proofs = [solved(client, domain="herning.dk", REMOTE_ADDR="203.0.113.30") for _ in range(150)]
    for n, proof in enumerate(proofs):
        data = {**person(edition, n, domain="herning.dk"), "altcha": proof}
        response = client.post(url(edition), data, REMOTE_ADDR="203.0.113.30")
        assert response.status_code == 302, (n, response.status_code)
    assert Registration.objects.count() == 150
    assert RateCounter.objects.get(key="register:network:203.0.113.30/32").count == 150


def test_a_script_must_pay_for_its_count_and_a_stale_cheap_challenge_works_again(
    client, edition, bots_held_off
):
    """Past the slack (the cost grown tenfold since the challenge was made) the form asks the
    browser for more work, keeps what was typed, and counts nothing; a challenge made now
    passes."""
    cheap = solved(client, REMOTE_ADDR="203.0.113.9")
    accept(160, form="register", network="203.0.113.9/32")
    data = {**person(edition, 1, domain="d1.dk"), "altcha": cheap}
    asked = client.post(url(edition), data, REMOTE_ADDR="203.0.113.9")
    assert asked.status_code == 400
    page = asked.content.decode()
    assert "skal regne lidt længere" in page and 'value="deltager1@d1.dk"' in page
    assert not Registration.objects.exists()
    assert not UsedChallenge.objects.exists()
    data["altcha"] = solved(client, REMOTE_ADDR="203.0.113.9")
    assert client.post(url(edition), data, REMOTE_ADDR="203.0.113.9").status_code == 302
    assert RateCounter.objects.get(key="register:network:203.0.113.9/32").count == 161


def test_a_challenge_for_another_domain_does_not_carry_the_domains_cost(
    client, edition, bots_held_off
):
    """A script that fetches its challenges without the domain it then registers pays for the
    domain anyway (what the form's script passes): without it the slack is only twofold."""
    accept(150, form="register", domain="victim-kommune.dk")
    data = {**person(edition, 1, domain="victim-kommune.dk")}
    data["altcha"] = solved(client, REMOTE_ADDR="198.51.100.8")
    asked = client.post(url(edition), data, REMOTE_ADDR="198.51.100.8")
    assert asked.status_code == 400 and "skal regne lidt længere" in asked.content.decode()
    data["altcha"] = solved(client, domain="victim-kommune.dk", REMOTE_ADDR="198.51.100.8")
    assert client.post(url(edition), data, REMOTE_ADDR="198.51.100.8").status_code == 302


def test_refused_attempts_are_not_counted(client, edition, bots_held_off):
    """Only accepted forms raise the cost: a refused one (no proof, a replay, a form error)
    leaves the counters as they were."""
    client.post(url(edition), person(edition, 1), REMOTE_ADDR="203.0.113.40")
    proof = solved(client, REMOTE_ADDR="203.0.113.40")
    data = {**person(edition, 2), "altcha": proof}
    assert client.post(url(edition), data, REMOTE_ADDR="203.0.113.40").status_code == 302
    replay = {**person(edition, 3), "altcha": proof}
    assert client.post(url(edition), replay, REMOTE_ADDR="203.0.113.40").status_code == 400
    assert RateCounter.objects.get(key="register:network:203.0.113.40/32").count == 1
    assert RateCounter.objects.get(key="register:domain:aalborg.dk").count == 1


def test_addresses_rotated_within_one_ipv6_64_are_one_network(client, edition, bots_held_off):
    """A client that takes a fresh address from its /64 for each form is still one network."""
    for n in range(3):
        address = f"2001:db8:1:2::{n + 1:x}"
        data = {**person(edition, n, domain=f"d{n}.dk"), "altcha": solved(client)}
        assert client.post(url(edition), data, REMOTE_ADDR=address).status_code == 302
    assert RateCounter.objects.get(key="register:network:2001:db8:1:2::/64").count == 3
    accept(147, form="register", network="2001:db8:1:2::/64")
    assert challenge(client, REMOTE_ADDR="2001:db8:1:2:ffff::9")["maxNumber"] == 10 * 2000
    assert challenge(client, REMOTE_ADDR="2001:db8:1:3::1")["maxNumber"] == 2000


def test_a_long_e_mail_domain_is_counted_not_a_500(client, edition, bots_held_off):
    """The issue's finding: a 191-character domain gave an anonymous 500 (the key was cut to
    200 characters when counted and looked up whole)."""
    domain = "a" * 60 + "." + "b" * 60 + "." + "c" * 60 + ".examples"
    assert len(domain) == 191
    data = {**person(edition, 1, domain=domain), "altcha": solved(client, domain=domain)}
    data["email"], data["idempotency_key"] = f"x@{domain}", "long-domain"
    response = client.post(url(edition), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    key = abuse.stored_key(abuse.domain_key("register", domain))
    assert len(key) <= 200 and RateCounter.objects.get(key=key).count == 1
    accept(149, form="register", domain=domain)
    assert challenge(client, domain=domain)["maxNumber"] == 10 * 2000


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


def test_send_my_link_needs_the_proof_and_never_refuses_the_network(client, edition, bots_held_off):
    """Many people behind one gateway ask for their links: none is refused; each request
    costs the network a little more work."""
    resend = reverse("public:registration_resend", kwargs={"edition": "2026"})
    assert client.post(resend, {"email": "a@aalborg.dk"}).status_code == 400
    for n in range(30):
        proof = solved(client, "resend", REMOTE_ADDR="203.0.113.50")
        data = {"email": f"p{n}@aalborg.dk", "altcha": proof}
        assert client.post(resend, data, REMOTE_ADDR="203.0.113.50").status_code == 200
    assert RateCounter.objects.get(key="resend:network:203.0.113.50/32").count == 30
    assert challenge(client, "resend", REMOTE_ADDR="203.0.113.50")["maxNumber"] > 2000


def test_a_long_address_on_send_my_link_is_not_a_500(
    client, edition, bots_held_off, mailoutbox, django_capture_on_commit_callbacks
):
    """The issue's finding: a 246-character address gave an anonymous 500."""
    client.post(url(edition), {**person(edition, 1), "altcha": solved(client)})
    resend = reverse("public:registration_resend", kwargs={"edition": "2026"})
    email = "x" * 60 + "@" + "d" * 60 + "." + "e" * 60 + "." + "f" * 60 + ".dk"
    assert len(email) >= 246
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            data = {"email": email, "altcha": solved(client, "resend")}
            assert client.post(resend, data).status_code == 200
    key = abuse.stored_key(f"mail-link:2026:{email}")
    assert len(key) <= 200 and RateCounter.objects.get(key=key).count == 2


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
    from forsamling.accounts.roles import grant_role
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
    from forsamling.accounts.roles import grant_role
    from forsamling.domain.permissions import Role
    from tests.backoffice.conftest import make_user

    organiser = make_user("arrangoer", is_staff=True)
    grant_role(user=organiser, edition=edition, role=Role.ORGANISER)
    return organiser
