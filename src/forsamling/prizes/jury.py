"""A prize's jury: adding a juror gives them the edition's jury role (`accounts.EditionRole`),
which opens the jury's back-office pages and nothing more."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from forsamling.accounts.roles import grant_role
from forsamling.domain.audit import Actor, AuditAction
from forsamling.domain.permissions import Role
from forsamling.prizes.models import Juror, Prize
from forsamling.registration.models import AuditEntry


def give_jury_role(*, juror: Juror) -> None:
    """A juror holds the edition's jury role: the jury's back-office pages, nothing more."""
    grant_role(user=juror.user, edition=juror.prize.edition, role=Role.JURY)


def add_juror(
    *, prize: Prize, user: Any, municipality: str = "", is_chair: bool = False, actor: Actor
) -> Juror:
    """Adds the juror with the jury role. Not durable: it joins the caller's transaction (the
    demo loader adds a prize's whole jury in one); alone it is its own."""
    with transaction.atomic():
        juror, _ = Juror.objects.update_or_create(
            prize=prize, user=user, defaults={"municipality": municipality, "is_chair": is_chair}
        )
        give_jury_role(juror=juror)
        AuditEntry.record(
            edition_id=prize.edition_id,
            actor=actor,
            action=AuditAction.PRIZE_JUROR_ADDED,
            details={"juror": juror.pk, "chair": is_chair},
        )
    return juror
