"""The audit log's vocabulary: who acted (a typed actor) and what they did (an action name),
and the Danish sentence the back office shows for an entry.

Entries are written by `AuditEntry.record` (`forsamling.registration.models`), the one way to
write one; the actor is stored as text ("arrangør:maja") so older entries read the same way.
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
    JUROR = "jury"
    NOMINATOR = "indstiller"
    EXHIBITOR = "udstiller"  # the exhibitor's own staff page: the name is the exhibitor's id
    SYSTEM = "system"


# What older entries called an actor: the back office's organisers were "backoffice:<user>".
LEGACY_KINDS = {"backoffice": ActorKind.ORGANISER}


@dataclass(frozen=True)
class Actor:
    kind: ActorKind
    name: str = ""  # the organiser's user name, the secretary's e-mail; empty for the others

    @classmethod
    def parse(cls, text: str) -> Actor:
        """From the stored text; an unknown kind is read as the system's."""
        kind, _, name = text.partition(":")
        if kind in LEGACY_KINDS:
            return cls(LEGACY_KINDS[kind], name)
        try:
            return cls(ActorKind(kind), name)
        except ValueError:
            return cls(ActorKind.SYSTEM, text)

    def __str__(self) -> str:
        return f"{self.kind.value}:{self.name}" if self.name else self.kind.value


PARTICIPANT = Actor(ActorKind.PARTICIPANT)
SYSTEM = Actor(ActorKind.SYSTEM)


NOMINATOR = Actor(ActorKind.NOMINATOR)
# The demo data's loader: stored as "system:demo", as it always was.
DEMO = Actor(ActorKind.SYSTEM, "demo")


def organiser(username: str) -> Actor:
    return Actor(ActorKind.ORGANISER, username)


def juror(username: str) -> Actor:
    return Actor(ActorKind.JUROR, username)


def exhibitor(exhibitor_id: int) -> Actor:
    return Actor(ActorKind.EXHIBITOR, str(exhibitor_id))


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
    REGISTRATION_PAUSED = "registration_paused"
    REGISTRATION_RESUMED = "registration_resumed"
    CONSENT_GIVEN = "consent_given"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    INVITATION_CREATED = "invitation_created"
    INVITATION_REVOKED = "invitation_revoked"
    INVITATION_ONLY_CATEGORIES = "invitation_only_categories"
    PRIZE_JUROR_ADDED = "prize_juror_added"
    PRIZE_NOMINATION_CREATED = "prize_nomination_created"
    PRIZE_NOMINATION_SAVED = "prize_nomination_saved"
    PRIZE_ATTACHMENTS_ADDED = "prize_attachments_added"
    PRIZE_ATTACHMENT_REMOVED = "prize_attachment_removed"
    PRIZE_NOMINATION_SUBMITTED = "prize_nomination_submitted"
    PRIZE_CONFLICT_DECLARED = "prize_conflict_declared"
    PRIZE_SCORES_SAVED = "prize_scores_saved"
    PRIZE_SCORES_SUBMITTED = "prize_scores_submitted"
    PRIZE_SHORTLISTED = "prize_shortlisted"
    PRIZE_WINNER_RECORDED = "prize_winner_recorded"
    PRIZE_PUBLISHED = "prize_published"
    PRIZE_WITHDRAWN = "prize_withdrawn"
    PRIZE_PROGRAMME_ITEM = "prize_programme_item"
    DINNER_SEATS = "dinner_seats"
    DINNER_TABLES = "dinner_tables"


# Each action's name in the back office's filter of the log.
ACTION_NAMES: dict[AuditAction, str] = {
    AuditAction.REGISTERED: "Tilmelding",
    AuditAction.CHOICES_CHANGED: "Ændrede sessioner",
    AuditAction.DETAILS_UPDATED: "Rettede oplysninger",
    AuditAction.CANCELLED: "Afbud",
    AuditAction.SUBSTITUTED: "Overdraget plads",
    AuditAction.PROMOTED: "Plads fra venteliste",
    AuditAction.CHECKED_IN: "Indtjekning",
    AuditAction.GROUP_CREATED: "Gruppetilmelding",
    AuditAction.RANKED: "Prioritering",
    AuditAction.ALLOCATED: "Fordelt plads",
    AuditAction.ROUND_CREATED: "Præferencerunde oprettet",
    AuditAction.ROUND_OPENED: "Præferencerunde åbnet",
    AuditAction.ROUND_CLOSED: "Præferencerunde lukket",
    AuditAction.ROUND_RUN: "Fordeling kørt",
    AuditAction.ROUND_RERUN: "Fordeling kørt igen",
    AuditAction.ROUND_PUBLISHED: "Fordeling offentliggjort",
    AuditAction.REGISTRATION_PAUSED: "Tilmelding sat på pause",
    AuditAction.REGISTRATION_RESUMED: "Tilmelding åbnet igen",
    AuditAction.CONSENT_GIVEN: "Samtykke givet",
    AuditAction.CONSENT_WITHDRAWN: "Samtykke trukket tilbage",
    AuditAction.INVITATION_CREATED: "Invitationskode oprettet",
    AuditAction.INVITATION_REVOKED: "Invitationskode tilbagekaldt",
    AuditAction.INVITATION_ONLY_CATEGORIES: "Kategorier med invitationskode",
    AuditAction.PRIZE_JUROR_ADDED: "Jurymedlem tilføjet",
    AuditAction.PRIZE_NOMINATION_CREATED: "Indstilling begyndt",
    AuditAction.PRIZE_NOMINATION_SAVED: "Indstilling gemt",
    AuditAction.PRIZE_ATTACHMENTS_ADDED: "Bilag vedhæftet",
    AuditAction.PRIZE_ATTACHMENT_REMOVED: "Bilag fjernet",
    AuditAction.PRIZE_NOMINATION_SUBMITTED: "Indstilling indsendt",
    AuditAction.PRIZE_CONFLICT_DECLARED: "Inhabilitet",
    AuditAction.PRIZE_SCORES_SAVED: "Point gemt",
    AuditAction.PRIZE_SCORES_SUBMITTED: "Point afgivet",
    AuditAction.PRIZE_SHORTLISTED: "Nominerede valgt",
    AuditAction.PRIZE_WINNER_RECORDED: "Vinder valgt",
    AuditAction.PRIZE_PUBLISHED: "Pris offentliggjort",
    AuditAction.PRIZE_WITHDRAWN: "Pris taget af hjemmesiden",
    AuditAction.PRIZE_PROGRAMME_ITEM: "Indstilling på programmet",
    AuditAction.DINNER_SEATS: "Pladser til middagen",
    AuditAction.DINNER_TABLES: "Bordplan",
}


CONSENT_PURPOSES = {"participant_list": "deltagerlisten", "photos": "fotos"}
# What of the prize an organiser publishes or takes down (`prizes.services.set_publication`).
PRIZE_PUBLICATIONS = {
    "nominees_published": "de nominerede",
    "winner_published": "vinderen",
    "catalogue_published": "kataloget over indstillingerne",
}


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
        case AuditAction.REGISTRATION_PAUSED:
            return f"{who} satte tilmeldingen på pause"
        case AuditAction.REGISTRATION_RESUMED:
            return f"{who} åbnede tilmeldingen igen"
        case AuditAction.CONSENT_GIVEN:
            return f"{who} gav samtykke til {_purpose(details)}"
        case AuditAction.CONSENT_WITHDRAWN:
            return f"{who} trak samtykket til {_purpose(details)} tilbage"
        case _ if action.startswith(("invitation_", "prize_", "dinner_")):
            return _office_sentence(who, action, details)
    return f"{who}: {action}"


def _purpose(details: Mapping[str, Any]) -> str:
    purpose = str(details.get("purpose", ""))
    return CONSENT_PURPOSES.get(purpose, purpose)


def _listed(names: Any) -> str:
    names = [str(name) for name in names or []]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} og {names[-1]}"


def _office_sentence(who: str, action: str, details: Mapping[str, Any]) -> str:
    """The invitation codes' and the prize's entries (no registration, no sessions)."""
    nomination = f"indstilling nr. {details.get('nomination', '')}"
    match action:
        case AuditAction.INVITATION_CREATED:
            return f"{who} oprettede invitationskoden {details.get('code', '')}"
        case AuditAction.INVITATION_REVOKED:
            return f"{who} tilbagekaldte invitationskoden {details.get('code', '')}"
        case AuditAction.INVITATION_ONLY_CATEGORIES if details.get("categories"):
            chosen = _listed(details["categories"])
            return f"{who} krævede invitationskode til kategorierne {chosen}"
        case AuditAction.INVITATION_ONLY_CATEGORIES:
            return f"{who} fjernede kravet om invitationskode fra alle kategorier"
        case AuditAction.PRIZE_JUROR_ADDED:
            role = "juryens formand" if details.get("chair") else "et jurymedlem"
            return f"{who} tilføjede {role}"
        case AuditAction.PRIZE_NOMINATION_CREATED:
            return f"{who} begyndte en indstilling til prisen ({nomination})"
        case AuditAction.PRIZE_NOMINATION_SAVED:
            return f"{who} gemte {nomination}"
        case AuditAction.PRIZE_ATTACHMENTS_ADDED:
            return f"{who} vedhæftede {details.get('files', 0)} fil(er) til {nomination}"
        case AuditAction.PRIZE_ATTACHMENT_REMOVED:
            return f"{who} fjernede bilaget {details.get('file', '')} fra {nomination}"
        case AuditAction.PRIZE_NOMINATION_SUBMITTED:
            return f"{who} indsendte {nomination}"
        case AuditAction.PRIZE_CONFLICT_DECLARED:
            return f"{who} erklærede sig inhabil i {nomination}"
        case AuditAction.PRIZE_SCORES_SAVED:
            return f"{who} gemte point for {nomination}"
        case AuditAction.PRIZE_SCORES_SUBMITTED:
            return f"{who} afgav point for {nomination}"
        case AuditAction.PRIZE_SHORTLISTED:
            count = len(details.get("nominations", []))
            return f"{who} nominerede {count} indstilling(er) til prisen"
        case AuditAction.PRIZE_WINNER_RECORDED:
            return f"{who} valgte {nomination} som vinder"
        case AuditAction.PRIZE_PUBLISHED:
            what = PRIZE_PUBLICATIONS.get(details.get("what", ""), details.get("what", ""))
            return f"{who} offentliggjorde {what}"
        case AuditAction.PRIZE_WITHDRAWN:
            what = PRIZE_PUBLICATIONS.get(details.get("what", ""), details.get("what", ""))
            return f"{who} tog {what} af hjemmesiden"
        case AuditAction.PRIZE_PROGRAMME_ITEM if details.get("item"):
            return f"{who} satte {nomination} på programmet"
        case AuditAction.PRIZE_PROGRAMME_ITEM:
            return f"{who} tog {nomination} af programmet"
        case AuditAction.DINNER_SEATS if details.get("capacity") is None:
            return f"{who} gav middagen plads til alle"
        case AuditAction.DINNER_SEATS:
            return f"{who} satte middagens pladser til {details['capacity']}"
        case AuditAction.DINNER_TABLES if "table" in details:
            return f"{who} placerede deltageren ved bord {details['table']}"
        case AuditAction.DINNER_TABLES if "seated" in details:
            return f"{who} placerede {details['seated']} gæster efter organisation"
        case AuditAction.DINNER_TABLES:
            return f"{who} ændrede bordene til middagen"
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
        case ActorKind.JUROR:
            return f"{user_names.get(actor.name, actor.name)} (jury)"
        case ActorKind.NOMINATOR:
            return "Indstilleren"
        case ActorKind.EXHIBITOR:
            return "Udstilleren"
    return "Systemet"
