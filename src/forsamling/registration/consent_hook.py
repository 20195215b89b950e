"""The hook through which a registration's consent records are kept, in its own transaction.

The records live in `forsamling.privacy.consents`, above this app: they point at registrations
and carry the wording of the edition's privacy notice. So the registration services do not
import them; the privacy app hands its recorder to `keep_consents_with` when it starts
(`PrivacyConfig.ready`), and the services call it where they used to call the module, in the
same transaction as the change. Without a recorder a registration is refused (an error, not a
registration with its consent silently unrecorded).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:  # for the annotations only: the models import nothing from here
    from forsamling.registration.models import Registration


class ConsentRecorder(Protocol):
    """What the registration services need of the consent records."""

    def record_registration_consent(self, registration: Registration, now: datetime) -> None:
        """At registration (or a hand-over): the participant-list box as ticked, as a record."""

    def sync_list_consent(self, registration: Registration, given: bool, now: datetime) -> None:
        """The box changed on the private page: a record given or withdrawn."""

    def close_all(self, registration: Registration, now: datetime) -> None:
        """Every consent in force ends (a hand-over: the colleague has given none)."""


_recorder: ConsentRecorder | None = None


def keep_consents_with(recorder: ConsentRecorder) -> None:
    """Called once, by the privacy app when it starts."""
    global _recorder
    _recorder = recorder


def consents() -> ConsentRecorder:
    if _recorder is None:
        raise ImproperlyConfigured(
            "No consent recorder: forsamling.privacy must be in INSTALLED_APPS"
        )
    return _recorder
