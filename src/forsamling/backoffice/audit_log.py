"""The audit log as the back office shows it: one Danish sentence per entry, with people's and
sessions' names looked up once for the whole log (two queries, however long it is)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model

from forsamling.domain.audit import Actor, ActorKind, actor_label, describe
from forsamling.programme.models import Session
from forsamling.registration.models import AuditEntry


@dataclass(frozen=True)
class LogLine:
    at: datetime
    text: str


def _session_ids(entry: AuditEntry) -> set[int]:
    details = entry.details or {}
    ids = {*details.get("added", {}), *details.get("choices", {}), *details.get("dropped", [])}
    if "session" in details:
        ids.add(details["session"])
    return {int(i) for i in ids if str(i).isdigit()}


def log_lines(entries: Sequence[AuditEntry], *, participant: str | None = None) -> list[LogLine]:
    """One sentence per entry. `participant`: the name of the one registration the entries are
    about; without it each entry names its own (select its registration with it), and an
    entry about none (an organiser's, a juror's) names only who acted."""
    actors = [Actor.parse(entry.actor) for entry in entries]
    usernames = {a.name for a in actors if a.kind in {ActorKind.ORGANISER, ActorKind.CHECKIN}}
    users = get_user_model().objects.filter(username__in=usernames) if usernames else []
    user_names = {u.get_username(): u.get_full_name() or u.get_username() for u in users}
    ids = set().union(*(_session_ids(entry) for entry in entries)) if entries else set()
    sessions = {s.pk: str(s) for s in Session.objects.filter(pk__in=ids)} if ids else {}
    return [
        LogLine(
            entry.at,
            describe(
                who=actor_label(
                    actor,
                    participant=participant if participant is not None else _named(entry),
                    user_names=user_names,
                ),
                action=entry.action,
                details=entry.details or {},
                sessions=sessions,
            ),
        )
        for entry, actor in zip(entries, actors, strict=True)
    ]


def _named(entry: AuditEntry) -> str:
    return entry.registration.name if entry.registration_id else "Deltageren"  # type: ignore[union-attr]
