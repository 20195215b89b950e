"""The speaker's page in a real browser at 390 px: filled in with the keyboard alone, with a
file that is no image and slides that are too big on purpose; then confirmed, and their photo
and bio on the programme's page; axe on every page, the organisers' pages too."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.e2e.keyboard import tab_until, type_into
from tests.e2e.login import log_in_with_form
from tests.e2e.screens import check_page
from tests.factories import edition_organiser
from tests.speakers.conftest import PDF, image_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "forum-demo-2026"


@pytest.fixture
def site(live_server: Any, transactional_db: None) -> Any:
    from forsamling.conferences.models import Edition
    from forsamling.demo.load import load_seed_editions
    from forsamling.programme.models import ItemKind, ItemSpeaker
    from forsamling.registration.models import Category
    from forsamling.speakers import services

    load_seed_editions()
    edition = Edition.objects.get(slug="2023")
    category = Category.objects.create(
        edition=edition, key="taler", name="Oplægsholder", price=Decimal("0"),
        invitation_only=True,
    )  # fmt: skip
    link = ItemSpeaker.objects.filter(item__edition=edition, item__kind=ItemKind.TALK).first()
    assert link is not None
    organiser = edition_organiser(edition, "arrangoer", PASSWORD)
    record = services.invite_speaker(
        edition=edition, speaker=link.speaker, email="taler@example.dk", category=category,
        user=organiser,
    )  # fmt: skip
    live_server.record = record
    return live_server


def choose_file(page: Any, selector: str, path: Path) -> None:
    """Tabs to the file field; the file is then given as the system's file dialog would (headless
    Chromium opens no dialog from the keyboard, and a test cannot drive the system's)."""
    tab_until(page, selector)
    page.set_input_files(selector, str(path))


def test_a_speaker_confirms_with_the_keyboard_alone_after_two_wrong_files(
    browser: Any, site: Any, assert_accessible: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from forsamling.registration.models import Registration
    from forsamling.speakers import files
    from forsamling.speakers.models import SpeakerRecord

    monkeypatch.setattr(files, "MAX_SLIDES_BYTES", 2000)  # the live server runs in this process
    not_an_image = tmp_path / "mig.jpg"
    not_an_image.write_bytes(b"this is a text file called .jpg")
    big_slides = tmp_path / "oplaeg.pdf"
    big_slides.write_bytes(PDF + b"0" * 4000)
    photo = tmp_path / "portraet.jpg"
    photo.write_bytes(image_bytes())
    slides = tmp_path / "slides.pdf"
    slides.write_bytes(PDF)

    record = site.record
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="da-DK")
    page = context.new_page()
    page.goto(f"{site.url}/2023/oplaegsholder/{record.token}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(record.speaker.name)
    check_page(page, 390, "speaker-page-new", assert_accessible)
    type_into(page, "#id_title", "Ældrechef")
    type_into(page, "#id_organisation", "Aalborg Kommune")
    type_into(page, "#id_bio", "Leder ældreplejen i Aalborg.")
    choose_file(page, "#id_photo", not_an_image)
    choose_file(page, "#id_slides", big_slides)
    tab_until(page, "#id_consent_photo")
    page.keyboard.press("Space")
    tab_until(page, "#id_hotel_night")
    page.keyboard.press("Space")
    type_into(page, "#id_dietary", "Vegetar")
    tab_until(page, "button[type='submit']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # The error summary has the focus, says what is wrong in Danish, and nothing typed is lost.
    assert page.evaluate("document.activeElement.id") == "error-summary"
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Filen er ikke et foto, vi kan læse")
    expect(summary).to_contain_text("Slides må højst fylde 50 MB")
    expect(page.locator("#id_bio")).to_have_value("Leder ældreplejen i Aalborg.")
    expect(page.locator("#id_consent_photo")).to_be_checked()
    expect(page.locator("#id_hotel_night")).to_be_checked()
    check_page(page, 390, "speaker-page-errors", assert_accessible)
    assert not Registration.objects.filter(email="taler@example.dk").exists()

    choose_file(page, "#id_photo", photo)
    choose_file(page, "#id_slides", slides)
    tab_until(page, "button[type='submit']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("status").first).to_contain_text("Du har bekræftet")
    expect(page.get_by_role("img", name=f"Foto af {record.speaker.name}")).to_be_visible()
    check_page(page, 390, "speaker-page-confirmed", assert_accessible)
    stored = SpeakerRecord.objects.get(pk=record.pk)
    assert stored.is_confirmed and stored.registration is not None and stored.slides
    assert stored.registration.category.price == 0

    page.goto(f"{site.url}/2023/program/oplaegsholder/{record.speaker_id}/")
    expect(page.get_by_role("img", name=f"Foto af {record.speaker.name}")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Leder ældreplejen i Aalborg.")
    check_page(page, 390, "programme-speaker", assert_accessible)
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_pages_pass_axe_at_both_widths(
    browser: Any, site: Any, assert_accessible: Any, width: int
) -> None:
    from forsamling.speakers import services

    services.save_speaker_page(
        record=site.record,
        profile=services.SpeakerProfile(
            title="Ældrechef", organisation="Aalborg Kommune", bio="Leder ældreplejen.",
            hotel_night=True, dietary="Vegetar",
        ),
        photo=files_photo(),
    )  # fmt: skip
    guests_for_the_dinner(site.record.edition)
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
    page = context.new_page()
    page.goto(f"{site.url}/2023/oplaegsholder/{site.record.token}/")
    check_page(page, width, "speaker-page", assert_accessible)
    page.goto(f"{site.url}/2023/program/oplaegsholder/{site.record.speaker_id}/")
    check_page(page, width, "programme-speaker", assert_accessible)
    log_in_with_form(
        page, site.url, "arrangoer", PASSWORD,
        at="/backoffice/login/?next=/backoffice/konference/2023/oplaegsholdere/",
    )  # fmt: skip
    page.goto(site.url + "/backoffice/konference/2023/oplaegsholdere/")
    expect(page.get_by_role("heading", name="Oplægsholdere", level=1)).to_be_visible()
    check_page(page, width, "bo-speakers", assert_accessible)
    page.goto(site.url + "/backoffice/konference/2023/middag/")
    page.get_by_label("Pladser til middagen").fill("300")
    page.get_by_role("button", name="Gem pladser").click()
    page.get_by_label("Borde og deres pladser").fill("8, otte")  # wrong on purpose
    page.get_by_role("button", name="Gem borde").click()
    expect(page.get_by_role("alert")).to_contain_text("Skriv hvert bords antal pladser")
    check_page(page, width, "bo-dinner-errors", assert_accessible)
    page.get_by_label("Borde og deres pladser").fill("8, 8, 10")
    page.get_by_role("button", name="Gem borde").click()
    page.get_by_role("button", name="Placér efter organisation").click()
    check_page(page, width, "bo-dinner", assert_accessible)
    context.close()


def files_photo() -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from forsamling.speakers.files import checked_photo

    return checked_photo(SimpleUploadedFile("p.jpg", image_bytes()))


def guests_for_the_dinner(edition: Any) -> None:
    from forsamling.registration.models import Category
    from forsamling.registration.services import ParticipantDetails, register_participant

    category = Category.objects.create(edition=edition, key="alle", name="Alle", order=1)
    for n, organisation in enumerate(["Aalborg Kommune", "Aalborg Kommune", "KL", "Læsø Kommune"]):
        register_participant(
            edition=edition, idempotency_key=f"middag-{n}", category=category, sessions=[],
            details=ParticipantDetails(
                name=f"Gæst Nummer {n}", email=f"g{n}@example.dk", organisation=organisation,
                dinner=True,
            ),
            outside_window=True,
        )  # fmt: skip
