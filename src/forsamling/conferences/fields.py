"""Fields the data apps declare alike: the key to a row's edition (most rows belong to one), the
staff user who did something, and the description that stands for a plan's image.

One factory each, so that a model says only what differs (the `related_name`, the label);
Django sees the same field as if it were written out, so no migration follows from using them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django_stubs_ext import StrOrPromise

    from forsamling.conferences.models import Edition

# Named by its app label, so that the edition's own module can use these fields too.
EDITION = "conferences.Edition"


def edition_key(
    related_name: str, *, on_delete: Any = models.CASCADE
) -> models.ForeignKey[Edition, Edition]:
    """The row's edition; deleting the edition deletes the row unless `on_delete` says else."""
    return models.ForeignKey(
        EDITION, on_delete=on_delete, related_name=related_name, verbose_name=_("udgave")
    )


def edition_one(related_name: str) -> models.OneToOneField[Edition, Edition]:
    """The edition's one row of this model, deleted with it."""
    return models.OneToOneField(
        EDITION, on_delete=models.CASCADE, related_name=related_name, verbose_name=_("udgave")
    )


def done_by(
    verbose_name: StrOrPromise | None = None, *, blank: bool = False
) -> models.ForeignKey[User | None, User | None]:
    """The staff user who did it (created, issued, scanned): empty once the user is deleted, and
    no way back from the user to the rows."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=blank,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
    )


def plan_description() -> models.CharField[str, str]:
    """What a plan of the venue shows, in words: its image's text alternative."""
    return models.CharField(
        _("beskrivelse af plantegningen"),
        max_length=300,
        help_text=_("Læses op for dem, der ikke kan se billedet."),
    )
