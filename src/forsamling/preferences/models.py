"""Preference rounds and the participants' rankings.

State changes go through `services.py`. A round keeps the exact input it ran on and the
result, so what is published is what was computed, and anyone can re-run it.
"""

from __future__ import annotations

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.fields import edition_key
from forsamling.domain import preference_rounds as rules
from forsamling.domain.allocation import seed_commitment
from forsamling.programme.models import Item, ItemKind, Session
from forsamling.registration.fields import registration_key


def new_pseudonym_key() -> str:
    return secrets.token_hex(32)


class RoundStatus(models.TextChoices):
    DRAFT = rules.DRAFT, _("Kladde")
    OPEN = rules.OPEN, _("Åben for prioriteringer")
    CLOSED = rules.CLOSED, _("Lukket")
    PREVIEWED = rules.PREVIEWED, _("Fordelt, ikke offentliggjort")
    PUBLISHED = rules.PUBLISHED, _("Offentliggjort")


class PreferenceRound(models.Model):
    """Breakout slots whose seats are allocated from rankings instead of first come first served.

    `seed` is secret until publishing; its hash, `seed_commitment`, is public from the start.
    Every seed ever drawn for the round is listed in `commitments`, so a re-run is visible.
    """

    edition = edition_key("preference_rounds")
    title = models.CharField(_("titel"), max_length=200)
    slots = models.ManyToManyField(
        Item,
        verbose_name=_("break outs"),
        related_name="preference_rounds",
        limit_choices_to={"kind": ItemKind.BREAKOUT},
    )
    opens_at = models.DateTimeField(_("åbner"))
    closes_at = models.DateTimeField(_("lukker"))
    status = models.CharField(
        _("status"), max_length=10, choices=RoundStatus.choices, default=RoundStatus.DRAFT
    )
    seed = models.CharField(_("lodtrækningens frø"), max_length=40, editable=False)
    seed_commitment = models.CharField(_("frøets SHA-256"), max_length=64, editable=False)
    commitments = models.JSONField(_("alle trukne frøs SHA-256"), default=list, editable=False)
    pseudonym_key = models.CharField(max_length=64, default=new_pseudonym_key, editable=False)
    instance = models.JSONField(_("input"), null=True, blank=True, editable=False)
    result = models.JSONField(_("resultat"), null=True, blank=True, editable=False)
    pseudonyms = models.JSONField(default=dict, blank=True, editable=False)
    allocated_at = models.DateTimeField(_("fordelt"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("offentliggjort"), null=True, blank=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    class Meta:
        verbose_name = _("præferencerunde")
        verbose_name_plural = _("præferencerunder")
        ordering = ["edition", "opens_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="preference_round_closes_after_opening",
            )
        ]

    def __str__(self) -> str:
        return f"{self.edition}: {self.title}"

    @property
    def is_published(self) -> bool:
        return self.status == RoundStatus.PUBLISHED

    def seed_matches_commitment(self) -> bool:
        return seed_commitment(self.seed) == self.seed_commitment


class Ranking(models.Model):
    """One entry of a participant's ranking in a slot: `rank` 1 is the first choice."""

    round = models.ForeignKey(
        PreferenceRound, on_delete=models.CASCADE, related_name="rankings", verbose_name=_("runde")
    )
    registration = registration_key("rankings")
    slot = models.ForeignKey(
        Item, on_delete=models.CASCADE, related_name="+", verbose_name=_("break out")
    )
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="rankings", verbose_name=_("session")
    )
    rank = models.PositiveSmallIntegerField(_("prioritet"))
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        verbose_name = _("prioritering")
        verbose_name_plural = _("prioriteringer")
        ordering = ["registration", "slot", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "slot", "rank"], name="ranking_one_per_rank"
            ),
            models.UniqueConstraint(
                fields=["registration", "slot", "session"], name="ranking_session_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.registration_id} {self.slot_id}: {self.rank}. {self.session}"
