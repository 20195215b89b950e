"""The back office's own rows under the edition's retention (`forsamling.privacy`).

The privacy app is a data app and imports nothing above it; the back office's mailing log
(`Delivery`) and the PDFs it made (`OutputJob`) name people, so their steps are registered
with it when the back office starts (`BackofficeConfig.ready`).
"""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from forsamling.backoffice.jobs import make_pdf_task
from forsamling.backoffice.models import Delivery, JobStatus, OutputJob
from forsamling.conferences.models import Edition
from forsamling.privacy import anonymise, queries, registry


def scrub_deliveries(registration_ids: list[int], emails: list[str]) -> None:
    """The mailing log keeps that a message went, not to whom nor the server's answer."""
    Delivery.objects.filter(Q(registration_id__in=registration_ids) | Q(to__in=emails)).update(
        to=anonymise.ANONYMOUS_EMAIL, error=""
    )


def delete_pdfs(edition: Edition) -> int:
    """Badges, door lists and invoice bases made before name people: their files go."""
    count = 0
    for job in OutputJob.objects.filter(edition=edition).exclude(file=""):
        job.file.delete(save=False)
        job.error = ""
        job.save(update_fields=["file", "error"])
        count += 1
    return count


def pdf_count(edition: Edition) -> int:
    return OutputJob.objects.filter(edition=edition).exclude(file="").count()


def pdfs_naming(person: registry.Person) -> QuerySet[Any]:
    """The finished files of the person's editions: any of them may name the person."""
    return OutputJob.objects.filter(edition_id__in=person.edition_ids).exclude(file="")


def remake_pdfs(person: registry.Person, now: datetime) -> int:
    """An erasure makes every finished file of the person's editions again, without them (the
    old file goes at once; the new one is made by the worker after the commit)."""
    count = 0
    for job in pdfs_naming(person):
        job.file.delete(save=False)
        job.status, job.done, job.error, job.finished_at = JobStatus.QUEUED, 0, "", None
        job.save(update_fields=["file", "status", "done", "error", "finished_at"])
        transaction.on_commit(partial(make_pdf_task.enqueue, job.pk))
        count += 1
    return count


def register() -> None:
    """Called once at start-up; registering twice would run each step twice, so it guards."""
    if scrub_deliveries not in anonymise.PERSON_STEPS:
        anonymise.PERSON_STEPS.append(scrub_deliveries)
        anonymise.EDITION_STEPS.append(delete_pdfs)
        queries.FILE_COUNTERS.append(pdf_count)
        registry.FINDERS["backoffice.OutputJob"] = pdfs_naming
        registry.ERASERS["backoffice.OutputJob"] = remake_pdfs
