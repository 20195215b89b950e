"""An Atom feed of the programme's versions and what changed in each, for those who follow it."""

from __future__ import annotations

from datetime import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from forsamling.conferences.models import Edition
from forsamling.conferences.queries import public_edition
from forsamling.programme.queries import VersionChanges, version_history


class ProgrammeChangesFeed(Feed[VersionChanges, Edition]):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, edition: str) -> Edition:
        return public_edition(edition)

    def title(self, obj: Edition) -> str:
        return _("%(title)s: ændringer i programmet") % {"title": obj.title}

    def link(self, obj: Edition) -> str:
        return reverse("public:programme_changes", kwargs={"edition": obj.slug})

    def subtitle(self, obj: Edition) -> str:
        if timezone.localdate() > obj.end_date:
            return _("Dette er det endelige program.")
        return _("Programmet opdateres løbende.")

    def items(self, obj: Edition) -> list[VersionChanges]:
        return version_history(obj)

    def item_title(self, item: VersionChanges) -> str:
        title = _("Version %(number)s af programmet") % {"number": item.version.number}
        return f"{title}: {item.version.comment}" if item.version.comment else title

    def item_description(self, item: VersionChanges) -> str:
        if not item.changes:
            return "<p>" + escape(_("Den første offentliggjorte version af programmet.")) + "</p>"
        return "<ul>" + "".join(f"<li>{escape(c.text)}</li>" for c in item.changes) + "</ul>"

    def item_link(self, item: VersionChanges) -> str:
        url = reverse("public:programme_changes", kwargs={"edition": item.version.edition.slug})
        return f"{url}#version-{item.version.number}"

    def item_guid(self, item: VersionChanges) -> str:
        return f"programme-version-{item.version.edition_id}-{item.version.number}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: VersionChanges) -> datetime:
        return item.version.published_at

    def item_updateddate(self, item: VersionChanges) -> datetime:
        return item.version.published_at
