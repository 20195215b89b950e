"""The back office's menu for one edition: its pages in labelled groups.

Each link names the action a role needs to see it (the same `actions` the views pass to their
templates), so a role sees only the pages it may open; a group with no link left is left out.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class MenuLink:
    label: str | Promise
    url_name: str
    action: str


@dataclass(frozen=True)
class MenuGroup:
    label: str | Promise
    slug: str
    links: tuple[MenuLink, ...]


MENU: tuple[MenuGroup, ...] = (
    MenuGroup(
        _("Tilmelding"),
        "tilmelding",
        (
            MenuLink(_("Overblik"), "overview", "view"),
            MenuLink(_("Tilmeldinger"), "registrations", "view"),
            MenuLink(_("Invitationskoder"), "invitations", "manage_registration"),
            MenuLink(_("Pause i tilmeldingen"), "registration_pause", "manage_registration"),
            MenuLink(_("Mange tilmeldinger"), "bursts", "manage_registration"),
        ),
    ),
    MenuGroup(
        _("Program"),
        "program",
        (
            MenuLink(_("Oplægsholdere"), "speakers", "view"),
            MenuLink(_("Lokaleoversigt"), "venue_plan", "manage"),
            MenuLink(_("Forebyggelsespris"), "prize_jury", "score_prize"),
            MenuLink(_("Evaluering"), "survey_results", "view"),
        ),
    ),
    MenuGroup(
        _("Under konferencen"),
        "afvikling",
        (
            MenuLink(_("Indtjekning"), "checkin", "check_in"),
            MenuLink(_("Indtjekningsappen"), "checkin_app", "check_in"),
            MenuLink(_("Ankomster"), "arrivals", "view"),
            MenuLink(_("Køkkenliste"), "kitchen", "view_needs"),
            MenuLink(_("Middag og bordplan"), "dinner", "view"),
        ),
    ),
    MenuGroup(
        _("Kommunikation"),
        "kommunikation",
        (
            MenuLink(_("Beskeder"), "messages", "send_message"),
            MenuLink(_("Udbakke"), "outbox", "view"),
        ),
    ),
    MenuGroup(
        _("Økonomi og tal"),
        "oekonomi",
        (
            MenuLink(_("Fakturaer"), "invoices", "invoice"),
            MenuLink(_("Tal og rapport"), "figures", "view"),
            MenuLink(_("PDF og deltagerliste"), "outputs", "export"),
        ),
    ),
    MenuGroup(
        _("Data og adgang"),
        "data",
        (
            MenuLink(_("Persondata"), "privacy", "view"),
            MenuLink(_("API-nøgler"), "api_tokens", "manage"),
            MenuLink(_("Kopiér til næste år"), "next_year", "manage"),
        ),
    ),
)
