"""The public registration pages: form, errors, confirmation and the private link page."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from forsamling.registration.models import Registration

pytestmark = pytest.mark.django_db


def form_data(edition, **overrides):
    data = {
        "idempotency_key": "key-1",
        "name": "Mette Hansen",
        "email": "mette@aalborg.dk",
        "phone": "12 34 56 78",
        "organisation": "Aalborg Kommune",
        "job_title": "Byrådsmedlem",
        "committee": "Sundheds- og Ældreudvalget",
        "category": str(edition.politician.pk),
        f"slot_{edition.houses_slot.pk}": str(edition.health_house.pk),
        f"slot_{edition.themes_slot.pk}": str(edition.small_theme.pk),
        "dinner": "ja",
        "dietary": "",
        "accessibility_needs": "",
        "ean": "5798000420489",
        "order_reference": "",
        "person_reference": "",
        "list_consent": "on",
        "accept_terms": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def url(edition):
    return reverse("public:register", kwargs={"edition": edition.slug})


def test_the_form_shows_prices_slots_and_seats_left(client, edition):
    page = client.get(url(edition)).content.decode()
    assert "Kommunalpolitiker – 3.995 kr." in page
    assert "Standpersonale – 1.900 kr." in page
    assert '<legend class="form-label">Politiske forsamlingshuse (kl. 13.00–14.30)</legend>' in page
    assert "2 pladser tilbage" in page and "100 pladser tilbage" in page
    assert "Aabenraa Kommune" in page  # the organisation datalist


def test_the_main_menu_links_to_the_registration(client, edition):
    assert f'href="{url(edition)}"' in client.get(url(edition)).content.decode()


def test_registering_redirects_to_the_confirmation_and_sends_the_email(
    client, edition, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(edition), form_data(edition))
    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/2026/tilmelding/{registration.token}/kvittering/")
    page = client.get(response["Location"]).content.decode()
    assert "Tak for din tilmelding" in page
    assert "du har plads" in page
    assert len(mail.outbox) == 1
    assert registration.ean == "5798000420489" and registration.dinner


def test_a_double_submit_creates_one_registration(client, edition):
    first = client.post(url(edition), form_data(edition))
    second = client.post(url(edition), form_data(edition))
    assert first["Location"] == second["Location"]
    assert Registration.objects.count() == 1


def test_errors_are_shown_next_to_the_fields_in_a_summary_and_typed_values_are_kept(
    client, edition
):
    response = client.post(
        url(edition),
        form_data(
            edition, name="", email="ikke-en-adresse", ean="5798000420488", accept_terms=None
        ),
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Der er fejl i formularen" in page
    assert 'id="id_name-error"' in page and 'aria-describedby="id_name-error"' in page
    assert "Skriv en gyldig e-mailadresse" in page
    assert "kontrolcifferet passer ikke" in page
    assert "Du skal acceptere betingelserne" in page
    assert 'value="ikke-en-adresse"' in page and 'value="Sundheds- og Ældreudvalget"' in page
    assert not Registration.objects.exists()


def test_a_session_the_category_may_not_attend_is_reported_on_its_slot(client, edition):
    response = client.post(url(edition), form_data(edition, category=str(edition.official.pk)))
    page = response.content.decode()
    assert "Forsamlingshus om sundhed” er kun for folkevalgte politikere." in page
    assert not Registration.objects.exists()


def test_a_full_session_is_shown_as_full_and_registering_puts_you_on_the_waiting_list(
    client, edition
):
    for number in range(3):
        client.post(
            url(edition), form_data(edition, idempotency_key=f"k{number}", email=f"p{number}@x.dk")
        )
    page = client.get(url(edition)).content.decode()
    assert "Fuldt – venteliste" in page
    last = Registration.objects.get(email="p2@x.dk")
    manage = client.get(
        reverse("public:registration", kwargs={"edition": "2026", "token": last.token})
    )
    assert "du står på venteliste som nr. 1" in manage.content.decode()


def test_before_opening_the_form_is_shown_with_the_opening_moment_and_refused(client, edition):
    edition.registration_opens_at = timezone.now() + timedelta(days=2)
    edition.save()
    page = client.get(url(edition)).content.decode()
    assert "Tilmelding åbner " in page and 'id="countdown"' in page
    response = client.post(url(edition), form_data(edition))
    assert "Tilmeldingen er ikke åbnet endnu. Den åbner" in response.content.decode()
    assert not Registration.objects.exists()


def test_after_closing_a_closed_page_names_the_contact_person(client, edition):
    edition.registration_closes_at = timezone.now() - timedelta(minutes=1)
    edition.save()
    response = client.get(url(edition))
    assert "Tilmeldingen er lukket" in response.content.decode()
    assert "Anne Jensen" in response.content.decode()
    assert client.post(url(edition), form_data(edition)).status_code == 200
    assert not Registration.objects.exists()


def test_a_second_registration_with_the_same_email_answers_as_send_my_link_does(
    client, edition, mailoutbox, django_capture_on_commit_callbacks
):
    """The form does not tell a stranger that the address is registered; its owner gets the
    link by e-mail, as from "send my link again"."""
    client.post(url(edition), form_data(edition))
    resend = reverse("public:registration_resend", kwargs={"edition": "2026"})
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(url(edition), form_data(edition, idempotency_key="other"))
    page = again.content.decode()
    assert again.status_code == 200
    assert "allerede" not in page and "Tjek din e-mail" in page
    unknown = client.post(resend, {"email": "nobody@aalborg.dk"}).content.decode()
    main = re.compile(r"<main.*</main>", re.S)
    assert main.search(page).group(0) == main.search(unknown).group(0)
    assert [m.to for m in mailoutbox][-1] == ["mette@aalborg.dk"]
    assert Registration.objects.count() == 1


def test_resending_the_link_never_reveals_whether_an_address_is_registered(
    client, edition, django_capture_on_commit_callbacks
):
    client.post(url(edition), form_data(edition))
    resend = reverse("public:registration_resend", kwargs={"edition": "2026"})
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(resend, {"email": "mette@aalborg.dk"}).content.decode()
        unknown = client.post(resend, {"email": "nobody@aalborg.dk"}).content.decode()
    assert without_csrf_tokens(known) == without_csrf_tokens(unknown)
    assert [m.to for m in mail.outbox] == [["mette@aalborg.dk"]]


def without_csrf_tokens(page):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page)


def manage_url(registration, name="registration"):
    return reverse(f"public:{name}", kwargs={"edition": "2026", "token": registration.token})


def test_the_private_link_page_changes_choices(client, edition):
    client.post(url(edition), form_data(edition))
    registration = Registration.objects.get()
    response = client.post(
        manage_url(registration, "registration_choices"),
        {
            f"slot_{edition.houses_slot.pk}": "none",
            f"slot_{edition.themes_slot.pk}": str(edition.big_theme.pk),
        },
    )
    assert response.status_code == 302
    assert list(registration.choices.values_list("session__title", flat=True)) == ["Psykiatri"]


def test_the_private_link_page_updates_details_and_reports_errors(client, edition):
    client.post(url(edition), form_data(edition))
    registration = Registration.objects.get()
    data = form_data(edition, name="Mette Hansen-Berg", dietary="Vegetar")
    assert client.post(manage_url(registration, "registration_details"), data).status_code == 302
    registration.refresh_from_db()
    assert (registration.name, registration.dietary) == ("Mette Hansen-Berg", "Vegetar")
    bad = client.post(manage_url(registration, "registration_details"), {**data, "email": ""})
    assert bad.status_code == 400 and "Udfyld feltet." in bad.content.decode()


def test_cancelling_says_whether_the_fee_stands(client, edition):
    edition.cancellation_deadline = timezone.now() - timedelta(days=1)
    edition.save()
    client.post(url(edition), form_data(edition))
    registration = Registration.objects.get()
    page = client.get(manage_url(registration, "registration_cancel")).content.decode()
    assert "opkræves deltagergebyret på 3.995 kr." in page
    response = client.post(manage_url(registration, "registration_cancel"))
    assert response.status_code == 302
    page = client.get(manage_url(registration)).content.decode()
    assert "Tilmeldingen blev afmeldt" in page and "3.995 kr." in page


def test_handing_the_place_to_a_colleague_moves_the_link(client, edition):
    client.post(url(edition), form_data(edition))
    registration = Registration.objects.get()
    old = manage_url(registration)
    response = client.post(
        manage_url(registration, "registration_substitute"),
        {"name": "Bo Kollega", "email": "bo@aalborg.dk", "job_title": "Byrådsmedlem"},
    )
    registration.refresh_from_db()
    assert registration.name == "Bo Kollega"
    # The one who handed over lands on a page saying so, not on the colleague's private page.
    assert response["Location"] == f"/{edition.slug}/tilmelding/overdraget/"
    assert "Pladsen er overdraget" in client.get(response["Location"]).content.decode()
    assert client.get(old).status_code == 404


def test_an_unknown_token_is_not_found(client, edition):
    assert client.get("/2026/tilmelding/not-a-real-token/").status_code == 404


def test_the_form_is_never_cached_so_no_two_people_share_an_idempotency_key(client, edition):
    first = client.get(url(edition))
    second = client.get(url(edition))
    assert "no-cache" in first["Cache-Control"] and "private" in first["Cache-Control"]
    key = re.compile(r'name="idempotency_key" value="([^"]+)"')
    assert key.search(first.content.decode())[1] != key.search(second.content.decode())[1]


def test_the_form_needs_the_same_number_of_queries_however_many_sessions(client, edition):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .conftest import make_session

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(url(edition)).status_code == 200
        return len(context.captured_queries)

    before = queries()
    for number in range(10):
        make_session(edition.themes_slot, f"Ekstra {number}", capacity=30)
    assert queries() == before


@pytest.mark.parametrize(
    ("category", "message"),
    [(None, "Vælg din deltagerkategori."), ("999999", "Vælg en af kategorierne.")],
)
def test_a_missing_or_unknown_category_gets_its_danish_message_and_keeps_what_was_typed(
    client, edition, category, message
):
    """The category radio group (a list read once a second) reports in Danish, keeps the rest."""
    response = client.post(url(edition), form_data(edition, category=category))
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'value="Mette Hansen"' in html
    assert not Registration.objects.exists()


def test_a_retry_of_a_registration_after_closing_gets_its_confirmation(client, edition):
    """The same form posted again after registration closed: its registration, not "closed";
    a new form after closing gets the closed page."""
    first = client.post(url(edition), form_data(edition, idempotency_key="retry-key"))
    assert first.status_code == 302
    edition.registration_closes_at = timezone.now() - timedelta(seconds=1)
    edition.save()
    again = client.post(url(edition), form_data(edition, idempotency_key="retry-key"))
    assert (again.status_code, again["Location"]) == (302, first["Location"])
    other = client.post(
        url(edition), form_data(edition, idempotency_key="new-key", email="ny@aalborg.dk")
    )
    assert other.status_code == 200
    assert "lukket" in other.content.decode()
    assert Registration.objects.count() == 1


def test_a_municipality_without_ean_is_warned_not_refused(client, edition):
    """Vejen Kommune registers without EAN: the registration is made, and the confirmation and
    the participant's page warn (in Danish) that the invoice waits for an EAN."""
    response = client.post(url(edition), form_data(edition, organisation="Vejen Kommune", ean=""))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Vi mangler et EAN-nummer" in page
    assert "Vejen Kommune ser ud til at være en kommune eller region" in page
    registration = Registration.objects.get()
    assert "Vi mangler et EAN-nummer" in client.get(manage_url(registration)).content.decode()


def test_no_warning_with_an_ean_or_for_an_association(client, edition):
    response = client.post(url(edition), form_data(edition, organisation="Vejen Kommune"))
    assert "Vi mangler et EAN-nummer" not in client.get(response["Location"]).content.decode()
    other = client.post(
        url(edition),
        form_data(edition, idempotency_key="key-2", email="bo@example.dk",
                  organisation="Danske Ældreråd", ean=""),
    )  # fmt: skip
    assert "Vi mangler et EAN-nummer" not in client.get(other["Location"]).content.decode()


def test_thirteen_zeros_are_refused_as_an_ean(client, edition):
    response = client.post(url(edition), form_data(edition, ean="0000000000000"))
    assert response.status_code == 400
    assert "EAN-nummeret kan ikke være lutter nuller" in response.content.decode()
    assert not Registration.objects.exists()
