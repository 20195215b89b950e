"""The key to an edition, as the data apps declare it: most of their rows belong to one edition.

One factory, so that each model says only what differs (its `related_name`, and whether deleting
the edition is refused); Django sees the same field as if it were written out.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from forsamling.conferences.models import Edition


def edition_key(
    related_name: str, *, on_delete: Any = models.CASCADE
) -> models.ForeignKey[Edition, Edition]:
    """The row's edition; deleting the edition deletes the row unless `on_delete` says else."""
    return models.ForeignKey(
        Edition, on_delete=on_delete, related_name=related_name, verbose_name=_("udgave")
    )


def edition_one(related_name: str) -> models.OneToOneField[Edition, Edition]:
    """The edition's one row of this model, deleted with it."""
    return models.OneToOneField(
        Edition, on_delete=models.CASCADE, related_name=related_name, verbose_name=_("udgave")
    )
