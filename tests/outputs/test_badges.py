"""Badges: what each one says, its colour per category and its QR code."""

from forsamling.checkin.tokens import badge_code
from forsamling.outputs.badges import (
    COLOURS,
    PAGES,
    SHEET,
    badges_html,
    category_colours,
    checkin_url,
    make_badges,
)
from tests.backoffice.conftest import conference, people  # noqa: F401


def test_each_category_gets_its_own_colour(conference):  # noqa: F811
    colours = category_colours([conference.politician, conference.official, conference.stand])
    assert len(set(colours.values())) == 3
    assert colours[conference.politician.pk] == COLOURS[0]


def test_the_qr_code_holds_the_check_in_url_with_the_badge_code(conference, people, settings):  # noqa: F811
    settings.SITE_URL = "https://forum.example.org"
    url = checkin_url(conference.edition, people.bo.pk)
    assert url == (
        f"https://forum.example.org/backoffice/konference/2026/indtjekning/"
        f"?kode={badge_code(people.bo.pk)}"
    )


def test_a_badge_shows_name_title_organisation_and_category_in_words(conference, people):  # noqa: F811
    colours = category_colours([conference.politician, conference.official, conference.stand])
    badge = make_badges(conference.edition, [people.bo], colours)[0]
    assert (badge.name, badge.title, badge.organisation) == (
        "Bo Andersen",
        "Direktør",
        "Aalborg Kommune",
    )
    assert badge.category == "Embedsperson" and badge.colour == COLOURS[1]
    assert badge.qr.startswith('<img src="data:image/png;base64,')
    html = badges_html(conference.edition, [badge], SHEET)
    assert "EMBEDSPERSON" in html and COLOURS[1] in html and "size: 210mm 297mm" in html


def test_sheets_hold_eight_badges_and_pages_one(conference, people):  # noqa: F811
    badges = make_badges(conference.edition, [people.bo] * 9, {})
    assert badges_html(conference.edition, badges, SHEET).count('class="page"') == 2
    pages = badges_html(conference.edition, badges, PAGES)
    assert pages.count('class="page"') == 9 and "size: 148mm 105mm" in pages
