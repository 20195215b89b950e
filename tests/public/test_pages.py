"""The public site shows the seeds' facts exactly: the 2026 landing page and the archive."""

import re

import pytest
from django.urls import reverse

SEED_000_PHRASES = [
    # Headline and lead.
    "Få et klart politisk overblik over de vigtigste social- og sundhedspolitiske dagsordener "
    "på KL’s Social- og Sundhedspolitiske Forum 7.–8. maj 2026 i Aalborg",
    "En ny valgperiode står for døren.",
    # Introduction and what you get.
    "FORUM er KL’s årlige samlingspunkt for lokalpolitikere på social-, sundheds- og ældreområdet.",
    "Hvad får du med hjem?",
    "Sparring fra politikere i andre kommuner og et stærkere netværk",
    "Inspiration til lokalpolitisk handlekraft",
    # Themes, tracks, assembly houses, day two.
    "Konferencens hovedtemaer",
    "hvordan den voksende beredskabsdagsorden påvirker den lokale velfærdspolitik",
    "Den Socialpolitiske Sæson",
    "Den Sundheds- og ældrepolitiske Sæson",
    "der vil nemlig være et forsamlingshus eksklusivt for sundhedsrødder",
    "velfærdskriminalitet, psykiatri, udsatte børn og unge, faste teams i ældreplejen",
    "Anden dag sætter fokus på, hvordan kommunerne håndterer kriser",
    # Practical information.
    "7.–8. maj 2026",
    "Aalborg",
    "Onsdag den 25. februar 2026 kl. 10.00",
    "Tirsdag den 13. januar 2026",
    # Contact person.
    "Johanne Søe Nedergaard",
    "Konsulent",
    "Sundhed &amp; Ældre",
    "+45 3370 3152",
    "josn@kl.dk",
    "Vi glæder os til at se dig i Aalborg!",
]


def missing_from(page: str, phrases: list[str]) -> list[str]:
    """The phrases the page does not hold."""
    return [phrase for phrase in phrases if phrase not in page]


def text_of(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", html)


@pytest.mark.django_db
def test_front_page_presents_the_2026_edition_with_every_fact_of_seed_000(client, seed_editions):
    """The newest edition's landing page carries everything the 2026 news page says."""
    response = client.get(reverse("public:home"))
    assert response.status_code == 200
    assert missing_from(text_of(response), SEED_000_PHRASES) == []


@pytest.mark.django_db
def test_front_page_lists_the_practical_information_under_its_headings(client, seed_editions):
    """Tid, Sted, Tilmelding åbner and For udstillere each hold the seed's value."""
    page = text_of(client.get(reverse("public:home")))
    assert missing_from(page, [
        "<dt>Tid</dt> <dd>7.–8. maj 2026</dd>",
        "<dt>Sted</dt> <dd>Aalborg</dd>",
        "<dt>Tilmelding åbner</dt> <dd>Onsdag den 25. februar 2026 kl. 10.00</dd>",
        "<dt>For udstillere</dt> <dd>Tirsdag den 13. januar 2026</dd>",
    ]) == []  # fmt: skip


@pytest.mark.django_db
def test_footer_shows_the_contact_person_on_every_page(client, seed_editions):
    """The footer names the current edition's contact person, also on the archive."""
    for name in ("public:home", "public:archive", "public:accessibility"):
        page = text_of(client.get(reverse(name)))
        footer = page.split("<footer>", 1)[1]
        assert "Johanne Søe Nedergaard" in footer
        assert "josn@kl.dk" in footer


@pytest.mark.django_db
def test_archive_lists_2022_and_2023_with_dates_venue_and_themes(client, seed_editions):
    """The archive shows the earlier editions from seeds 001 and 003."""
    page = text_of(client.get(reverse("public:archive")))
    assert missing_from(page, [
        "KL’s Social- og Sundhedspolitiske Forum 2023",
        "11.–12. maj 2023",
        "Aalborg Kongres &amp; Kultur Center, Aalborg",
        "Velfærd i balance",
        "Vi tager ansvar for vores velfærd",
        "24.–25. maj 2022",
        "Udfordringer ved rekruttering er en bombe under velfærdsområderne",
        "Findes det traditionelle ældreområde stadig, og hvordan genstarter man det?",
    ]) == []  # fmt: skip
    # The current edition is not in the archive but linked from it.
    assert page.index("2023") < page.index("2022")
    assert '<h2 id="edition-2026"' not in page


@pytest.mark.django_db
def test_each_edition_has_its_own_page(client, seed_editions):
    """/2023/ shows the 2023 edition; an unknown edition is a 404."""
    page = text_of(client.get("/2023/"))
    assert "Vi tager ansvar for vores velfærd" in page
    assert client.get("/1999/").status_code == 404


@pytest.mark.django_db
def test_2022_page_shows_the_sessions_to_choose_before_any_programme(client, seed_editions):
    """Before a programme exists, an edition shows its themes and the sessions to choose."""
    page = text_of(client.get("/2022/"))
    assert "Fælles data er en del af svaret på kommunernes største udfordringer" in page
    assert "Sex, drugs and rock’n’roll" in page


@pytest.mark.django_db
def test_accessibility_statement_has_the_danish_sections(client, seed_editions):
    """The tilgængelighedserklæring follows the form Danish public sites use."""
    page = text_of(client.get(reverse("public:accessibility")))
    for heading in (
        "Tilgængelighedserklæring",
        "Overholdelsesstatus",
        "Ikke-tilgængeligt indhold",
        "Udarbejdelse af denne tilgængelighedserklæring",
        "Feedback og kontaktoplysninger",
        "Håndhævelsesprocedure",
        "Digitaliseringsstyrelsen",
    ):
        assert heading in page


@pytest.mark.django_db
def test_pages_have_a_skip_link_to_the_main_content(client, seed_editions):
    """The first link on a page jumps to the main content."""
    page = text_of(client.get(reverse("public:home")))
    assert '<a class="skipnav" href="#main-content">Gå til sidens indhold</a>' in page
    assert '<main id="main-content"' in page


@pytest.mark.django_db
def test_english_can_be_chosen(client, seed_editions):
    """Choosing English switches the interface language; the content stays as written."""
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)
    page = text_of(response)
    assert '<html lang="en">' in page
    assert "Practical information" in page
    assert "7–8 May 2026" in page
    assert "Wednesday 25 February 2026 at 10:00" in page


@pytest.mark.django_db
def test_front_page_without_editions_is_not_found(client):
    """A fresh installation with no edition answers 404, not a server error."""
    assert client.get("/").status_code == 404


@pytest.mark.django_db
def test_danish_is_shown_whatever_the_browser_asks_for(client, seed_editions):
    """A phone set to English still gets the Danish site until English is chosen."""
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    page = text_of(response)
    assert '<html lang="da">' in page
    assert "Praktisk information" in page


@pytest.mark.django_db
def test_programme_breaks_send_people_to_the_exhibitors(client, seed_editions):
    """ "Besøg standene" under a break links to the edition's exhibitor page."""
    page = text_of(client.get("/2023/program/"))
    assert '<a href="/2023/udstillere/">Besøg standene</a>' in page
