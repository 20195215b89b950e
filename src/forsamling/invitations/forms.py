"""The registration form with the check of an invitation-only category: the code must be usable.
(The use itself is counted by `services.register_invited`, in the registration's transaction.)"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _

from forsamling.invitations.services import is_usable
from forsamling.registration.forms import RegistrationForm


class RegistrationWithCodeForm(RegistrationForm):
    """The form every registration page shows: the registration's own checks, then the code's."""

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        check_invitation(self, data)
        return data

    def registration(self) -> dict[str, Any]:
        """The arguments of `services.register_invited` the form holds (all but the edition)."""
        data = self.cleaned_data
        return {
            "idempotency_key": data["idempotency_key"],
            "details": self.details(),
            "category": data["category"],
            "sessions": data["sessions"],
            "track": data["track"],
            "invitation_code": data["invitation_code"],
        }


def check_invitation(form: forms.Form, data: dict[str, Any]) -> None:
    """Adds a Danish error unless an invitation-only category comes with a usable code.
    Costs a query only when such a category is chosen: never on the 10.00 rush's path."""
    category = data.get("category")
    if category is None or not category.invitation_only:
        return
    code = data.get("invitation_code") or ""
    if not code:
        form.add_error(
            "invitation_code",
            _("Kategorien %(name)s kræver en invitationskode fra arrangøren.")
            % {"name": category.name},
        )
    elif not is_usable(category=category, code=code):
        form.add_error(
            "invitation_code",
            _(
                "Invitationskoden passer ikke til kategorien, er udløbet, brugt op eller "
                "tilbagekaldt. Kontakt arrangøren."
            ),
        )
