"""Counters shared by every worker: rate limits, and the proof-of-work challenges used up."""

from __future__ import annotations

from django.db import models


class RateCounter(models.Model):
    """How often `key` was hit in the fixed window `window` (seconds since the epoch divided by
    the window's length). Incremented with one atomic upsert; see `forsamling.core.abuse`."""

    key = models.CharField(max_length=200)
    window = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window"], name="core_ratecounter_key_window")
        ]

    def __str__(self) -> str:
        return f"{self.key} @ {self.window}: {self.count}"


class UsedChallenge(models.Model):
    """An ALTCHA challenge whose solution was accepted once; a replay finds it here."""

    signature = models.CharField(max_length=128, unique=True)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.signature
