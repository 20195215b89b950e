"""Every change to the prize, each one function in one transaction, audited, e-mail on commit.

The rules are in `forsamling.domain.prizes`; its exceptions come back to the views, which
turn them into Danish text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from django.db import transaction

from forsamling.core.transactions import durable, require_callers_transaction
from forsamling.domain import prizes as rules
from forsamling.domain.audit import NOMINATOR, Actor, AuditAction
from forsamling.prizes import emails
from forsamling.prizes.attachments import Checked
from forsamling.prizes.models import (
    Attachment,
    Conflict,
    Juror,
    Nomination,
    NominationState,
    Prize,
    Score,
    ScoreSheet,
)
from forsamling.prizes.queries import is_conflicted
from forsamling.programme.models import Item
from forsamling.registration.models import AuditEntry

# What a nominator may fill in: what a submission needs, and what it may leave out.
NOMINATION_FIELDS = (
    *rules.REQUIRED_FOR_SUBMISSION,
    "contact_title",
    "contact_phone",
    "publish_consent",
)


def _audit(prize: Prize, actor: Actor, action: AuditAction, details: dict[str, Any]) -> None:
    AuditEntry.record(edition_id=prize.edition_id, actor=actor, action=action, details=details)


def _check_window(prize: Prize, now: datetime) -> None:
    rules.check_window(
        now=now, opens_at=prize.nominations_open_at, closes_at=prize.nominations_close_at
    )


def _values(nomination: Nomination) -> dict[str, object]:
    return {name: getattr(nomination, name) for name in NOMINATION_FIELDS}


def save_nomination(
    *,
    prize: Prize,
    nomination: Nomination | None,
    values: Mapping[str, Any],
    uploads: Sequence[Checked] = (),
    now: datetime,
) -> Nomination:
    """Creates or changes a nomination while the window is open, keeping whatever is given.

    A draft may lack anything; a submitted nomination must stay complete (else Incomplete,
    and nothing of this change is saved but the attachments, which the view saves first).
    The first save that has a contact e-mail sends the private link.
    """
    with transaction.atomic(durable=True):
        _check_window(prize, now)
        created = nomination is None
        if nomination is None:
            nomination = Nomination(prize=prize)
        else:
            nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
        had_email = bool(nomination.contact_email)
        for name, value in values.items():
            if name in NOMINATION_FIELDS:
                setattr(nomination, name, value)
        if nomination.is_submitted:
            rules.check_complete(_values(nomination))
        nomination.save()
        _store(nomination, uploads)
        _audit(
            prize,
            NOMINATOR,
            AuditAction.PRIZE_NOMINATION_CREATED if created else AuditAction.PRIZE_NOMINATION_SAVED,
            {"nomination": nomination.pk, "fields": sorted(values), "files": len(uploads)},
        )
        if nomination.contact_email and not had_email and not nomination.is_submitted:
            emails.send_link(nomination.pk)
    return nomination


def add_attachments(*, nomination: Nomination, uploads: Sequence[Checked], now: datetime) -> None:
    """Stores checked files on a nomination while the window is open."""
    if not uploads:
        return
    with transaction.atomic(durable=True):
        _check_window(nomination.prize, now)
        _store(nomination, uploads)
        _audit(
            nomination.prize,
            NOMINATOR,
            AuditAction.PRIZE_ATTACHMENTS_ADDED,
            {"nomination": nomination.pk, "files": len(uploads)},
        )


def _store(nomination: Nomination, uploads: Iterable[Checked]) -> None:
    for checked in uploads:
        name = str(getattr(checked.upload, "name", "") or "bilag")[-200:]
        attachment = Attachment(
            nomination=nomination,
            kind=checked.kind,
            extension=checked.extension,
            content_type=checked.content_type,
            original_name=name,
            size=checked.upload.size,
        )
        attachment.file.save(name, checked.upload, save=False)
        attachment.save()


def remove_attachment(*, attachment: Attachment, now: datetime) -> None:
    with transaction.atomic(durable=True):
        nomination = attachment.nomination
        _check_window(nomination.prize, now)
        _audit(
            nomination.prize,
            NOMINATOR,
            AuditAction.PRIZE_ATTACHMENT_REMOVED,
            {"nomination": nomination.pk, "file": attachment.original_name},
        )
        stored = attachment.file.name or ""
        storage = attachment.file.storage
        attachment.delete()
        transaction.on_commit(lambda: storage.delete(stored))


def submit_nomination(*, nomination: Nomination, now: datetime) -> Nomination:
    """Submits a complete nomination while the window is open; sends the receipt."""
    with transaction.atomic(durable=True):
        locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
        prize = Prize.objects.get(pk=locked.prize_id)
        _check_window(prize, now)
        rules.check_complete(_values(locked))
        first = not locked.is_submitted
        locked.state = NominationState.SUBMITTED
        if first:
            locked.submitted_at = now
        locked.save(update_fields=["state", "submitted_at", "updated_at"])
        _audit(prize, NOMINATOR, AuditAction.PRIZE_NOMINATION_SUBMITTED, {"nomination": locked.pk})
        emails.send_receipt(locked.pk)
    return locked


# The jury


def declare_conflict(*, juror: Juror, nomination: Nomination, reason: str, actor: Actor) -> None:
    with transaction.atomic(durable=True):
        Conflict.objects.get_or_create(
            juror=juror, nomination=nomination, defaults={"reason": reason}
        )
        ScoreSheet.objects.filter(juror=juror, nomination=nomination).delete()
        _audit(
            juror.prize,
            actor,
            AuditAction.PRIZE_CONFLICT_DECLARED,
            {"nomination": nomination.pk, "juror": juror.pk, "reason": reason},
        )


def save_scores_in_transaction(
    *,
    juror: Juror,
    nomination: Nomination,
    scores: Mapping[int, tuple[int | None, str]],
    comment: str,
    submit: bool,
    now: datetime,
    actor: Actor,
) -> ScoreSheet:
    """Saves a juror's scores (criterion id → value, comment); `submit` needs every criterion.

    Allowed until the jury's deadline, never on a nomination the juror is conflicted with.
    A submitted sheet may still be corrected before the deadline; it stays submitted.
    `save_scores` is the entry point; this step runs inside the caller's transaction (the demo
    loader scores its jury's sheets in the one that makes the prize).
    """
    require_callers_transaction()
    prize = juror.prize
    if prize.jury_deadline is not None and now >= prize.jury_deadline:
        raise rules.JuryClosed(prize.jury_deadline)
    if not nomination.is_submitted or nomination.prize_id != prize.pk:
        raise rules.PrizeError("not a submitted nomination of this prize")
    if is_conflicted(juror, nomination):
        raise rules.Conflicted(nomination.pk)
    criteria = list(prize.criteria.all())
    given = {c.pk: v for c, (v, _t) in ((c, scores.get(c.pk, (None, ""))) for c in criteria)}
    for criterion in criteria:
        value = given[criterion.pk]
        if value is not None:
            rules.check_score(criterion.title, value)
    sheet, _ = ScoreSheet.objects.select_for_update().get_or_create(
        juror=juror, nomination=nomination
    )
    if submit or sheet.submitted_at is not None:
        missing = [c.title for c in criteria if given[c.pk] is None]
        if missing:
            raise rules.Incomplete(missing)
    sheet.comment = comment
    if submit and sheet.submitted_at is None:
        sheet.submitted_at = now
    sheet.save()
    sheet.scores.all().delete()
    Score.objects.bulk_create(
        Score(sheet=sheet, criterion=c, value=value, comment=scores[c.pk][1])
        for c in criteria
        if (value := given[c.pk]) is not None
    )
    _audit(
        prize,
        actor,
        AuditAction.PRIZE_SCORES_SUBMITTED if submit else AuditAction.PRIZE_SCORES_SAVED,
        {"nomination": nomination.pk, "juror": juror.pk},
    )
    return sheet


save_scores = durable(save_scores_in_transaction)
"""A juror's scores, in their own transaction: see `save_scores_in_transaction`."""


def shortlist(*, prize: Prize, juror: Juror, nomination_ids: Sequence[int], actor: Actor) -> None:
    """The chair picks the three nominees, in the order they present."""
    with transaction.atomic(durable=True):
        if not juror.is_chair or juror.prize_id != prize.pk:
            raise rules.NotChair(juror.pk)
        submitted = prize.nominations.filter(state=NominationState.SUBMITTED)
        rules.check_shortlist(nomination_ids, submitted=submitted.values_list("pk", flat=True))
        prize.nominations.update(shortlist_position=None)
        for position, pk in enumerate(nomination_ids, start=1):
            prize.nominations.filter(pk=pk).update(shortlist_position=position)
        if prize.winner_id not in set(nomination_ids):
            prize.winner = None
            prize.save(update_fields=["winner"])
        _audit(prize, actor, AuditAction.PRIZE_SHORTLISTED, {"nominations": list(nomination_ids)})


def record_winner(*, prize: Prize, juror: Juror, nomination: Nomination, actor: Actor) -> None:
    with transaction.atomic(durable=True):
        if not juror.is_chair or juror.prize_id != prize.pk:
            raise rules.NotChair(juror.pk)
        shortlisted = prize.nominations.filter(shortlist_position__isnull=False)
        rules.check_winner(nomination.pk, shortlist=shortlisted.values_list("pk", flat=True))
        prize.winner = nomination
        prize.save(update_fields=["winner"])
        _audit(prize, actor, AuditAction.PRIZE_WINNER_RECORDED, {"nomination": nomination.pk})


PUBLICATION_FLAGS = ("nominees_published", "winner_published", "catalogue_published")


def set_publication(*, prize: Prize, flag: str, value: bool, actor: Actor) -> None:
    """The organisers publish (or withdraw) the nominees, the winner or the catalogue."""
    if flag not in PUBLICATION_FLAGS:
        raise ValueError(flag)
    with transaction.atomic(durable=True):
        if flag == "winner_published" and value and prize.winner_id is None:
            raise rules.PrizeError("no winner recorded")
        setattr(prize, flag, value)
        prize.save(update_fields=[flag])
        _audit(
            prize,
            actor,
            AuditAction.PRIZE_PUBLISHED if value else AuditAction.PRIZE_WITHDRAWN,
            {"what": flag},
        )


def place_in_programme(*, nomination: Nomination, item: Item | None, actor: Actor) -> None:
    """The programme item where the nominee presents (its page is linked from there)."""
    with transaction.atomic(durable=True):
        nomination.programme_item = item
        nomination.save(update_fields=["programme_item", "updated_at"])
        _audit(
            nomination.prize,
            actor,
            AuditAction.PRIZE_PROGRAMME_ITEM,
            {"nomination": nomination.pk, "item": item.pk if item else None},
        )
