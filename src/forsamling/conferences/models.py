"""Editions of the conference: one a year, with dates, venue, texts, themes and contact."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.fields import edition_key
from forsamling.domain import danish


class EditionQuerySet(models.QuerySet["Edition"]):
    def public(self) -> EditionQuerySet:
        return self.filter(is_public=True)

    def archive(self) -> EditionQuerySet:
        return self.public().filter(is_demo=False).order_by("-start_date")


class ContactPerson(models.Model):
    """Whom to contact, and how: the edition's contact for participants, the seller's on its
    invoices. Each may be left empty."""

    contact_name = models.CharField(_("kontaktperson"), max_length=200, blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=50, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        abstract = True


class Edition(ContactPerson):
    """One year's conference; texts are kept as organisers write them, paragraph by paragraph."""

    slug = models.SlugField(_("kort navn i adressen"), unique=True, help_text=_("F.eks. 2026"))
    year = models.PositiveSmallIntegerField(_("år"))
    title = models.CharField(_("titel"), max_length=200)
    tagline = models.CharField(_("undertitel"), max_length=200, blank=True)
    is_public = models.BooleanField(_("vises på sitet"), default=True)
    is_demo = models.BooleanField(
        _("demo-udgave"), default=False, help_text=_("Markeres tydeligt som demo på sitet.")
    )

    start_date = models.DateField(_("første dag"))
    end_date = models.DateField(_("sidste dag"))
    venue = models.CharField(_("mødested"), max_length=200, blank=True)
    city = models.CharField(_("by"), max_length=100, blank=True)

    headline = models.CharField(_("overskrift"), max_length=300, blank=True)
    lead = models.TextField(_("manchet"), blank=True)
    intro = models.TextField(
        _("introduktion"), blank=True, help_text=_("Afsnit adskilles af en tom linje.")
    )
    takeaways_heading = models.CharField(
        _("overskrift for udbytte"), max_length=200, blank=True, default="Hvad får du med hjem?"
    )
    takeaways = models.TextField(_("udbytte"), blank=True, help_text=_("Et punkt pr. linje."))
    themes_heading = models.CharField(
        _("overskrift for temaer"), max_length=200, blank=True, default="Konferencens hovedtemaer"
    )
    themes_intro = models.TextField(_("tekst om temaerne"), blank=True)
    closing = models.TextField(_("afslutning"), blank=True)
    programme_note = models.CharField(
        _("note om programmet"),
        max_length=300,
        blank=True,
        help_text=_("F.eks. 'Programmet opdateres løbende, næste gang i starten af marts'."),
    )

    registration_opens_at = models.DateTimeField(_("tilmelding åbner"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("tilmelding lukker"), null=True, blank=True)
    registration_paused = models.BooleanField(
        _("tilmelding sat på pause"),
        default=False,
        help_text=_(
            "Stopper nye tilmeldinger med det samme, f.eks. hvis robotter tilmelder sig. "
            "Eksisterende tilmeldinger kan stadig ændres."
        ),
    )
    capacity = models.PositiveIntegerField(
        _("pladser i alt"),
        null=True,
        blank=True,
        help_text=_(
            "Hvor mange deltagere konferencen højst har plads til. Tomt: ingen samlet grænse. "
            "Standpersonale tæller ikke med; indtjekningen kan tilmelde ved døren ud over "
            "grænsen og får en advarsel."
        ),
    )
    day_attendance = models.BooleanField(
        _("deltagelse på enkelte dage"),
        default=False,
        help_text=_(
            "Tilmeldingen spørger, hvilke dage deltageren kommer, så køkkenet kan tælle "
            "frokosten pr. dag."
        ),
    )
    cancellation_deadline = models.DateTimeField(
        _("frist for gratis afmelding"), null=True, blank=True
    )
    exhibitors_open_at = models.DateTimeField(_("udstillertilmelding åbner"), null=True, blank=True)
    exhibitors_close_at = models.DateTimeField(
        _("udstillertilmelding lukker"), null=True, blank=True
    )
    max_stands_per_exhibitor = models.PositiveSmallIntegerField(
        _("højst antal stande pr. udstiller"),
        default=2,
        help_text=_("Hvor mange stande én udstiller højst kan booke på én gang."),
    )

    contact_role = models.CharField(_("stilling"), max_length=200, blank=True)
    contact_unit = models.CharField(_("enhed"), max_length=200, blank=True)

    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("udgave")
        verbose_name_plural = _("udgaver")
        ordering = ["-start_date"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("public:edition", kwargs={"edition": self.slug})

    @property
    def date_range(self) -> str:
        return danish.format_date_range(self.start_date, self.end_date)

    @property
    def place(self) -> str:
        return ", ".join(part for part in (self.venue, self.city) if part)

    @property
    def intro_paragraphs(self) -> list[str]:
        return paragraphs(self.intro)

    @property
    def themes_paragraphs(self) -> list[str]:
        return paragraphs(self.themes_intro)

    @property
    def closing_paragraphs(self) -> list[str]:
        return paragraphs(self.closing)

    @property
    def takeaway_list(self) -> list[str]:
        return [line.strip() for line in self.takeaways.splitlines() if line.strip()]

    @property
    def days(self) -> list[date]:
        return [
            date.fromordinal(ordinal)
            for ordinal in range(self.start_date.toordinal(), self.end_date.toordinal() + 1)
        ]


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a text typed with blank lines between them."""
    return [
        " ".join(block.split())
        for block in text.replace("\r\n", "\n").split("\n\n")
        if block.strip()
    ]


class Theme(models.Model):
    """A theme of an edition, listed on its page and in the archive."""

    edition = edition_key("themes")
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    title = models.CharField(_("titel"), max_length=300)
    description = models.TextField(_("beskrivelse"), blank=True)

    class Meta:
        verbose_name = _("tema")
        verbose_name_plural = _("temaer")
        ordering = ["edition", "order", "id"]

    def __str__(self) -> str:
        return self.title
