"""KL's Forebyggelsespris for one edition: the prize, its criteria, nominations and the jury.

The rules (window, submission, scores, ranking, publication) are in `forsamling.domain.prizes`;
every change goes through `forsamling.prizes.services`.

Personal data: a nomination's contact person (`contact_name`, `contact_title`,
`contact_email`, `contact_phone`) follows the edition's personal-data rules and is what the
retention job anonymises; the project's own texts are the municipality's, not personal.
"""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.fields import edition_one
from forsamling.domain.prizes import SCORE_MAX, SCORE_MIN, Combine
from forsamling.programme.models import Item
from forsamling.registration.organisations import MUNICIPALITIES, municipality_name

MUNICIPALITY_CHOICES = [(name, name) for name in MUNICIPALITIES]


def new_token() -> str:
    """The nomination's private link: 32 random bytes, not guessable."""
    return secrets.token_urlsafe(32)


class Prize(models.Model):
    """The prize of one edition, with its yearly theme, window, jury deadline and award item."""

    COMBINE_CHOICES = [
        (Combine.MEAN.value, _("Gennemsnit")),
        (Combine.MEDIAN.value, _("Median")),
    ]

    edition = edition_one("prize")
    name = models.CharField(_("navn"), max_length=200, default="KL's Forebyggelsespris")
    theme = models.CharField(_("årets tema"), max_length=300, blank=True)
    description = models.TextField(_("beskrivelse"), blank=True)
    nominations_open_at = models.DateTimeField(_("indstilling åbner"), null=True, blank=True)
    nominations_close_at = models.DateTimeField(_("indstilling lukker"), null=True, blank=True)
    jury_deadline = models.DateTimeField(_("juryens frist"), null=True, blank=True)
    award_item = models.ForeignKey(
        Item,
        verbose_name=_("uddelingen i programmet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    combine = models.CharField(
        _("juryens scorer lægges sammen som"),
        max_length=10,
        choices=COMBINE_CHOICES,
        default=Combine.MEAN.value,
    )
    blind = models.BooleanField(
        _("blind bedømmelse"),
        default=False,
        help_text=_("Juryen ser ikke, hvilken kommune der indstillede, eller kontaktpersonen."),
    )
    winner = models.ForeignKey(
        "Nomination", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    nominees_published = models.BooleanField(_("de nominerede er offentliggjort"), default=False)
    winner_published = models.BooleanField(
        _("vinderen offentliggøres ved uddelingen"), default=False
    )
    catalogue_published = models.BooleanField(
        _("inspirationskataloget er offentliggjort"), default=False
    )
    is_example = models.BooleanField(
        _("eksempeldata"),
        default=False,
        help_text=_(
            "Indstillingerne er opdigtede (demo): hver side, der viser dem, siger, at det er "
            "eksempeldata."
        ),
    )

    class Meta:
        verbose_name = _("pris")
        verbose_name_plural = _("priser")

    def __str__(self) -> str:
        return f"{self.name} ({self.edition})"


class Criterion(models.Model):
    """What the jury scores, 1–5; the weight says how much it counts (0: advisory only)."""

    prize = models.ForeignKey(
        Prize, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("pris")
    )
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    title = models.CharField(_("kriterium"), max_length=200)
    text = models.TextField(_("forklaring"), blank=True)
    weight = models.PositiveSmallIntegerField(_("vægt"), default=1)

    class Meta:
        verbose_name = _("kriterium")
        verbose_name_plural = _("kriterier")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title


class NominationState(models.TextChoices):
    DRAFT = "draft", _("Kladde")
    SUBMITTED = "submitted", _("Indsendt")


class Nomination(models.Model):
    """A municipality's nomination of a prevention project (its own or another's)."""

    prize = models.ForeignKey(Prize, on_delete=models.CASCADE, related_name="nominations")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    state = models.CharField(
        _("status"),
        max_length=10,
        choices=NominationState.choices,
        default=NominationState.DRAFT,
    )
    municipality = models.CharField(
        _("kommunen bag projektet"), max_length=50, choices=MUNICIPALITY_CHOICES, blank=True
    )
    nominator_municipality = models.CharField(
        _("indstillet af"), max_length=50, choices=MUNICIPALITY_CHOICES, blank=True
    )
    project_title = models.CharField(_("projektets navn"), max_length=200, blank=True)
    description = models.TextField(_("beskrivelse af projektet"), blank=True)
    results = models.TextField(_("resultater"), blank=True)
    contact_name = models.CharField(_("kontaktperson"), max_length=200, blank=True)
    contact_title = models.CharField(_("stilling"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)
    contact_phone = models.CharField(_("telefon"), max_length=30, blank=True)
    publish_consent = models.BooleanField(_("må vises i inspirationskataloget"), default=False)
    programme_item = models.ForeignKey(
        Item,
        verbose_name=_("præsenteres i programpunktet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    shortlist_position = models.PositiveSmallIntegerField(_("nomineret som nr."), null=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)
    submitted_at = models.DateTimeField(_("indsendt"), null=True, blank=True)

    class Meta:
        verbose_name = _("indstilling")
        verbose_name_plural = _("indstillinger")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.project_title or str(_("Indstilling uden navn"))

    def get_absolute_url(self) -> str:
        return reverse(
            "public:prize_nomination",
            kwargs={"edition": self.prize.edition.slug, "token": self.token},
        )

    @property
    def municipality_label(self) -> str:
        """'Aalborg Kommune' ('Bornholms Regionskommune'), or '' when not chosen yet."""
        return municipality_name(self.municipality) if self.municipality else ""

    @property
    def nominator_label(self) -> str:
        return municipality_name(self.nominator_municipality) if self.nominator_municipality else ""

    @property
    def is_submitted(self) -> bool:
        return self.state == NominationState.SUBMITTED


def attachment_path(instance: Attachment, filename: str) -> str:
    """A random name with the extension of the detected format, never the uploader's name."""
    return f"prizes/{instance.nomination.prize_id}/{uuid.uuid4().hex}.{instance.extension}"


class AttachmentKind(models.TextChoices):
    PDF = "pdf", "PDF"
    IMAGE = "image", _("Billede")


class Attachment(models.Model):
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("fil"), upload_to=attachment_path)
    kind = models.CharField(_("type"), max_length=10, choices=AttachmentKind.choices)
    extension = models.CharField(max_length=5)
    content_type = models.CharField(max_length=50)
    original_name = models.CharField(_("filnavn"), max_length=200)
    size = models.PositiveIntegerField(_("størrelse"))
    uploaded_at = models.DateTimeField(_("uploadet"), auto_now_add=True)

    class Meta:
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class Juror(models.Model):
    """A member of the prize's jury; their own municipality is a conflict of interest."""

    prize = models.ForeignKey(
        Prize, on_delete=models.CASCADE, related_name="jurors", verbose_name=_("pris")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="prize_juries",
        verbose_name=_("bruger"),
    )
    municipality = models.CharField(
        _("jurymedlemmets kommune"), max_length=50, choices=MUNICIPALITY_CHOICES, blank=True
    )
    is_chair = models.BooleanField(_("formand"), default=False)

    class Meta:
        verbose_name = _("jurymedlem")
        verbose_name_plural = _("jury")
        ordering = ["-is_chair", "id"]
        constraints = [
            models.UniqueConstraint(fields=["prize", "user"], name="juror_once_per_prize")
        ]

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.get_username()


class Conflict(models.Model):
    """A conflict of interest the juror declared (their own municipality needs none)."""

    juror = models.ForeignKey(Juror, on_delete=models.CASCADE, related_name="conflicts")
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="conflicts")
    reason = models.CharField(_("begrundelse"), max_length=300)
    declared_at = models.DateTimeField(_("erklæret"), auto_now_add=True)

    class Meta:
        verbose_name = _("inhabilitet")
        verbose_name_plural = _("inhabilitet")
        constraints = [
            models.UniqueConstraint(fields=["juror", "nomination"], name="conflict_once")
        ]

    def __str__(self) -> str:
        return f"{self.juror}: {self.nomination}"


class ScoreSheet(models.Model):
    """One juror's scores for one nomination; others see theirs only once it is submitted."""

    juror = models.ForeignKey(Juror, on_delete=models.CASCADE, related_name="sheets")
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="sheets")
    comment = models.TextField(_("samlet kommentar"), blank=True)
    submitted_at = models.DateTimeField(_("indsendt"), null=True, blank=True)

    class Meta:
        verbose_name = _("bedømmelse")
        verbose_name_plural = _("bedømmelser")
        constraints = [models.UniqueConstraint(fields=["juror", "nomination"], name="sheet_once")]

    def __str__(self) -> str:
        return f"{self.juror}: {self.nomination}"


class Score(models.Model):
    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField(
        _("score"), choices=[(v, str(v)) for v in range(SCORE_MIN, SCORE_MAX + 1)]
    )
    comment = models.TextField(_("kommentar"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scorer")
        constraints = [models.UniqueConstraint(fields=["sheet", "criterion"], name="score_once")]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"
