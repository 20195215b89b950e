"""The back office's own rows under the edition's retention (`forsamling.privacy`).

The privacy app is a data app and imports nothing above it; the back office's mailing log
(`Delivery`) and the PDFs it made (`OutputJob`) name people, so their steps are registered
with it when the back office starts (`BackofficeConfig.ready`).
"""

from __future__ import annotations

from django.db.models import Q

from forsamling.backoffice.models import Delivery, OutputJob
from forsamling.conferences.models import Edition
from forsamling.privacy import anonymise, queries


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


def register() -> None:
    """Called once at start-up; registering twice would run each step twice, so it guards."""
    if scrub_deliveries not in anonymise.PERSON_STEPS:
        anonymise.PERSON_STEPS.append(scrub_deliveries)
        anonymise.EDITION_STEPS.append(delete_pdfs)
        queries.FILE_COUNTERS.append(pdf_count)
