"""PDFs made in the background (`forsamling.outputs.jobs`): what was ordered, its progress and,
when done, its file."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.fields import done_by, edition_key


class OutputKind(models.TextChoices):
    BADGE_SHEETS = "badge_sheets", _("Navneskilte på etiketark (2×4 pr. side)")
    BADGE_PAGES = "badge_pages", _("Navneskilte, ét pr. side")
    DOOR_LISTS = "door_lists", _("Dørlister pr. session")
    INVOICES = "invoices", _("Fakturagrundlag pr. organisation")
    PARTICIPANT_LIST = "participant_list", _("Deltagerliste til offentliggørelse")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("I kø")
    RUNNING = "running", _("I gang")
    DONE = "done", _("Færdig")
    FAILED = "failed", _("Fejlede")


class OutputJob(models.Model):
    """A PDF being made in the background, with its progress and, when done, its file."""

    edition = edition_key("+")
    kind = models.CharField(_("type"), max_length=30, choices=OutputKind.choices)
    created_by = done_by(_("oprettet af"))
    created_at = models.DateTimeField(_("bestilt"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    done = models.PositiveIntegerField(_("færdige"), default=0)
    total = models.PositiveIntegerField(_("i alt"), default=0)
    # The folder is where the files were first kept; files already made stay valid.
    file = models.FileField(_("fil"), upload_to="backoffice/pdf/", blank=True)
    error = models.TextField(_("fejl"), blank=True)
    finished_at = models.DateTimeField(_("færdig"), null=True, blank=True)

    class Meta:
        db_table = "backoffice_outputjob"  # where it was made; moved here without a copy
        verbose_name = _("PDF-bestilling")
        verbose_name_plural = _("PDF-bestillinger")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in {JobStatus.DONE, JobStatus.FAILED}
