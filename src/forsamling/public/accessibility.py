"""What the accessibility statement (/tilgaengelighed/) covers, and what it knows is not yet
accessible.

The scope is a list of page families, each with the addresses it covers; a test walks every
URL of the site and fails when one falls outside them, so a new kind of page cannot be added
without the statement saying whether it covers it. The known issues are the ones the
project's own reviews found and has not fixed yet; remove one when it is fixed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

EDITION = "<slug:edition>/"


@dataclass(frozen=True)
class Family:
    name: str | Promise
    prefixes: tuple[str, ...]  # URL patterns as Django writes them, e.g. "<slug:edition>/program/"


SCOPE: tuple[Family, ...] = (
    Family(
        _("Forsiden, konferencens side, arkivet og denne erklæring"),
        ("", "arkiv/", "tilgaengelighed/", EDITION),
    ),
    Family(_("Programmet, også som PDF og kalender"), (f"{EDITION}program/",)),
    Family(
        _("Tilmeldingen, gruppetilmeldingen og de personlige tilmeldingssider"),
        (f"{EDITION}tilmelding/",),
    ),
    Family(_("Prioritering af sessioner og fordelingen af pladser"), (f"{EDITION}fordeling/",)),
    Family(_("Privatlivspolitikken og dine egne oplysninger"), (f"{EDITION}privatliv/",)),
    Family(
        _("Udstillerne: standbooking, plantegningen og udstillernes egne sider"),
        (f"{EDITION}udstillere/",),
    ),
    Family(
        _("Forebyggelsesprisen: indstilling, de nominerede og inspirationskataloget"),
        (f"{EDITION}forebyggelsespris/",),
    ),
    Family(_("Evalueringen efter konferencen, på det personlige link"), (f"{EDITION}evaluering/",)),
    Family(_("Oplægsholdernes side, på det personlige link"), (f"{EDITION}oplaegsholder/",)),
    Family(
        _("Indtjekningen ved dørene: appen på telefonen, skranken og ankomsterne"),
        (
            f"backoffice/konference/{EDITION}tjekind/",
            f"backoffice/konference/{EDITION}indtjekning/",
            f"backoffice/konference/{EDITION}ankomster/",
        ),
    ),
    Family(_("Arrangørernes backoffice, juryens sider og login"), ("backoffice/",)),
)

# Addresses that answer a program, not a person: no page to make accessible (the language
# switch, the proof-of-work challenge, the operators' health, readiness and metrics, and the
# JSON API for other systems, whose browsable pages are a developer's tool).
NOT_PAGES = ("i18n/", "altcha/", "healthz", "readyz", "metrics", "api/")

KNOWN_ISSUES: tuple[str | Promise, ...] = (
    _(
        "Backoffice er bygget på Djangos administration og ser anderledes ud end resten af "
        "sitet. Nogle brede tabeller (tallene for sessionerne) rulles vandret i deres egen "
        "boks på en telefon."
    ),
    _(
        "PDF-filerne (programmet, navneskiltene, inspirationskataloget og fakturaerne) er ikke "
        "mærkede PDF'er, så en skærmlæser kan ikke følge deres overskrifter og tabeller. "
        "Programmet og inspirationskataloget findes også som almindelige sider."
    ),
    _(
        "Indtjekningsappen scanner navneskiltet med kameraet. Kan du ikke bruge kameraet, "
        "kan du skrive koden eller søge på navnet i stedet."
    ),
)


def family_of(pattern: str) -> Family | None:
    """The most specific family whose prefixes cover the URL pattern."""
    best: tuple[int, Family] | None = None
    for family in SCOPE:
        for prefix in family.prefixes:
            covers = pattern == prefix if prefix in ("", EDITION) else pattern.startswith(prefix)
            if covers and (best is None or len(prefix) > best[0]):
                best = (len(prefix), family)
    return best[1] if best else None
