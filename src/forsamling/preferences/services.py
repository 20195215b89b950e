"""Every change to a preference round: one function each, one transaction each, e-mail on commit.

Each function locks the round's row first, so two organisers clicking at once cannot run and
publish, or publish twice. Every step is written to the audit log with the seed's commitment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from forsamling.conferences.models import Edition
from forsamling.domain import preference_rounds as rules
from forsamling.domain.allocation import allocate, instance_from_json, result_to_json
from forsamling.domain.allocation import seed_commitment as commitment_of
from forsamling.domain.audit import PARTICIPANT, SYSTEM, Actor, AuditAction
from forsamling.domain.registration_rules import may_attend
from forsamling.preferences import emails
from forsamling.preferences.models import PreferenceRound, Ranking, RoundStatus
from forsamling.preferences.queries import build_instance
from forsamling.programme.models import Item, ItemKind, Session
from forsamling.registration.models import AuditEntry, Choice, Registration, Status
from forsamling.registration.seats import lock_seats, take_seats


class SlotNotAvailable(rules.PreferenceRoundError):
    """The slot is not a breakout of the edition, another round has it, or seats in it are
    already taken first come, first served."""


def create_round(
    *,
    edition: Edition,
    title: str,
    slots: Sequence[Item],
    opens_at: datetime,
    closes_at: datetime,
    actor: Actor,
) -> PreferenceRound:
    """A draft round with a fresh secret seed; its commitment is public from now on."""
    if closes_at <= opens_at:
        raise ValueError("A round must close after it opens")
    with transaction.atomic(durable=True):
        # A round replaces first come, first served; it cannot take over seats already given,
        # or participants would lose them the next time they saved their other choices. The
        # slots' seat counters are locked first, as registrations lock them before reading
        # whether a round allocates: a registration either committed before (and is seen
        # here) or reads this round once it commits.
        ids = [s.pk for s in slots]
        lock_seats(Session.objects.filter(slot__in=ids).values_list("pk", flat=True))
        taken = PreferenceRound.objects.filter(slots__in=ids).exists()
        chosen = Choice.objects.filter(slot__in=ids).exists()
        if (
            taken
            or chosen
            or any(s.edition_id != edition.pk or s.kind != ItemKind.BREAKOUT for s in slots)
        ):
            raise SlotNotAvailable()
        seed = rules.new_seed()
        round = PreferenceRound.objects.create(
            edition=edition,
            title=title,
            opens_at=opens_at,
            closes_at=closes_at,
            seed=seed,
            seed_commitment=commitment_of(seed),
            commitments=[_commitment_entry(seed, timezone.now())],
        )
        round.slots.set(slots)
        _audit(round, actor, AuditAction.ROUND_CREATED, {"slots": sorted(s.pk for s in slots)})
    return round


def open_round(*, round: PreferenceRound, actor: Actor) -> None:
    """Participants may rank from `opens_at` until `closes_at` once the round is open."""
    _transition(round, "open", RoundStatus.OPEN, actor)


def close_round(*, round: PreferenceRound, actor: Actor) -> None:
    """No more rankings; closing early moves `closes_at` to now, so the page says so."""
    with transaction.atomic(durable=True):
        locked = _lock(round, "close")
        locked.status = RoundStatus.CLOSED
        now = timezone.now()
        if now < locked.closes_at:
            locked.closes_at = max(now, locked.opens_at + timedelta(microseconds=1))
        locked.save(update_fields=["status", "closes_at"])
        _audit(locked, actor, AuditAction.ROUND_CLOSED, {})
    _refresh(round, locked)


def save_rankings(
    *,
    round: PreferenceRound,
    registration: Registration,
    rankings: Mapping[int, Sequence[Session]],
    actor: Actor = PARTICIPANT,
) -> None:
    """Replaces the participant's rankings in the given slots of the round (first = rank 1).

    Only sessions of the slot, not cancelled, that the participant's category may attend,
    each once. An empty list withdraws from the slot's allocation.
    """
    if registration.status != Status.ACTIVE:
        raise rules.RankingClosed()
    with transaction.atomic(durable=True):
        locked = PreferenceRound.objects.select_for_update().get(pk=round.pk)
        rules.check_ranking_open(locked.status, timezone.now(), locked.opens_at, locked.closes_at)
        slot_ids = set(locked.slots.values_list("pk", flat=True))
        rows = []
        attendee = registration.category.attendee
        for slot_id, sessions in rankings.items():
            if slot_id not in slot_ids:
                raise rules.InvalidRanking("unknown slot")
            offered = [s for s in sessions if s.slot_id == slot_id and not s.is_cancelled]
            rules.clean_ranking(
                [str(s.pk) for s in sessions],
                offered=[str(s.pk) for s in offered],
                eligible=[str(s.pk) for s in offered if may_attend(attendee, s.audience)],
            )
            rows += [
                Ranking(round=locked, registration=registration, slot_id=slot_id, session=s, rank=i)
                for i, s in enumerate(sessions, start=1)
            ]
        Ranking.objects.filter(
            round=locked, registration=registration, slot_id__in=list(rankings)
        ).delete()
        Ranking.objects.bulk_create(rows)
        AuditEntry.record(
            registration_id=registration.pk,
            edition_id=registration.edition_id,
            actor=actor,
            action=AuditAction.RANKED,
            details={
                "round": locked.pk,
                "rankings": {str(k): [s.pk for s in v] for k, v in rankings.items()},
            },
        )


def run_allocation(*, round: PreferenceRound, actor: Actor) -> None:
    """Allocates a closed round with its seed and keeps the result as a preview."""
    with transaction.atomic(durable=True):
        locked = _lock(round, "run")
        _allocate(locked, actor, AuditAction.ROUND_RUN)
    _refresh(round, locked)


def rerun_allocation(*, round: PreferenceRound, actor: Actor) -> None:
    """Draws a new seed and allocates again. Only before publishing; the audit log and the
    public page list every commitment, so nobody can quietly draw until they like a result."""
    with transaction.atomic(durable=True):
        locked = _lock(round, "rerun")
        seed = rules.new_seed()
        locked.seed, locked.seed_commitment = seed, commitment_of(seed)
        locked.commitments = [*locked.commitments, _commitment_entry(seed, timezone.now())]
        _allocate(locked, actor, AuditAction.ROUND_RERUN)
    _refresh(round, locked)


def publish_round(*, round: PreferenceRound, actor: Actor) -> int:
    """Seats everyone the preview seats, through the seat counters; e-mails each participant
    who ranked. Seats left over are first come, first served from now on. Returns seats given.
    """
    now = timezone.now()
    with transaction.atomic(durable=True):
        locked = _lock(round, "publish")
        assert locked.result is not None and locked.instance is not None
        by_pseudonym: dict[str, dict[str, str | None]] = locked.result["assignments"]
        # The registration services' lock order: participants' rows (in id order), then seat
        # counters. A participant cancelling at this moment is then either seen as cancelled
        # here or, once this commits, releases the seat given here.
        registrations = {
            r.pk: r
            for r in Registration.objects.select_for_update(no_key=True)
            .filter(pk__in=list(locked.pseudonyms.values()))
            .order_by("pk")
            if r.status == Status.ACTIVE
        }
        wanted: dict[int, list[int]] = {}
        for pid, registration_id in locked.pseudonyms.items():
            if registration_id in registrations:
                row = by_pseudonym.get(pid, {})
                wanted[registration_id] = [int(s) for s in row.values() if s is not None]
        held = set(
            Choice.objects.filter(
                registration_id__in=list(wanted), slot__in=locked.slots.all()
            ).values_list("registration_id", "slot_id")
        )
        session_ids = sorted({s for ids in wanted.values() for s in ids})
        sessions = Session.objects.in_bulk(session_ids)
        seats = lock_seats(session_ids)
        given = 0
        for registration_id in sorted(wanted):
            mine = [
                sessions[s]
                for s in wanted[registration_id]
                if (registration_id, sessions[s].slot_id) not in held
            ]
            choices = take_seats(
                registrations[registration_id], mine, {s.pk: seats[s.pk] for s in mine}, now
            )
            given += sum(1 for c in choices if c.confirmed_at is not None)
            AuditEntry.record(
                registration_id=registration_id,
                edition_id=locked.edition_id,
                actor=SYSTEM,
                action=AuditAction.ALLOCATED,
                details={
                    "round": locked.pk,
                    "choices": {str(c.session_id): c.status for c in choices},
                },
            )
        # One background task sends every message after the commit, so publishing for
        # thousands of participants does not keep the organiser's page waiting for minutes.
        transaction.on_commit(partial(emails.send_results.enqueue, locked.pk, sorted(wanted)))
        locked.status, locked.published_at = RoundStatus.PUBLISHED, now
        locked.save(update_fields=["status", "published_at"])
        _audit(locked, actor, AuditAction.ROUND_PUBLISHED, {"seed": locked.seed, "seats": given})
    _refresh(round, locked)
    return given


def _allocate(locked: PreferenceRound, actor: Actor, action: AuditAction) -> None:
    built = build_instance(locked, locked.seed)
    result = result_to_json(allocate(instance_from_json(built.data)))
    locked.instance, locked.result, locked.pseudonyms = built.data, result, built.pseudonyms
    locked.status, locked.allocated_at = RoundStatus.PREVIEWED, timezone.now()
    locked.save()
    stats = result["stats"]
    _audit(
        locked,
        actor,
        action,
        {
            "seated": stats["seated"],
            "unseated": stats["unseated"],
            "rank_histogram": stats["rank_histogram"],
        },
    )


def _transition(round: PreferenceRound, action: str, status: str, actor: Actor) -> None:
    with transaction.atomic(durable=True):
        locked = _lock(round, action)
        locked.status = status
        locked.save(update_fields=["status"])
        _audit(locked, actor, AuditAction(f"round_{status}"), {})
    _refresh(round, locked)


def _lock(round: PreferenceRound, action: str) -> PreferenceRound:
    locked = PreferenceRound.objects.select_for_update().get(pk=round.pk)
    rules.check_transition(action, locked.status)
    return locked


def _refresh(round: PreferenceRound, locked: PreferenceRound) -> None:
    """The caller's object shows the new state, as after `refresh_from_db`."""
    round.__dict__.update(
        {f.attname: getattr(locked, f.attname) for f in PreferenceRound._meta.concrete_fields}
    )


def _commitment_entry(seed: str, at: datetime) -> dict[str, Any]:
    return {"seed_commitment": commitment_of(seed), "drawn_at": at.isoformat()}


def _audit(
    round: PreferenceRound, actor: Actor, action: AuditAction, details: dict[str, Any]
) -> None:
    AuditEntry.record(
        edition_id=round.edition_id,
        actor=actor,
        action=action,
        details={"round": round.pk, "seed_commitment": round.seed_commitment, **details},
    )


# Background work: the allocation and the publishing run as tasks, so an organiser's click never
# times out (thousands of seats take longer than a page view). The result e-mails are a task
# too: `emails.send_results`.


@task()
def run_allocation_task(round_id: int, actor: str, new_seed: bool = False) -> dict[str, int]:
    """Runs (or, with `new_seed`, re-runs) the allocation and stores it as the preview. The
    actor comes through the queue as its stored text."""
    round = PreferenceRound.objects.get(pk=round_id)
    if new_seed:
        rerun_allocation(round=round, actor=Actor.parse(actor))
    else:
        run_allocation(round=round, actor=Actor.parse(actor))
    stats = round.result["stats"] if round.result else {}
    return {"seated": stats.get("seated", 0), "unseated": stats.get("unseated", 0)}


@task()
def publish_round_task(round_id: int, actor: str) -> int:
    """Publishes the previewed allocation."""
    return publish_round(round=PreferenceRound.objects.get(pk=round_id), actor=Actor.parse(actor))
