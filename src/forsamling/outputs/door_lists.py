"""A list per session for the door: when and where, who has a seat (by surname), and a
column to sign."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.template.loader import render_to_string

from forsamling.conferences.models import Edition
from forsamling.domain.danish import danish_sort_key
from forsamling.programme.models import Session
from forsamling.registration.models import Choice, ChoiceStatus, Registration, Status


@dataclass
class DoorList:
    session: Session
    participants: list[Registration] = field(default_factory=list)


def door_lists(edition: Edition) -> list[DoorList]:
    """Every session that is not cancelled, in programme order, its seated people by surname."""
    sessions = (
        Session.objects.filter(slot__edition=edition, is_cancelled=False)
        .select_related("slot", "slot__day", "room")
        .order_by("slot__day__date", "slot__starts_at", "slot__order", "order", "number", "id")
    )
    lists = {session.pk: DoorList(session) for session in sessions}
    choices = Choice.objects.filter(
        session__in=list(lists),
        status=ChoiceStatus.CONFIRMED,
        registration__status=Status.ACTIVE,
    ).select_related("registration")
    for choice in choices:
        lists[choice.session_id].participants.append(choice.registration)
    for door_list in lists.values():
        door_list.participants.sort(key=lambda r: (*surname_key(r.name), r.pk))
    return list(lists.values())


def surname_key(name: str) -> tuple[object, ...]:
    """Sorted by surname (the last word), then first names, the Danish way ("Aa" as "Å")."""
    words = name.split()
    surname = words[-1] if words else ""
    return (danish_sort_key(surname), danish_sort_key(" ".join(words[:-1])))


def door_lists_html(edition: Edition, lists: Sequence[DoorList]) -> str:
    return render_to_string("outputs/door_lists.html", {"edition": edition, "lists": lists})
