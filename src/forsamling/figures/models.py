"""Counts kept when the rows they were counted from lose the counted field.

Anonymising a registration empties its committee (with the municipality it could point to a
person); the committee figure must not change, so the count is kept here first.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.fields import edition_key


class CommitteeCount(models.Model):
    edition = edition_key("+")
    committee = models.CharField(_("udvalg"), max_length=200)
    count = models.PositiveIntegerField(_("antal"), default=0)

    class Meta:
        verbose_name = _("antal pr. udvalg")
        verbose_name_plural = _("antal pr. udvalg")
        constraints = [
            models.UniqueConstraint(fields=["edition", "committee"], name="committee_count_once")
        ]

    def __str__(self) -> str:
        return f"{self.committee}: {self.count}"
