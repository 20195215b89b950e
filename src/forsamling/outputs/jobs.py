"""PDFs made in the background: ordering one, and making it chunk by chunk with progress.

`order_pdf` is the state change (one transaction, the task queued on commit). `make_pdf`
runs in the worker: it renders the document in chunks, saving the progress after each, and
joins the chunks' pages into one PDF. The files name people: the privacy app deletes them
with the edition's data (`delete_files`) and makes them again without a person it erases
(`remake_files`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django_tasks import task
from weasyprint import HTML

from forsamling.conferences.models import Edition
from forsamling.domain.danish import surname_sort_key
from forsamling.outputs import badges, door_lists, invoices, participant_list
from forsamling.outputs.models import JobStatus, OutputJob, OutputKind
from forsamling.registration.models import Category, Registration, Status
from forsamling.registration.queries import consenting_participants

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Plan:
    """What a kind of PDF is made of: its items, how many go in a chunk, a chunk's HTML."""

    items: Sequence[Any]
    chunk: int
    html: Callable[[Sequence[Any]], str]


FILE_NAMES = {
    OutputKind.BADGE_SHEETS: "navneskilte-{slug}-sheet.pdf",
    OutputKind.BADGE_PAGES: "navneskilte-{slug}-pages.pdf",
    OutputKind.DOOR_LISTS: "doerlister-{slug}.pdf",
    OutputKind.INVOICES: "fakturagrundlag-{slug}.pdf",
    OutputKind.PARTICIPANT_LIST: "deltagerliste-{slug}.pdf",
}


def download_name(job: OutputJob) -> str:
    """The file's name for the organiser (the stored one may carry a suffix against clashes)."""
    return FILE_NAMES[OutputKind(job.kind)].format(slug=job.edition.slug)


def order_pdf(*, edition: Edition, kind: str, user: Any) -> OutputJob:
    with transaction.atomic(durable=True):
        job = OutputJob.objects.create(edition=edition, kind=OutputKind(kind), created_by=user)
        transaction.on_commit(partial(make_pdf_task.enqueue, job.pk))
    return job


def make_pdf(job_id: int) -> None:
    job = OutputJob.objects.select_related("edition").get(pk=job_id)
    if job.is_finished:
        return
    job.status = JobStatus.RUNNING
    job.save(update_fields=["status"])
    try:
        plan = plan_for(job.edition, job.kind)
        job.total = len(plan.items)
        job.save(update_fields=["total"])
        documents = []
        for start in range(0, max(len(plan.items), 1), plan.chunk):
            chunk = plan.items[start : start + plan.chunk]
            documents.append(HTML(string=plan.html(chunk)).render())
            job.done = min(start + plan.chunk, len(plan.items))
            job.save(update_fields=["done"])
        pages = [page for document in documents for page in document.pages]
        pdf = documents[0].copy(pages).write_pdf()
        job.file.save(download_name(job), ContentFile(pdf), save=False)
        job.status = JobStatus.DONE
    except Exception as error:
        logger.exception("PDF job %s failed", job_id)
        job.status = JobStatus.FAILED
        job.error = str(error)[:1000]
    job.finished_at = timezone.now()
    job.save()


def plan_for(edition: Edition, kind: str) -> Plan:
    if kind in {OutputKind.BADGE_SHEETS, OutputKind.BADGE_PAGES}:
        layout = badges.SHEET if kind == OutputKind.BADGE_SHEETS else badges.PAGES
        people = sorted(
            Registration.objects.filter(edition=edition, status=Status.ACTIVE).select_related(
                "category"
            ),
            key=lambda r: (surname_sort_key(r.name), r.pk),  # as the lists at the door
        )
        colours = badges.category_colours(list(Category.objects.filter(edition=edition)))

        def badge_html(chunk: Sequence[Registration]) -> str:
            return badges.badges_html(edition, badges.make_badges(edition, chunk, colours), layout)

        return Plan(people, 200, badge_html)
    if kind == OutputKind.DOOR_LISTS:
        lists = door_lists.door_lists(edition)
        return Plan(
            lists,
            10,
            partial(door_lists.door_lists_html, edition),
        )
    if kind == OutputKind.INVOICES:
        all_invoices = invoices.invoices(edition)
        return Plan(
            all_invoices,
            50,
            partial(invoices.invoices_html, edition, all_=all_invoices),
        )
    if kind == OutputKind.PARTICIPANT_LIST:
        people = consenting_participants(edition)
        return Plan(
            people,
            max(len(people), 1),
            partial(participant_list.participant_list_html, edition),
        )
    raise ValueError(kind)


@task()
def make_pdf_task(job_id: int) -> None:
    """`make_pdf` in the background worker (`manage.py db_worker`)."""
    make_pdf(job_id)


def files_of(edition_ids: Collection[int]) -> QuerySet[OutputJob]:
    """The finished files of the editions: any of them may name any of their participants."""
    return OutputJob.objects.filter(edition_id__in=edition_ids).exclude(file="")


def delete_files(edition: Edition) -> int:
    """Badges, door lists and invoice bases made before name people: their files go."""
    count = 0
    for job in files_of([edition.pk]):
        job.file.delete(save=False)
        job.error = ""
        job.save(update_fields=["file", "error"])
        count += 1
    return count


def remake_files(edition_ids: Collection[int]) -> int:
    """Every finished file of the editions made again (after an erasure, without the person):
    the old file goes at once, the new one is made by the worker after the commit."""
    count = 0
    for job in files_of(edition_ids):
        job.file.delete(save=False)
        job.status, job.done, job.error, job.finished_at = JobStatus.QUEUED, 0, "", None
        job.save(update_fields=["file", "status", "done", "error", "finished_at"])
        transaction.on_commit(partial(make_pdf_task.enqueue, job.pk))
        count += 1
    return count
