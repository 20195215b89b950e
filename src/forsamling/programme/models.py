"""The programme as organisers edit it (the draft) and as it is published (frozen versions).

The draft lives in these tables; publishing freezes it into a ProgrammeVersion snapshot, so the
public pages read one row, and the changes between versions are computed from two snapshots.
Items and sessions carry a stable `uid` that survives edits, for diffs and iCalendar UIDs.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.fields import done_by, edition_key, edition_one, plan_description
from forsamling.domain.danish import format_time, format_weekday_date


class Speaker(models.Model):
    """A speaker, reused across items and editions."""

    name = models.CharField(_("navn"), max_length=200)
    title = models.CharField(_("titel eller rolle"), max_length=300, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    bio = models.TextField(_("om oplægsholderen"), blank=True)

    class Meta:
        verbose_name = _("oplægsholder")
        verbose_name_plural = _("oplægsholdere")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return ", ".join(part for part in (self.name, self.title, self.organisation) if part)


class Room(models.Model):
    edition = edition_key("rooms")
    name = models.CharField(_("navn"), max_length=200)
    capacity = models.PositiveIntegerField(_("pladser"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    # Where the room is on the edition's venue plan (`VenuePlan`), in per cent of its width
    # and height from the top left corner; empty when it is not marked.
    plan_x = models.DecimalField(
        _("vandret placering på plantegningen (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )
    plan_y = models.DecimalField(
        _("lodret placering på plantegningen (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("lokale")
        verbose_name_plural = _("lokaler")
        ordering = ["edition", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["edition", "name"], name="room_unique_name")]

    def __str__(self) -> str:
        return self.name


class VenuePlan(models.Model):
    """The venue's floor plan for an edition; rooms are marked on it by `Room.plan_x/plan_y`."""

    edition = edition_one("venue_plan")
    image = models.ImageField(_("plantegning"), upload_to="programme/venue_plans/")
    description = plan_description()
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        verbose_name = _("lokaleoversigt")
        verbose_name_plural = _("lokaleoversigter")

    def __str__(self) -> str:
        return str(self.edition)


class Track(models.Model):
    """A parallel afternoon track ("sæson"); a participant follows one."""

    edition = edition_key("tracks")
    key = models.SlugField(_("nøgle"))
    name = models.CharField(_("navn"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    class Meta:
        verbose_name = _("spor")
        verbose_name_plural = _("spor")
        ordering = ["edition", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["edition", "key"], name="track_unique_key")]

    def __str__(self) -> str:
        return self.name


class Day(models.Model):
    edition = edition_key("programme_days")
    date = models.DateField(_("dato"))
    title = models.CharField(_("titel"), max_length=200, blank=True)
    moderator = models.ForeignKey(
        Speaker,
        verbose_name=_("ordstyrer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("dag")
        verbose_name_plural = _("dage")
        ordering = ["edition", "date"]
        constraints = [models.UniqueConstraint(fields=["edition", "date"], name="day_unique_date")]

    def __str__(self) -> str:
        return format_weekday_date(self.date).capitalize()


class ItemKind(models.TextChoices):
    WELCOME = "welcome", _("Velkomst")
    TALK = "talk", _("Oplæg")
    THEME_BLOCK = "theme_block", _("Temablok")
    BREAK = "break", _("Pause")
    LUNCH = "lunch", _("Frokost")
    WALKING_BREAK = "walking_break", _("Gå-pause")
    BREAKOUT = "breakout", _("Break out")
    EVENING_EVENT = "evening_event", _("Aftenarrangement")
    MORNING_SONG = "morning_song", _("Morgensang")
    PRIZE_NOMINEES = "prize_nominees", _("Nominerede til prisen")
    PRIZE_AWARD = "prize_award", _("Prisuddeling")
    DIALOGUE = "dialogue", _("Dialog med salen")
    DEBATE = "debate", _("Debat")
    CLOSING = "closing", _("Afslutning")


class Item(models.Model):
    """A timed programme item. Theme blocks hold their talks as children; breakouts, sessions."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    edition = edition_key("items")
    day = models.ForeignKey(
        Day,
        verbose_name=_("dag"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="items",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("temablok"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    kind = models.CharField(_("type"), max_length=20, choices=ItemKind.choices)
    starts_at = models.TimeField(_("starter"), null=True, blank=True)
    ends_at = models.TimeField(_("slutter"), null=True, blank=True)
    title = models.CharField(_("titel"), max_length=300)
    description = models.TextField(_("beskrivelse"), blank=True)
    note = models.CharField(
        _("note"), max_length=300, blank=True, help_text=_("F.eks. 'Besøg standene'.")
    )
    track = models.ForeignKey(
        Track,
        verbose_name=_("spor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
    )
    room = models.ForeignKey(
        Room,
        verbose_name=_("lokale"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
    )
    speakers = models.ManyToManyField(
        Speaker,
        through="ItemSpeaker",
        blank=True,
        related_name="items",
        verbose_name=_("oplægsholdere"),
    )
    speakers_suffix = models.CharField(_("efter oplægsholderne"), max_length=50, blank=True)
    speaker_tba = models.BooleanField(_("oplægsholder følger (TBA)"), default=False)
    order = models.PositiveSmallIntegerField(_("rækkefølge ved samme tid"), default=0)

    class Meta:
        verbose_name = _("programpunkt")
        verbose_name_plural = _("programpunkter")
        ordering = ["edition", "day__date", "starts_at", "order", "id"]

    def __str__(self) -> str:
        return f"{format_time(self.starts_at)} {self.title}" if self.starts_at else self.title


class SpeakerLink(models.Model):
    """A speaker on an item or a session, in the order they are named; a speaker who is on the
    programme cannot be deleted."""

    speaker = models.ForeignKey(Speaker, verbose_name=_("oplægsholder"), on_delete=models.PROTECT)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return str(self.speaker)


class ItemSpeaker(SpeakerLink):
    item = models.ForeignKey(Item, on_delete=models.CASCADE, verbose_name=_("programpunkt"))

    class Meta(SpeakerLink.Meta):
        verbose_name = _("oplægsholder på punktet")
        verbose_name_plural = _("oplægsholdere på punktet")


class SessionKind(models.TextChoices):
    TEMAMOEDE = "temamoede", _("Temamøde")
    MASTERCLASS = "masterclass", _("Masterclass")
    SESSION = "session", _("Session")
    ASSEMBLY_HOUSE = "assembly_house", _("Politisk forsamlingshus")
    NON_POLITICIAN_BREAKOUT = "non_politician_breakout", _("Break out for ikke-kommunalpolitikere")
    # The dinner's seats, counted like a session's (registration.dinner); not in the programme.
    DINNER = "dinner", _("Middag")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Alle")
    POLITICIANS = "politicians", _("Kun folkevalgte politikere")
    NON_POLITICIANS = "non_politicians", _("Kun ikke-politikere")
    HEALTH_COUNCIL = "health_council", _("Kun medlemmer af sundhedsråd")


class Session(models.Model):
    """A parallel session in a breakout slot. Held once, so its seats are limited."""

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slot = models.ForeignKey(
        Item,
        verbose_name=_("break out"),
        on_delete=models.CASCADE,
        related_name="sessions",
        limit_choices_to={"kind": ItemKind.BREAKOUT},
    )
    kind = models.CharField(_("type"), max_length=30, choices=SessionKind.choices)
    number = models.PositiveSmallIntegerField(_("nummer"), null=True, blank=True)
    title = models.CharField(_("titel"), max_length=300)
    subtitle = models.CharField(_("undertitel"), max_length=300, blank=True)
    description = models.TextField(_("beskrivelse"), blank=True)
    audience = models.CharField(
        _("hvem kan deltage"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    room = models.ForeignKey(
        Room,
        verbose_name=_("lokale"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
    )
    capacity = models.PositiveIntegerField(_("pladser"), null=True, blank=True)
    meet_label = models.CharField(
        _("tekst før oplægsholdere"), max_length=50, blank=True, default="Mød:"
    )
    speakers = models.ManyToManyField(
        Speaker,
        through="SessionSpeaker",
        blank=True,
        related_name="sessions",
        verbose_name=_("oplægsholdere"),
    )
    is_cancelled = models.BooleanField(_("aflyst"), default=False)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessioner")
        ordering = ["slot", "order", "number", "id"]

    def __str__(self) -> str:
        if self.kind == SessionKind.TEMAMOEDE and self.number:
            return f"Temamøde {self.number}: {self.title}"
        return self.title


class SessionSpeaker(SpeakerLink):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, verbose_name=_("session"))

    class Meta(SpeakerLink.Meta):
        verbose_name = _("oplægsholder i sessionen")
        verbose_name_plural = _("oplægsholdere i sessionen")


class EditionModerator(models.Model):
    """The moderator ("ordstyrer") of an edition."""

    edition = edition_one("moderator")
    speaker = models.ForeignKey(Speaker, verbose_name=_("ordstyrer"), on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("ordstyrer")
        verbose_name_plural = _("ordstyrer")

    def __str__(self) -> str:
        return str(self.speaker)


class ProgrammeVersion(models.Model):
    """A frozen, numbered copy of the draft programme; the public sees the newest one that is out.

    `publish_at` lets organisers prepare a version that goes out at a set moment ("næste gang
    i starten af marts"); empty means at once.
    """

    edition = edition_key("programme_versions")
    number = models.PositiveIntegerField(_("version"))
    comment = models.CharField(_("kommentar"), max_length=300, blank=True)
    snapshot = models.JSONField(_("programmet som offentliggjort"))
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    publish_at = models.DateTimeField(_("offentliggøres"), null=True, blank=True)
    created_by = done_by(_("oprettet af"), blank=True)

    class Meta:
        verbose_name = _("programversion")
        verbose_name_plural = _("programversioner")
        ordering = ["edition", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="programme_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.edition} – version {self.number}"

    @property
    def published_at(self) -> datetime:
        """When the public could first see this version."""
        return self.publish_at or self.created_at
