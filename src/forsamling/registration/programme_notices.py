"""Participants hear about changes to the sessions they chose when a programme version is out.

When a newly published version moves a chosen session (or its breakout) in time or to another
room, renames it, changes its speakers, cancels it or takes it off the programme, everyone with
a seat or a place on its waiting list gets one e-mail listing what changed for them. The
changes are the same computed sentences the public "Ændringer" page shows.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from forsamling.conferences.models import Edition
from forsamling.domain.programme import programme_from_snapshot
from forsamling.domain.programme_changes import ADDED, REINSTATED, programme_changes
from forsamling.outbox.models import SentMessage
from forsamling.programme.models import ProgrammeVersion
from forsamling.programme.services import publish_programme
from forsamling.registration import push
from forsamling.registration.emails import send_programme_notice
from forsamling.registration.models import Choice, Status

# A session that was added or reinstated has nobody to tell yet.
_NOT_FOR_PARTICIPANTS = {ADDED, REINSTATED}


def notice_subject(version: ProgrammeVersion) -> str:
    return f"Ændringer i dine sessioner (programversion {version.number})"


def publish_and_announce(
    *, edition: Edition, comment: str, publish_at: datetime | None = None, user: Any = None
) -> ProgrammeVersion:
    """Publishes the draft as the next version; once committed and public, the participants
    whose sessions it changed are told (a background task, deferred to `publish_at`)."""
    with transaction.atomic(durable=True):
        version = publish_programme(
            edition=edition, comment=comment, publish_at=publish_at, user=user
        )
        transaction.on_commit(lambda: _announce_when_public(version))
    return version


def _announce_when_public(version: ProgrammeVersion) -> None:
    task = announce_programme_changes_task
    if version.publish_at is not None and version.publish_at > timezone.now():
        if not task.get_backend().supports_defer:
            return
        task = task.using(run_after=version.publish_at)
    task.enqueue(version.pk)


def announce_programme_changes(version_pk: int) -> int:
    """E-mails the participants whose chosen sessions the version changed; returns how many.

    Safe to run again (a retried task): nobody is told twice about the same version.
    """
    version = ProgrammeVersion.objects.select_related("edition").get(pk=version_pk)
    if version.publish_at is not None and version.publish_at > timezone.now():
        return 0
    previous = (
        ProgrammeVersion.objects.filter(edition=version.edition, number__lt=version.number)
        .order_by("-number")
        .first()
    )
    if previous is None:
        return 0
    old = programme_from_snapshot(previous.snapshot)
    new = programme_from_snapshot(version.snapshot)
    texts_by_uid: dict[str, list[str]] = defaultdict(list)
    for change in programme_changes(old, new):
        if change.kind not in _NOT_FOR_PARTICIPANTS:
            texts_by_uid[change.uid].append(change.text)
    if not texts_by_uid:
        return 0

    # A change to a breakout concerns every session in it, in either version.
    slot_of: dict[str, str] = {}
    for programme in (old, new):
        for session, slot in programme.sessions():
            slot_of[session.uid] = slot.uid
    choices = (
        Choice.objects.filter(registration__edition=version.edition)
        .exclude(registration__status=Status.CANCELLED)
        .select_related("registration", "session")
        .order_by("registration_id", "id")
    )
    texts_by_registration: dict[int, list[str]] = defaultdict(list)
    registrations = {}
    for choice in choices:
        session_uid = str(choice.session.uid)
        texts = texts_by_uid.get(session_uid, []) + texts_by_uid.get(
            slot_of.get(session_uid, ""), []
        )
        for text in texts:
            if text not in texts_by_registration[choice.registration_id]:
                texts_by_registration[choice.registration_id].append(text)
        registrations[choice.registration_id] = choice.registration

    subject = notice_subject(version)
    already = set(
        SentMessage.objects.filter(
            registration_id__in=texts_by_registration.keys(), subject__startswith=subject
        ).values_list("registration_id", flat=True)
    )
    told = 0
    for registration_id, texts in texts_by_registration.items():
        if texts and registration_id not in already:
            send_programme_notice(registrations[registration_id], subject, texts)
            push.notify_programme_changes(registrations[registration_id], texts)
            told += 1
    return told


@task()
def announce_programme_changes_task(version_pk: int) -> int:
    """`announce_programme_changes` in the background worker (`manage.py db_worker`)."""
    return announce_programme_changes(version_pk)
