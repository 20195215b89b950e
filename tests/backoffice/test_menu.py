"""The back office's menu: each role sees the links its actions allow, in labelled groups,
the current page marked, behind a "Menu" disclosure that needs no script."""

from __future__ import annotations

import re

import pytest

from forsamling.backoffice.menu import MENU

ALL_LINKS = [link.label for group in MENU for link in group.links]


def menu_of(client, conference, path: str = "overblik/") -> str:
    response = client.get(f"/backoffice/konference/{conference.edition.slug}/{path}")
    assert response.status_code == 200
    html = response.content.decode()
    match = re.search(r'<nav class="bo-nav".*?</nav>', html, re.S)
    assert match, "no menu on the page"
    return match.group(0)


def link_texts(menu: str) -> list[str]:
    return re.findall(r"<a href=\"[^\"]+\"(?: aria-current=\"page\")?>([^<]+)</a>", menu)


def group_labels(menu: str) -> list[str]:
    return re.findall(r'<span class="bo-menu-label" id="[^"]+">([^<]+)</span>', menu)


@pytest.mark.django_db
def test_an_organiser_sees_every_link_in_six_groups(client, conference, users):
    client.force_login(users.organiser)
    menu = menu_of(client, conference)
    assert link_texts(menu) == [str(label) for label in ALL_LINKS]
    assert len(ALL_LINKS) == 22
    assert group_labels(menu) == [
        "Tilmelding",
        "Program",
        "Under konferencen",
        "Kommunikation",
        "Økonomi og tal",
        "Data og adgang",
    ]


@pytest.mark.django_db
def test_a_viewer_sees_only_the_lists_and_exports_and_no_empty_group(client, conference, users):
    client.force_login(users.viewer)
    menu = menu_of(client, conference)
    assert link_texts(menu) == [
        "Overblik",
        "Tilmeldinger",
        "Oplægsholdere",
        "Evaluering",
        "Ankomster",
        "Middag og bordplan",
        "Udbakke",
        "Tal og rapport",
        "PDF og deltagerliste",
        "Persondata",
    ]
    assert "Invitationskoder" not in menu and "API-nøgler" not in menu


@pytest.mark.django_db
def test_check_in_staff_see_one_group_with_the_check_in_pages(client, conference, users):
    client.force_login(users.checkin)
    menu = menu_of(client, conference, "indtjekning/")
    assert group_labels(menu) == ["Under konferencen"]
    assert link_texts(menu) == ["Indtjekning", "Indtjekningsappen"]


@pytest.mark.django_db
def test_the_current_page_is_marked_and_no_other(client, conference, users):
    client.force_login(users.organiser)
    menu = menu_of(client, conference, "tilmeldinger/")
    assert menu.count('aria-current="page"') == 1
    assert re.search(r'aria-current="page">Tilmeldinger</a>', menu)


@pytest.mark.django_db
def test_the_menu_is_a_disclosure_closed_until_opened(client, conference, users):
    client.force_login(users.organiser)
    menu = menu_of(client, conference)
    assert '<details class="bo-menu" id="bo-menu">' in menu  # not open: a phone shows the button
    assert re.search(r'<summary class="bo-menu-button">.*?Menu</summary>', menu)
