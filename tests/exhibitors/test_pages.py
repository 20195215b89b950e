"""The public exhibitor pages: the list with the map, the booking form and the private link."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from forsamling.exhibitors import services
from forsamling.exhibitors.models import Exhibitor, Stand, StandStaff
from tests.exhibitors.conftest import details, image_bytes, make_edition, make_stand

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def booking_data(chosen, **overrides):
    data = {
        "stands": [str(stand.pk) for stand in chosen],
        "organisation": "Ældre Sagen",
        "cvr": "55 13 30 18",
        "contact_name": "Søren Ærø",
        "contact_email": "soren@example.dk",
        "contact_phone": "+45 33 70 30 00",
        "invoice_address": "Nørregade 49\r\n1165 København K",
        "invoice_reference": "PO-123",
        "ean": "5798009882806",
        "accept_terms": "on",
    }
    data.update(overrides)
    return data


def book_url(edition):
    return reverse("public:exhibitor_book", kwargs={"edition": edition.slug})


def test_exhibitors_url_is_under_the_edition_and_in_the_main_menu(client, edition, stands):
    url = reverse("public:exhibitors", kwargs={"edition": edition.slug})
    assert url == "/forum/udstillere/"
    page = text(client.get(url))
    assert f'href="{url}" class="nav-link" aria-current="page"><span>Udstillere</span>' in page


def test_exhibitor_list_is_sorted_the_danish_way_with_aalborg_last(
    client, edition, stands, django_assert_max_num_queries
):
    """Æ, Ø and Å after Z, and 'Aa' as 'Å': Zealand, Ældre Sagen, Aalborg Kommune."""
    extra = [make_stand(edition, f"C{i}") for i in range(1, 4)]
    for name, stand in zip(
        ["Aalborg Kommune", "Ældre Sagen", "Zealand", "Bedre Psykiatri"],
        [*stands[:2], *extra[:2]],
        strict=True,
    ):
        services.book_stands(
            edition=edition, stand_ids=[stand.pk], details=details(organisation=name)
        )
    url = reverse("public:exhibitors", kwargs={"edition": edition.slug})
    with django_assert_max_num_queries(8):
        response = client.get(url)
    names = re.findall(r'<h3 class="mt-0">([^<]+)</h3>', response.content.decode())
    assert names == ["Bedre Psykiatri", "Zealand", "Ældre Sagen", "Aalborg Kommune"]


def test_exhibitor_list_hides_exhibitors_whose_stands_were_released(client, edition, stands):
    services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())
    services.release_stand(stand=stands[0])
    page = text(client.get(reverse("public:exhibitors", kwargs={"edition": edition.slug})))
    assert "Ældre Sagen" not in page
    assert "0 udstillere" in page


def test_stand_map_marks_each_stand_free_or_taken_in_words(client, edition, stands, floor_plan):
    services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())
    page = text(client.get(reverse("public:exhibitors", kwargs={"edition": edition.slug})))
    assert 'alt="Plantegning over udstillingsområdet"' in page
    assert 'data-x="10.00" data-y="20.00"' in page  # placed by stand-map.js (strict CSP)
    assert page.count("stand-map.js") == 1
    book = text(client.get(reverse("public:exhibitor_book", kwargs={"edition": edition.slug})))
    assert book.count("stand-map.js") == 1
    assert (
        f'<a href="#stand-{stands[0].pk}">A1 <span class="stand-marker__status">optaget</span></a>'
        in page
    )
    assert (
        f'<a href="#stand-{stands[1].pk}">A2 <span class="stand-marker__status">ledig</span></a>'
        in page
    )
    assert "Optaget: Ældre Sagen" in page


def test_exhibitor_profile_shows_description_website_and_stand(client, edition, stands):
    exhibitor = services.book_stands(edition=edition, stand_ids=[stands[2].pk], details=details())
    services.update_exhibitor_profile(
        exhibitor=exhibitor,
        description="Vi arbejder for et godt ældreliv.",
        website="https://www.aeldresagen.dk",
    )
    page = text(client.get(reverse("public:exhibitors", kwargs={"edition": edition.slug})))
    assert "Vi arbejder for et godt ældreliv." in page
    assert 'href="https://www.aeldresagen.dk"' in page
    assert f'<a href="#stand-{stands[2].pk}">B1</a>' in page


def test_booking_form_books_the_stands_and_redirects_to_the_private_link(client, edition, stands):
    response = client.post(book_url(edition), booking_data([stands[0], stands[2]]))
    exhibitor = Exhibitor.objects.get()
    assert response.status_code == 302
    assert response["Location"] == exhibitor.get_absolute_url()
    assert exhibitor.cvr == "55133018" and exhibitor.ean == "5798009882806"
    assert sorted(exhibitor.stands.values_list("number", flat=True)) == ["A1", "B1"]
    page = text(client.get(response["Location"]))
    assert "Standbooking for Ældre Sagen" in page
    assert "28.500 kr." in page
    assert "I kan skrive op til 5 personer på som standpersonale." in page
    assert "Pladser tilbage: 5." in page
    assert "28.500 kr. ekskl. moms" in page and "35.625 kr. inkl. moms" in page


def test_booking_form_sends_the_confirmation(
    client, edition, stands, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(book_url(edition), booking_data([stands[0]]))
    assert [m.to for m in mail.outbox] == [["soren@example.dk"]]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("cvr", "12345678", "CVR-nummeret skal være 8 cifre og findes i CVR-registret."),
        (
            "ean",
            "5798009882807",
            "EAN-nummeret skal være 13 cifre, og det sidste ciffer passer ikke.",
        ),
        ("ean", "0000000000000", "EAN-nummeret kan ikke være lutter nuller."),
        ("contact_email", "soren@", "Skriv en gyldig e-mailadresse"),
        ("organisation", "", "Skriv organisationens navn."),
        ("stands", [], "Vælg mindst én stand."),
    ],
)
def test_booking_form_shows_a_danish_error_next_to_the_field_and_keeps_the_input(
    client, edition, stands, field, value, message
):
    response = client.post(book_url(edition), booking_data([stands[0]], **{field: value}))
    assert response.status_code == 422
    page = text(response)
    assert f'id="id_{field}-error"' in page
    assert message in page
    assert 'value="Søren Ærø"' in page
    assert "Nørregade 49" in page
    if field != "stands":
        assert f'value="{stands[0].pk}" id="stand-choice-{stands[0].pk}" checked' in page
        assert re.search(
            rf'id="id_{field}"[^>]*aria-describedby="[^"]*id_{field}-error"|aria-describedby="[^"]*id_{field}-error"[^>]*id="id_{field}"',
            page,
        )
    assert not Exhibitor.objects.exists()


def test_booking_a_stand_someone_just_booked_says_so_and_keeps_the_input(client, edition, stands):
    services.book_stands(
        edition=edition, stand_ids=[stands[0].pk], details=details(organisation="Først")
    )
    response = client.post(
        book_url(edition), booking_data([stands[0]], organisation="Danske Regioner")
    )
    assert response.status_code == 422
    page = text(response)
    assert "Standen er desværre lige blevet booket" in page
    assert 'id="id_stands-error"' in page
    assert 'value="Danske Regioner"' in page
    assert not Exhibitor.objects.filter(organisation="Danske Regioner").exists()


def test_booking_before_the_exhibitors_opening_is_refused_by_the_server(client, db):
    opens = timezone.now() + timedelta(days=2)
    edition = make_edition(exhibitors_open_at=opens)
    stand = make_stand(edition, "A1")
    assert "Udstillertilmeldingen åbner" in text(client.get(book_url(edition)))
    response = client.post(book_url(edition), booking_data([stand]))
    assert response.status_code == 422
    assert "Udstillertilmeldingen åbner" in text(response)
    assert Stand.objects.get(pk=stand.pk).is_free


def test_seeded_2026_exhibitor_page_gives_the_opening_in_danish(client, seed_editions):
    """Seed 000: exhibitors open Tirsdag den 13. januar 2026; after the forum it is closed."""
    edition = seed_editions[2026]
    assert edition.exhibitors_open_at.isoformat().startswith("2026-01-13")
    response = client.get(reverse("public:exhibitors", kwargs={"edition": "2026"}))
    assert response.status_code == 200


def test_private_link_with_a_wrong_token_is_not_found(client, edition, stands):
    services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())
    url = reverse("public:exhibitor_booking", kwargs={"edition": edition.slug, "token": "gaet"})
    assert client.get(url).status_code == 404


def test_private_link_is_not_indexed_or_cached(client, edition, stands):
    exhibitor = services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())
    response = client.get(exhibitor.get_absolute_url())
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def private_url(view, exhibitor):
    """The address of one of the exhibitor's own pages, behind their private link."""
    kwargs = {"edition": exhibitor.edition.slug, "token": exhibitor.token}
    return reverse(f"public:{view}", kwargs=kwargs)


def staff_url(exhibitor):
    return private_url("exhibitor_add_staff", exhibitor)


def test_stand_staff_can_be_added_through_the_private_link(client, edition, stands):
    exhibitor = services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())
    response = client.post(
        staff_url(exhibitor),
        {"name": "Åse Øster", "email": "aase@example.dk", "title": "Konsulent"},
    )
    assert response.status_code == 302
    page = text(client.get(exhibitor.get_absolute_url()))
    assert "Åse Øster er skrevet på som standpersonale" in page
    assert "Pladser tilbage: 1." in page
    assert StandStaff.objects.get().title == "Konsulent"


def test_stand_staff_beyond_the_passes_gets_a_danish_error_and_keeps_the_input(
    client, edition, stands
):
    exhibitor = services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())
    for name in ("Anna", "Bo"):
        services.add_stand_staff(exhibitor=exhibitor, name=name, email=f"{name}@example.dk")
    response = client.post(staff_url(exhibitor), {"name": "Cecilie Lund", "email": "c@example.dk"})
    assert response.status_code == 422
    page = text(response)
    assert (
        "I kan skrive 2 personer på som standpersonale, og der er ikke flere pladser tilbage"
        in page
    )
    assert 'value="Cecilie Lund"' in page


def test_stand_staff_form_requires_name_and_a_valid_email(client, edition, stands):
    exhibitor = services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())
    response = client.post(staff_url(exhibitor), {"name": "", "email": "nej"})
    page = text(response)
    assert "Skriv personens navn." in page and "Skriv en gyldig e-mailadresse" in page
    assert not StandStaff.objects.exists()


def test_stand_staff_can_be_removed_only_through_their_own_exhibitors_link(client, edition, stands):
    first = services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())
    second = services.book_stands(
        edition=edition, stand_ids=[stands[1].pk], details=details(organisation="B")
    )
    member = services.add_stand_staff(exhibitor=first, name="Anna", email="anna@example.dk")
    kwargs = {"edition": edition.slug, "pk": member.pk}
    wrong = reverse("public:exhibitor_remove_staff", kwargs={**kwargs, "token": second.token})
    assert client.post(wrong).status_code == 404
    right = reverse("public:exhibitor_remove_staff", kwargs={**kwargs, "token": first.token})
    assert client.post(right).status_code == 302
    assert not StandStaff.objects.exists()


def profile_url(exhibitor):
    return private_url("exhibitor_profile", exhibitor)


def test_profile_with_a_logo_is_saved(client, edition, stands):
    exhibitor = services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())
    logo = SimpleUploadedFile("logo.png", image_bytes("PNG"), content_type="image/png")
    response = client.post(
        profile_url(exhibitor),
        {"description": "Om os", "website": "www.aeldresagen.dk", "logo": logo},
    )
    assert response.status_code == 302
    exhibitor.refresh_from_db()
    assert exhibitor.description == "Om os"
    assert exhibitor.website == "https://www.aeldresagen.dk"
    assert exhibitor.logo.name.startswith("exhibitors/logos/")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.png", b"not an image at all", "Filen er ikke et billede, vi kan læse."),
        ("logo.gif", image_bytes("GIF"), "Billedet skal være PNG, JPEG eller WebP (ikke GIF)."),
    ],
)
def test_profile_with_a_bad_logo_is_refused_in_danish_and_keeps_the_text(
    client, edition, stands, name, content, message
):
    exhibitor = services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())
    upload = SimpleUploadedFile(name, content, content_type="image/png")
    response = client.post(
        profile_url(exhibitor), {"description": "Om os", "website": "", "logo": upload}
    )
    assert response.status_code == 422
    page = text(response)
    assert message in page
    assert 'id="id_logo-error"' in page
    assert "Om os</textarea>" in page
    exhibitor.refresh_from_db()
    assert not exhibitor.logo


def test_exhibitor_page_says_until_when_booking_is_open(client, db):
    closes = timezone.make_aware(timezone.datetime(2099, 3, 2, 12, 0))
    edition = make_edition(exhibitors_close_at=closes)
    page = text(client.get(reverse("public:exhibitors", kwargs={"edition": edition.slug})))
    assert "Udstillertilmeldingen er åben til mandag den 2. marts 2099 kl. 12.00." in page


def test_private_booking_page_reads_everything_in_a_fixed_number_of_queries(
    client, edition, stands, django_assert_max_num_queries
):
    edition.max_stands_per_exhibitor = len(stands)  # the edition allows this many
    exhibitor = services.book_stands(
        edition=edition, stand_ids=[s.pk for s in stands], details=details()
    )
    for name in ("Anna", "Bo", "Cecilie"):
        services.add_stand_staff(exhibitor=exhibitor, name=name, email=f"{name}@example.dk")
    with django_assert_max_num_queries(8):
        assert client.get(exhibitor.get_absolute_url()).status_code == 200


def test_floor_plan_image_is_served_from_storage_for_the_map(client, edition, stands, floor_plan):
    page = text(client.get(reverse("public:exhibitors", kwargs={"edition": edition.slug})))
    url = reverse("public:exhibitor_floor_plan", kwargs={"edition": edition.slug})
    assert f'<img src="{url}?v=' in page
    response = client.get(url)
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_logo_is_served_and_a_missing_logo_is_not_found(client, edition, stands):
    exhibitor = services.book_stands(edition=edition, stand_ids=[stands[0].pk], details=details())
    url = reverse("public:exhibitor_logo", kwargs={"edition": edition.slug, "pk": exhibitor.pk})
    assert client.get(url).status_code == 404
    logo = SimpleUploadedFile("logo.jpg", image_bytes("JPEG"), content_type="image/jpeg")
    services.update_exhibitor_profile(exhibitor=exhibitor, description="", website="", logo=logo)
    response = client.get(url)
    assert response["Content-Type"] == "image/jpeg"
    page = text(client.get(reverse("public:exhibitors", kwargs={"edition": edition.slug})))
    assert f'<img src="{url}?v=' in page and 'alt="Logo for Ældre Sagen"' in page
