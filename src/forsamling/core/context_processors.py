"""What every page needs: the edition the footer and menu speak of, and the main menu."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.queries import current_edition

# (label, URL name, whether the URL takes the edition's slug). Entries whose URL is not
# installed are left out, so each capability adds itself by defining its URL.
MAIN_MENU = [
    (_("Forside"), "public:home", False),
    (_("Program"), "public:programme", True),
    (_("Tilmelding"), "public:register", True),
    (_("Udstillere"), "public:exhibitors", True),
    (_("Arkiv"), "public:archive", False),
]


def site(request: HttpRequest) -> dict[str, Any]:
    page_edition = getattr(request, "edition", None)
    edition = page_edition or current_edition()
    menu = []
    for label, name, needs_edition in MAIN_MENU:
        if needs_edition and edition is None:
            continue
        try:
            url = reverse(
                name, kwargs={"edition": edition.slug} if edition and needs_edition else None
            )
        except NoReverseMatch:
            continue
        current = request.path == url or (url != "/" and request.path.startswith(url))
        menu.append({"label": label, "url": url, "current": current})
    # Older editions have no contact person in their documents: the footer then names today's.
    # (When the page has no edition of its own, `edition` is already today's.)
    footer_edition = (
        edition if page_edition is None or page_edition.contact_name else current_edition()
    )
    return {"footer_edition": footer_edition, "main_menu": menu}
