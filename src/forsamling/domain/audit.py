"""The audit log's vocabulary: who acted (a typed actor) and what they did (an action name),
and the Danish sentence the back office shows for an entry.

Entries are written by `forsamling.registration.audit.record`, the one way to write one; the
actor is stored as text ("arrangør:maja") so older entries read the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class ActorKind(StrEnum):
    PARTICIPANT = "deltager"
    ORGANISER = "arrangør"
    CHECKIN = "indtjekning"
    SECRETARY = "sekretær"
    SYSTEM = "system"


@dataclass(frozen=True)
class Actor:
    kind: ActorKind
    name: str = ""  # the organiser's user name, the secretary's e-mail; empty for the others

    @classmethod
    def parse(cls, text: str) -> Actor:
        """From the stored text; an unknown kind is read as the system's."""
        kind, _, name = text.partition(":")
        try:
            return cls(ActorKind(kind), name)
        except ValueError:
            return cls(ActorKind.SYSTEM, text)

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.name}" if self.name else self.kind.value


PARTICIPANT = Actor(ActorKind.PARTICIPANT)
SYSTEM = Actor(ActorKind.SYSTEM)


def organiser(username: str) -> Actor:
    return Actor(ActorKind.ORGANISER, username)


class AuditAction(StrEnum):
    REGISTERED = "registered"
    CHOICES_CHANGED = "choices_changed"
    DETAILS_UPDATED = "details_updated"
    CANCELLED = "cancelled"
    SUBSTITUTED = "substituted"
    PROMOTED = "promoted"
    CHECKED_IN = "checked_in"
    GROUP_CREATED = "group_created"
    RANKED = "ranked"
    ALLOCATED = "allocated"
    ROUND_CREATED = "round_created"
    ROUND_OPENED = "round_open"
    ROUND_CLOSED = "round_closed"
    ROUND_RUN = "allocation_run"
    ROUND_RERUN = "allocation_rerun"
    ROUND_PUBLISHED = "round_published"


def _sessions(ids: Any, names: Mapping[int, str]) -> str:
    titles = [names.get(int(i), f"session {i}") for i in ids]
    if len(titles) <= 1:
        return "".join(titles)
    return f"{', '.join(titles[:-1])} og {titles[-1]}"


def describe(
    *, who: str, action: str, details: Mapping[str, Any], sessions: Mapping[int, str]
) -> str:
    """The entry as a Danish sentence: "Maja Jensen skiftede fra Temamøde 3 til Temamøde 5".

    `who` is the actor as a person reads it (the participant's or organiser's name),
    `sessions` the titles of the sessions the details refer to, by id.
    """
    added = [int(i) for i in details.get("added", {})] if action == "choices_changed" else []
    dropped = [int(i) for i in details.get("dropped", [])]
    chosen = [int(i) for i in details.get("choices", {})]
    match action:
        case AuditAction.REGISTERED:
            text = f"{who} tilmeldte sig"
            return f"{text} med {_sessions(chosen, sessions)}" if chosen else text
        case AuditAction.CHOICES_CHANGED if dropped and added:
            before, after = _sessions(dropped, sessions), _sessions(added, sessions)
            return f"{who} skiftede fra {before} til {after}"
        case AuditAction.CHOICES_CHANGED if added:
            return f"{who} valgte {_sessions(added, sessions)}"
        case AuditAction.CHOICES_CHANGED if dropped:
            return f"{who} fravalgte {_sessions(dropped, sessions)}"
        case AuditAction.CHOICES_CHANGED:
            return f"{who} gemte sine valg uden ændringer"
        case AuditAction.DETAILS_UPDATED:
            return f"{who} rettede sine oplysninger"
        case AuditAction.CANCELLED:
            return f"{who} meldte afbud"
        case AuditAction.SUBSTITUTED:
            return f"{who} overdrog pladsen til {details.get('to', 'en kollega')}"
        case AuditAction.PROMOTED:
            session = _sessions([details.get("session", 0)], sessions)
            return f"Deltageren fik en plads på {session} fra ventelisten"
        case AuditAction.CHECKED_IN:
            return f"{who} tjekkede deltageren ind"
        case AuditAction.GROUP_CREATED:
            return f"{who} oprettede en gruppetilmelding for {details.get('organisation', '')}"
        case AuditAction.RANKED:
            return f"{who} prioriterede sessionerne i præferencerunden"
        case AuditAction.ALLOCATED:
            return f"Fordelingen gav deltageren {_sessions(chosen, sessions) or 'ingen plads'}"
        case AuditAction.ROUND_CREATED:
            return f"{who} oprettede præferencerunden"
        case AuditAction.ROUND_OPENED:
            return f"{who} åbnede præferencerunden"
        case AuditAction.ROUND_CLOSED:
            return f"{who} lukkede præferencerunden"
        case AuditAction.ROUND_RUN | AuditAction.ROUND_RERUN:
            return f"{who} fordelte pladserne ({details.get('seated', 0)} fik plads)"
        case AuditAction.ROUND_PUBLISHED:
            return f"{who} offentliggjorde fordelingen"
    return f"{who}: {action}"


def actor_label(actor: Actor, *, participant: str, user_names: Mapping[str, str]) -> str:
    """How a person reads the actor: the participant's name, the organiser's full name."""
    match actor.kind:
        case ActorKind.PARTICIPANT:
            return participant
        case ActorKind.ORGANISER:
            return f"{user_names.get(actor.name, actor.name)} (arrangør)"
        case ActorKind.CHECKIN:
            return f"{user_names.get(actor.name, actor.name)} (indtjekning)"
        case ActorKind.SECRETARY:
            return f"Sekretæren {actor.name}"
    return "Systemet"
