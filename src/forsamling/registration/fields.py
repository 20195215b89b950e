"""The key to a participant's registration, as the rows that belong to one declare it: deleted
with the registration, labelled "tilmelding". Named by its app label, so that registration's
own models use it too; Django sees the same field as if it were written out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from forsamling.registration.models import Registration

REGISTRATION = "registration.Registration"
LABEL = _("tilmelding")


def registration_key(related_name: str) -> models.ForeignKey[Registration, Registration]:
    """One of the registration's rows."""
    return models.ForeignKey(
        REGISTRATION, on_delete=models.CASCADE, related_name=related_name, verbose_name=LABEL
    )


def registration_one(related_name: str) -> models.OneToOneField[Registration, Registration]:
    """The registration's one row of this model."""
    return models.OneToOneField(
        REGISTRATION, on_delete=models.CASCADE, related_name=related_name, verbose_name=LABEL
    )
