"""The ranking form: per slot, one plain <select> per position ("1. valg", "2. valg", …).

Works without JavaScript and with the keyboard alone. Empty positions are skipped, so
"1. valg" and "3. valg" make a ranking of two; the same session twice is an error.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from forsamling.core.validators import SafeTextMixin
from forsamling.preferences.queries import RankingSlot
from forsamling.programme.models import Session

NOTHING = ""


def field_name(slot_id: int, rank: int) -> str:
    return f"slot_{slot_id}_{rank}"


class RankingForm(SafeTextMixin, forms.Form):
    def __init__(self, *args: Any, slots: list[RankingSlot], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.slots = [s for s in slots if s.held is None]
        self.sessions: dict[str, Session] = {}
        for item in self.slots:
            choices: list[tuple[str, Any]] = [(NOTHING, _("Intet valg"))]
            for session in item.sessions:
                self.sessions[str(session.pk)] = session
                choices.append((str(session.pk), str(session)))
            for rank in range(1, len(item.sessions) + 1):
                ranked = item.ranked[rank - 1] if rank <= len(item.ranked) else NOTHING
                self.fields[field_name(item.slot.pk, rank)] = forms.ChoiceField(
                    label=_("%(rank)s. valg") % {"rank": rank},
                    choices=choices,
                    required=False,
                    initial=str(ranked),
                    error_messages={"invalid_choice": _("Vælg en af sessionerne på listen.")},
                )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        rankings: dict[int, list[Session]] = {}
        for item in self.slots:
            ranking: list[Session] = []
            for rank in range(1, len(item.sessions) + 1):
                name = field_name(item.slot.pk, rank)
                value = data.get(name)
                if not value:
                    continue
                session = self.sessions[value]
                if session in ranking:
                    self.add_error(
                        name,
                        _("Du har allerede valgt “%(session)s”. Vælg en anden session.")
                        % {"session": session},
                    )
                ranking.append(session)
            rankings[item.slot.pk] = ranking
        data["rankings"] = rankings
        return data

    def slot_fields(self) -> list[tuple[RankingSlot, list[Any]]]:
        return [
            (
                item,
                [self[field_name(item.slot.pk, r)] for r in range(1, len(item.sessions) + 1)],
            )
            for item in self.slots
        ]
